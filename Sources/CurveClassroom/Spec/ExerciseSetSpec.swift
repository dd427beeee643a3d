public import CurveExercises
public import CurveSim

/// Everything that decides a generated set: size, seed, mix, difficulty and questions.
///
/// Two sets made from equal specs are identical, file for file. A student's variant uses the
/// same spec with the student's id mixed into every seed.
///
/// ```swift
/// let spec = ExerciseSetSpec(count: 20, seed: 7, mix: .standard, difficulty: .medium)
/// spec.scenarios()                  // 20 scenarios in an order drawn from seed 7
/// spec.exerciseSeed(index: 0, student: "ada")
/// ```
public struct ExerciseSetSpec: Sendable, Equatable {
  /// How many exercises.
  public var count: Int
  /// The set's seed.
  public var seed: UInt64
  /// The share of each pattern.
  public var mix: ExerciseMix
  /// How clear the patterns are.
  public var difficulty: Difficulty
  /// The optional questions asked besides pattern, stop and remedy.
  public var extraQuestions: [Exercise.Question]

  /// Creates a spec.
  /// The most exercises one set holds.
  public static let maximumCount = 100_000

  public init(
    count: Int, seed: UInt64, mix: ExerciseMix = .standard, difficulty: Difficulty = .medium,
    extraQuestions: [Exercise.Question] = []
  ) {
    precondition((1...Self.maximumCount).contains(count), "a set holds 1 to \(Self.maximumCount) exercises")
    self.count = count
    self.seed = seed
    self.mix = mix
    self.difficulty = difficulty
    self.extraQuestions = extraQuestions
  }

  /// Every question each exercise asks, in order.
  public var questions: [Exercise.Question] { Exercise.standardQuestions + extraQuestions }

  /// Reads optional questions: `set-size`, `patience-stop` (patience 3) or `patience-stop=N`,
  /// separated by commas; `none` or an empty text asks none.
  public static func extraQuestions(parsing text: String) throws(ClassroomError)
    -> [Exercise.Question]
  {
    var questions: [Exercise.Question] = []
    for rawPart in text.split(separator: ",") {
      let part = rawPart.trimmingSpaces.lowercased()
      if part.isEmpty || part == "none" { continue }
      let pieces = part.split(separator: "=", maxSplits: 1).map(\.trimmingSpaces)
      let question: Exercise.Question
      switch pieces[0] {
      case "set-size", "set_size", "setsize": question = .setSize
      case "patience-stop", "patience_stop":
        let patience = pieces.count == 2 ? Int(pieces[1]) : 3
        guard let patience, patience > 0 else {
          throw .invalidQuestions(text, reason: "the patience in '\(part)' is not a positive whole number")
        }
        question = .patienceStop(patience)
      default:
        throw .invalidQuestions(
          text, reason: "'\(part)' is not a question; use set-size or patience-stop=N")
      }
      if questions.contains(where: { $0.name == question.name }) {
        throw .invalidQuestions(text, reason: "\(question.name) is asked twice")
      }
      questions.append(question)
    }
    return questions
  }

  /// The optional questions as text that ``extraQuestions(parsing:)`` reads back.
  public static func text(of questions: [Exercise.Question]) -> String {
    questions.compactMap { question -> String? in
      switch question {
      case .setSize: "set-size"
      case .patienceStop(let patience): "patience-stop=\(patience)"
      case .pattern, .keepStep, .remedy, .cause: nil
      }
    }.joined(separator: ",")
  }

  /// The scenario of each exercise: the mix scaled to ``count``, in an order drawn from the
  /// seed. Every student's variant has the same order.
  public func scenarios() -> [Scenario] {
    var list: [Scenario] = []
    for (scenario, count) in mix.counts(total: count) {
      list += Array(repeating: scenario, count: count)
    }
    // Every student gets the same pattern at the same position (ex-003 is an overfitting run
    // for the whole class), so per-exercise statistics compare like with like; only the curves
    // differ between variants.
    var generator = SeededGenerator(seed: seed, stream: "classroom.order")
    list.seededShuffle(using: &generator)
    return list
  }

  /// The seed of exercise `index` (from 0), for the whole class or one student's variant.
  public func exerciseSeed(index: Int, student: String?) -> UInt64 {
    var generator = SeededGenerator(
      seed: seed, stream: "classroom.exercise.\(index)" + Self.suffix(student))
    return generator.next() >> 24  // short enough to type in a command line
  }

  /// A generator for exercise `index`'s other random choices (the order of the options).
  func generator(index: Int, student: String?, purpose: String) -> SeededGenerator {
    SeededGenerator(
      seed: seed, stream: "classroom.\(purpose).\(index)" + Self.suffix(student))
  }

  /// The id of exercise `index`: `ex-001`.
  public static func exerciseID(index: Int) -> String {
    let number = String(index + 1)
    return "ex-" + String(repeating: "0", count: max(0, 3 - number.count)) + number
  }

  private static func suffix(_ student: String?) -> String {
    student.map { ".student=" + $0 } ?? ""
  }
}
