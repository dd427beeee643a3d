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

  /// Records a finished quiz attempt; with `keepingUnfinished`, an interrupted attempt stays
  /// to be picked up later.
  public mutating func recordQuiz(
    _ name: String, correct: Int, of count: Int, keepingUnfinished: Bool = false
  ) {
    var state = quizzes[name] ?? QuizState(attempts: 0, best: 0, questionCount: count)
    state.attempts += 1
    if correct >= state.best {
      state.best = correct
      state.questionCount = count
    }
    if !keepingUnfinished { state.unfinished = nil }
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
    guard json.objectValue != nil, let format = json["format"]?.integerValue else {
      throw ProgressStore.Damage(reason: "it is JSON but not CurveLab progress", isOurs: false)
    }
    guard format == Int64(Self.format) else {
      throw ProgressStore.Damage(
        reason: format > Int64(Self.format)
          ? "it was written by a newer CurveLab (format \(format))" : "its format \(format) is unknown",
        isOurs: format < Int64(Self.format))
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
  public struct Damage: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in a phrase.
    public var reason: String
    /// Whether the file looks like a damaged progress file (and may be moved aside), rather
    /// than someone else's file or a newer CurveLab's.
    public var isOurs: Bool = true
    public var description: String { reason }
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

  /// The progress saved, or empty progress when there is none.
  ///
  /// A damaged progress file (a `.json` file that does not read as progress) is moved aside to
  /// `NAME.damaged-N` when `settingAsideDamage` is true, and `warning` says where. Anything
  /// else at the path (a folder, a file that is not JSON by name) is left alone, and
  /// ``save(_:)`` will refuse to write over it.
  public func load(settingAsideDamage: Bool = true) -> (progress: CourseProgress, warning: String?) {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { return (CourseProgress(), nil) }
    if isFolder.boolValue {
      return (CourseProgress(), "\(path) is a folder, not a progress file; progress will not be saved (use --progress FILE)")
    }
    let damage: Damage
    do {
      return (try read(), nil)
    } catch {
      damage = error
    }
    guard path.hasSuffix(".json"), damage.isOurs else {
      return (CourseProgress(), "\(path) is not a progress file this CurveLab can use (\(damage.reason)); it was left alone and progress will not be saved to it")
    }
    guard settingAsideDamage else {
      return (CourseProgress(), "\(path) could not be used (\(damage.reason)); it was left as it is")
    }
    var number = 1
    while manager.fileExists(atPath: "\(path).damaged-\(number)") { number += 1 }
    let aside = "\(path).damaged-\(number)"
    do {
      try manager.moveItem(atPath: path, toPath: aside)
      return (CourseProgress(), "\(path) could not be used (\(damage.reason)); it was moved to \(aside) and progress starts afresh")
    } catch {
      return (CourseProgress(), "\(path) could not be used (\(damage.reason)) nor moved aside (\(error.localizedDescription)); progress will not be saved over it")
    }
  }

  /// The progress in the file, or why it is not progress.
  private func read() throws(Damage) -> CourseProgress {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Damage(reason: "it cannot be read")
    }
    let value: JSONValue
    do {
      value = try JSONValue(parsing: [UInt8](data))
    } catch {
      throw Damage(reason: "it is not valid JSON: \(error)")
    }
    return try CourseProgress(json: value)
  }

  /// Whether readable progress is already saved at the path.
  public var hasSavedProgress: Bool { (try? read()) != nil }

  /// Saves `progress`: a temporary file in the same folder, then a rename. Refuses to replace
  /// anything at the path that is not a progress file.
  public func save(_ progress: CourseProgress) throws {
    let url = URL(fileURLWithPath: path)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      if isFolder.boolValue { throw Damage(reason: "\(path) is a folder") }
      do {
        _ = try read()
      } catch {
        throw Damage(reason: "\(path) is not a CurveLab progress file (\(error.reason)), so it is not replaced")
      }
    }
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let text = progress.json.serialized(.python(indent: 2, sortsKeys: false)) + "\n"
    // Foundation's atomic write: a temporary file beside the target, then a rename.
    try Data(text.utf8).write(to: url, options: .atomic)
  }
}
