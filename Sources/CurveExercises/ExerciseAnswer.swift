public import CurveDiagnosis
import Foundation

/// A learner's answers; `nil` where a question was left blank.
public struct ExerciseAnswer: Sendable, Equatable {
  /// The pattern named.
  public var pattern: Pattern?
  /// The step of the checkpoint to keep.
  public var keepStep: Int?
  /// The change chosen.
  public var remedy: Remedy.Action?
  /// The evaluation-set size guessed.
  public var setSize: Int?
  /// The step at which early stopping stops.
  public var patienceStop: Int?

  /// Creates an answer.
  public init(
    pattern: Pattern? = nil, keepStep: Int? = nil, remedy: Remedy.Action? = nil,
    setSize: Int? = nil, patienceStop: Int? = nil
  ) {
    self.pattern = pattern
    self.keepStep = keepStep
    self.remedy = remedy
    self.setSize = setSize
    self.patienceStop = patienceStop
  }
}

extension ExerciseAnswer {
  /// Sets the answer to `question` from what a learner wrote, read with
  /// ``AnswerVocabulary``; returns false, changing nothing, when the text does not answer it.
  public mutating func set(_ question: Exercise.Question, from text: String) -> Bool {
    switch question {
    case .pattern:
      guard let pattern = AnswerVocabulary.pattern(text) else { return false }
      self.pattern = pattern
    case .keepStep:
      guard let step = AnswerVocabulary.step(text) else { return false }
      keepStep = step
    case .remedy:
      guard let remedy = AnswerVocabulary.remedy(text) else { return false }
      self.remedy = remedy
    case .setSize:
      guard let size = AnswerVocabulary.step(text) else { return false }
      setSize = size
    case .patienceStop:
      guard let step = AnswerVocabulary.step(text) else { return false }
      patienceStop = step
    }
    return true
  }
}

/// Reads the words people type for patterns and remedies: case, spaces, hyphens and common
/// synonyms ("overfit", "high variance", "lower lr", "L2").
public enum AnswerVocabulary {
  /// The pattern `text` names, or `nil`.
  public static func pattern(_ text: String) -> Pattern? {
    let word = normalized(text)
    if let pattern = Pattern(rawValue: word.replacingSpaces(with: "-")) { return pattern }
    return patternSynonyms[word]
  }

  /// The remedy `text` names, or `nil`.
  public static func remedy(_ text: String) -> Remedy.Action? {
    let word = normalized(text)
    if let action = Remedy.Action(rawValue: word.replacingSpaces(with: "-")) { return action }
    if let action = remedySynonyms[word] { return action }
    return Remedy.Action.allCases.first { normalized($0.title) == word }
  }

  /// A step from `320`, `step 320`, `320.0` or `3,200`; `nil` otherwise.
  public static func step(_ text: String) -> Int? {
    guard !text.trimmingCharacters(in: .whitespaces).hasPrefix("-") else { return nil }
    var word = normalized(text)
    if word.hasPrefix("step ") { word.removeFirst(5) }
    word = word.filter { $0 != "," && $0 != "_" }
    if let value = Int(word), value >= 0 { return value }
    if let value = Double(word), value >= 0, value == value.rounded(), value < 1e12 {
      return Int(value)
    }
    return nil
  }

  /// Lowercased, trimmed, with runs of spaces, hyphens and underscores as one space.
  static func normalized(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text.lowercased() {
      if character == " " || character == "-" || character == "_" || character == "\t" {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

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
}

extension String {
  fileprivate func replacingSpaces(with separator: String) -> String {
    split(separator: " ").joined(separator: separator)
  }
}
