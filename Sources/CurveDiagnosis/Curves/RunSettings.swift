import CurveCore

/// The settings a log records, as the cause layer reads them: each `nil` when the log does not
/// say. Trainer logs carry the rate (in every training record), the batch size and the epochs;
/// the simulator's logs carry everything.
struct RunSettings: Sendable {
  /// The peak learning rate: the logged schedule's peak, else the `learning_rate` setting.
  var learningRate: Double?
  /// `adamw`, `adam`, `sgd`...: lowercased, when recorded.
  var optimizer: String?
  var batchSize: Int?
  var weightDecay: Double?
  var dropout: Double?
  /// Trainable parameters, when recorded.
  var parameters: Int?
  /// Widths of the hidden layers, when recorded (empty: a linear model).
  var hiddenWidths: [Int]?
  var trainingSetSize: Int?
  var evaluationSetSize: Int?
  /// Share of training labels known to be wrong (the simulator records it).
  var labelNoise: Double?
  /// Passes over the training set planned or made.
  var epochs: Double?

  init(log: TrainingLog, schedule: ScheduleReading?, impliedEvaluationSetSize: Int?) {
    let settings = log.metadata.configuration
    func number(_ keys: String...) -> Double? {
      for key in keys {
        if let value = settings[key].flatMap(Double.init), value.isFinite { return value }
      }
      return nil
    }
    func count(_ keys: String...) -> Int? {
      for key in keys {
        if let value = settings[key].flatMap(Double.init), value.isFinite, value >= 0,
          value < 1e15
        {
          return Int(value)
        }
      }
      return nil
    }
    learningRate = schedule?.peak ?? number("learning_rate", "lr")
    optimizer = (settings["optimizer"] ?? settings["optim"])?.lowercased()
    batchSize = log.metadata.trainBatchSize ?? count("batch_size", "per_device_train_batch_size")
    weightDecay = number("weight_decay")
    dropout = number("dropout", "hidden_dropout_prob")
    parameters = count("parameters", "num_parameters", "n_parameters")
    if let hidden = settings["hidden"] {
      let widths = hidden.split(separator: ",").compactMap { Int($0) }
      hiddenWidths = widths.count == hidden.split(separator: ",").count ? widths : nil
    }
    trainingSetSize = log.metadata.trainingSetSize ?? count("train_size", "num_train_examples")
    evaluationSetSize = log.metadata.evaluationSetSize ?? count("eval_size", "num_eval_examples")
      ?? impliedEvaluationSetSize
    labelNoise = number("label_noise")
    if let planned = log.metadata.numTrainEpochs {
      epochs = Double(planned)
    } else if let reached = log.metadata.summary?.epoch, reached > 0 {
      epochs = reached
    } else {
      epochs = number("epochs", "num_train_epochs")
    }
  }

  /// Whether the optimizer adapts its step per weight (Adam and its kin), when known.
  var isAdaptive: Bool? {
    guard let optimizer else { return nil }
    return optimizer.contains("adam") || optimizer.contains("rmsprop") || optimizer.contains("adagrad")
      || optimizer.contains("lion") || optimizer.contains("adafactor")
  }

  /// The rate below which learning crawls for this optimizer: Adam-style updates move each
  /// weight by about the rate, so below 1e-4 (Adam) or 1e-3 (SGD, whose step scales with the
  /// gradient) a small network barely moves per update. Fine-tunes of large pretrained models
  /// use 1e-5 to 5e-5 on purpose, so a low rate is only evidence beside a crawling curve.
  var lowRate: Double { isAdaptive == false ? 1e-3 : 1e-4 }

  /// The rate above which updates usually overshoot: 1e-2 for Adam-style optimizers, 0.5 for
  /// plain SGD on standardized inputs.
  var highRate: Double { isAdaptive == false ? 0.5 : 1e-2 }
}
