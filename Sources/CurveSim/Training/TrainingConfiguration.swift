/// Every knob of a simulated run: the data, the model, the optimizer and the Trainer's logging.
///
/// Names follow the Hugging Face `TrainingArguments` where one exists (`logging_steps`,
/// `eval_steps`, `max_grad_norm`). The defaults give a healthy run on two moons.
///
/// ```swift
/// var configuration = TrainingConfiguration()
/// configuration.learningRate = 0.001
/// let log = Simulator(configuration: configuration, seed: 7).run().log
/// ```
public struct TrainingConfiguration: Sendable, Equatable, Codable {
  /// The data to draw.
  public var data: DatasetSpec
  /// Widths of the hidden layers; empty means logistic regression.
  public var hidden: [Int]
  /// Nonlinearity of the hidden layers.
  public var activation: Activation
  /// The update rule.
  public var optimizer: OptimizerKind
  /// Momentum of SGD (ignored by AdamW).
  public var momentum: Double
  /// Peak learning rate.
  public var learningRate: Double
  /// How the learning rate changes over the run.
  public var schedule: LearningRateSchedule
  /// Updates over which the rate ramps up from 0 (`warmup_steps`).
  public var warmupSteps: Int
  /// Examples per update (`per_device_train_batch_size`).
  public var batchSize: Int
  /// Passes over the training set (`num_train_epochs`).
  public var epochs: Int
  /// Weight decay: decoupled for AdamW, an L2 term for SGD; never applied to biases.
  public var weightDecay: Double
  /// Probability of zeroing a hidden unit during training.
  public var dropout: Double
  /// Clip the gradient to this global norm; `0` turns clipping off (`max_grad_norm`).
  public var maxGradNorm: Double
  /// Write the mean training loss every this many updates (`logging_steps`).
  public var loggingSteps: Int
  /// Evaluate every this many updates, or once per epoch when `nil` (`eval_steps`).
  public var evalSteps: Int?
  /// Whether every evaluation scores the same validation set or a fresh sample of it.
  public var evaluationSampling: EvaluationSampling
  /// Stop after this many evaluations without improvement, or never when `nil`.
  public var earlyStoppingPatience: Int?
  /// An improvement in validation loss must exceed this to reset the patience counter.
  public var earlyStoppingThreshold: Double

  /// Creates a configuration; every argument has the healthy default.
  public init(
    data: DatasetSpec = DatasetSpec(
      kind: .moons, trainSize: 1000, evalSize: 500, inputNoise: 0.2, labelNoise: 0),
    hidden: [Int] = [32], activation: Activation = .tanh, optimizer: OptimizerKind = .adamW,
    momentum: Double = 0.9, learningRate: Double = 0.01, schedule: LearningRateSchedule = .linear,
    warmupSteps: Int = 0, batchSize: Int = 32, epochs: Int = 30, weightDecay: Double = 0.01,
    dropout: Double = 0, maxGradNorm: Double = 1, loggingSteps: Int = 10, evalSteps: Int? = nil,
    evaluationSampling: EvaluationSampling = .fixed, earlyStoppingPatience: Int? = nil,
    earlyStoppingThreshold: Double = 0
  ) {
    self.data = data
    self.hidden = hidden
    self.activation = activation
    self.optimizer = optimizer
    self.momentum = momentum
    self.learningRate = learningRate
    self.schedule = schedule
    self.warmupSteps = warmupSteps
    self.batchSize = batchSize
    self.epochs = epochs
    self.weightDecay = weightDecay
    self.dropout = dropout
    self.maxGradNorm = maxGradNorm
    self.loggingSteps = loggingSteps
    self.evalSteps = evalSteps
    self.evaluationSampling = evaluationSampling
    self.earlyStoppingPatience = earlyStoppingPatience
    self.earlyStoppingThreshold = earlyStoppingThreshold
  }

  /// Updates per epoch: the last, smaller batch counts, as with a loader that keeps it.
  public var stepsPerEpoch: Int { (data.trainSize + batchSize - 1) / batchSize }

  /// Updates in the whole run if nothing stops it early (`max_steps`).
  public var maxSteps: Int { stepsPerEpoch * epochs }

  /// Weights and biases of the network: each layer's inputs times its outputs, plus a bias
  /// per output (the log's `parameters`).
  public var parameterCount: Int {
    let widths = [data.kind.featureCount] + hidden + [1]
    return zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
  }

  /// The problems that make this configuration impossible to run, empty when it is valid.
  public var problems: [ConfigurationProblem] {
    var found: [ConfigurationProblem] = []
    func require(_ condition: Bool, _ knob: String, _ rule: String) {
      if !condition { found.append(ConfigurationProblem(knob: knob, rule: rule)) }
    }
    require(data.trainSize >= 1, "train-size", "must be at least 1")
    require(data.evalSize >= 1, "eval-size", "must be at least 1")
    require(data.trainSize <= Self.maximumExamples, "train-size", "must be at most \(Self.maximumExamples)")
    require(data.evalSize <= Self.maximumExamples, "eval-size", "must be at most \(Self.maximumExamples)")
    require(data.inputNoise.isFinite && data.inputNoise >= 0, "input-noise", "must be 0 or more")
    require(
      data.labelNoise.isFinite && (0...0.5).contains(data.labelNoise), "label-noise",
      "must be between 0 and 0.5")
    require(hidden.allSatisfy { (1...Self.maximumWidth).contains($0) }, "hidden",
      "each layer width must be between 1 and \(Self.maximumWidth)")
    require(hidden.count <= Self.maximumDepth, "hidden", "at most \(Self.maximumDepth) hidden layers")
    require(learningRate.isFinite && learningRate > 0, "learning-rate", "must be greater than 0")
    require(momentum.isFinite && (0..<1).contains(momentum), "momentum", "must be in [0, 1)")
    require(warmupSteps >= 0, "warmup-steps", "must be 0 or more")
    require(batchSize >= 1, "batch-size", "must be at least 1")
    require(epochs >= 1, "epochs", "must be at least 1")
    require(epochs <= Self.maximumEpochs, "epochs", "must be at most \(Self.maximumEpochs)")
    require(weightDecay.isFinite && weightDecay >= 0, "weight-decay", "must be 0 or more")
    require(dropout.isFinite && (0..<1).contains(dropout), "dropout", "must be in [0, 1)")
    require(maxGradNorm.isFinite && maxGradNorm >= 0, "max-grad-norm", "must be 0 (off) or more")
    require(loggingSteps >= 1, "logging-steps", "must be at least 1")
    require(evalSteps.map { $0 >= 1 } ?? true, "eval-steps", "must be at least 1")
    require(earlyStoppingPatience.map { $0 >= 1 } ?? true, "early-stopping-patience",
      "must be at least 1")
    require(earlyStoppingThreshold.isFinite && earlyStoppingThreshold >= 0,
      "early-stopping-threshold", "must be 0 or more")
    if found.isEmpty, Double(maxSteps) * Double(batchSize) > Self.maximumExampleUpdates {
      found.append(
        ConfigurationProblem(knob: "epochs", rule: "the run is too long to simulate "
          + "(epochs x train-size may be at most \(Int(Self.maximumExampleUpdates)))"))
    }
    return found
  }

  /// Largest training or validation set; larger ones are slow and teach nothing more.
  public static let maximumExamples = 100_000
  /// Widest hidden layer.
  public static let maximumWidth = 4096
  /// Deepest network.
  public static let maximumDepth = 8
  /// Longest run in epochs.
  public static let maximumEpochs = 100_000
  /// Cap on examples processed in one run (about a minute in a release build).
  public static let maximumExampleUpdates = 200_000_000.0
}

/// A knob set to a value the simulator cannot use.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
  /// The knob, spelt as its command-line flag without dashes.
  public var knob: String
  /// What the value must be.
  public var rule: String

  /// `--batch-size must be at least 1`.
  public var description: String { "--\(knob) \(rule)" }
}

/// Nonlinearity of a hidden layer.
public enum Activation: String, CaseIterable, Sendable, Codable {
  /// Rectified linear unit: `max(0, x)`.
  case relu
  /// Hyperbolic tangent.
  case tanh
}

/// Which examples each evaluation scores.
public enum EvaluationSampling: String, CaseIterable, Sendable, Codable {
  /// The same validation set every time, as the Trainer evaluates its `eval_dataset`.
  case fixed
  /// `eval_size` examples drawn afresh from the task at every evaluation, as a training loop
  /// that estimates validation loss from a few random batches does (nanoGPT's
  /// `estimate_loss`, Lightning's `limit_val_batches` over a shuffled loader). A small sample
  /// then makes the validation curve jitter by sampling error alone.
  case fresh
}

/// The update rule.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
  /// Stochastic gradient descent with momentum (PyTorch's form).
  case sgd
  /// Adam with decoupled weight decay (the Trainer's default optimizer).
  case adamW = "adamw"
}

/// How the learning rate moves over a run, after any warmup.
///
/// The three the Trainer offers most (`lr_scheduler_type`), with its warmup: a linear ramp from
/// 0 to the peak over `warmup_steps`.
///
/// ```swift
/// LearningRateSchedule.cosine.rate(afterSteps: 50, peak: 0.01, warmupSteps: 0, totalSteps: 100)
/// // 0.005: half-way down the cosine
/// ```
public enum LearningRateSchedule: String, CaseIterable, Sendable, Codable {
  /// Linear decay to 0 at the last step (the Trainer's default).
  case linear
  /// The peak rate throughout.
  case constant
  /// Half a cosine wave from the peak down to 0 at the last step
  /// (`get_cosine_schedule_with_warmup`): slow at first, fastest half-way, flat at the end.
  case cosine

  /// The rate after `step` updates, as the Trainer's scheduler reports it.
  ///
  /// The update numbered `step + 1` uses this rate. Warmup ramps linearly from 0.
  public func rate(afterSteps step: Int, peak: Double, warmupSteps: Int, totalSteps: Int) -> Double
  {
    if step < warmupSteps {
      return peak * Double(step) / Double(max(1, warmupSteps))
    }
    // The Trainer's formulas (transformers.optimization), operation for operation.
    let decaySteps = Double(max(1, totalSteps - warmupSteps))
    switch self {
    case .constant:
      return peak
    case .linear:
      return peak * max(0, Double(totalSteps - step) / decaySteps)
    case .cosine:
      let progress = Double(step - warmupSteps) / decaySteps
      return peak * max(0, 0.5 * (1 + PortableMath.cos(Double.pi * progress)))
    }
  }
}
