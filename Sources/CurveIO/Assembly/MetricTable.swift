/// Named numeric series laid out as rows keyed by step, before names are given meaning.
///
/// Every reader except the Trainer's (which has its own fast path) turns its file into this
/// table, and ``LogAssembler`` turns the table into a `TrainingLog`. A row holds values only
/// where something was logged (``SparseRows``); NaN and infinities are kept.
struct MetricTable {
  /// Where a row sits: its step, the epoch if the row says, and the line it came from.
  struct Row {
    /// The step the row belongs to, in the log's unit.
    var step: Int
    /// The epoch, when the row carries one outside the columns.
    var epoch: Double?
    /// The line the row came from, for warnings.
    var line: Int?
  }

  /// Column names as the log spells them.
  var columns: [String]
  /// Rows in the order the log wrote them.
  private(set) var rows: [Row] = []
  /// Each row's values, by column.
  private(set) var values = SparseRows()

  /// Creates an empty table with these columns.
  init(columns: [String]) {
    self.columns = columns
  }

  /// Builds a table from separate series (one per TensorBoard tag or MLflow metric file), one
  /// row per point, sorted by step; each series must already be in its final order.
  init(series: [(name: String, points: [(step: Int, value: Double)])]) {
    columns = series.map(\.name)
    // A stable sort keeps each series' order at equal steps.
    var order: [(step: Int, series: Int32, point: Int32)] = []
    order.reserveCapacity(series.reduce(0) { $0 + $1.points.count })
    for (index, entry) in series.enumerated() {
      for (point, value) in entry.points.enumerated() {
        order.append((value.step, Int32(index), Int32(point)))
      }
    }
    order.sort { ($0.step, $0.series, $0.point) < ($1.step, $1.series, $1.point) }
    reserveCapacity(rows: order.count)
    for (step, index, point) in order {
      rows.append(Row(step: step))
      values.append(cells: [(Int(index), series[Int(index)].points[Int(point)].value)])
    }
  }

  /// Makes room for `count` rows.
  mutating func reserveCapacity(rows count: Int) {
    rows.reserveCapacity(count)
    values.reserveCapacity(rows: count, cells: count)
  }

  /// Appends a row with `cells`' values, each moved to the column `column` gives (or left
  /// out for `nil`).
  mutating func append(_ row: Row, cells: SparseRows.Row, mappingColumns column: (Int) -> Int?) {
    rows.append(row)
    values.append(cells, mappingColumns: column)
  }

  /// Sets the step and epoch of the row at `index`.
  mutating func setPosition(ofRow index: Int, step: Int, epoch: Double?) {
    rows[index].step = step
    rows[index].epoch = epoch
  }
}

extension Array where Element == (step: Int, value: Double) {
  /// The points of one series after restarts: when the step goes back, the points the earlier
  /// attempt wrote at or after the new step are dropped, as TensorBoard does for a run resumed
  /// from a checkpoint. Returns the kept points and how many restarts there were.
  func droppingRestartedSteps() -> (points: [(step: Int, value: Double)], restarts: Int) {
    var kept: [(step: Int, value: Double)] = []
    kept.reserveCapacity(count)
    var restarts = 0
    for point in self {
      if let last = kept.last, point.step < last.step {
        restarts += 1
        while let last = kept.last, last.step >= point.step { kept.removeLast() }
      }
      kept.append(point)
    }
    return (kept, restarts)
  }
}
