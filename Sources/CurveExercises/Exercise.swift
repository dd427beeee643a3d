public import CurveCore
public import CurveDiagnosis
public import CurveSim

/// A run to diagnose and the questions asked about it.
///
/// ```swift
/// let exercise = Exercise(id: "overfitting-1", recipe: RunRecipe(scenario: .overfitting, seed: 21))
/// let solved = try exercise.solve()
/// solved.key.pattern                     // .overfitting, from the diagnosis engine
/// solved.grade(ExerciseAnswer(pattern: .overfitting, keepStep: 320, remedy: .earlyStopping))
/// ```
public struct Exercise: Sendable, Equatable {
  /// A stable name: `overfitting-1`, or `ex-007` in a generated set.
  public var id: String
  /// The run.
  public var recipe: RunRecipe
  /// What is asked, in order.
  public var questions: [Question]

  /// What an exercise can ask.
  public enum Question: Sendable, Equatable, Hashable {
    /// Which pattern the run shows.
    case pattern
    /// The step of the checkpoint to keep (the lowest validation loss).
    case keepStep
    /// The change that helps most.
    case remedy
    /// What caused the pattern, among the engine's candidate causes (asked where the engine
    /// names the cause or narrows it to a few; see ``ExerciseKey/causeAnswer``).
    case cause
    /// About how many examples the evaluation set holds, from the accuracy steps.
    case setSize
    /// The step at which early stopping with this patience ends training.
    case patienceStop(Int)

    /// The name used in files and on the command line: `pattern`, `stop`, `cause`, `remedy`,
    /// `set-size`, `patience-stop`.
    public var name: String {
      switch self {
      case .pattern: "pattern"
      case .keepStep: "stop"
      case .remedy: "remedy"
      case .cause: "cause"
      case .setSize: "set-size"
      case .patienceStop: "patience-stop"
      }
    }

    /// The question as put to a learner.
    public var prompt: String {
      switch self {
      case .pattern: "Which pattern does the run show (healthy, overfitting, underfitting, erratic)?"
      case .keepStep: "At which step is the checkpoint you would keep (the best validation loss)?"
      case .remedy: "Which change would help this run most?"
      case .cause: "What most likely caused it?"
      case .setSize: "About how many examples are in the evaluation set?"
      case .patienceStop(let patience):
        "With early stopping on validation loss and patience \(patience), at which step does training stop?"
      }
    }
  }

  /// The questions every exercise asks unless told otherwise; each run keeps those that fit
  /// it (the stop question where a kept checkpoint matters, the cause question where the
  /// engine can say what caused the pattern).
  public static let standardQuestions: [Question] = [.pattern, .keepStep, .cause, .remedy]

  /// Creates an exercise.
  public init(id: String, recipe: RunRecipe, questions: [Question] = Exercise.standardQuestions) {
    self.id = id
    self.recipe = recipe
    self.questions = questions
  }

  /// Trains the run and diagnoses it: the answer key comes from the engine.
  public func solve() throws(RunRecipe.Problem) -> SolvedExercise {
    let configuration = try recipe.configuration()
    let run = Simulator(configuration: configuration, seed: recipe.seed, scenario: recipe.scenario)
      .run()
    return SolvedExercise(exercise: self, log: run.log, configuration: configuration)
  }
}

/// An exercise with its run trained, diagnosed and keyed.
public struct SolvedExercise: Sendable {
  /// The exercise.
  public var exercise: Exercise
  /// The run's log.
  public var log: TrainingLog
  /// The run's knobs.
  public var configuration: TrainingConfiguration
  /// The engine's reading of the run.
  public var diagnosis: Diagnosis
  /// The answers the engine gives.
  public var key: ExerciseKey

  /// Diagnoses `log` and derives the key; the exercise keeps only the questions that fit the
  /// run.
  public init(exercise: Exercise, log: TrainingLog, configuration: TrainingConfiguration) {
    self.exercise = exercise
    self.log = log
    self.configuration = configuration
    diagnosis = Diagnoser().diagnose(log)
    key = ExerciseKey(log: log, diagnosis: diagnosis, questions: exercise.questions)
    // The checkpoint question is asked only where a kept checkpoint matters (see
    // ``ExerciseKey/asksKeepStep``): on other runs it would test nothing.
    if !key.asksKeepStep { self.exercise.questions.removeAll { $0 == .keepStep } }
    // The cause question likewise, only where the engine's cause layer supports a key.
    if key.causeAnswer == nil { self.exercise.questions.removeAll { $0 == .cause } }
  }
}
