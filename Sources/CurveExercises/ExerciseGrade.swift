import CurveDiagnosis

/// How answers turn into points.
public enum GradingPolicy: String, Sendable, CaseIterable, Codable {
  /// Partial credit, and the pattern counts twice: pattern 2 points, every other question 1.
  case weighted
  /// Each question is right (1 point) or not (0); half credit counts as nothing.
  case allOrNothing = "all-or-nothing"

  /// The policy in one sentence, for reports and answer keys.
  public var statement: String {
    switch self {
    case .weighted:
      "weighted: the pattern is worth 2 points and every other question 1; a close step, a "
        + "change the engine lists but does not rank first, or a cause it finds possible but less "
        + "likely, earns half"
    case .allOrNothing: "all-or-nothing: 1 point for each fully right answer, 0 otherwise"
    }
  }

  /// The points a question is worth.
  public func weight(of question: Exercise.Question) -> Double {
    switch self {
    case .weighted: question == .pattern ? 2 : 1
    case .allOrNothing: 1
    }
  }
}

/// The marks for one attempt, with an explanation per question.
public struct ExerciseGrade: Sendable, Equatable {
  /// One question's mark.
  public struct Item: Sendable, Equatable {
    /// The question.
    public var question: Exercise.Question
    /// The share of the question's points earned: 0, 0.5 or 1.
    public var credit: Double
    /// Points earned.
    public var points: Double
    /// Points available.
    public var maximum: Double
    /// The answer given, as text ("" when blank).
    public var given: String
    /// The engine's answer, as text.
    public var expected: String
    /// Why, in a sentence or two drawn from the engine's evidence.
    public var explanation: String
    /// How the answer was read or credited when that needs the teacher's eye: a misspelling
    /// accepted, a letter whose words disagree, credit set by the instructor; `nil` otherwise.
    public var note: String? = nil

    /// Whether the answer earned full credit.
    public var isRight: Bool { credit >= 1 }
  }

  /// The policy used.
  public var policy: GradingPolicy
  /// One item per question, in the exercise's order.
  public var items: [Item]

  /// Points earned.
  public var points: Double { items.reduce(0) { $0 + $1.points } }
  /// Points available.
  public var maximum: Double { items.reduce(0) { $0 + $1.maximum } }
  /// Points earned as a share of those available.
  public var fraction: Double { maximum > 0 ? points / maximum : 0 }
}

extension SolvedExercise {
  /// Grades `answer` against the engine's key.
  public func grade(_ answer: ExerciseAnswer, policy: GradingPolicy = .weighted) -> ExerciseGrade {
    let items = exercise.questions.map { question in
      var (credit, given, expected, explanation) = mark(question, answer)
      if policy == .allOrNothing, credit < 1 { credit = 0 }
      let weight = policy.weight(of: question)
      return ExerciseGrade.Item(
        question: question, credit: credit, points: credit * weight, maximum: weight,
        given: given, expected: expected, explanation: explanation)
    }
    return ExerciseGrade(policy: policy, items: items)
  }

  private func mark(_ question: Exercise.Question, _ answer: ExerciseAnswer)
    -> (credit: Double, given: String, expected: String, explanation: String)
  {
    switch question {
    case .pattern:
      let credit: Double = answer.pattern == key.pattern ? 1 : 0
      return (credit, answer.pattern?.rawValue ?? "", key.pattern.rawValue, patternExplanation)
    case .keepStep:
      let given = answer.keepStep.map(String.init) ?? ""
      guard let keep = key.keep else {
        return (0, given, "none", "No evaluation has a finite validation loss.")
      }
      var credit = 0.0
      if let step = answer.keepStep, let nearest = nearestEvaluationStep(to: step) {
        if key.acceptedKeepSteps.contains(nearest) {
          credit = 1
        } else if key.nearKeepSteps.contains(nearest) {
          credit = 0.5
        }
      }
      return (credit, given, String(keep.step), keepExplanation(keep))
    case .remedy:
      var credit = 0.0
      if let remedy = answer.remedy {
        if remedy == key.remedy {
          credit = 1
        } else if key.otherRemedies.contains(remedy) {
          credit = 0.5
        }
      }
      return (credit, answer.remedy?.rawValue ?? "", key.remedy.rawValue, remedyExplanation)
    case .cause:
      let given = answer.cause?.rawValue ?? ""
      guard let cause = key.causeAnswer else { return (0, given, "none", "") }
      return (answer.cause.map(cause.credit(for:)) ?? 0, given, cause.answer.rawValue, causeExplanation(cause))
    case .setSize:
      let given = answer.setSize.map(String.init) ?? ""
      guard let size = key.setSize else {
        return (0, given, "unknown", "The accuracy values do not sit on a grid of 1/N.")
      }
      var credit = 0.0
      if let guess = answer.setSize {
        let error = abs(Double(guess - size)) / Double(size)
        credit = error <= ExerciseKey.setSizeTolerance ? 1 : error <= 2 * ExerciseKey.setSizeTolerance ? 0.5 : 0
      }
      let step = 1 / Double(size)
      return (
        credit, given, String(size),
        "Accuracy only takes multiples of \(Format.number(step)) here, which is 1/\(size): "
          + "each step is one more example classified right."
      )
    case .patienceStop(let patience):
      let given = answer.patienceStop.map(String.init) ?? ""
      guard let stop = key.patienceStop else { return (0, given, "none", "") }
      let steps = log.evaluationEntries.map(\.step)
      let expected = stop.stopStep.map(String.init) ?? "never"
      var credit = 0.0
      if let guess = answer.patienceStop, let nearest = nearestEvaluationStep(to: guess) {
        if let stopStep = stop.stopStep,
          let expectedIndex = steps.firstIndex(of: stopStep),
          let givenIndex = steps.firstIndex(of: nearest)
        {
          credit = givenIndex == expectedIndex ? 1 : abs(givenIndex - expectedIndex) == 1 ? 0.5 : 0
        } else if stop.stopStep == nil, nearest == steps.last {
          credit = 1
        }
      }
      let explanation: String
      if let stopStep = stop.stopStep, let kept = stop.keptStep {
        explanation =
          "The best validation loss came at step \(kept); \(patience) evaluations in a row "
          + "without a new best end training at step \(stopStep), and the step-\(kept) "
          + "checkpoint is the one kept."
      } else {
        explanation =
          "Validation loss never went \(patience) evaluations without a new best, so the rule "
          + "never fires and the run ends at its planned last step."
      }
      return (credit, given, expected, explanation)
    }
  }

  /// The step of the evaluation `step` names: the nearest one, when `step` lies within half
  /// an evaluation interval of it; `nil` for a step no evaluation is near (0 on a run that
  /// first evaluates at step 500, or a step past the end).
  public func nearestEvaluationStep(to step: Int) -> Int? {
    let steps = log.evaluationEntries.map(\.step)
    guard let nearest = steps.min(by: { abs($0 - step) < abs($1 - step) }) else { return nil }
    let gaps = zip(steps, steps.dropFirst()).map { $1 - $0 }.sorted()
    let interval = gaps.isEmpty ? max(1, nearest) : gaps[gaps.count / 2]
    return abs(nearest - step) <= max(1, interval / 2) ? nearest : nil
  }

  /// The headline and the two strongest numbers.
  var patternExplanation: String {
    let numbers = diagnosis.evidence.prefix(2).map(\.meaning)
    return ([diagnosis.headline] + numbers.map(\.asSentence)).joined(separator: " ")
  }

  func keepExplanation(_ keep: ExerciseKey.Checkpoint) -> String {
    let count = log.evaluationEntries.count
    var text = "The lowest validation loss, \(Format.number(keep.loss)), comes at step "
    text += "\(keep.step) (evaluation \(keep.index + 1) of \(count))."
    if let description = key.keepToleranceDescription, let tolerance = key.keepLossTolerance {
      text += " A checkpoint with a \(description) counts as right: step"
      text += (key.acceptedKeepSteps.count == 1 ? " " : "s ")
      text += key.acceptedKeepSteps.map(String.init).joined(separator: ", ")
      text += "; within \(Format.number(ExerciseKey.nearMultiple * tolerance)) of it, half."
    }
    return text
  }

  func causeExplanation(_ cause: ExerciseKey.CauseAnswer) -> String {
    var text: String
    if cause.isNamed {
      text = "The engine names the cause: \(cause.answer.plainWords)"
    } else {
      let open = [cause.answer] + cause.alsoRight
      text = open.count == 1
        ? "The likeliest cause: \(cause.answer.plainWords)"
        : "The engine narrows it to " + open.map(\.plainWords).joined(separator: " or ")
    }
    text += cause.evidence.isEmpty ? "." : " (" + cause.evidence.joined(separator: "; ") + ")."
    if !cause.alsoRight.isEmpty {
      text += " The log does not tell "
        + (cause.alsoRight.count == 1 ? "the two" : "them") + " apart, so each counts as right."
    }
    if !cause.halfCredit.isEmpty {
      text += " Half credit for a cause that is possible but less likely, or whose fix also helps here: "
        + cause.halfCredit.map(\.plainWords).joined(separator: "; ") + "."
    }
    return text
  }

  var remedyExplanation: String {
    guard let first = diagnosis.remedies.first else { return "" }
    var text = first.text.asSentence
    if !key.otherRemedies.isEmpty {
      text += " Also reasonable (half credit): "
        + key.otherRemedies.map(\.title).joined(separator: "; ") + "."
    }
    return text
  }
}
