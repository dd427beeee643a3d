/// Named numeric series laid out as rows keyed by step, before names are given meaning.
///
/// Every reader except the Trainer's (which has its own fast path) turns its file into this
/// table, and ``LogAssembler`` turns the table into a `TrainingLog`. A cell is `nil` where
/// nothing was logged; NaN and infinities are kept.
struct MetricTable {
  /// One row: a step, the epoch if the row says, and one optional value per column.
  struct Row {
    /// The step the row belongs to, in the log's unit.
    var step: Int
    /// The epoch, when the row carries one outside the columns.
    var epoch: Double?
    /// One value per column; `nil` where nothing was logged.
    var values: [Double?]
    /// The line the row came from, for warnings.
    var line: Int?
  }

  /// Column names as the log spells them.
  var columns: [String]
  /// Rows in the order the log wrote them.
  var rows: [Row] = []

  /// Builds a table from separate series (one per TensorBoard tag or MLflow metric file), one
  /// row per point, sorted by step; each series must already be in its final order.
  init(series: [(name: String, points: [(step: Int, value: Double)])]) {
    columns = series.map(\.name)
    var rows: [Row] = []
    for (index, entry) in series.enumerated() {
      for point in entry.points {
        var values = [Double?](repeating: nil, count: series.count)
        values[index] = point.value
        rows.append(Row(step: point.step, values: values))
      }
    }
    // A stable sort keeps each series' order at equal steps.
    self.rows = rows.enumerated().sorted {
      ($0.element.step, $0.offset) < ($1.element.step, $1.offset)
    }.map(\.element)
  }

  /// Creates a table from columns and rows.
  init(columns: [String], rows: [Row] = []) {
    self.columns = columns
    self.rows = rows
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
