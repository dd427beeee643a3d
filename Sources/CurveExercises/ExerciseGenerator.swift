import CurveDiagnosis
public import CurveSim

/// How clear a generated exercise's pattern is.
public enum Difficulty: String, Sendable, CaseIterable, Codable {
  /// A larger evaluation set: calm curves, an obvious pattern.
  case easy
  /// The scenario as drawn.
  case medium
  /// Smaller gaps, noisier curves, fewer evaluations.
  case hard

  /// The knob changes, relative to the scenario's draw, that set the difficulty.
  public func settings(for scenario: Scenario, drawn c: TrainingConfiguration)
    -> [RunRecipe.Setting]
  {
    switch self {
    case .medium: return []
    case .easy: return [.init(.evalSize, String(min(TrainingConfiguration.maximumExamples, c.data.evalSize * 2)))]
    case .hard:
      var settings = [RunRecipe.Setting(.evalSize, String(max(40, c.data.evalSize / 2)))]
      if let steps = c.evalSteps { settings.append(.init(.evalSteps, String(steps * 2))) }
      switch scenario {
      case .overfitting: settings.append(.init(.trainSize, String(c.data.trainSize * 2)))
      case .erratic: settings.append(.init(.learningRate, Knob.learningRate.value(in: scaled(c, lr: 0.6))!))
      case .healthy: settings.append(.init(.inputNoise, Knob.inputNoise.value(in: noisier(c))!))
      case .underfitting, .diverged: break
      }
      return settings
    }
  }

  private func scaled(_ c: TrainingConfiguration, lr factor: Double) -> TrainingConfiguration {
    var copy = c
    copy.learningRate *= factor
    return copy
  }

  private func noisier(_ c: TrainingConfiguration) -> TrainingConfiguration {
    var copy = c
    copy.data.inputNoise += 0.05
    return copy
  }
}

/// Draws exercises whose pattern the engine confirms.
///
/// A candidate run whose diagnosis disagrees with the scenario it was drawn from (or, with
/// ``handoutAgrees``, whose handed-out files read differently) is redrawn with the next
/// candidate seed, never shipped; the seeds follow from the exercise's seed, so the same seed
/// always gives the same exercise.
///
/// ```swift
/// let generator = ExerciseGenerator(difficulty: .hard)
/// let solved = try generator.make(id: "ex-01", scenario: .overfitting, seed: 99)
/// solved.key.pattern   // .overfitting
/// ```
public struct ExerciseGenerator: Sendable {
  /// How clear the patterns are.
  public var difficulty: Difficulty
  /// What each exercise asks.
  public var questions: [Exercise.Question]
  /// Candidates tried before giving up.
  public var maximumDraws: Int
  /// Knob settings added after the difficulty's, given the scenario and the drawn
  /// configuration: for example caps that keep a large set quick to train. They are part of
  /// each recipe, so its command line reruns exactly the same run.
  public var extraSettings: @Sendable (Scenario, TrainingConfiguration) -> [RunRecipe.Setting] = {
    _, _ in []
  }
  /// Whether the files handed out for a solved exercise read as its key does: the engine's
  /// verdict on the log as written to disk and read back (a student's `curvelab diagnose`),
  /// which knows less than the simulator's own log (no settings, so no number of classes).
  /// A candidate the files would read differently is redrawn. By default every candidate
  /// passes (the classroom module sets it to its `HandoutFiles.readAsKeyed`).
  public var handoutAgrees: @Sendable (SolvedExercise) -> Bool = { _ in true }

  /// No candidate in ``maximumDraws`` draws showed the scenario.
  public struct NoAgreement: Error, Sendable, CustomStringConvertible {
    /// The scenario asked for.
    public var scenario: Scenario
    /// The seed asked for.
    public var seed: UInt64
    /// Draws tried.
    public var draws: Int
    public var description: String {
      "no run drawn from seed \(seed) showed \(scenario.rawValue) to the engine in \(draws) tries"
    }
  }

  /// Creates a generator.
  public init(
    difficulty: Difficulty = .medium, questions: [Exercise.Question] = Exercise.standardQuestions,
    maximumDraws: Int = 40
  ) {
    self.difficulty = difficulty
    self.questions = questions
    self.maximumDraws = maximumDraws
  }

  /// The seed of the `draw`-th candidate for `seed` (draw 0 is `seed` itself).
  public static func candidateSeed(_ seed: UInt64, draw: Int) -> UInt64 {
    guard draw > 0 else { return seed }
    var generator = SeededGenerator(seed: seed, stream: "exercise.redraw.\(draw)")
    return generator.next() >> 16  // short enough to type
  }

  /// The first candidate the engine reads as `scenario`.
  public func make(id: String, scenario: Scenario, seed: UInt64) throws(NoAgreement)
    -> SolvedExercise
  {
    for draw in 0..<maximumDraws {
      let candidate = Self.candidateSeed(seed, draw: draw)
      let drawn = scenario.configuration(seed: candidate)
      let recipe = RunRecipe(
        scenario: scenario, seed: candidate,
        settings: difficulty.settings(for: scenario, drawn: drawn) + extraSettings(scenario, drawn))
      guard let solved = try? Exercise(id: id, recipe: recipe, questions: questions).solve(),
        solved.diagnosis.pattern.rawValue == scenario.rawValue,
        solved.key.keep != nil, handoutAgrees(solved)
      else { continue }
      if questions.contains(.setSize), solved.key.setSize != solved.configuration.data.evalSize {
        continue
      }
      return solved
    }
    throw NoAgreement(scenario: scenario, seed: seed, draws: maximumDraws)
  }
}
