public import CurveCore
public import CurveDiagnosis

extension ExerciseKey {
  /// The key of the cause question, read from the engine's cause layer (never from the
  /// simulator's true cause): what the engine can support is what is keyed.
  ///
  /// - Asked: where the engine names the cause, or narrows it to two or three
  ///   (``causeOpenLimit``); a single cause it leans to without naming it is too weak a reading
  ///   to call the others wrong, so the question is skipped there.
  /// - Full credit: the cause the engine names, or, when it names none, each cause it leaves
  ///   open (``Diagnosis/openCauses``); the log cannot tell those apart, so an expert would
  ///   accept any of them.
  /// - Half credit: causes the evidence does not speak against but that are less likely than
  ///   the open ones (``Diagnosis/possibleCauses``), and twins of an open cause by
  ///   ``CauseKnowledge`` (the change that treats each also treats the other: a low rate and
  ///   too few steps; a high rate and a tiny batch, or bad batches), whatever their weight.
  /// - No credit: the rest, causes the evidence speaks against and causes of other patterns.
  ///   The distractors come from these only, so every offered option but one is plainly wrong.
  ///
  /// ```swift
  /// let key = Exercise(id: "e", recipe: RunRecipe(scenario: .erratic, seed: 3)).solve().key
  /// key.causeAnswer?.answer        // .highLearningRate
  /// key.causeAnswer?.distractors   // [.smallEvalSet, .warmupInstability, .lowLearningRate]
  /// ```
  public struct CauseAnswer: Sendable, Equatable {
    /// The answer offered among the options: the named cause, else the likeliest open one.
    public var answer: Cause
    /// Whether the engine names ``answer`` (rather than leaving a few causes open).
    public var isNamed: Bool
    /// Other causes that earn full credit: those the engine leaves open beside ``answer``.
    public var alsoRight: [Cause]
    /// Causes that earn half credit: possible, less likely.
    public var halfCredit: [Cause]
    /// Causes that would be wrong, the pattern's own first: the options besides the answer.
    public var distractors: [Cause]
    /// What speaks for ``answer``, from the engine.
    public var evidence: [String]

    /// The credit `cause` earns: 1, 0.5 or 0.
    public func credit(for cause: Cause) -> Double {
      cause == answer || alsoRight.contains(cause) ? 1 : halfCredit.contains(cause) ? 0.5 : 0
    }
  }

  /// The patterns whose exercises ask the cause question: where no checkpoint is worth
  /// keeping, what caused the pattern is what there is to ask.
  public static let causePatterns: [Pattern] = [.underfitting, .erratic]

  /// Asked only when the engine leaves at most this many causes open (it names one, or
  /// narrows the pattern's causes to a few); with more, the curves and settings do not decide
  /// it and the question is skipped.
  public static let causeOpenLimit = 3

  /// Distractors each cause question offers.
  public static let causeDistractorCount = 3

  /// Causes of the other asked pattern that a learner may mistake for this one's, the most
  /// tempting first: the mirror image of each pattern's usual causes.
  static func crossPatternDistractors(for pattern: Pattern) -> [Cause] {
    switch pattern {
    case .erratic: [.lowLearningRate, .smallModel, .tooFewSteps]
    case .underfitting: [.highLearningRate, .tinyBatch, .smallEvalSet]
    default: []
    }
  }

  /// Whether two causes are twins by ``CauseKnowledge``: the change that treats each also
  /// treats the other (a low rate and too few steps; a high rate and a tiny batch, or bad
  /// batches). A learner naming one for the other has a remedy in mind that helps.
  public static func isRelated(_ cause: Cause, _ other: Cause) -> Bool {
    func treats(_ first: Cause, _ second: Cause) -> Bool {
      CauseKnowledge.secondaryTreatments(for: second).map(\.action)
        .contains(CauseKnowledge.treatment(for: first).action)
    }
    return cause != other && treats(cause, other) && treats(other, cause)
  }

  /// The cause question's key for `diagnosis`, or `nil` when it is not worth asking.
  static func causeAnswer(for diagnosis: Diagnosis) -> CauseAnswer? {
    guard causePatterns.contains(diagnosis.pattern), let top = diagnosis.causes.first else {
      return nil
    }
    let open = diagnosis.openCauses
    // Named, or narrowed to a few that are all accepted; a single cause the engine leans to
    // without naming it is too weak a reading to call the others wrong.
    guard let answer = open.first, answer == top.cause,
      top.isDetermined || (2...causeOpenLimit).contains(open.count)
    else { return nil }
    // Half credit: possible by the evidence, or the twin of an open cause by the one table.
    let related = diagnosis.causes.map(\.cause).filter { cause in
      !open.contains(cause) && open.contains { isRelated(cause, $0) }
    }
    var possible = diagnosis.possibleCauses
    possible += related.filter { !possible.contains($0) }
    // Ruled out by the evidence, most tempting (heaviest) first, then the other pattern's.
    let ruledOut = Array(diagnosis.unlikelyCauses.reversed())
    let taken = Set(open + possible)
    var distractors: [Cause] = []
    // At least one from the other pattern, so the options do not give the pattern away.
    let sameShare = causeDistractorCount - 1
    for cause in ruledOut where distractors.count < sameShare && !taken.contains(cause) {
      distractors.append(cause)
    }
    for cause in crossPatternDistractors(for: diagnosis.pattern)
    where distractors.count < causeDistractorCount && !taken.contains(cause) {
      distractors.append(cause)
    }
    return CauseAnswer(
      answer: answer, isNamed: top.isDetermined, alsoRight: Array(open.dropFirst()),
      halfCredit: possible, distractors: distractors, evidence: top.evidence)
  }
}
