import CurveDiagnosis
public import CurveExercises
public import CurveRender

/// The `key=value` words after a fenced block's keyword: ```` ```curve scenario=healthy seed=3 ````.
struct BlockArguments {
  var keyword: String
  var pairs: [(key: String, value: String)]

  init(info: String) throws(RunRecipe.Problem) {
    let words = info.split(separator: " ").map(String.init)
    keyword = words.first ?? ""
    pairs = []
    for word in words.dropFirst() {
      guard let equals = word.firstIndex(of: "="), equals != word.startIndex else {
        throw RunRecipe.Problem(message: "'\(word)' is not key=value")
      }
      let key = String(word[..<equals])
      guard !pairs.contains(where: { $0.key == key }) else {
        throw RunRecipe.Problem(message: "\(key)= is given twice")
      }
      pairs.append((key, String(word[word.index(after: equals)...])))
    }
  }

  func value(_ key: String) -> String? { pairs.first { $0.key == key }?.value }
}

/// One of the fenced blocks the course draws itself instead of showing it as code.
public enum CourseBlock: Sendable {
  case curve(CurveBlock)
  case prediction(PredictionBlock)
  case exercise(ExerciseBlock)
  case predict(PredictBlock)

  /// The info-string keywords of the course's blocks.
  public static let keywords: Set<String> = ["curve", "prediction", "exercise", "predict"]

  /// Keywords of blocks whose body holds something (a question); the others stay empty.
  static let keywordsWithBody: Set<String> = ["predict"]

  /// The block an info string (and body) describes, or why it does not read; `nil` for
  /// ordinary code.
  public static func read(info: String, body: String = "") -> Result<CourseBlock, RunRecipe.Problem>? {
    do throws(RunRecipe.Problem) {
      switch info.split(separator: " ").first {
      case "curve": return .success(.curve(try CurveBlock(info: info)))
      case "prediction": return .success(.prediction(try PredictionBlock(info: info)))
      case "exercise": return .success(.exercise(try ExerciseBlock(info: info)))
      case "predict": return .success(.predict(try PredictBlock(info: info, body: body)))
      default: return nil
      }
    } catch {
      return .failure(error)
    }
  }
}

/// A ```` ```curve ```` block: a simulated run drawn as a chart inside a lesson.
public struct CurveBlock: Sendable, Equatable {
  /// The run.
  public var recipe: RunRecipe
  /// Loss, accuracy, or both.
  public var panels: TrainingLogChart.Panels
  /// Whether to mark the best checkpoint.
  public var marksBest: Bool
  /// Whether to mark where early stopping with ``patience`` stops.
  public var marksStop: Bool
  /// Patience for the stop marker.
  public var patience: Int
  /// Steps or epochs along the bottom.
  public var xAxis: TrainingLogChart.XAxis
  /// Whether to print the engine's headline under the chart.
  public var showsVerdict: Bool

  static let displayKeys: Set<String> = ["show", "mark", "patience", "x", "verdict"]

  /// Reads the block's info string (`curve scenario=... seed=...`).
  public init(info: String) throws(RunRecipe.Problem) {
    let arguments = try BlockArguments(info: info)
    recipe = try RunRecipe(pairs: arguments.pairs, otherKeys: Self.displayKeys)
    panels = []
    for name in (arguments.value("show") ?? "loss,accuracy").split(separator: ",") {
      switch name {
      case "loss": panels.insert(.loss)
      case "accuracy": panels.insert(.accuracy)
      case "learning-rate": panels.insert(.learningRate)
      default:
        throw RunRecipe.Problem(
          message: "show=\(name): expected loss, accuracy, learning-rate, or several joined by commas")
      }
    }
    marksBest = false
    marksStop = false
    for name in (arguments.value("mark") ?? "").split(separator: ",") {
      switch name {
      case "best": marksBest = true
      case "stop": marksStop = true
      default: throw RunRecipe.Problem(message: "mark=\(name): expected best, stop or both")
      }
    }
    if let text = arguments.value("patience") {
      guard let value = Int(text), value > 0 else {
        throw RunRecipe.Problem(message: "patience=\(text): expected a positive whole number")
      }
      patience = value
    } else {
      patience = 3
    }
    if let text = arguments.value("x") {
      guard let axis = TrainingLogChart.XAxis(rawValue: text) else {
        throw RunRecipe.Problem(message: "x=\(text): expected step or epoch")
      }
      xAxis = axis
    } else {
      xAxis = .step
    }
    switch arguments.value("verdict") {
    case nil, "no": showsVerdict = false
    case "yes": showsVerdict = true
    case let other?: throw RunRecipe.Problem(message: "verdict=\(other): expected yes or no")
    }
  }
}

/// A ```` ```prediction ```` block: one validation example's score followed through training.
public struct PredictionBlock: Sendable, Equatable {
  /// The run.
  public var recipe: RunRecipe

  /// Reads the block's info string.
  public init(info: String) throws(RunRecipe.Problem) {
    recipe = try RunRecipe(pairs: BlockArguments(info: info).pairs)
  }
}

/// An ```` ```exercise ```` block: a run for the learner to diagnose, graded by the engine.
public struct ExerciseBlock: Sendable, Equatable {
  /// The exercise.
  public var exercise: Exercise

  /// Reads the block's info string (`exercise id=overfitting-1 scenario=overfitting seed=21`).
  public init(info: String) throws(RunRecipe.Problem) {
    let arguments = try BlockArguments(info: info)
    guard let id = arguments.value("id") else { throw RunRecipe.Problem(message: "no id= given") }
    guard CourseIdentifier.isValid(id) else {
      throw RunRecipe.Problem(message: "id=\(id): use lowercase letters, digits and hyphens")
    }
    let recipe = try RunRecipe(pairs: arguments.pairs, otherKeys: ["id", "ask", "patience"])
    // Without ask=, the standard questions: each run keeps those that fit it.
    var questions: [Exercise.Question] = arguments.value("ask") == nil ? Exercise.standardQuestions : []
    let patienceText = arguments.value("patience") ?? "3"
    guard let patience = Int(patienceText), patience > 0 else {
      throw RunRecipe.Problem(message: "patience=\(patienceText): expected a positive whole number")
    }
    for name in (arguments.value("ask") ?? "").split(separator: ",") {
      switch name {
      case "pattern": questions.append(.pattern)
      case "stop": questions.append(.keepStep)
      case "remedy": questions.append(.remedy)
      case "cause": questions.append(.cause)
      case "set-size": questions.append(.setSize)
      case "patience-stop": questions.append(.patienceStop(patience))
      default:
        throw RunRecipe.Problem(
          message: "ask=\(name): expected pattern, stop, cause, remedy, set-size or patience-stop")
      }
    }
    exercise = Exercise(id: id, recipe: recipe, questions: questions)
  }
}
