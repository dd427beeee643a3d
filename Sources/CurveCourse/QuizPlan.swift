public import CurveCore
import CurveDiagnosis
public import CurveExercises
import CurveSim

/// A quiz ready to be taken: question order and option order fixed by a seed, curve
/// questions simulated and answered by the diagnosis engine.
///
/// ```swift
/// let plan = try QuizPlan(file: quiz, seed: 7)
/// let result = plan.score(["b", "ac", "d"])
/// result.correctCount
/// ```
public struct QuizPlan: Sendable {
  /// The quiz's title.
  public var title: String
  /// The seed of the order and of the curve questions.
  public var seed: UInt64
  /// The questions, in the order they are asked.
  public var questions: [Question]

  /// A question with its options in their shuffled order.
  public struct Question: Sendable {
    /// The question's id in the quiz file.
    public var id: String
    /// Outline sections it tests.
    public var sections: [Int]
    /// Whether more than one option may be right.
    public var isMultiple: Bool
    /// The prompt.
    public var prompt: String
    /// A hint, when the author wrote one.
    public var hint: String?
    /// The options, in the order shown (option 0 is "a").
    public var options: [Option]
    /// For curve questions: the run shown with the question.
    public var run: RunRecipe?
    /// For curve questions: the run's log.
    public var log: TrainingLog?
    /// For curve questions: what is shown besides the chart (accuracy values for set-size).
    public var panels: FigurePanels

    /// The letters of the correct options, in order: "ac".
    public var correctLetters: String {
      String(options.indices.filter { options[$0].isCorrect }.map(QuizPlan.letter))
    }

    /// The letters of the options that are right either way, in order.
    public var optionalLetters: String {
      String(options.indices.filter { options[$0].isOptional }.map(QuizPlan.letter))
    }

    /// The option letters in an answer, sorted and without repeats ("C, a" → "ac"), and the
    /// characters that are not letters of this question's options. Spaces and commas are
    /// ignored; case is not significant.
    public func letters(in answer: String) -> (chosen: String, invalid: String) {
      var chosen = Set<Character>()
      var invalid = ""
      for character in answer.lowercased() where !character.isWhitespace && character != "," {
        if let ascii = character.asciiValue, ascii >= 97, Int(ascii - 97) < options.count {
          chosen.insert(character)
        } else {
          invalid.append(character)
        }
      }
      return (String(chosen.sorted()), invalid)
    }

    /// Why `answer` cannot be scored, or `nil` when it can: letters that are not options, or
    /// several letters for a single-answer question.
    public func problem(with answer: String) -> String? {
      let (chosen, invalid) = letters(in: answer)
      let last = QuizPlan.letter(options.count - 1)
      guard invalid.isEmpty else { return "type letters from a to \(last) (h: hint, s: skip, q: stop)" }
      if !isMultiple, chosen.count > 1 {
        return "this question has a single answer: type one letter from a to \(last)"
      }
      return nil
    }
  }

  /// One option as shown.
  public struct Option: Sendable, Equatable {
    /// The text.
    public var text: String
    /// Whether it is correct.
    public var isCorrect: Bool
    /// Whether it is right either way, chosen or not (`[~]`).
    public var isOptional: Bool = false
    /// What choosing it means.
    public var explanation: String
  }

  /// What a curve question shows.
  public enum FigurePanels: Sendable, Equatable {
    /// No figure: a written question.
    case none
    /// Loss and accuracy.
    case chart
    /// Accuracy only, with its distinct values listed.
    case accuracyValues
    /// Loss only, taller, with every evaluation marked on the step axis and the evaluation
    /// interval stated: for questions that count evaluations.
    case lossWithEvaluations
  }

  /// The letter of option `index`: 0 → "a".
  public static func letter(_ index: Int) -> Character {
    Character(UnicodeScalar(UInt8(97 + index)))
  }

  /// Prepares `file` for seed `seed`: shuffles questions and options, simulates and keys curve
  /// questions.
  public init(file: QuizFile, seed: UInt64) throws(QuizPlanError) {
    title = file.title ?? "Quiz"
    self.seed = seed
    var order = SeededGenerator(seed: seed, stream: "quiz.order")
    var questions: [Question] = []
    for question in file.questions {
      var prepared: Question
      if let curve = question.curve {
        do {
          prepared = try CurveQuestionMaker(spec: curve, quizSeed: seed, id: question.id).make()
        } catch {
          throw QuizPlanError(questionID: question.id, line: curve.line, message: error.message)
        }
        prepared.id = question.id
        prepared.sections = question.sections
        prepared.prompt = question.prompt
        prepared.hint = question.hint
      } else {
        prepared = Question(
          id: question.id, sections: question.sections, isMultiple: question.kind == .multiple,
          prompt: question.prompt, hint: question.hint,
          options: question.options.map {
            Option(
              text: $0.text, isCorrect: $0.isCorrect, isOptional: $0.isOptional,
              explanation: $0.explanation)
          },
          run: nil, log: nil, panels: .none)
      }
      var shuffle = SeededGenerator(seed: seed, stream: "quiz.options.\(question.id)")
      prepared.options.seededShuffle(using: &shuffle)
      questions.append(prepared)
    }
    questions.seededShuffle(using: &order)
    self.questions = questions
  }

  /// Scores answers given as letters, one string per question in order ("b", "ac", "" for
  /// skipped). Missing answers count as skipped.
  public func score(_ answers: [String]) -> QuizResult {
    let items = questions.enumerated().map { index, question -> QuizResult.Item in
      let given = index < answers.count ? answers[index] : ""
      return QuizResult.Item(question: question, answer: given)
    }
    return QuizResult(items: items)
  }
}

/// A curve question that could not be prepared.
public struct QuizPlanError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The question.
  public var questionID: String
  /// The line of its `curve:` header.
  public var line: Int
  /// What went wrong.
  public var message: String

  public var description: String { "question \(questionID) (line \(line)): \(message)" }
}

/// Answers checked against a plan.
public struct QuizResult: Sendable {
  /// One question's outcome.
  public struct Item: Sendable {
    /// The question's id.
    public var id: String
    /// The letters chosen, sorted, without duplicates ("" when skipped).
    public var chosen: String
    /// The correct letters.
    public var correct: String
    /// Whether the answer is right: every correct option and no wrong one (options that are
    /// right either way may be chosen or not).
    public var isRight: Bool
    /// Letters that are not options of the question.
    public var invalidLetters: String

    init(question: QuizPlan.Question, answer: String) {
      id = question.id
      let (letters, invalid) = question.letters(in: answer)
      chosen = letters
      let required = question.correctLetters
      let optional = question.optionalLetters
      correct = required
      isRight = invalid.isEmpty && required.allSatisfy(letters.contains)
        && letters.allSatisfy { required.contains($0) || optional.contains($0) }
      invalidLetters = invalid
    }
  }

  /// One item per question, in the order asked.
  public var items: [Item]

  /// Questions answered exactly right.
  public var correctCount: Int { items.filter(\.isRight).count }
  /// Questions answered (not skipped).
  public var answeredCount: Int { items.filter { !$0.chosen.isEmpty }.count }
  /// The ids to review: every question not answered exactly right.
  public var toReview: [String] { items.filter { !$0.isRight }.map(\.id) }
}
