/// The Hugging Face Trainer's early stopping, replayed one evaluation at a time.
///
/// It follows `EarlyStoppingCallback` together with the Trainer's best-checkpoint bookkeeping
/// (`_determine_best_metric`), in the order the Trainer runs them after each evaluation:
///
/// 1. The callback compares the new value with the best *before* this evaluation. The patience
///    counter resets only when the value is strictly better **and** better by more than
///    `threshold`; otherwise it grows by one. On the first evaluation (no best yet) it resets.
///    When the counter reaches `patience`, training stops after this evaluation.
/// 2. The Trainer then moves the best checkpoint to this evaluation on any strict improvement,
///    however small. A NaN never improves on anything.
///
/// An evaluation without the metric leaves everything unchanged, as the callback only warns.
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

  /// The Trainer's `best_metric` so far, `nil` before the first evaluation.
  public private(set) var bestValue: Double?
  /// The step of the best checkpoint so far (`best_global_step`).
  public private(set) var bestStep: Int?
  /// Evaluations since the counter last reset (`early_stopping_patience_counter`).
  public private(set) var counter = 0
  /// Whether the rule has already stopped training.
  public private(set) var hasStopped = false

  /// Creates the rule with the callback's defaults: patience 1, threshold 0, a loss metric.
  public init(patience: Int = 1, threshold: Double = 0, greaterIsBetter: Bool = false) {
    precondition(patience >= 0, "patience cannot be negative")
    precondition(threshold >= 0, "the threshold cannot be negative")
    self.patience = patience
    self.threshold = threshold
    self.greaterIsBetter = greaterIsBetter
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

  /// Feeds one evaluation's value (or `nil` when the evaluation lacks the metric).
  @discardableResult
  public mutating func observe(_ value: Double?, step: Int) -> Decision {
    guard let value else { return .metricMissing }
    // EarlyStoppingCallback.check_metric_value, against the best before this evaluation.
    if let best = bestValue {
      if isBetter(value, than: best) && abs(value - best) > threshold {
        counter = 0
      } else {
        counter += 1
      }
    } else {
      counter = 0
    }
    // Trainer._determine_best_metric: any strict improvement moves the best checkpoint.
    let reference = bestValue ?? (greaterIsBetter ? -Double.infinity : Double.infinity)
    if bestValue == nil { bestValue = reference }
    if isBetter(value, than: reference) {
      bestValue = value
      bestStep = step
    }
    if counter >= patience { hasStopped = true }
    return hasStopped ? .stop : .continue
  }

  private func isBetter(_ value: Double, than reference: Double) -> Bool {
    greaterIsBetter ? value > reference : value < reference
  }
}
