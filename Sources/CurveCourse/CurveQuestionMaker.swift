import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveSim

/// Turns a quiz's `curve:` header into a question: a simulated run, options, and a key from
/// the diagnosis engine.
///
/// When no seed is fixed, the run's seed follows from the quiz seed and the question id, and
/// a run the engine cannot key (no early stop to ask about, no steps to count, a verdict
/// outside the four patterns) is redrawn with the next candidate seed.
struct CurveQuestionMaker {
  var spec: CurveQuestionSpec
  var quizSeed: UInt64
  var id: String

  /// Candidates tried before giving up.
  static let maximumDraws = 30

  func make() throws(RunRecipe.Problem) -> QuizPlan.Question {
    let baseSeed: UInt64
    if let fixed = spec.seed {
      baseSeed = fixed
    } else {
      var generator = SeededGenerator(seed: quizSeed, stream: "quiz.curve.\(id)")
      baseSeed = generator.next() >> 44  // a short number a learner can retype
    }
    let draws = spec.seed == nil ? Self.maximumDraws : 1
    for draw in 0..<draws {
      let seed = ExerciseGenerator.candidateSeed(baseSeed, draw: draw)
      let recipe = try recipe(seed: seed)
      let log = try recipe.simulate().log
      if let question = question(for: recipe, log: log) { return question }
    }
    throw RunRecipe.Problem(
      message: "no run in \(draws) draws from seed \(baseSeed) gave the engine an answer to ask=\(spec.ask.rawValue)")
  }

  /// The run: the written scenario and overrides, with a small evaluation set for set-size
  /// questions unless the author chose one.
  func recipe(seed: UInt64) throws(RunRecipe.Problem) -> RunRecipe {
    var pairs: [(key: String, value: String)] = [("scenario", spec.scenario)]
    pairs += spec.overrides.map { ($0.key, $0.value) }
    if spec.ask == .setSize, !spec.overrides.contains(where: { $0.key == "eval-size" }) {
      var generator = SeededGenerator(seed: seed, stream: "quiz.set-size")
      pairs.append(("eval-size", String(generator.nextInt(in: 16...60))))
    }
    return try RunRecipe(pairs: pairs, defaultSeed: seed)
  }

  private func question(for recipe: RunRecipe, log: TrainingLog) -> QuizPlan.Question? {
    let patience = spec.patience ?? 3
    let diagnosis = Diagnoser(
      options: DiagnosisOptions(earlyStopping: EarlyStoppingPolicy(patience: patience))
    ).diagnose(log)
    guard Pattern.taught.contains(diagnosis.pattern) else { return nil }
    if spec.scenario != "any", diagnosis.pattern.rawValue != recipe.scenario.rawValue { return nil }
    let options: [QuizPlan.Option]?
    var panels = QuizPlan.FigurePanels.chart
    switch spec.ask {
    case .pattern: options = patternOptions(diagnosis)
    case .stop:
      options = stopOptions(log: log, diagnosis: diagnosis, patience: patience)
      panels = .lossWithEvaluations
    case .remedy: options = remedyOptions(diagnosis)
    case .setSize:
      options = setSizeOptions(diagnosis, log: log)
      panels = .accuracyValues
    }
    guard let options, Set(options.map(\.text)).count == options.count,
      options.filter(\.isCorrect).count == 1
    else { return nil }
    return QuizPlan.Question(
      id: id, sections: [], isMultiple: false, prompt: "", hint: nil, options: options,
      run: recipe, log: log, panels: panels)
  }

  // MARK: Options

  private func patternOptions(_ diagnosis: Diagnosis) -> [QuizPlan.Option] {
    let evidence = diagnosis.evidence.prefix(2).map(\.meaning).joined(separator: "; ")
    return Pattern.taught.map { pattern in
      if pattern == diagnosis.pattern {
        return QuizPlan.Option(
          text: pattern.title, isCorrect: true,
          explanation: "Right. \(diagnosis.headline)\(evidence.isEmpty ? "" : " (\(evidence))")")
      }
      return QuizPlan.Option(
        text: pattern.title, isCorrect: false,
        explanation: "Not this run: \(Self.signature(of: pattern)) The engine's reading: "
          + diagnosis.headline)
    }
  }

  static func signature(of pattern: Pattern) -> String {
    switch pattern {
    case .healthy: "a healthy run has both losses falling and levelling off close together."
    case .overfitting:
      "overfitting needs validation loss to turn up (or stall) while training loss keeps falling."
    case .underfitting: "underfitting keeps both losses high and flat from early on."
    case .erratic: "an erratic run swings up and down as much as it trends, in both curves."
    case .diverged: "a diverged run's loss becomes NaN or explodes."
    case .insufficientData: "the log would be too short to judge."
    }
  }

  private func stopOptions(log: TrainingLog, diagnosis: Diagnosis, patience: Int)
    -> [QuizPlan.Option]?
  {
    let steps = log.evaluationEntries.map(\.step)
    guard let outcome = diagnosis.earlyStopping, let stopIndex = outcome.stopIndex,
      let kept = outcome.restoredStep, let keptIndex = steps.firstIndex(of: kept),
      stopIndex - keptIndex == patience, keptIndex >= 1, stopIndex + 1 < steps.count
    else { return nil }
    let stop = steps[stopIndex]
    func text(_ stop: Int?, _ keep: Int) -> String {
      guard let stop else { return "It never stops early; the run ends at step \(steps.last!) and keeps step \(keep)." }
      return "It stops after step \(stop) and keeps the step-\(keep) checkpoint."
    }
    let interval = steps.count > 1 ? steps[1] - steps[0] : 0
    return [
      QuizPlan.Option(
        text: text(stop, kept), isCorrect: true,
        explanation: "Right. Validation loss was lowest at step \(kept); the next \(patience) "
          + "evaluations (every \(interval) steps) brought no new best, so training ends at step "
          + "\(stop), and load_best_model_at_end restores step \(kept)."),
      QuizPlan.Option(
        text: text(stop, stop), isCorrect: false,
        explanation: "The stop is right, but with load_best_model_at_end=True the Trainer keeps "
          + "the best checkpoint (step \(kept)), not the last one."),
      QuizPlan.Option(
        text: text(steps[stopIndex - 1], kept), isCorrect: false,
        explanation: "One evaluation too early: patience \(patience) waits for \(patience) "
          + "evaluations without improvement after the best one, and step \(steps[stopIndex - 1]) "
          + "is only number \(patience - 1) of them."),
      QuizPlan.Option(
        text: text(nil, steps.last!), isCorrect: false,
        explanation: "Patience counts evaluations, and validation loss went \(patience) "
          + "evaluations without a new best well before the end, so the callback fires at step "
          + "\(stop)."),
    ]
  }

  private func remedyOptions(_ diagnosis: Diagnosis) -> [QuizPlan.Option]? {
    guard let best = diagnosis.remedies.first else { return nil }
    let listed = Set(diagnosis.remedies.map(\.action))
    // Changes that would not help the diagnosed cause (or, with the cause open, the pattern),
    // and that the engine does not list either.
    let unhelpful = diagnosis.cause.map(CauseKnowledge.unhelpful(for:))
      ?? CauseKnowledge.unhelpful(for: diagnosis.pattern)
    let distractors = unhelpful.filter { !listed.contains($0) }.prefix(3)
    guard distractors.count == 3 else { return nil }
    return [
      QuizPlan.Option(
        text: best.action.title.capitalisingFirstLetter, isCorrect: true, explanation: "Right. \(best.text)")
    ]
      + distractors.map { action in
        QuizPlan.Option(
          text: action.title.capitalisingFirstLetter, isCorrect: false,
          explanation: "Not for this run: "
            + "\(CauseKnowledge.whyNot(action, for: diagnosis.pattern, cause: diagnosis.cause)) The "
            + "engine's first advice: \(best.text)")
      }
  }

  /// Options for "the smallest evaluation-set size the accuracy steps fit": the engine's size,
  /// a multiple of it (which fits too, but is not the smallest) and sizes that do not fit.
  private func setSizeOptions(_ diagnosis: Diagnosis, log: TrainingLog) -> [QuizPlan.Option]? {
    let actual = log.metadata.evaluationSetSize
    guard let steps = diagnosis.accuracySteps, steps.isQuantized, let n = steps.impliedSetSize,
      n == actual, n >= 8
    else { return nil }
    let values = Set(log.evaluationEntries.compactMap(\.accuracy))
    func fits(_ size: Int) -> Bool {
      values.allSatisfy { abs($0 * Double(size) - ($0 * Double(size)).rounded()) < 1e-6 * Double(size) }
    }
    let step = Format.number(1 / Double(n))
    let nonFitting = [n + n / 3, n / 2, n - 1, n + 1].filter { $0 >= 2 && !fits($0) }
    guard fits(n), nonFitting.count >= 2 else { return nil }
    let candidates = [n, n * 2] + nonFitting.prefix(2)
    return candidates.map { size in
      if size == n {
        return QuizPlan.Option(
          text: "\(size) examples", isCorrect: true,
          explanation: "Right. Every accuracy value is a whole multiple of \(step) = 1/\(n): each "
            + "step is one more example classified right out of \(n), and no smaller set gives "
            + "these values.")
      }
      if fits(size) {
        return QuizPlan.Option(
          text: "\(size) examples", isCorrect: false,
          explanation: "These values do fit \(size) examples (every multiple of 1/\(n) is one of "
            + "1/\(size) too), but \(n) fits as well and is smaller; the question asks for the "
            + "smallest size.")
      }
      return QuizPlan.Option(
        text: "\(size) examples", isCorrect: false,
        explanation: "With \(size) examples accuracy could only take multiples of 1/\(size) = "
          + "\(Format.number(1 / Double(size))), and the values here are not all such multiples; "
          + "they move in steps of \(step) = 1/\(n).")
    }
  }
}
