/// What is known about a run besides its curves: its origin, its settings and its seed.
///
/// Readers fill in what a file says and leave the rest `nil`; the simulator fills in all of it.
public struct RunMetadata: Sendable, Equatable, Codable {
  /// Where the run came from: `"simulator"`, or the path of the file it was read from.
  public var source: String
  /// The format it was read from (`"trainer-state"`, `"keras-csv"`), when read from a file.
  public var format: String?
  /// The seed that produced the run, for simulated runs.
  public var seed: UInt64?
  /// Settings of the run, by name (`learning_rate`, `dataset`), as text.
  public var configuration: [String: String]
  /// Optimizer updates per pass over the training set.
  public var stepsPerEpoch: Int?
  /// Updates the run was scheduled to make (`max_steps`).
  public var maxSteps: Int?
  /// Epochs the run was scheduled for (`num_train_epochs`).
  public var numTrainEpochs: Int?
  /// How often training loss was logged, in updates (`logging_steps`).
  public var loggingSteps: Int?
  /// How often the model was evaluated, in updates (`eval_steps`), when on a step schedule.
  public var evalSteps: Int?
  /// Examples per update (`train_batch_size`).
  public var trainBatchSize: Int?
  /// Examples in the training set, when known.
  public var trainingSetSize: Int?
  /// Examples in the validation set, when known.
  public var evaluationSetSize: Int?
  /// The best checkpoint as the run itself recorded it, when it did.
  public var bestCheckpoint: BestCheckpoint?
  /// The closing summary the run wrote, when it finished.
  public var summary: RunSummary?
  /// What the entries' `step` counts: optimizer updates, or whole epochs when the log only
  /// knows epochs (a Keras CSV, a fastai history).
  public var stepUnit: StepUnit = .update

  /// Creates metadata; only the source is required.
  public init(
    source: String, format: String? = nil, seed: UInt64? = nil,
    configuration: [String: String] = [:], stepsPerEpoch: Int? = nil, maxSteps: Int? = nil,
    numTrainEpochs: Int? = nil, loggingSteps: Int? = nil, evalSteps: Int? = nil,
    trainBatchSize: Int? = nil, trainingSetSize: Int? = nil, evaluationSetSize: Int? = nil,
    bestCheckpoint: BestCheckpoint? = nil, summary: RunSummary? = nil
  ) {
    self.source = source
    self.format = format
    self.seed = seed
    self.configuration = configuration
    self.stepsPerEpoch = stepsPerEpoch
    self.maxSteps = maxSteps
    self.numTrainEpochs = numTrainEpochs
    self.loggingSteps = loggingSteps
    self.evalSteps = evalSteps
    self.trainBatchSize = trainBatchSize
    self.trainingSetSize = trainingSetSize
    self.evaluationSetSize = evaluationSetSize
    self.bestCheckpoint = bestCheckpoint
    self.summary = summary
  }
}

/// What a log's `step` numbers count.
public enum StepUnit: String, Sendable, Equatable, Codable {
  /// Optimizer updates, as the Trainer's `global_step`.
  case update
  /// Completed epochs: the log has one record per epoch and no step counter.
  case epoch
}

/// The checkpoint a run kept as its best (`best_metric`, `best_global_step`).
public struct BestCheckpoint: Sendable, Equatable, Codable {
  /// The metric that ranked checkpoints, by its log name (`eval_loss`).
  public var metric: String
  /// Its value at the best checkpoint.
  public var value: Double
  /// The step of the best checkpoint.
  public var step: Int
  /// Whether early stopping ended the run before its scheduled end.
  public var stoppedEarly: Bool

  /// Creates a best-checkpoint record.
  public init(metric: String, value: Double, step: Int, stoppedEarly: Bool = false) {
    self.metric = metric
    self.value = value
    self.step = step
    self.stoppedEarly = stoppedEarly
  }
}

/// The closing summary a finished run writes (the Trainer's last `log_history` entry).
public struct RunSummary: Sendable, Equatable, Codable {
  /// Updates done in all.
  public var globalStep: Int
  /// Epoch reached.
  public var epoch: Double
  /// Mean training loss over the whole run.
  public var meanTrainingLoss: Double
  /// Seconds the run took, when measured.
  public var runtimeSeconds: Double?

  /// Creates a summary.
  public init(globalStep: Int, epoch: Double, meanTrainingLoss: Double, runtimeSeconds: Double? = nil)
  {
    self.globalStep = globalStep
    self.epoch = epoch
    self.meanTrainingLoss = meanTrainingLoss
    self.runtimeSeconds = runtimeSeconds
  }
}
