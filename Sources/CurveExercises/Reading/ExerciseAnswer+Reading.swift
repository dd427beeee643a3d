extension ExerciseAnswer {
  /// Sets the answer to `question` from what a learner wrote and says how it was read; `nil`,
  /// changing nothing, when the text does not answer the question.
  ///
  /// ```swift
  /// var answer = ExerciseAnswer()
  /// answer.read(.pattern, from: "overfiting")?.note   // "accepted 'overfiting' as overfitting"
  /// answer.read(.keepStep, from: "checkpoint-60")     // keepStep is 60, no note
  /// ```
  public mutating func read(
    _ question: Exercise.Question, from text: String, reader: AnswerReader = .forgiving
  ) -> Reading<Void>? {
    switch question {
    case .pattern:
      guard let reading = reader.pattern(text) else { return nil }
      pattern = reading.value
      return Reading((), note: reading.note)
    case .remedy:
      guard let reading = reader.remedy(text) else { return nil }
      remedy = reading.value
      return Reading((), note: reading.note)
    case .cause:
      guard let reading = reader.cause(text) else { return nil }
      cause = reading.value
      return Reading((), note: reading.note)
    case .keepStep, .setSize, .patienceStop:
      guard let reading = reader.number(text) else { return nil }
      switch question {
      case .keepStep: keepStep = reading.value
      case .setSize: setSize = reading.value
      default: patienceStop = reading.value
      }
      return Reading((), note: reading.note)
    }
  }
}
