/// The Hugging Face Trainer's early stopping, replayed one evaluation at a time.
///
/// It follows `EarlyStoppingCallback` together with the Trainer's best-checkpoint bookkeeping,
/// in the order the Trainer runs them after each evaluation:
///
/// 1. The callback compares the new value with the best *before* this evaluation. The patience
///    counter resets only when the value is strictly better **and** better by more than
///    `threshold`; otherwise it grows by one. While there is no best yet it resets. When the
///    counter reaches `patience`, training stops after this evaluation.
/// 2. The Trainer then updates `best_metric` and the checkpoint that `load_best_model_at_end`
///    loads. How, and at which evaluations, depends on the release (see ``Version``): from
///    4.47 on, any strict improvement moves `best_metric` (a NaN never improves on anything);
///    up to 4.46 only an evaluation that also saves a checkpoint is measured.
///
/// An evaluation at step 0 is the one `eval_on_start=True` runs before the first update. The
/// Trainer runs it outside its save-and-evaluate path, so only the callback sees it: it resets
/// the counter (there is no best yet) and is never the best nor a checkpoint. An evaluation
/// without the metric leaves everything unchanged here, as the callback only warns (the Trainer
/// itself raises once it looks for the metric to rank checkpoints).
///
/// ```swift
/// var rule = TrainerEarlyStopping(patience: 2)
/// rule.observe(0.50, step: 100)  // .continue (first evaluation)
/// rule.observe(0.52, step: 200)  // .continue (1 without improvement)
/// rule.observe(0.51, step: 300)  // .stop     (2 without improvement); best stays at step 100
/// ```
public struct TrainerEarlyStopping: Sendable, Equatable {
  /// Evaluations without a large-enough improvement tolerated before stopping
  /// (`early_stopping_patience`).
  public let patience: Int
  /// How much better a value must be to reset the counter (`early_stopping_threshold`).
  public let threshold: Double
  /// Whether larger values are better (`greater_is_better`; `false` for a loss).
  public let greaterIsBetter: Bool
  /// Whose bookkeeping to follow.
  public let version: Version

  /// The Trainer's `best_metric` so far, `nil` before it was first set.
  public private(set) var bestValue: Double?
  /// The step where `best_metric` was measured (`best_global_step`), `nil` before the first.
  public private(set) var bestStep: Int?
  /// The step of the checkpoint `best_model_checkpoint` names, `nil` while it names none.
  public private(set) var checkpointStep: Int?
  /// Evaluations since the counter last reset (`early_stopping_patience_counter`).
  public private(set) var counter = 0
  /// Whether the rule has already stopped training.
  public private(set) var hasStopped = false

  /// Whether the checkpoint at ``bestStep`` was written (4.50 and later).
  private var isBestWritten = false
  /// Whether the checkpoint ``checkpointStep`` names was written (4.47 to 4.49).
  private var isCheckpointWritten = false

  /// Creates the rule with the callback's defaults: patience 1, threshold 0, a loss metric,
  /// and the bookkeeping of current releases.
  public init(
    patience: Int = 1, threshold: Double = 0, greaterIsBetter: Bool = false,
    version: Version = .current
  ) {
    precondition(patience >= 0, "patience cannot be negative")
    precondition(threshold >= 0, "the threshold cannot be negative")
    self.patience = patience
    self.threshold = threshold
    self.greaterIsBetter = greaterIsBetter
    self.version = version
  }

  /// What to do after an evaluation.
  public enum Decision: Sendable, Equatable {
    /// Keep training.
    case `continue`
    /// Training stops after this evaluation.
    case stop
    /// The evaluation lacked the metric; nothing changed.
    case metricMissing
  }

  /// The step of the checkpoint `load_best_model_at_end` loads when training ends, or `nil`
  /// when it loads none and the last weights stay.
  ///
  /// From 4.50 on ``checkpointStep`` only ever names a written checkpoint. From 4.47 to 4.49 it
  /// may name one that was never written: the Trainer then warns that it cannot find it and
  /// keeps the last weights.
  public var restoredStep: Int? {
    switch version {
    case .interim: isCheckpointWritten ? checkpointStep : nil
    case .legacy, .current: checkpointStep
    }
  }

  /// Feeds one evaluation's value (or `nil` when the evaluation lacks the metric).
  ///
  /// - Parameters:
  ///   - value: The monitored metric, or `nil` when the evaluation lacks it.
  ///   - step: The global step of the evaluation; 0 is `eval_on_start`'s.
  ///   - savesCheckpoint: Whether the Trainer writes a checkpoint after this evaluation
  ///     (`save_steps` divides the step, or training ends here). Only a written checkpoint
  ///     can be restored.
  @discardableResult
  public mutating func observe(_ value: Double?, step: Int, savesCheckpoint: Bool = true)
    -> Decision
  {
    guard let value else { return .metricMissing }
    // EarlyStoppingCallback.check_metric_value, against the best before this evaluation.
    if let best = bestValue, !isBetter(value, than: best) || abs(value - best) <= threshold {
      counter += 1
    } else {
      counter = 0
    }
    if step > 0 {
      recordBest(value, step: step, saves: savesCheckpoint)
    }
    if counter >= patience { hasStopped = true }
    return hasStopped ? .stop : .continue
  }

  /// The Trainer's bookkeeping after the callback has run.
  private mutating func recordBest(_ value: Double, step: Int, saves: Bool) {
    switch version {
    case .legacy:
      // _save_checkpoint, only when this evaluation saves: the first measured value is taken
      // as it is (even NaN), later ones on a strict improvement.
      guard saves else { return }
      if bestValue == nil || checkpointStep == nil || isBetter(value, than: bestValue!) {
        bestValue = value
        bestStep = step
        checkpointStep = step
      }
    case .interim:
      // _determine_best_metric names checkpoint-<step> whether or not it will be written.
      if improvesOnStartingBest(value) {
        bestStep = step
        checkpointStep = step
        isCheckpointWritten = saves
      }
    case .current:
      // _determine_best_metric records best_global_step; _save_checkpoint then points
      // best_model_checkpoint at it only if that checkpoint exists.
      if improvesOnStartingBest(value) {
        bestStep = step
        isBestWritten = saves
      }
      if saves && isBestWritten { checkpointStep = bestStep }
    }
  }

  /// Starts `best_metric` at ±infinity when unset, then takes `value` on a strict improvement.
  private mutating func improvesOnStartingBest(_ value: Double) -> Bool {
    let reference = bestValue ?? (greaterIsBetter ? -Double.infinity : Double.infinity)
    bestValue = reference
    guard isBetter(value, than: reference) else { return false }
    bestValue = value
    return true
  }

  private func isBetter(_ value: Double, than reference: Double) -> Bool {
    greaterIsBetter ? value > reference : value < reference
  }
}
