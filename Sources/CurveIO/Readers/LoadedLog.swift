public import CurveCore

/// A log read from disk, with what the reader noticed but did not treat as an error.
///
/// Warnings are sentences for the learner that start with the file's name, such as
/// `history.csv: 2 runs appended under one header (epoch went back to 0 at line 12); kept the
/// last run`.
///
/// ```swift
/// let loaded = try LogLoader().load(path: "runs/history.csv")
/// loaded.warnings.forEach { print("warning:", $0) }
/// ```
public struct LoadedLog: Sendable, Equatable {
  /// The run, with `metadata.source` set to the path read and `metadata.format` to the
  /// ``LogFormat`` raw value.
  public var log: TrainingLog
  /// What looked odd: duplicated evaluations, appended runs, skipped columns, a truncated
  /// final record, accuracies read as percentages.
  public var warnings: [String]

  /// Creates a loaded log.
  public init(log: TrainingLog, warnings: [String] = []) {
    self.log = log
    self.warnings = warnings
  }

  /// The one metric the log holds when it has no loss or accuracy curve at all, by its name
  /// in `EvaluationEntry.metrics`; `nil` otherwise.
  ///
  /// Real exports often hold a single metric that is neither a loss nor an accuracy: a W&B
  /// panel of `test FID_B`, `SSIM` or `BLEU` per step. Such a log is read, not refused: every
  /// value sits in the evaluations' `metrics` under this name, and `diagnose` monitors it
  /// (its direction from the name, or from `--greater-is-better` / `--lower-is-better`).
  ///
  /// ```swift
  /// let loaded = try LogLoader().load(path: "wandb_export.csv")  // Step, "seed 1 - test FID_B"
  /// loaded.loneMetric  // "test FID_B"
  /// loaded.log.evaluationEntries.map { $0.metrics["test FID_B"] }
  /// ```
  ///
  /// - Complexity: O(*n*) in the evaluations.
  public var loneMetric: String? {
    guard log.trainingEntries.isEmpty else { return nil }
    var name: String?
    for entry in log.evaluationEntries {
      if entry.loss != nil || entry.accuracy != nil || entry.trainingLoss != nil
        || entry.trainingAccuracy != nil || entry.metrics.count > 1
      {
        return nil
      }
      guard let key = entry.metrics.keys.first else { continue }
      if let name, name != key { return nil }
      name = key
    }
    return name
  }
}
