public import CurveCore

/// Writes a training log as one CSV table, one row per step that logged anything.
///
/// Columns: `step, epoch, loss, learning_rate, grad_norm, eval_loss, eval_accuracy,
/// train_accuracy, train_eval_loss`, then one column per extra metric, sorted by name. A row
/// leaves a cell empty where that step logged nothing of the kind, as a spreadsheet export does.
/// `train_eval_loss` is the loss on the whole training set at evaluation time, kept apart from
/// `loss`, the running mean of mini-batch losses.
///
/// ```swift
/// let csv = CSVLogWriter().text(for: log)
/// ```
public struct CSVLogWriter: Sendable {
  /// The fixed columns, in order.
  public static let columns = [
    "step", "epoch", "loss", "learning_rate", "grad_norm", "eval_loss", "eval_accuracy",
    "train_accuracy", "train_eval_loss",
  ]

  /// Creates a writer.
  public init() {}

  /// The CSV text, with a header row, `\n` line ends and a final newline.
  public func text(for log: TrainingLog) -> String {
    let metricNames = Set(log.evaluationEntries.flatMap(\.metrics.keys)).sorted()
    var rows: [Int: [String?]] = [:]
    let width = Self.columns.count + metricNames.count
    func set(_ step: Int, _ column: Int, _ value: Double?) {
      guard let value else { return }
      var row = rows[step] ?? [String?](repeating: nil, count: width)
      row[0] = String(step)
      row[column] = Self.format(value)
      rows[step] = row
    }
    for entry in log.trainingEntries {
      set(entry.step, 1, entry.epoch)
      set(entry.step, 2, entry.loss)
      set(entry.step, 3, entry.learningRate)
      set(entry.step, 4, entry.gradientNorm)
    }
    for entry in log.evaluationEntries {
      set(entry.step, 1, entry.epoch)
      set(entry.step, 5, entry.loss)
      set(entry.step, 6, entry.accuracy)
      set(entry.step, 7, entry.trainingAccuracy)
      set(entry.step, 8, entry.trainingLoss)
      for (index, name) in metricNames.enumerated() {
        set(entry.step, Self.columns.count + index, entry.metrics[name])
      }
    }
    var text = (Self.columns + metricNames).joined(separator: ",") + "\n"
    for step in rows.keys.sorted() {
      text += rows[step]!.map { $0 ?? "" }.joined(separator: ",") + "\n"
    }
    return text
  }

  /// Shortest text that reads back to the same double; whole steps without `.0`; `nan`, `inf`.
  static func format(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return "\(value)"
  }
}
