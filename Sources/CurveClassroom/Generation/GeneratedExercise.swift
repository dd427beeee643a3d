import CurveCore
public import CurveDiagnosis
public import CurveExercises
public import CurveSim

/// One exercise of a generated set: the solved run, its lettered remedy options, and what the
/// engine's remedy does when simulated.
public struct GeneratedExercise: Sendable {
  /// The run, its diagnosis and its key.
  public var solved: SolvedExercise
  /// The scenario the exercise was drawn from; the engine agrees with it.
  public var scenario: Scenario
  /// The remedy question's options.
  public var options: RemedyOptions
  /// The cause question's options; `nil` where the cause is not asked.
  public var causeOptions: CauseOptions? = nil
  /// Candidates the engine disagreed with before this one.
  public var redraws: Int
  /// The same run with the engine's top remedy applied; `nil` when the remedy is to change
  /// nothing.
  public var trial: RemedyOutcome?

  /// The exercise's id: `ex-001`.
  public var id: String { solved.exercise.id }
  /// The exercise's recipe.
  public var recipe: RunRecipe { solved.exercise.recipe }
}

/// What a remedy did to a run, as the engine reads the remedied run.
public struct RemedyOutcome: Sendable, Equatable {
  /// The change.
  public var action: Remedy.Action
  /// The recipe of the remedied run.
  public var recipe: RunRecipe
  /// The engine's verdict on the remedied run.
  public var pattern: Pattern
  /// The engine's headline on the remedied run.
  public var headline: String
  /// Lowest validation loss before and after.
  public var bestLoss: (before: Double, after: Double)
  /// Last validation loss before and after.
  public var finalLoss: (before: Double, after: Double)

  public static func == (a: RemedyOutcome, b: RemedyOutcome) -> Bool {
    a.action == b.action && a.recipe == b.recipe && a.pattern == b.pattern
      && a.headline == b.headline && a.bestLoss == b.bestLoss && a.finalLoss == b.finalLoss
  }

  /// Trains `solved`'s run with `action` added and diagnoses it.
  static func simulate(_ action: Remedy.Action, on solved: SolvedExercise) -> RemedyOutcome? {
    let recipe = solved.exercise.recipe.adding(action)
    guard let run = try? recipe.simulate() else { return nil }
    let diagnosis = Diagnoser().diagnose(run.log)
    func losses(_ log: TrainingLog) -> (best: Double, last: Double) {
      let values = log.evaluationEntries.compactMap(\.loss).filter(\.isFinite)
      return (values.min() ?? .nan, values.last ?? .nan)
    }
    let before = losses(solved.log)
    let after = losses(run.log)
    return RemedyOutcome(
      action: action, recipe: recipe, pattern: diagnosis.pattern, headline: diagnosis.headline,
      bestLoss: (before.best, after.best), finalLoss: (before.last, after.last))
  }
}
