/// Why a run shows its pattern: the mechanism behind the curves, by one name shared by the
/// simulator (which knows a run's true cause) and the diagnosis engine (which infers it).
///
/// The raw values are the names used on the command line (`--cause low-learning-rate`), in a
/// run's metadata (`configuration["cause"]`), in a `trainer_state.json` written by the
/// simulator, and in the engine's JSON, so a benchmark can compare the engine's cause with the
/// truth by name.
///
/// Which causes belong to which pattern, what evidence points to each and which change treats
/// it are knowledge, kept next to the diagnosis engine; this type is only the vocabulary.
///
/// ```swift
/// Cause(rawValue: "tiny-batch")   // .tinyBatch
/// Cause.lowLearningRate.rawValue  // "low-learning-rate"
/// ```
public enum Cause: String, CaseIterable, Sendable, Codable {
  // MARK: Underfitting

  /// Updates so small that learning crawls: the loss is still falling slowly at the end.
  case lowLearningRate = "low-learning-rate"
  /// The run ended (or its learning rate decayed away) before the model finished learning.
  case tooFewSteps = "too-few-steps"
  /// Too little capacity for the task: the loss levels off early, high.
  case smallModel = "small-model"
  /// Regularization so strong it pins the weights: flat, high, both losses close together.
  case heavyWeightDecay = "heavy-weight-decay"
  /// Nothing to learn: accuracy at chance and the loss at the trivial predictor's.
  case nothingLearnable = "nothing-learnable"

  // MARK: Overfitting

  /// Too few training examples for the model.
  case smallData = "small-data"
  /// A model far bigger than the data calls for.
  case bigModel = "big-model"
  /// Wrong labels in the training set, which the model learns by heart.
  case labelNoise = "label-noise"
  /// No weight decay or dropout holding the model back.
  case tooLittleRegularization = "too-little-regularization"

  // MARK: Erratic and diverged

  /// Updates that overshoot: the learning rate is past what the model tolerates.
  case highLearningRate = "high-learning-rate"
  /// Batches of a handful of examples: each gradient is mostly noise.
  case tinyBatch = "tiny-batch"
  /// An evaluation set of a few dozen examples: validation jumps though training is calm.
  case smallEvalSet = "small-eval-set"
  /// The run was fine until warmup reached the peak rate, then fell apart.
  case warmupInstability = "warmup-instability"
  /// Isolated spikes from a few bad batches in otherwise calm training.
  case badBatches = "bad-batches"

  // MARK: Healthy

  /// Both curves have levelled off: more training would not help.
  case converged
  /// Both curves are still falling at the end: more training would help.
  case stillImproving = "still-improving"
}
