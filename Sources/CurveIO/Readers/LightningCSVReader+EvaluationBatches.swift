extension LightningCSVReader {
  /// The rows of per-batch evaluation values, which Lightning logs at no training step.
  ///
  /// `self.log("val_loss", loss, on_step=True)` in `validation_step` writes one row per
  /// validation batch with `val_loss_step` filled. Lightning's logger connector passes the
  /// index of the batch as the step of such a row (from 0 at every validation in 2.x, counting
  /// on over the whole run in 1.x) and, because the step is given, leaves the `epoch` cell
  /// empty; the epoch-level rows (`val_loss_epoch`, `train_loss_epoch`) and the training rows
  /// carry the real global step and the epoch. Read as training steps, the batch indices send
  /// the counter back at every validation, which looks like a resumed run and loses all but the
  /// last epoch. These rows are set aside: a row is one when its epoch cell is empty and all its
  /// values are in validation or test columns named with Lightning's `_step` suffix.
  struct EvaluationBatches {
    /// The positions (in ``NumericCSV/rows``) of the rows set aside.
    var rows: Set<Int> = []
    /// The columns whose every value was in a row set aside.
    var columns: Set<Int> = []

    init(_ numeric: NumericCSV, stepColumn: Int, epochColumn: Int?) {
      guard let epochColumn else { return }
      let isBatchColumn = numeric.header.indices.map { index -> Bool in
        guard index != stepColumn, index != epochColumn else { return false }
        let name = MetricNames.normalized(numeric.header[index])
        return name.variant == .step && [.validation, .test].contains(name.split)
      }
      guard isBatchColumn.contains(true) else { return }
      var elsewhere = [Bool](repeating: false, count: numeric.header.count)
      for (position, row) in numeric.rows.enumerated() {
        let values = row.cells.filter { Int($0.column) != stepColumn }
        let isBatchRow =
          row[epochColumn] == nil && !values.isEmpty
          && values.allSatisfy { isBatchColumn[Int($0.column)] }
        if isBatchRow {
          rows.insert(position)
        } else {
          for cell in values { elsewhere[Int(cell.column)] = true }
        }
      }
      columns = Set(numeric.header.indices.filter { isBatchColumn[$0] && !elsewhere[$0] })
    }

    /// The table without the rows set aside.
    func removed(from numeric: NumericCSV) -> NumericCSV {
      guard !rows.isEmpty else { return numeric }
      var kept = NumericCSV(header: numeric.header)
      kept.rows.reserveCapacity(rows: numeric.rows.count - rows.count, cells: 0)
      for (position, (row, line)) in zip(numeric.rows, numeric.lines).enumerated()
      where !rows.contains(position) {
        kept.rows.append(cells: row.cells.map { (Int($0.column), $0.value) })
        kept.lines.append(line)
      }
      return kept
    }

    /// The note that says what was set aside and what is read instead, or `nil` when nothing
    /// was.
    func warning(_ numeric: NumericCSV, file: String) -> String? {
      guard let first = rows.min() else { return nil }
      let names = columns.sorted().map { numeric.header[$0] }
      let stems = Set(names.map { MetricNames.normalized($0).text.dropLast(5) })
      let epochLevel = numeric.header.filter {
        let name = MetricNames.normalized($0)
        return name.variant == .epoch && stems.contains(name.text.dropLast(6))
      }
      let instead =
        epochLevel.isEmpty
        ? "the log has no epoch-level series of them (log with on_epoch=True to have one)"
        : "the epoch-level \(LogText.list(epochLevel, limit: 6)) \(epochLevel.count == 1 ? "is" : "are") read instead"
      return
        "\(file): set aside \(rows.count) row\(rows.count == 1 ? "" : "s") of per-batch "
        + "evaluation values (\(LogText.list(names, limit: 6)); the first at line "
        + "\(numeric.lines[first])): Lightning logs them at the index of the validation batch, "
        + "not at a training step; \(instead)"
    }
  }
}
