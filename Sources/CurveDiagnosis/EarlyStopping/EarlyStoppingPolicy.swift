import CurveCore

/// Early stopping as a framework implements it, replayed over a run's evaluations.
///
/// Three frameworks, three sets of rules:
/// - ``Framework/transformers``: `EarlyStoppingCallback` with `load_best_model_at_end` (see
///   ``TrainerEarlyStopping``). Patience counts evaluations.
/// - ``Framework/keras``: `keras.callbacks.EarlyStopping` (`min_delta`, `patience`, `baseline`,
///   `start_from_epoch`, `restore_best_weights`).
/// - ``Framework/lightning``: `lightning.pytorch.callbacks.EarlyStopping` (`min_delta`,
///   `patience`, `check_finite`, `stopping_threshold`, `divergence_threshold`); the kept
///   checkpoint is the one a `ModelCheckpoint` on the same metric would keep.
///
/// ```swift
/// let policy = EarlyStoppingPolicy(framework: .transformers, patience: 3)
/// let outcome = policy.replay(values: [0.9, 0.7, 0.72, 0.75, 0.8], steps: [1, 2, 3, 4, 5])
/// outcome.stopStep      // 5
/// outcome.restoredStep  // 2
/// ```
public struct EarlyStoppingPolicy: Sendable, Equatable {
  /// Which framework's rules.
  public enum Framework: String, Sendable, CaseIterable, Codable {
    case transformers, keras, lightning
  }

  /// The rules to follow.
  public var framework: Framework
  /// Evaluations without improvement tolerated.
  public var patience: Int
  /// Improvement needed: `early_stopping_threshold` (transformers) or `min_delta`.
  public var threshold: Double
  /// Whether larger values are better.
  public var greaterIsBetter: Bool
  /// Keras `baseline`: the counter only resets once the value beats it.
  public var baseline: Double?
  /// Keras `start_from_epoch`: evaluations ignored at the start.
  public var startFrom: Int
  /// Lightning `check_finite`: stop at the first NaN or infinity.
  public var checkFinite: Bool
  /// Lightning `stopping_threshold`: stop once the value is this good.
  public var stoppingThreshold: Double?
  /// Lightning `divergence_threshold`: stop once the value is this bad.
  public var divergenceThreshold: Double?

  /// Creates a policy with each framework's defaults for the options not given.
  public init(
    framework: Framework = .transformers, patience: Int = 3, threshold: Double = 0,
    greaterIsBetter: Bool = false, baseline: Double? = nil, startFrom: Int = 0,
    checkFinite: Bool = true, stoppingThreshold: Double? = nil, divergenceThreshold: Double? = nil
  ) {
    self.framework = framework
    self.patience = patience
    self.threshold = threshold
    self.greaterIsBetter = greaterIsBetter
    self.baseline = baseline
    self.startFrom = startFrom
    self.checkFinite = checkFinite
    self.stoppingThreshold = stoppingThreshold
    self.divergenceThreshold = divergenceThreshold
  }

  /// Replays the rule over evaluations in order; `nil` values are evaluations without the
  /// metric.
  public func replay(values: [Double?], steps: [Int]) -> EarlyStoppingOutcome {
    precondition(values.count == steps.count, "one step per value")
    switch framework {
    case .transformers: return replayTransformers(values, steps)
    case .keras: return replayKeras(values, steps)
    case .lightning: return replayLightning(values, steps)
    }
  }

  private func better(_ a: Double, _ b: Double) -> Bool { greaterIsBetter ? a > b : a < b }

  private func replayTransformers(_ values: [Double?], _ steps: [Int]) -> EarlyStoppingOutcome {
    var rule = TrainerEarlyStopping(
      patience: patience, threshold: threshold, greaterIsBetter: greaterIsBetter)
    for (index, value) in values.enumerated() {
      if rule.observe(value, step: steps[index]) == .stop {
        return outcome(stop: index, steps, restored: rule.bestStep, reason: .patience)
      }
    }
    return outcome(stop: nil, steps, restored: rule.bestStep, reason: nil)
  }

  private func replayKeras(_ values: [Double?], _ steps: [Int]) -> EarlyStoppingOutcome {
    // keras.callbacks.EarlyStopping.on_epoch_end, epoch = index.
    var wait = 0
    var best: Double?
    var bestIndex: Int?
    func isImprovement(_ value: Double, over reference: Double?) -> Bool {
      guard let reference else { return true }
      // min_delta is subtracted in the direction of improvement.
      return greaterIsBetter ? value - threshold > reference : value + threshold < reference
    }
    for (epoch, value) in values.enumerated() {
      guard let current = value, epoch >= startFrom else { continue }
      if bestIndex == nil { bestIndex = epoch }  // restore_best_weights snapshots the first epoch
      wait += 1
      if isImprovement(current, over: best) {
        best = current
        bestIndex = epoch
        if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
        continue
      }
      if wait >= patience && epoch > 0 {
        return outcome(stop: epoch, steps, restored: bestIndex.map { steps[$0] }, reason: .patience)
      }
    }
    return outcome(stop: nil, steps, restored: bestIndex.map { steps[$0] }, reason: nil)
  }

  private func replayLightning(_ values: [Double?], _ steps: [Int]) -> EarlyStoppingOutcome {
    // EarlyStopping._evaluate_stopping_criteria; best_score starts at ±inf.
    var best = greaterIsBetter ? -Double.infinity : Double.infinity
    var bestIndex: Int?
    var wait = 0
    for (index, value) in values.enumerated() {
      guard let current = value else { continue }  // strict=False: a missing metric is skipped
      if checkFinite && !current.isFinite {
        return outcome(stop: index, steps, restored: bestIndex.map { steps[$0] }, reason: .notFinite)
      }
      if let threshold = stoppingThreshold, better(current, threshold) {
        if better(current, best) { bestIndex = index }
        return outcome(stop: index, steps, restored: bestIndex.map { steps[$0] }, reason: .reachedThreshold)
      }
      if let divergence = divergenceThreshold, better(divergence, current) {
        return outcome(stop: index, steps, restored: bestIndex.map { steps[$0] }, reason: .diverged)
      }
      let shifted = greaterIsBetter ? current - threshold : current + threshold
      if better(shifted, best) {
        best = current
        bestIndex = index
        wait = 0
      } else {
        wait += 1
        if wait >= patience {
          return outcome(stop: index, steps, restored: bestIndex.map { steps[$0] }, reason: .patience)
        }
      }
    }
    return outcome(stop: nil, steps, restored: bestIndex.map { steps[$0] }, reason: nil)
  }

  private func outcome(
    stop: Int?, _ steps: [Int], restored: Int?, reason: EarlyStoppingOutcome.Reason?
  ) -> EarlyStoppingOutcome {
    EarlyStoppingOutcome(
      policy: self, stopIndex: stop, stopStep: stop.map { steps[$0] }, restoredStep: restored,
      reason: reason, evaluationCount: steps.count)
  }
}

/// Where a replayed early-stopping rule stopped and what it kept.
public struct EarlyStoppingOutcome: Sendable, Equatable {
  /// The rule that was replayed.
  public var policy: EarlyStoppingPolicy
  /// The evaluation (from 0) after which training stops, or `nil` if the rule never fires.
  public var stopIndex: Int?
  /// Its step.
  public var stopStep: Int?
  /// The step of the checkpoint that is kept (`load_best_model_at_end`,
  /// `restore_best_weights`, or a `ModelCheckpoint` on the same metric).
  public var restoredStep: Int?
  /// Why it stopped.
  public var reason: Reason?
  /// Evaluations in the log.
  public var evaluationCount: Int

  /// Why a rule stopped.
  public enum Reason: String, Sendable, Codable {
    case patience
    case notFinite = "not-finite"
    case reachedThreshold = "reached-threshold"
    case diverged
  }

  /// Evaluations the run would have saved by stopping there.
  public var evaluationsSaved: Int {
    stopIndex.map { evaluationCount - 1 - $0 } ?? 0
  }
}
