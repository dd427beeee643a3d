public import CurveCore
public import CurveDiagnosis
import CurveExercises
import CurveSim

/// The lettered choices of a multiple-choice question: the keyed answer and plausible answers
/// that are wrong, in an order drawn from the seed.
///
/// Answers the key gives partial credit are never offered as distractors: every option but
/// one is plainly wrong for the run. The remedy question offers changes (``RemedyOptions``),
/// the cause question causes (``CauseOptions``).
///
/// ```swift
/// var generator = SeededGenerator(seed: 3)
/// let options = RemedyOptions(
///   answer: .earlyStopping, alsoAccepted: [.weightDecay],
///   distractors: CauseKnowledge.unhelpful(for: .overfitting), using: &generator)
/// options.letter(of: .earlyStopping)   // "A", "B", "C" or "D", depending on the seed
/// ```
public struct LetteredOptions<Choice: Hashable & Sendable>: Sendable, Equatable {
  /// The choices, option A first.
  public var choices: [Choice]

  /// How many options each question offers.
  public static var optionCount: Int { 4 }

  /// Draws the options for `answer` from `distractors`, answers that would be wrong (the
  /// exercise key's), leaving out `alsoAccepted`.
  public init(
    answer: Choice, alsoAccepted: [Choice], distractors: [Choice],
    using generator: inout some RandomNumberGenerator
  ) {
    var pool = distractors.filter { $0 != answer && !alsoAccepted.contains($0) }
    pool.seededShuffle(using: &generator)
    var choices = [answer] + pool.prefix(Self.optionCount - 1)
    choices.seededShuffle(using: &generator)
    self.choices = choices
  }

  /// Options given in order.
  public init(choices: [Choice]) { self.choices = choices }

  /// The letter of each option: `A`, `B`, ...
  public static func letter(at index: Int) -> String {
    String(UnicodeScalar(UInt8(65 + index)))
  }

  /// The letter under which `choice` is offered, or `nil`.
  public func letter(of choice: Choice) -> String? {
    choices.firstIndex(of: choice).map(Self.letter(at:))
  }

  /// The choice offered under the letter `text` gives in any common form (`b`, ` B `, `B.`,
  /// `(B)`, `option B`, `B - add dropout`; see ``AnswerReader/letter(_:optionCount:)``), or
  /// `nil`.
  public func choice(forLetter text: String) -> Choice? {
    AnswerReader.forgiving.letter(text, optionCount: choices.count).map { choices[$0.index] }
  }
}

/// The lettered changes of an exercise's remedy question.
public typealias RemedyOptions = LetteredOptions<Remedy.Action>

/// The lettered causes of an exercise's cause question, each shown in plain words
/// (``CurveCore/Cause/plainWords``).
public typealias CauseOptions = LetteredOptions<Cause>

extension LetteredOptions where Choice == Remedy.Action {
  /// The actions, option A first.
  public var actions: [Remedy.Action] { choices }

  /// Options given in order.
  public init(actions: [Remedy.Action]) { self.init(choices: actions) }

  /// The action offered under the letter `text` gives, or `nil`.
  public func action(forLetter text: String) -> Remedy.Action? { choice(forLetter: text) }
}
