import CurveCore

/// Reads the `metrics.csv` of PyTorch Lightning's `CSVLogger`.
///
/// Every `self.log` call becomes a sparse row: training values (`train_loss_step`, or
/// `train_loss` with `on_step=True`) every `log_every_n_steps` steps, validation values
/// (`val_loss`, `val_acc`) and epoch means (`train_loss_epoch`) in rows of their own at the
/// epoch's last step. Columns are sorted in recent versions and in set order in old ones; both
/// are read by name. Values are aligned on the `step` column.
///
/// Lightning's `step` is the number of optimizer steps done minus one (its first log at
/// `log_every_n_steps=50` says 49, and the validation after an epoch of 100 batches says 99),
/// so the reader adds 1 to count updates done as the Trainer does. The `epoch` column is the
/// index of the epoch in progress; the reader turns it into a fractional epoch by spreading
/// each epoch's steps between its first and last logged step, so a validation at the end of
/// the first epoch has epoch 1.
///
/// Per-batch validation values (`val_loss_step`), which Lightning logs at the index of the
/// validation batch rather than at a training step, are set aside with a note
/// (``EvaluationBatches``); the epoch-level series beside them are read.
struct LightningCSVReader: LogReader {
  var format: LogFormat { .lightning }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var warnings: [String] = []
    var numeric = try NumericCSV(reading: source, mapping: mapping, warnings: &warnings)
    guard let stepColumn = numeric.column(withRole: .step) else {
      throw .malformed(
        LogLocation(file: source.path, line: 1),
        problem: "a Lightning metrics.csv has a 'step' column; found "
          + LogText.list(numeric.header))
    }
    let epochColumn = numeric.column(withRole: .epoch)
    let batches = EvaluationBatches(numeric, stepColumn: stepColumn, epochColumn: epochColumn)
    if let warning = batches.warning(numeric, file: source.path) { warnings.append(warning) }
    numeric = batches.removed(from: numeric)
    let epochs = epochColumn.map { EpochScale(numeric, stepColumn: stepColumn, epochColumn: $0) }
    let table = try StepRows.table(
      from: numeric, stepColumn: stepColumn, offset: 1, file: source.path, warnings: &warnings,
      removing: batches.columns.union(epochColumn.map { [$0] } ?? []),
      epoch: { row in epochs?.epoch(of: row) })
    var assembler = LogAssembler(file: source.path, format: format, mapping: mapping)
    assembler.counterOffset = 1
    let log = try assembler.assemble(table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }

  /// Fractional epochs from Lightning's epoch index: epoch `e` spans the steps after the last
  /// step logged in epoch `e - 1` up to its own last logged step.
  struct EpochScale {
    let stepColumn: Int
    let epochColumn: Int
    /// The last step (plus 1) logged in each epoch index.
    var ends: [Int: Int] = [:]

    init(_ numeric: NumericCSV, stepColumn: Int, epochColumn: Int) {
      self.stepColumn = stepColumn
      self.epochColumn = epochColumn
      for row in numeric.rows {
        guard let (step, index) = Self.stepAndIndex(row, stepColumn, epochColumn) else { continue }
        ends[index] = max(ends[index] ?? Int.min, step + 1)
      }
    }

    /// The row's step and epoch index, when both are whole numbers the ``StepRule`` accepts.
    private static func stepAndIndex(_ row: SparseRows.Row, _ stepColumn: Int, _ epochColumn: Int)
      -> (step: Int, index: Int)?
    {
      guard let step = row[stepColumn].flatMap({ Int(checked: $0, rounding: .down) }),
        let index = row[epochColumn].flatMap({ Int(checked: $0, rounding: .down) }),
        StepRule.isStep(step), StepRule.isStep(index)
      else { return nil }
      return (step, index)
    }

    func epoch(of row: SparseRows.Row) -> Double? {
      guard let (step, index) = Self.stepAndIndex(row, stepColumn, epochColumn) else {
        return nil
      }
      let start = ends[index - 1] ?? 0
      var end = ends[index] ?? start
      // The last epoch may be unfinished: assume it is as long as the one before.
      if ends[index + 1] == nil, let previous = ends[index - 1] {
        end = max(end, previous + (previous - (ends[index - 2] ?? 0)))
      }
      guard end > start else { return Double(index) }
      // A step outside its epoch's span (a resumed run logging an earlier step again) stays
      // within its epoch: never a negative epoch, never past the next one.
      let share = Double(step + 1 - start) / Double(end - start)
      return Double(index) + min(1, max(0, share))
    }
  }
}
