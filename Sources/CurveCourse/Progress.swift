import Foundation
import JSONCoding

/// What one learner has done: lessons read, quiz attempts, exercises.
public struct CourseProgress: Sendable, Equatable {
  /// Lessons opened, by id, with the last page reached and whether the lesson was finished.
  public var lessons: [String: LessonState] = [:]
  /// The id of the lesson opened last: where the course continues.
  public var lastLesson: String?
  /// Quiz attempts, by quiz file name.
  public var quizzes: [String: QuizState] = [:]
  /// Exercises attempted, by id (course exercises) or `practice` for endless practice.
  public var exercises: [String: ExerciseState] = [:]

  /// The progress file format this version writes.
  public static let format = 1

  /// A lesson's state.
  public struct LessonState: Sendable, Equatable {
    /// Read to the end.
    public var isFinished: Bool
    /// The last page shown, from 0.
    public var page: Int

    /// Creates a lesson state.
    public init(isFinished: Bool, page: Int) {
      self.isFinished = isFinished
      self.page = page
    }
  }

  /// A quiz's state.
  public struct QuizState: Sendable, Equatable {
    /// Finished attempts.
    public var attempts: Int
    /// The best score, in questions right.
    public var best: Int
    /// Questions in the quiz at the best attempt.
    public var questionCount: Int
    /// An unfinished attempt: its seed and the answers given so far.
    public var unfinished: Unfinished?

    /// An attempt that was interrupted.
    public struct Unfinished: Sendable, Equatable {
      /// The attempt's quiz seed.
      public var seed: UInt64
      /// Answers given so far, in order.
      public var answers: [String]

      /// Creates an unfinished attempt.
      public init(seed: UInt64, answers: [String]) {
        self.seed = seed
        self.answers = answers
      }
    }

    /// Creates a quiz state.
    public init(attempts: Int, best: Int, questionCount: Int, unfinished: Unfinished? = nil) {
      self.attempts = attempts
      self.best = best
      self.questionCount = questionCount
      self.unfinished = unfinished
    }
  }

  /// An exercise's state.
  public struct ExerciseState: Sendable, Equatable {
    /// Attempts graded.
    public var attempts: Int
    /// The best share of points, 0 to 1.
    public var best: Double

    /// Creates an exercise state.
    public init(attempts: Int, best: Double) {
      self.attempts = attempts
      self.best = best
    }
  }

  /// Empty progress.
  public init() {}

  /// Records a graded exercise attempt.
  public mutating func recordExercise(_ id: String, fraction: Double) {
    var state = exercises[id] ?? ExerciseState(attempts: 0, best: 0)
    state.attempts += 1
    state.best = max(state.best, fraction)
    exercises[id] = state
  }

  /// Records a finished quiz attempt.
  public mutating func recordQuiz(_ name: String, correct: Int, of count: Int) {
    var state = quizzes[name] ?? QuizState(attempts: 0, best: 0, questionCount: count)
    state.attempts += 1
    if correct >= state.best {
      state.best = correct
      state.questionCount = count
    }
    state.unfinished = nil
    quizzes[name] = state
  }

  // MARK: JSON

  var json: JSONValue {
    var lessonsObject: [(String, JSONValue)] = []
    for (id, state) in lessons.sorted(by: { $0.key < $1.key }) {
      lessonsObject.append((id, ["finished": .bool(state.isFinished), "page": .integer(Int64(state.page))]))
    }
    var quizObject: [(String, JSONValue)] = []
    for (name, state) in quizzes.sorted(by: { $0.key < $1.key }) {
      var entry: [(String, JSONValue)] = [
        ("attempts", .integer(Int64(state.attempts))), ("best", .integer(Int64(state.best))),
        ("questions", .integer(Int64(state.questionCount))),
      ]
      if let unfinished = state.unfinished {
        entry.append(
          ("unfinished", [
            "seed": .string(String(unfinished.seed)),
            "answers": .array(unfinished.answers.map { .string($0) }),
          ]))
      }
      quizObject.append((name, .object(entry)))
    }
    var exerciseObject: [(String, JSONValue)] = []
    for (id, state) in exercises.sorted(by: { $0.key < $1.key }) {
      exerciseObject.append((id, ["attempts": .integer(Int64(state.attempts)), "best": .double(state.best)]))
    }
    var root: [(String, JSONValue)] = [("format", .integer(Int64(Self.format)))]
    if let lastLesson { root.append(("last_lesson", .string(lastLesson))) }
    root += [
      ("lessons", .object(lessonsObject)), ("quizzes", .object(quizObject)),
      ("exercises", .object(exerciseObject)),
    ]
    return .object(root)
  }

  init(json: JSONValue) throws(ProgressStore.Damage) {
    guard json["format"]?.integerValue == Int64(Self.format) else {
      throw ProgressStore.Damage(reason: "its format is not \(Self.format)")
    }
    lastLesson = json["last_lesson"]?.stringValue
    for (id, value) in json["lessons"]?.objectValue ?? [] {
      lessons[id] = LessonState(
        isFinished: value["finished"]?.boolValue ?? false,
        page: Int(value["page"]?.integerValue ?? 0))
    }
    for (name, value) in json["quizzes"]?.objectValue ?? [] {
      var state = QuizState(
        attempts: Int(value["attempts"]?.integerValue ?? 0), best: Int(value["best"]?.integerValue ?? 0),
        questionCount: Int(value["questions"]?.integerValue ?? 0))
      if let unfinished = value["unfinished"], let seedText = unfinished["seed"]?.stringValue,
        let seed = UInt64(seedText)
      {
        state.unfinished = QuizState.Unfinished(
          seed: seed, answers: (unfinished["answers"]?.arrayValue ?? []).compactMap(\.stringValue))
      }
      quizzes[name] = state
    }
    for (id, value) in json["exercises"]?.objectValue ?? [] {
      exercises[id] = ExerciseState(
        attempts: Int(value["attempts"]?.integerValue ?? 0), best: value["best"]?.doubleValue ?? 0)
    }
  }
}

/// Loads and saves progress in one file, atomically.
///
/// The file lives under `$XDG_STATE_HOME/curvelab/progress.json` (by default
/// `~/.local/state/curvelab/progress.json`). A file that cannot be read is moved aside to
/// `progress.json.damaged-N` with a warning, never overwritten silently.
public struct ProgressStore: Sendable {
  /// The file.
  public var path: String

  /// Why a progress file could not be used.
  public struct Damage: Error, Sendable {
    public var reason: String
  }

  /// A store at `path`.
  public init(path: String) { self.path = path }

  /// The default location for an environment.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/curvelab/progress.json"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/curvelab/progress.json"
  }

  /// The progress saved, or empty progress when there is none; a damaged file is moved aside
  /// and `warning` says where.
  public func load() -> (progress: CourseProgress, warning: String?) {
    let manager = FileManager.default
    guard manager.fileExists(atPath: path) else { return (CourseProgress(), nil) }
    do throws(Damage) {
      guard let data = manager.contents(atPath: path) else {
        throw Damage(reason: "it cannot be read")
      }
      let value: JSONValue
      do {
        value = try JSONValue(parsing: [UInt8](data))
      } catch {
        throw Damage(reason: "it is not valid JSON (\(error))")
      }
      return (try CourseProgress(json: value), nil)
    } catch {
      var number = 1
      while manager.fileExists(atPath: "\(path).damaged-\(number)") { number += 1 }
      let aside = "\(path).damaged-\(number)"
      do {
        try manager.moveItem(atPath: path, toPath: aside)
        return (CourseProgress(), "\(path) could not be used (\(error.reason)); it was moved to \(aside) and progress starts afresh")
      } catch let moveError {
        return (CourseProgress(), "\(path) could not be used (\(error.reason)) nor moved aside (\(moveError.localizedDescription)); progress will not be saved over it")
      }
    }
  }

  /// Saves `progress`: a temporary file in the same folder, then a rename.
  public func save(_ progress: CourseProgress) throws {
    let url = URL(fileURLWithPath: path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let text = progress.json.serialized(.python(indent: 2, sortsKeys: false)) + "\n"
    // Foundation's atomic write: a temporary file beside the target, then a rename.
    try Data(text.utf8).write(to: url, options: .atomic)
  }
}
