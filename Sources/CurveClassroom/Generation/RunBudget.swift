public import CurveExercises
public import CurveSim

/// Caps on the knobs of generated runs, so that a set of a thousand exercises trains in
/// seconds while the engine still reads every run as its pattern.
///
/// The caps become settings of each exercise's ``RunRecipe``, so the recipe's command line
/// reruns exactly the run on the worksheet. Measured in a release build, they take the cost of
/// a set of 1,000 exercises from about 30 s to under 10 s on two cores:
///
/// | Scenario | Caps |
/// |---|---|
/// | overfitting | at most 2,500 updates (epochs cut to fit); hidden width at most 256 |
/// | underfitting | at most 400 training examples and 25 epochs |
/// | healthy | at most 400 training examples |
/// | erratic | none (its runs are already short) |
public struct RunBudget: Sendable, Equatable {
  /// The most updates of an overfitting run (its epochs are cut to fit). An overfitting run
  /// trains a few dozen examples for thousands of updates, so a cap in epochs would stop it
  /// before it memorizes.
  public var overfittingSteps: Int
  /// The widest hidden layer of an overfitting run.
  public var overfittingWidth: Int
  /// The most training examples of a healthy or underfitting run.
  public var trainingExamples: Int
  /// The most epochs of an underfitting run.
  public var underfittingEpochs: Int

  /// The caps `curvelab generate` uses.
  public static let classroom = RunBudget(
    overfittingSteps: 2500, overfittingWidth: 256, trainingExamples: 400, underfittingEpochs: 25)

  /// No caps: the scenarios as drawn.
  public static let unlimited = RunBudget(
    overfittingSteps: .max, overfittingWidth: .max, trainingExamples: .max,
    underfittingEpochs: .max)

  /// Creates caps.
  public init(
    overfittingSteps: Int, overfittingWidth: Int, trainingExamples: Int, underfittingEpochs: Int
  ) {
    self.overfittingSteps = overfittingSteps
    self.overfittingWidth = overfittingWidth
    self.trainingExamples = trainingExamples
    self.underfittingEpochs = underfittingEpochs
  }

  /// The settings that bring `configuration` (the scenario's draw with the difficulty's
  /// settings applied) within the caps; none when it already is.
  public func settings(for scenario: Scenario, configuration c: TrainingConfiguration)
    -> [RunRecipe.Setting]
  {
    var settings: [RunRecipe.Setting] = []
    switch scenario {
    case .overfitting:
      if c.maxSteps > overfittingSteps {
        let epochs = max(1, overfittingSteps / max(1, c.stepsPerEpoch))
        settings.append(.init(.epochs, String(epochs)))
      }
      if c.hidden.contains(where: { $0 > overfittingWidth }) {
        let widths = c.hidden.map { min(overfittingWidth, $0) }
        settings.append(.init(.hidden, widths.map(String.init).joined(separator: ",")))
      }
    case .healthy, .underfitting:
      if c.data.trainSize > trainingExamples {
        settings.append(.init(.trainSize, String(trainingExamples)))
      }
      if scenario == .underfitting, c.epochs > underfittingEpochs {
        settings.append(.init(.epochs, String(underfittingEpochs)))
      }
    case .erratic, .diverged: break
    }
    return settings
  }

  /// A generator whose recipes carry these caps after the difficulty's settings.
  func generator(difficulty: Difficulty, questions: [Exercise.Question]) -> ExerciseGenerator {
    var generator = ExerciseGenerator(difficulty: difficulty, questions: questions)
    let budget = self
    generator.extraSettings = { scenario, drawn in
      var configuration = drawn
      for setting in difficulty.settings(for: scenario, drawn: drawn) {
        try? setting.knob.apply(setting.value, to: &configuration)
      }
      return budget.settings(for: scenario, configuration: configuration)
    }
    generator.handoutAgrees = HandoutFiles.readAsKeyed
    return generator
  }
}
