public import CurveCore
public import CurveDiagnosis

/// A learner's answers; `nil` where a question was left blank.
public struct ExerciseAnswer: Sendable, Equatable {
  /// The pattern named.
  public var pattern: Pattern?
  /// The step of the checkpoint to keep.
  public var keepStep: Int?
  /// The change chosen.
  public var remedy: Remedy.Action?
  /// The cause named.
  public var cause: Cause?
  /// The evaluation-set size guessed.
  public var setSize: Int?
  /// The step at which early stopping stops.
  public var patienceStop: Int?

  /// Creates an answer.
  public init(
    pattern: Pattern? = nil, keepStep: Int? = nil, remedy: Remedy.Action? = nil,
    setSize: Int? = nil, patienceStop: Int? = nil, cause: Cause? = nil
  ) {
    self.pattern = pattern
    self.cause = cause
    self.keepStep = keepStep
    self.remedy = remedy
    self.setSize = setSize
    self.patienceStop = patienceStop
  }
}

extension ExerciseAnswer {
  /// Sets the answer to `question` from what a learner wrote, read with
  /// ``AnswerReader/forgiving``; returns false, changing nothing, when the text does not answer
  /// it.
  public mutating func set(_ question: Exercise.Question, from text: String) -> Bool {
    read(question, from: text) != nil
  }
}

/// The words people type for patterns and remedies: names, titles and common synonyms
/// ("overfit", "high variance", "lower lr", "L2"), read through ``AnswerReader``.
public enum AnswerVocabulary {
  /// The pattern `text` names, or `nil`.
  public static func pattern(_ text: String) -> Pattern? {
    AnswerReader.forgiving.pattern(text)?.value
  }

  /// The remedy `text` names, or `nil`.
  public static func remedy(_ text: String) -> Remedy.Action? {
    AnswerReader.forgiving.remedy(text)?.value
  }

  /// A step from `320`, `step 320`, `checkpoint-320`, `320.0` or `3,200`; `nil` otherwise.
  public static func step(_ text: String) -> Int? {
    AnswerReader.forgiving.number(text)?.value
  }

  /// The cause `text` names, or `nil`.
  public static func cause(_ text: String) -> Cause? {
    AnswerReader.forgiving.cause(text)?.value
  }

  /// Every pattern's name and synonyms.
  public static let patterns = PhraseVocabulary<Pattern>(
    Pattern.allCases.flatMap { [($0.rawValue, $0), ($0.title, $0)] }
      + patternSynonyms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })

  /// Every remedy's name, title and synonyms.
  public static let remedies = PhraseVocabulary<Remedy.Action>(
    Remedy.Action.allCases.flatMap { [($0.rawValue, $0), ($0.title, $0)] }
      + remedySynonyms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })

  /// Every cause's name, plain words and synonyms.
  public static let causes = PhraseVocabulary<Cause>(
    Cause.allCases.flatMap { [($0.rawValue, $0), ($0.plainWords, $0)] }
      + causeSynonyms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })

  private static let patternSynonyms: [String: Pattern] = [
    "overfit": .overfitting, "overfits": .overfitting, "overfitted": .overfitting,
    "over fitting": .overfitting, "over fit": .overfitting, "high variance": .overfitting,
    "underfit": .underfitting, "underfits": .underfitting, "under fitting": .underfitting,
    "under fit": .underfitting, "high bias": .underfitting,
    "good": .healthy, "fine": .healthy, "ok": .healthy, "normal": .healthy,
    "converged": .healthy, "well fit": .healthy, "well fitted": .healthy, "good fit": .healthy,
    "unstable": .erratic, "noisy": .erratic, "jumpy": .erratic, "oscillating": .erratic,
    "divergent": .diverged, "diverging": .diverged, "exploded": .diverged,
  ]

  private static let remedySynonyms: [String: Remedy.Action] = [
    "early stop": .earlyStopping, "stop early": .earlyStopping, "early stopping": .earlyStopping,
    "l2": .weightDecay, "l2 regularization": .weightDecay, "regularization": .weightDecay,
    "regularize": .weightDecay, "more regularization": .weightDecay,
    "more data": .moreData, "augmentation": .moreData, "data augmentation": .moreData,
    "augment": .moreData, "augment data": .moreData,
    "smaller network": .smallerModel, "simpler model": .smallerModel,
    "reduce model size": .smallerModel, "fewer parameters": .smallerModel,
    "bigger network": .biggerModel, "larger model": .biggerModel, "larger network": .biggerModel,
    "more capacity": .biggerModel, "more layers": .biggerModel, "wider model": .biggerModel,
    "more epochs": .moreEpochs, "train longer": .moreEpochs, "longer training": .moreEpochs,
    "higher lr": .higherLearningRate, "raise lr": .higherLearningRate,
    "increase lr": .higherLearningRate, "increase learning rate": .higherLearningRate,
    "higher learning rate": .higherLearningRate, "raise learning rate": .higherLearningRate,
    "lower lr": .lowerLearningRate, "reduce lr": .lowerLearningRate,
    "decrease lr": .lowerLearningRate, "smaller lr": .lowerLearningRate,
    "lower learning rate": .lowerLearningRate, "reduce learning rate": .lowerLearningRate,
    "decrease learning rate": .lowerLearningRate, "smaller learning rate": .lowerLearningRate,
    "bigger batch": .biggerBatch, "larger batch": .biggerBatch,
    "increase batch size": .biggerBatch, "bigger batch size": .biggerBatch,
    "larger batch size": .biggerBatch,
    "clip gradients": .gradientClipping, "clipping": .gradientClipping,
    "gradient clipping": .gradientClipping, "clip": .gradientClipping,
    "lr warmup": .warmup, "learning rate warmup": .warmup,
    "less regularization": .lessRegularization, "weaker regularization": .lessRegularization,
    "less weight decay": .lessRegularization, "less dropout": .lessRegularization,
    "clean data": .checkData, "check data": .checkData, "fix data": .checkData,
    "bigger eval set": .largerEvaluationSet, "larger eval set": .largerEvaluationSet,
    "none": .nothing, "no change": .nothing, "keep": .nothing, "keep it": .nothing,
    "nothing": .nothing,
  ]

  private static let causeSynonyms: [String: Cause] = [
    "low learning rate": .lowLearningRate, "learning rate too low": .lowLearningRate,
    "learning rate too small": .lowLearningRate, "small learning rate": .lowLearningRate,
    "low lr": .lowLearningRate, "lr too low": .lowLearningRate, "lr too small": .lowLearningRate,
    "too low learning rate": .lowLearningRate, "too small learning rate": .lowLearningRate,
    "too few steps": .tooFewSteps, "not enough steps": .tooFewSteps,
    "not enough training": .tooFewSteps, "too little training": .tooFewSteps,
    "training too short": .tooFewSteps, "trained too short": .tooFewSteps,
    "too few epochs": .tooFewSteps, "not enough epochs": .tooFewSteps,
    "undertrained": .tooFewSteps, "under trained": .tooFewSteps, "too short": .tooFewSteps,
    "small model": .smallModel, "model too small": .smallModel, "too small model": .smallModel,
    "not enough capacity": .smallModel, "too little capacity": .smallModel,
    "low capacity": .smallModel, "model too simple": .smallModel,
    "too simple model": .smallModel, "network too small": .smallModel,
    "too few parameters": .smallModel,
    "heavy weight decay": .heavyWeightDecay, "too much weight decay": .heavyWeightDecay,
    "weight decay too heavy": .heavyWeightDecay, "weight decay too high": .heavyWeightDecay,
    "weight decay too strong": .heavyWeightDecay, "high weight decay": .heavyWeightDecay,
    "strong weight decay": .heavyWeightDecay, "too much regularization": .heavyWeightDecay,
    "over regularization": .heavyWeightDecay, "over regularized": .heavyWeightDecay,
    "overregularized": .heavyWeightDecay, "regularization too strong": .heavyWeightDecay,
    "nothing to learn": .nothingLearnable, "nothing learnable": .nothingLearnable,
    "no signal": .nothingLearnable, "random labels": .nothingLearnable,
    "too little data": .smallData, "not enough data": .smallData, "small data": .smallData,
    "too few examples": .smallData, "small training set": .smallData,
    "big model": .bigModel, "model too big": .bigModel, "model too large": .bigModel,
    "too many parameters": .bigModel, "wrong labels": .labelNoise, "noisy labels": .labelNoise,
    "label noise": .labelNoise, "no regularization": .tooLittleRegularization,
    "high learning rate": .highLearningRate, "learning rate too high": .highLearningRate,
    "learning rate too large": .highLearningRate, "learning rate too big": .highLearningRate,
    "large learning rate": .highLearningRate, "high lr": .highLearningRate,
    "lr too high": .highLearningRate, "lr too large": .highLearningRate,
    "too high learning rate": .highLearningRate, "too large learning rate": .highLearningRate,
    "tiny batch": .tinyBatch, "small batch": .tinyBatch, "batch too small": .tinyBatch,
    "batch size too small": .tinyBatch, "small batch size": .tinyBatch,
    "tiny batch size": .tinyBatch, "too small batch": .tinyBatch, "noisy gradients": .tinyBatch,
    "small eval set": .smallEvalSet, "eval set too small": .smallEvalSet,
    "evaluation set too small": .smallEvalSet, "small evaluation set": .smallEvalSet,
    "small validation set": .smallEvalSet, "validation set too small": .smallEvalSet,
    "too few evaluation examples": .smallEvalSet, "too few validation examples": .smallEvalSet,
    "small test set": .smallEvalSet, "noisy evaluation": .smallEvalSet,
    "warmup instability": .warmupInstability, "instability after warmup": .warmupInstability,
    "unstable after warmup": .warmupInstability, "peak learning rate too high": .warmupInstability,
    "peak lr too high": .warmupInstability, "warmup": .warmupInstability,
    "bad batches": .badBatches, "bad batch": .badBatches, "outlier batches": .badBatches,
    "gradient spikes": .badBatches,
    "converged": .converged, "still improving": .stillImproving,
  ]
}
