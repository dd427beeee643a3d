import CurveDiagnosis
import CurveExercises

extension GradingKey.Item {
  /// Reads `text` as the answer to `question` on this exercise, into `answer`; `nil`, changing
  /// nothing, when it does not answer the question.
  ///
  /// A remedy may be given by the letter of this exercise's options in any common form
  /// (`B`, `(b)`, `B - add dropout`, `option B`). When a marked letter comes with words that
  /// name another option, the letter counts and the note says so; a capital followed by words
  /// alone (`A smaller model`) is read by its words, the capital being an article.
  func read(
    _ text: String, for question: Exercise.Question, reader: AnswerReader,
    into answer: inout ExerciseAnswer
  ) -> Reading<Void>? {
    guard question == .remedy,
      let letter = reader.letter(text, optionCount: options.actions.count)
    else { return answer.read(question, from: text, reader: reader) }
    let chosen = options.actions[letter.index]
    let name = RemedyOptions.letter(at: letter.index)
    guard !letter.rest.isEmpty else {
      answer.remedy = chosen
      return Reading(())
    }
    let words = reader.remedy(letter.rest)
    switch words?.value {
    case chosen?:
      answer.remedy = chosen
      return Reading((), note: words?.note)
    case let other? where !letter.isMarked:
      answer.remedy = other
      return Reading((), note: words?.note)
    case let other?:
      answer.remedy = chosen
      return Reading(
        (),
        note: "letter \(name) (\(chosen.rawValue)) and the words '\(letter.rest)' (\(other.rawValue)) "
          + "disagree; graded as \(name)")
    case nil:
      answer.remedy = chosen
      return Reading((), note: letter.isMarked ? nil : "read '\(text.trimmingSpaces)' as option \(name)")
    }
  }

  /// The answer `text` gives to `question`, as one string for comparing answers: the pattern's
  /// or remedy's name, or the step of the evaluation a step answer names. `nil` when the text
  /// does not answer the question.
  func canonicalAnswer(_ text: String, for question: Exercise.Question, reader: AnswerReader)
    -> String?
  {
    var answer = ExerciseAnswer()
    guard read(text, for: question, reader: reader, into: &answer) != nil else { return nil }
    switch question {
    case .pattern: return answer.pattern?.rawValue
    case .remedy: return answer.remedy?.rawValue
    case .setSize: return answer.setSize.map(String.init)
    case .keepStep, .patienceStop:
      guard let step = answer.keepStep ?? answer.patienceStop else { return nil }
      return String(solved.nearestEvaluationStep(to: step) ?? step)
    }
  }
}
