public import CurveDiagnosis
import CurveExercises
import CurveSim

/// The lettered choices of an exercise's remedy question: the engine's top remedy and
/// plausible changes that do not help, in an order drawn from the seed.
///
/// Changes the engine lists but does not rank first earn half credit when typed, so they are
/// never offered as distractors: every option but one is plainly wrong for this run.
///
/// ```swift
/// var generator = SeededGenerator(seed: 3)
/// let options = RemedyOptions(
///   answer: .earlyStopping, alsoAccepted: [.weightDecay],
///   distractors: CauseKnowledge.unhelpful(for: .overfitting), using: &generator)
/// options.letter(of: .earlyStopping)   // "A", "B", "C" or "D", depending on the seed
/// ```
public struct RemedyOptions: Sendable, Equatable {
  /// The actions, option A first.
  public var actions: [Remedy.Action]

  /// How many options each question offers.
  public static let optionCount = 4

  /// Draws the options for `answer` from `distractors`, changes that would not help (the
  /// exercise key's, from ``CauseKnowledge``), leaving out `alsoAccepted`.
  public init(
    answer: Remedy.Action, alsoAccepted: [Remedy.Action], distractors: [Remedy.Action],
    using generator: inout some RandomNumberGenerator
  ) {
    var pool = distractors.filter { $0 != answer && !alsoAccepted.contains($0) }
    pool.seededShuffle(using: &generator)
    var actions = [answer] + pool.prefix(Self.optionCount - 1)
    actions.seededShuffle(using: &generator)
    self.actions = actions
  }

  /// Options given in order.
  public init(actions: [Remedy.Action]) { self.actions = actions }

  /// The letter of each option: `A`, `B`, ...
  public static func letter(at index: Int) -> String {
    String(UnicodeScalar(UInt8(65 + index)))
  }

  /// The letter under which `action` is offered, or `nil`.
  public func letter(of action: Remedy.Action) -> String? {
    actions.firstIndex(of: action).map(Self.letter(at:))
  }

  /// The action offered under the letter `text` gives in any common form (`b`, ` B `, `B.`,
  /// `(B)`, `option B`, `B - add dropout`; see ``AnswerReader/letter(_:optionCount:)``), or
  /// `nil`.
  public func action(forLetter text: String) -> Remedy.Action? {
    AnswerReader.forgiving.letter(text, optionCount: actions.count).map { actions[$0.index] }
  }
}
