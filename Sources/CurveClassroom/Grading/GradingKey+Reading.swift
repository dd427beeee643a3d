import CurveDiagnosis
import CurveExercises

extension GradingKey.Item {
  /// Reads `text` as the answer to `question` on this exercise, into `answer`; `nil`, changing
  /// nothing, when it does not answer the question.
  ///
  /// A remedy or a cause may be given by the letter of this exercise's options in any common form
  /// (`B`, `(b)`, `B - add dropout`, `option B`). When a marked letter comes with words that
  /// name another option, the letter counts and the note says so; a capital followed by words
  /// alone (`A smaller model`) is read by its words, the capital being an article.
  func read(
    _ text: String, for question: Exercise.Question, reader: AnswerReader,
    into answer: inout ExerciseAnswer
  ) -> Reading<Void>? {
    switch question {
    case .remedy:
      guard let reading = Self.read(text, options: options, reader: reader, words: reader.remedy)
      else { break }
      answer.remedy = reading.value
      return Reading((), note: reading.note)
    case .cause:
      guard let causeOptions,
        let reading = Self.read(text, options: causeOptions, reader: reader, words: reader.cause)
      else { break }
      answer.cause = reading.value
      return Reading((), note: reading.note)
    default: break
    }
    return answer.read(question, from: text, reader: reader)
  }

  /// The option `text` chooses by its letter, read with the words after the letter; `nil`
  /// when `text` gives no letter of `options`.
  private static func read<Choice: RawRepresentable<String>>(
    _ text: String, options: LetteredOptions<Choice>, reader: AnswerReader,
    words read: (String) -> Reading<Choice>?
  ) -> Reading<Choice>? {
    guard let letter = reader.letter(text, optionCount: options.choices.count) else { return nil }
    let chosen = options.choices[letter.index]
    let name = LetteredOptions<Choice>.letter(at: letter.index)
    guard !letter.rest.isEmpty else { return Reading(chosen) }
    let words = read(letter.rest)
    switch words?.value {
    case chosen?:
      return Reading(chosen, note: words?.note)
    case let other? where !letter.isMarked:
      return Reading(other, note: words?.note)
    case let other?:
      return Reading(
        chosen,
        note: "letter \(name) (\(chosen.rawValue)) and the words '\(letter.rest)' (\(other.rawValue)) "
          + "disagree; graded as \(name)")
    case nil:
      return Reading(
        chosen, note: letter.isMarked ? nil : "read '\(text.trimmingSpaces)' as option \(name)")
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
    case .cause: return answer.cause?.rawValue
    case .setSize: return answer.setSize.map(String.init)
    case .keepStep, .patienceStop:
      guard let step = answer.keepStep ?? answer.patienceStop else { return nil }
      return String(solved.nearestEvaluationStep(to: step) ?? step)
    }
  }
}
