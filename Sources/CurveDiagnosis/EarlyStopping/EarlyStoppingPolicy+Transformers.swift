import CurveCore

extension EarlyStoppingPolicy {
  /// transformers: ``TrainerEarlyStopping`` fed each evaluation, with whether it writes a
  /// checkpoint.
  ///
  /// `DefaultFlowCallback` saves at every multiple of `save_steps` and when training reaches
  /// `max_steps`; an evaluation at step 0 (`eval_on_start`) saves nothing.
  func replayTransformers(_ values: [Double?], _ steps: [Int], endStep: Int?)
    -> EarlyStoppingOutcome
  {
    var rule = TrainerEarlyStopping(
      patience: patience, threshold: threshold, greaterIsBetter: greaterIsBetter,
      version: trainerVersion)
    for (index, value) in values.enumerated() {
      let step = steps[index]
      let saves = step > 0 && (saveSteps.map { step % $0 == 0 } ?? true || step == endStep)
      if rule.observe(value, step: step, savesCheckpoint: saves) == .stop {
        return outcome(
          stop: index, steps, best: rule.bestStep, restored: rule.restoredStep, reason: .patience,
          precision: .float64)
      }
    }
    return outcome(
      stop: nil, steps, best: rule.bestStep, restored: rule.restoredStep, reason: nil,
      precision: .float64, end: endStep)
  }
}
