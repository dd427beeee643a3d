public import CurveCore

/// Reads a training log and says what it shows, with the numbers to back it.
///
/// Pure: no I/O, no randomness, no clock. The same log always gives the same diagnosis, which
/// is what lets the course grade with it.
///
/// ```swift
/// let diagnosis = Diagnoser().diagnose(log)
/// print(diagnosis.headline)
/// for remedy in diagnosis.remedies { print("-", remedy.text) }
/// ```
public struct Diagnoser: Sendable {
  /// The metric that ranks checkpoints and the early-stopping rule to replay.
  public var options: DiagnosisOptions

  /// Creates an engine.
  public init(options: DiagnosisOptions = DiagnosisOptions()) {
    self.options = options
  }

  /// Diagnoses one run.
  public func diagnose(_ log: TrainingLog) -> Diagnosis {
    let (log, notes) = AccuracyUnits.normalized(log)
    let curves = RunCurves(log, monitor: options.monitor)
    let reading = CurveReading(curves: curves, log: log, options: options, unitNotes: notes)
    return reading.diagnosis()
  }
}

/// What the engine is asked to assume.
public struct DiagnosisOptions: Sendable, Equatable {
  /// The metric that ranks checkpoints (`metric_for_best_model`); validation loss by default.
  public var monitor: MonitoredMetric
  /// The early-stopping rule to replay; transformers' rules with patience 3 by default, the
  /// setting the course recommends.
  public var earlyStopping: EarlyStoppingPolicy

  /// Creates options.
  public init(
    monitor: MonitoredMetric = .validationLoss,
    earlyStopping: EarlyStoppingPolicy = EarlyStoppingPolicy(patience: 3)
  ) {
    self.monitor = monitor
    self.earlyStopping = earlyStopping
    self.earlyStopping.greaterIsBetter = monitor.greaterIsBetter
  }
}
