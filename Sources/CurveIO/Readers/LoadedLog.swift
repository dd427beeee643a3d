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
  /// final record.
  public var warnings: [String]

  /// Creates a loaded log.
  public init(log: TrainingLog, warnings: [String] = []) {
    self.log = log
    self.warnings = warnings
  }
}
