public import CurveCore
public import CurveDiagnosis

extension EarlyStoppingPolicy {
  /// The rule replayed over a log's validation loss, as `metric_for_best_model="eval_loss"`.
  public func replayOnValidationLoss(of log: TrainingLog) -> EarlyStoppingOutcome {
    replay(values: log.evaluationEntries.map(\.loss), steps: log.evaluationEntries.map(\.step))
  }
}
