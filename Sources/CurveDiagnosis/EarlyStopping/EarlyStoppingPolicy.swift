public import CurveCore

/// Early stopping as a framework implements it, replayed over a run's evaluations.
///
/// Three frameworks, three sets of rules:
/// - ``Framework/transformers``: `EarlyStoppingCallback` with `load_best_model_at_end` (see
///   ``TrainerEarlyStopping``). Patience counts evaluations; only evaluations that write a
///   checkpoint (``saveSteps``) can be restored, as each ``trainerVersion`` does it.
/// - ``Framework/keras``: `keras.callbacks.EarlyStopping` (`min_delta`, `patience`, `baseline`,
///   `start_from_epoch`, `restore_best_weights`, which is off unless asked).
/// - ``Framework/lightning``: `lightning.pytorch.callbacks.EarlyStopping` (`min_delta`,
///   `patience`, `check_finite`, `stopping_threshold`, `divergence_threshold`). Lightning restores
///   nothing by itself: the checkpoint kept is a `ModelCheckpoint`'s on the same metric, and
///   only when one is configured (``restoresBest``).
///
/// Keras and Lightning compare `current - min_delta` in float32 when the log's values are
/// float32 (see ``ValuePrecision``); transformers compares Python floats.
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
  /// Whether the best checkpoint is restored at the end: transformers'
  /// `load_best_model_at_end` (on by default, as `EarlyStoppingCallback` expects), Keras'
  /// `restore_best_weights` (off by default), or for Lightning a `ModelCheckpoint` on the
  /// monitored metric whose best you load (off by default: none is configured). Without it the
  /// run ends with its last weights.
  public var restoresBest: Bool
  /// transformers `save_steps`: only evaluations at its multiples (and at the end of
  /// training) write a checkpoint; `nil` when every evaluation does.
  public var saveSteps: Int?
  /// Whose best-checkpoint bookkeeping transformers follows.
  public var trainerVersion: TrainerEarlyStopping.Version
  /// How Keras and Lightning compare values; `nil` to infer it from the values
  /// (``ValuePrecision/inferred(from:)``).
  public var precision: ValuePrecision?

  /// Creates a policy with each framework's defaults for the options not given.
  public init(
    framework: Framework = .transformers, patience: Int = 3, threshold: Double = 0,
    greaterIsBetter: Bool = false, baseline: Double? = nil, startFrom: Int = 0,
    checkFinite: Bool = true, stoppingThreshold: Double? = nil, divergenceThreshold: Double? = nil,
    restoresBest: Bool? = nil, saveSteps: Int? = nil,
    trainerVersion: TrainerEarlyStopping.Version = .current, precision: ValuePrecision? = nil
  ) {
    precondition(saveSteps.map { $0 > 0 } ?? true, "save_steps must be positive")
    self.framework = framework
    self.patience = patience
    self.threshold = threshold
    self.greaterIsBetter = greaterIsBetter
    self.baseline = baseline
    self.startFrom = startFrom
    self.checkFinite = checkFinite
    self.stoppingThreshold = stoppingThreshold
    self.divergenceThreshold = divergenceThreshold
    self.restoresBest = restoresBest ?? (framework == .transformers)
    self.saveSteps = saveSteps
    self.trainerVersion = trainerVersion
    self.precision = precision
  }

  /// Replays the rule over evaluations in order; `nil` values are evaluations without the
  /// metric.
  ///
  /// - Parameters:
  ///   - values: The monitored metric at each evaluation.
  ///   - steps: The step of each evaluation, increasing.
  ///   - endStep: The step training is scheduled to end at (`max_steps`), where the Trainer
  ///     saves a checkpoint; `nil` takes the last evaluation as the end.
  public func replay(values: [Double?], steps: [Int], endStep: Int? = nil) -> EarlyStoppingOutcome {
    precondition(values.count == steps.count, "one step per value")
    switch framework {
    case .transformers:
      let end = endStep.map { max($0, steps.last ?? $0) } ?? steps.last
      return replayTransformers(values, steps, endStep: end)
    case .keras: return replayKeras(values, steps)
    case .lightning: return replayLightning(values, steps)
    }
  }

  /// The outcome of a replay that stopped after evaluation `stop` (or never, for `nil`, when
  /// training runs on to `end`, by default the last evaluation).
  func outcome(
    stop: Int?, _ steps: [Int], best: Int?, restored: Int?, reason: EarlyStoppingOutcome.Reason?,
    precision: ValuePrecision, end: Int? = nil
  ) -> EarlyStoppingOutcome {
    EarlyStoppingOutcome(
      policy: self, stopIndex: stop, stopStep: stop.map { steps[$0] },
      restoredStep: restoresBest ? restored : nil, bestStep: best,
      lastStep: stop.map { steps[$0] } ?? end ?? steps.last, reason: reason,
      evaluationCount: steps.count, precision: precision)
  }
}
