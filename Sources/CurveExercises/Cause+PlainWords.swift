public import CurveCore

extension Cause {
  /// The cause in plain words, as a cause question offers it: "the learning rate is too low".
  ///
  /// ```swift
  /// Cause.tinyBatch.plainWords   // "the batch is too small"
  /// ```
  public var plainWords: String {
    switch self {
    case .lowLearningRate: "the learning rate is too low"
    case .tooFewSteps: "too few training steps"
    case .smallModel: "the model is too small"
    case .heavyWeightDecay: "weight decay is too heavy"
    case .nothingLearnable: "there is nothing in the data to learn"
    case .smallData: "too few training examples"
    case .bigModel: "the model is too big for the data"
    case .labelNoise: "many training labels are wrong"
    case .tooLittleRegularization: "too little regularization"
    case .highLearningRate: "the learning rate is too high"
    case .tinyBatch: "the batch is too small"
    case .smallEvalSet: "the evaluation set is too small"
    case .warmupInstability: "instability once warmup reaches the peak rate"
    case .badBatches: "a few bad batches"
    case .converged: "nothing: the run has converged"
    case .stillImproving: "nothing: the run is still improving"
    }
  }
}
