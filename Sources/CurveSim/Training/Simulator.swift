public import CurveCore

/// Trains a tiny network for real and logs it the way the Hugging Face Trainer does.
///
/// Training loss is the mean mini-batch loss since the previous log, written every
/// `loggingSteps` updates with the learning rate and the (pre-clipping) gradient norm.
/// Evaluations run every `evalSteps` updates, or at the end of every epoch, and score the
/// whole validation set and the whole training set. Accuracy counts thresholded predictions
/// on those finite sets, so it moves in steps of `1/N`.
///
/// ```swift
/// let run = Simulator(configuration: Scenario.overfitting.configuration(seed: 7), seed: 7).run()
/// run.log.evaluationEntries.count
/// ```
public struct Simulator: Sendable {
  /// The knobs of the run.
  public let configuration: TrainingConfiguration
  /// The seed of every random choice in the run: data, initial weights, batches, dropout.
  public let seed: UInt64
  /// The scenario the configuration was drawn from, recorded in the log's metadata.
  public let scenario: Scenario?
  /// The cause the scenario drew the configuration for, recorded in the log's metadata
  /// (`configuration["cause"]`) so a benchmark can score a diagnosis against the truth.
  public let cause: Cause?
  /// The run, when it was trained already to check the scenario's draw.
  private let prepared: SimulationRun?

  /// Creates a simulator. The configuration must be valid (see
  /// ``TrainingConfiguration/problems``).
  public init(
    configuration: TrainingConfiguration, seed: UInt64, scenario: Scenario? = nil,
    cause: Cause? = nil
  ) {
    self.init(configuration: configuration, seed: seed, scenario: scenario, cause: cause, prepared: nil)
  }

  private init(
    configuration: TrainingConfiguration, seed: UInt64, scenario: Scenario?, cause: Cause?,
    prepared: SimulationRun?
  ) {
    precondition(configuration.problems.isEmpty, "invalid configuration: \(configuration.problems)")
    self.configuration = configuration
    self.seed = seed
    self.scenario = scenario
    self.cause = cause
    self.prepared = prepared
  }

  /// A simulator for `scenario`'s run for `seed`: the knobs drawn for `cause` (the seed's own
  /// pick when `nil`), with the scenario and cause recorded.
  public init(_ scenario: Scenario, seed: UInt64, cause: Cause? = nil) {
    let cause = cause ?? scenario.cause(seed: seed)
    let draw = scenario.draw(seed: seed, cause: cause)
    self.init(
      configuration: draw.configuration, seed: seed, scenario: scenario, cause: cause,
      prepared: draw.run)
  }

  /// Trains and returns the log and the final network. A scenario's checked draw was trained
  /// already (see ``Scenario/draw(seed:cause:)``): its kept run is returned instead, the same
  /// run training again would give. Passing `onEvaluation` always trains.
  ///
  /// - Parameter onEvaluation: Called at every evaluation with its step and the model's
  ///   predicted probability of class 1 for each validation example, in order (to follow one
  ///   example's score through training; with fresh sampling, the examples of that
  ///   evaluation's own sample). Costs one extra array per evaluation when given.
  public func run(onEvaluation: ((_ step: Int, _ validationScores: [Double]) -> Void)? = nil)
    -> SimulationRun
  {
    if onEvaluation == nil, let run = prepared ?? keptRun() { return run }
    let c = configuration
    let split = c.data.makeSplit(seed: seed)
    var initGenerator = SeededGenerator(seed: seed, stream: "init")
    var shuffleGenerator = SeededGenerator(seed: seed, stream: "shuffle")
    var dropoutGenerator = SeededGenerator(seed: seed, stream: "dropout")
    let initial = Network(
      inputs: c.data.kind.featureCount, hidden: c.hidden, activation: c.activation,
      using: &initGenerator)
    let kernel = TrainingKernel(network: initial, batchSize: c.batchSize)

    let stepsPerEpoch = c.stepsPerEpoch
    let maxSteps = c.maxSteps
    var log = TrainingLog(metadata: metadata())
    var earlyStopping = c.earlyStoppingPatience.map {
      TrainerEarlyStopping(patience: $0, threshold: c.earlyStoppingThreshold)
    }
    var bestParameters: [Double]?
    var globalStep = 0
    // The Trainer's `tr_loss`: a single-precision sum over the logging window.
    var lossSinceLog: Float = 0
    var stepsSinceLog = 0
    var totalLoss = 0.0
    var stopped = false
    var order = Array(0..<split.training.count)

    func evaluate(epoch: Double) {
      let set =
        c.evaluationSampling == .fresh
        ? c.data.freshValidation(seed: seed, evaluation: log.evaluationEntries.count, scaledLike: split)
        : split.validation
      let validation = kernel.evaluate(set, recordingLogits: onEvaluation != nil)
      let training = kernel.evaluate(split.training)
      onEvaluation?(globalStep, validation.logits.map(TrainingKernel.sigmoid))
      log.evaluationEntries.append(
        EvaluationEntry(
          step: globalStep, epoch: epoch, loss: validation.loss,
          accuracy: Double(validation.correct) / Double(set.count),
          trainingLoss: training.loss,
          trainingAccuracy: Double(training.correct) / Double(split.training.count)))
      guard var rule = earlyStopping else { return }
      let previousBest = rule.bestStep
      if rule.observe(validation.loss, step: globalStep) == .stop { stopped = true }
      if rule.bestStep != previousBest { bestParameters = kernel.parameterArray }
      earlyStopping = rule
    }

    split.training.features.withUnsafeBufferPointer { features in
      split.training.labels.withUnsafeBufferPointer { labels in
        guard let featureBase = features.baseAddress, let labelBase = labels.baseAddress else {
          return
        }
        epochs: for epoch in 0..<c.epochs {
          order.seededShuffle(using: &shuffleGenerator)
          for batch in 0..<stepsPerEpoch {
            let start = batch * c.batchSize
            let indices = order[start..<min(start + c.batchSize, order.count)]
            let rate = c.schedule.rate(
              afterSteps: globalStep, peak: c.learningRate, warmupSteps: c.warmupSteps,
              totalSteps: maxSteps)
            let loss = kernel.accumulateBatch(
              features: featureBase, labels: labelBase, indices: indices, dropout: c.dropout,
              generator: &dropoutGenerator)
            let norm = kernel.gradientNorm()
            if c.maxGradNorm > 0 { kernel.clipGradients(norm: norm, to: c.maxGradNorm) }
            kernel.update(
              optimizer: c.optimizer, rate: rate, momentum: c.momentum, weightDecay: c.weightDecay)
            globalStep += 1
            // The Trainer's logging_nan_inf_filter (on by default): a NaN or infinite step
            // loss adds tr_loss / (1 + steps so far in the window) instead, so the logged loss
            // stays finite. Once the weights are NaN every step is, and a window that starts
            // that way logs exactly 0.0, as real diverged runs show.
            let stepLoss = Float(loss)
            lossSinceLog += stepLoss.isFinite ? stepLoss : lossSinceLog / Float(1 + stepsSinceLog)
            stepsSinceLog += 1
            let epochPosition = Double(epoch) + Double(batch + 1) / Double(stepsPerEpoch)
            if globalStep % c.loggingSteps == 0 {
              totalLoss += Double(lossSinceLog)
              log.trainingEntries.append(
                TrainingEntry(
                  step: globalStep, epoch: epochPosition,
                  loss: Double(lossSinceLog) / Double(stepsSinceLog),
                  learningRate: c.schedule.rate(
                    afterSteps: globalStep, peak: c.learningRate, warmupSteps: c.warmupSteps,
                    totalSteps: maxSteps),
                  gradientNorm: c.maxGradNorm > 0 ? norm : nil))
              lossSinceLog = 0
              stepsSinceLog = 0
            }
            if let every = c.evalSteps, globalStep % every == 0 {
              evaluate(epoch: epochPosition)
              if stopped { break epochs }
            }
          }
          if c.evalSteps == nil {
            evaluate(epoch: Double(epoch + 1))
            if stopped { break epochs }
          }
        }
      }
    }

    totalLoss += Double(lossSinceLog)  // the Trainer adds the unlogged rest at the end
    let finalEpoch =
      Double(globalStep / stepsPerEpoch)
      + Double(globalStep % stepsPerEpoch) / Double(stepsPerEpoch)
    log.metadata.summary = RunSummary(
      globalStep: globalStep, epoch: finalEpoch,
      meanTrainingLoss: globalStep == 0 ? .nan : totalLoss / Double(globalStep))
    if let rule = earlyStopping, let best = rule.bestValue, let step = rule.bestStep {
      log.metadata.bestCheckpoint = BestCheckpoint(
        metric: "eval_loss", value: best, step: step, stoppedEarly: stopped)
    }
    // load_best_model_at_end: the network handed back is the best checkpoint's.
    if let bestParameters { kernel.load(bestParameters) }
    var network = initial
    network.parameters = kernel.parameterArray
    return SimulationRun(log: log, network: network, split: split)
  }

  /// The run of this scenario's accepted draw for the seed, when this is that draw and the
  /// run is still kept: training it again would give the same run.
  private func keptRun() -> SimulationRun? {
    guard let scenario else { return nil }
    return DrawMemo.shared.run(
      for: DrawMemo.Key(scenario: scenario, cause: cause, seed: seed), configuration: configuration)
  }

  private func metadata() -> RunMetadata {
    let c = configuration
    var settings: [String: String] = [
      "dataset": c.data.kind.rawValue,
      "train_size": "\(c.data.trainSize)",
      "eval_size": "\(c.data.evalSize)",
      "input_noise": "\(c.data.inputNoise)",
      "label_noise": "\(c.data.labelNoise)",
      "hidden": c.hidden.map(String.init).joined(separator: ","),
      "activation": c.activation.rawValue,
      "optimizer": c.optimizer.rawValue,
      "learning_rate": "\(c.learningRate)",
      "lr_scheduler_type": c.schedule.rawValue,
      "warmup_steps": "\(c.warmupSteps)",
      "batch_size": "\(c.batchSize)",
      "epochs": "\(c.epochs)",
      "weight_decay": "\(c.weightDecay)",
      "dropout": "\(c.dropout)",
      "max_grad_norm": "\(c.maxGradNorm)",
      "logging_steps": "\(c.loggingSteps)",
      "eval_strategy": c.evalSteps == nil ? "epoch" : "steps",
      // Every task is a choice between two classes; recorded under the name a Hugging Face
      // config gives it, so a reader of an exported log knows the task's chance level too.
      "num_labels": "2",
    ]
    if c.evaluationSampling == .fresh { settings["eval_sampling"] = c.evaluationSampling.rawValue }
    let layers = LayerShape.shapes(for: [c.data.kind.featureCount] + c.hidden + [1])
    settings["parameters"] = "\(layers.last.map { $0.biasOffset + $0.outputs } ?? 0)"
    if c.optimizer == .sgd { settings["momentum"] = "\(c.momentum)" }
    if let every = c.evalSteps { settings["eval_steps"] = "\(every)" }
    if let patience = c.earlyStoppingPatience {
      settings["early_stopping_patience"] = "\(patience)"
      settings["early_stopping_threshold"] = "\(c.earlyStoppingThreshold)"
    }
    if let scenario { settings["scenario"] = scenario.rawValue }
    if let cause { settings["cause"] = cause.rawValue }
    return RunMetadata(
      source: "simulator", format: "curvelab", seed: seed, configuration: settings,
      stepsPerEpoch: c.stepsPerEpoch, maxSteps: c.maxSteps, numTrainEpochs: c.epochs,
      loggingSteps: c.loggingSteps, evalSteps: c.evalSteps, trainBatchSize: c.batchSize,
      trainingSetSize: c.data.trainSize, evaluationSetSize: c.data.evalSize)
  }
}

/// What a simulation produced: the log, the trained network and the data it saw.
public struct SimulationRun: Sendable {
  /// The curves, as the Trainer would have logged them.
  public var log: TrainingLog
  /// The final network (the best checkpoint's when early stopping was on).
  public var network: Network
  /// The training and validation sets.
  public var split: DataSplit
}
