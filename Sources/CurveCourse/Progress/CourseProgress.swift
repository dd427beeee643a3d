/// What one learner has done: lessons read, quiz attempts, exercises, predictions.
///
/// Progress remembers what its file held when it was loaded (or last saved), so that
/// ``ProgressStore/save(_:)`` can apply only this window's changes on top of whatever another
/// window saved in the meantime. Equality compares the progress itself, not that memory.
public struct CourseProgress: Sendable {
  /// Lessons opened, by id, with the last page reached and whether the lesson was finished.
  public var lessons: [String: LessonState] = [:]
  /// The id of the lesson opened last: where the course continues.
  public var lastLesson: String?
  /// Quiz attempts, by quiz file name.
  public var quizzes: [String: QuizState] = [:]
  /// Exercises attempted, by id (course exercises, or `practice-SEED` for practice runs).
  public var exercises: [String: ExerciseState] = [:]
  /// Predictions made in lessons, by the prediction's id.
  public var predictions: [String: PredictionState] = [:]

  /// The progress as its file held it when loaded or last saved; `nil` for progress that has
  /// never been on disk.
  var baseline: Baseline?

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
    /// The answers of the latest attempt, comma-separated as `--answers` takes them.
    public var lastAnswer: String?

    /// Creates an exercise state.
    public init(attempts: Int, best: Double, lastAnswer: String? = nil) {
      self.attempts = attempts
      self.best = best
      self.lastAnswer = lastAnswer
    }
  }

  /// A prediction made before a lesson showed what happens.
  public struct PredictionState: Sendable, Equatable {
    /// The option chosen, by its letter as shown ("b").
    public var choice: String
    /// Whether it was the right one.
    public var isRight: Bool

    /// Creates a prediction state.
    public init(choice: String, isRight: Bool) {
      self.choice = choice
      self.isRight = isRight
    }
  }

  /// Empty progress.
  public init() {}

  /// Records a graded exercise attempt.
  public mutating func recordExercise(_ id: String, fraction: Double, answer: String? = nil) {
    var state = exercises[id] ?? ExerciseState(attempts: 0, best: 0)
    state.attempts += 1
    state.best = max(state.best, fraction)
    if let answer { state.lastAnswer = answer }
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

  /// Forgets everything; the next save clears what this window had seen in the file.
  public mutating func forgetEverything() {
    lessons = [:]
    lastLesson = nil
    quizzes = [:]
    exercises = [:]
    predictions = [:]
  }
}

extension CourseProgress: Equatable {
  public static func == (left: CourseProgress, right: CourseProgress) -> Bool {
    left.lessons == right.lessons && left.lastLesson == right.lastLesson
      && left.quizzes == right.quizzes && left.exercises == right.exercises
      && left.predictions == right.predictions
  }
}

extension CourseProgress {
  /// A frozen copy of progress as a file held it: what a save merges against.
  final class Baseline: Sendable {
    let progress: CourseProgress
    init(_ progress: CourseProgress) {
      var plain = progress
      plain.baseline = nil
      self.progress = plain
    }
  }

  /// The same progress, remembered as what the file now holds.
  func markedAsSaved() -> CourseProgress {
    var copy = self
    copy.baseline = Baseline(self)
    return copy
  }
}
