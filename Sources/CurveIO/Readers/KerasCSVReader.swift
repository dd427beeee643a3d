
/// Reads the CSV that Keras' `CSVLogger` callback writes.
///
/// The header is `epoch` followed by the logged keys in sorted order (`accuracy,loss,
/// val_accuracy,val_loss`, plus `learning_rate` in Keras 3); epochs count from 0, so the row
/// of epoch 0 becomes step 1 (one completed epoch) and the log's ``StepUnit`` is `.epoch`.
/// Missing values are `NA`; a diverged loss is `nan`. With `append=True` a resumed run keeps
/// writing under the first header, its epochs starting again at 0: the last run is kept, with a
/// warning. Windows line ends (`\r\r\n`) and other separators (`separator=";"`) are read.
struct KerasCSVReader: LogReader {
  var format: LogFormat { .keras }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var warnings: [String] = []
    let numeric = try NumericCSV(reading: source, mapping: mapping, warnings: &warnings)
    let table = try EpochRows.table(from: numeric, file: source.path, warnings: &warnings)
    var assembler = LogAssembler(file: source.path, format: format, mapping: mapping)
    assembler.stepUnit = .epoch
    assembler.counterName = "epoch"
    assembler.counterOffset = table.offset
    let log = try assembler.assemble(table.table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }
}

/// Rows keyed by an epoch column, for logs written once per epoch (Keras, fastai, Ultralytics).
enum EpochRows {
  /// The table with steps counting completed epochs: the epoch column plus 1 when the log
  /// counts from 0 (its first epoch is 0), as is; the row number when there is no epoch column.
  ///
  /// - Returns: The table and the offset added to the logged epochs.
  static func table(
    from numeric: NumericCSV, file: String, warnings: inout [String], extraRemoved: Set<Int> = [],
    warnsWithoutEpoch: Bool = true
  ) throws(LogReadError) -> (table: MetricTable, offset: Int) {
    guard let epochColumn = numeric.column(withRole: .epoch) else {
      if warnsWithoutEpoch {
        warnings.append("\(file): no 'epoch' column; rows are numbered as epochs 1, 2, ...")
      }
      var number = 0
      let table = try numeric.table(
        removing: extraRemoved, file: file,
        step: { _, _ in
          number += 1
          return number
        }, epoch: { _ in nil })
      return (fillEpochs(table), 0)
    }
    let firstEpoch = numeric.rows.lazy.compactMap { $0[epochColumn] }.first
    let offset = firstEpoch == 0 ? 1 : 0
    let name = numeric.header[epochColumn]
    var skipped = 0
    let table = try numeric.table(
      removing: extraRemoved.union([epochColumn]), file: file,
      step: { row, line throws(LogReadError) in
        guard
          let epoch = try NumericCSV.integer(row[epochColumn], file: file, line: line, column: name)
        else {
          skipped += 1
          return nil
        }
        return epoch + offset
      }, epoch: { _ in nil })
    if skipped > 0 {
      warnings.append(
        "\(file): \(skipped) row\(skipped == 1 ? "" : "s") without an epoch were left out")
    }
    return (fillEpochs(table), offset)
  }

  /// Sets each row's epoch to its step, which counts completed epochs.
  private static func fillEpochs(_ table: MetricTable) -> MetricTable {
    var table = table
    for (index, row) in table.rows.enumerated() {
      table.setPosition(ofRow: index, step: row.step, epoch: Double(row.step))
    }
    return table
  }
}
