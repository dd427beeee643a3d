/// Where a replayed early-stopping rule stopped and what it kept.
public struct EarlyStoppingOutcome: Sendable, Equatable {
  /// The rule that was replayed.
  public var policy: EarlyStoppingPolicy
  /// The evaluation (from 0) after which training stops, or `nil` if the rule never fires.
  public var stopIndex: Int?
  /// Its step.
  public var stopStep: Int?
  /// The step of the checkpoint loaded when training ends (`load_best_model_at_end`,
  /// `restore_best_weights`, or a `ModelCheckpoint`'s best), or `nil` when none is and the run
  /// ends with its last weights.
  public var restoredStep: Int?
  /// The step of the rule's own best evaluation (the Trainer's `best_metric`, Keras'
  /// `best_epoch`, Lightning `EarlyStopping`'s `best_score`). It can differ from
  /// ``restoredStep``: a best that wrote no checkpoint, a Lightning `min_delta` that the
  /// checkpoint callback does not apply.
  public var bestStep: Int?
  /// The step training ends at: the stop, or when the rule never fires the end of the run
  /// (transformers' `max_steps` when known, else the last evaluation).
  public var lastStep: Int?
  /// Why it stopped.
  public var reason: Reason?
  /// Evaluations in the log.
  public var evaluationCount: Int
  /// The precision values were compared in.
  public var precision: ValuePrecision

  /// Why a rule stopped.
  public enum Reason: String, Sendable, Codable {
    case patience
    case notFinite = "not-finite"
    case reachedThreshold = "reached-threshold"
    case diverged
  }

  /// The step of the weights the run ends with: the restored checkpoint, or else the last
  /// step trained.
  public var keptStep: Int? { restoredStep ?? lastStep }

  /// Evaluations the run would have saved by stopping there.
  public var evaluationsSaved: Int {
    stopIndex.map { evaluationCount - 1 - $0 } ?? 0
  }
}
