import CurveDiagnosis
import CurveExercises
import Foundation

/// Validates a whole course for its authors: every file parses, every simulated block runs,
/// every curve question gets a key from the engine, the solutions are current, nothing is
/// orphaned.
public struct CourseCheck: Sendable {
  /// The course.
  public var course: Course
  /// Quiz seeds tried for each curve question.
  public var quizSeeds: Int

  /// What the check found.
  public struct Report: Sendable {
    /// Problems, each with file and line.
    public var errors: [CourseError] = []
    /// What was checked, one line each.
    public var checked: [String] = []
    /// Solutions whose committed text differs from what the kit generates now, with that text.
    public var staleSolutions: [(path: String, text: String)] = []

    /// An empty report.
    public init() {}
  }

  /// Creates a check.
  public init(course: Course, quizSeeds: Int = 20) {
    self.course = course
    self.quizSeeds = quizSeeds
  }

  /// The lessons, parsed; problems go to `report`.
  public func lessons(into report: inout Report) -> [Lesson] {
    let (lessons, errors) = course.readLessons()
    report.errors += errors
    for lesson in lessons { report.errors += lesson.problems(file: course.path(of: lesson.entry)) }
    return lessons
  }

  /// Runs every check.
  public func run() -> Report {
    var report = Report()
    let lessons = lessons(into: &report)
    report.checked.append("\(lessons.count) lessons parsed")
    checkCoverage(lessons, into: &report)
    checkBlocks(lessons, into: &report)
    checkQuizzes(into: &report)
    checkSolutions(lessons, into: &report)
    checkOrphans(lessons, into: &report)
    return report
  }

  private func checkCoverage(_ lessons: [Lesson], into report: inout Report) {
    let manifest = course.path(Course.manifestPath)
    let taught = Set(lessons.flatMap(\.entry.sections))
    let missing = (1...10).filter { !taught.contains($0) }
    if !missing.isEmpty {
      report.errors.append(CourseError(
        file: manifest, line: nil,
        message: "no lesson lists outline section(s) \(missing.map(String.init).joined(separator: ", "))"))
    }
    var seen: [String: String] = [:]
    var predictions: [String: String] = [:]
    for lesson in lessons {
      for (prediction, line) in lesson.predictions {
        let place = "\(course.path(of: lesson.entry)):\(line)"
        if let other = predictions[prediction.id] {
          report.errors.append(CourseError(file: course.path(of: lesson.entry), line: line, message: "prediction id '\(prediction.id)' is also used in \(other)"))
        }
        predictions[prediction.id] = place
      }
      let file = course.path(of: lesson.entry)
      if lesson.exercises.isEmpty {
        report.errors.append(CourseError(file: file, line: nil, message: "the lesson has no exercise block"))
      }
      for (exercise, line) in lesson.exercises {
        if let other = seen[exercise.id] {
          report.errors.append(CourseError(file: file, line: line, message: "exercise id '\(exercise.id)' is also used in \(other)"))
        }
        seen[exercise.id] = "\(file):\(line)"
      }
    }
  }

  /// Every curve and prediction block simulates, and every predict block's claims hold.
  /// (Exercises are trained once, with their solutions.)
  private func checkBlocks(_ lessons: [Lesson], into report: inout Report) {
    struct Job: Sendable {
      var file: String
      var line: Int
      var block: CourseBlock
      /// For a predict block: the chart it applies to, the next course block.
      var next: CourseBlock?
    }
    let jobs = lessons.flatMap { lesson in
      lesson.blocks.indices.compactMap { index -> Job? in
        let block = lesson.blocks[index]
        // Blocks whose settings do not read are reported once, by the lesson check.
        guard case .success(let parsed) = block.parsed else { return nil }
        if case .exercise = parsed { return nil }
        let next = index + 1 < lesson.blocks.count ? try? lesson.blocks[index + 1].parsed.get() : nil
        return Job(file: course.path(of: lesson.entry), line: block.line, block: parsed, next: next)
      }
    }
    let results = parallelMap(jobs) { job -> CourseError? in
      do {
        switch job.block {
        case .curve(let curve): _ = try curve.render(style: FigureStyle())
        case .prediction(let prediction):
          if try prediction.trace() == nil {
            return CourseError(file: job.file, line: job.line, message: "no validation example crosses 0.5 slowly in this run; try another seed")
          }
        case .exercise: break
        case .predict(let prediction):
          guard case .curve(let curve)? = job.next else {
            return CourseError(file: job.file, line: job.line, message: "a predict block must come right before the curve block it asks about")
          }
          if let failure = try prediction.failedClaim(on: curve.recipe) {
            return CourseError(file: job.file, line: job.line, message: "predict \(prediction.id): \(failure)")
          }
        }
        return nil
      } catch {
        return CourseError(file: job.file, line: job.line, message: "\(error)")
      }
    }
    report.errors += results.compactMap { $0 }
    report.checked.append("\(jobs.count) curve, prediction and predict blocks ran")
  }

  private func checkQuizzes(into report: inout Report) {
    for relative in course.quizzes {
      checkQuiz(at: course.path(relative), coveringEverySection: true, into: &report)
    }
  }

  /// Checks one quiz file: it parses, every curve question gets a key from the engine for
  /// ``quizSeeds`` seeds, and correct letters move around. The section quiz must also test
  /// every outline section; an instructor's own quiz need not.
  public func checkQuiz(at path: String, coveringEverySection: Bool, into report: inout Report) {
    let text: String
    do { text = try Course.read(path) } catch {
      report.errors.append(error)
      return
    }
    let (parsed, errors) = QuizFile.parse(text, fileName: path)
    report.errors += errors.map { CourseError(file: path, line: $0.line, message: $0.message) }
    guard let quiz = parsed else { return }
    let sections = Set(quiz.questions.flatMap(\.sections))
    let missing = (1...10).filter { !sections.contains($0) }
    if coveringEverySection, !missing.isEmpty {
      report.errors.append(CourseError(file: path, line: nil, message: "no question tests section(s) \(missing.map(String.init).joined(separator: ", "))"))
    }
    let curveQuestions = quiz.questions.filter { $0.curve != nil }
    let seeds = Array(0..<UInt64(quizSeeds))
    let failures = parallelMap(seeds) { seed -> [CourseError] in
      var found: [CourseError] = []
      for question in curveQuestions {
        do {
          _ = try CurveQuestionMaker(spec: question.curve!, quizSeed: seed, id: question.id).make()
        } catch {
          found.append(CourseError(file: path, line: question.curve!.line, message: "curve question \(question.id), quiz seed \(seed): \(error)"))
        }
      }
      return found
    }
    var reported = Set<Int>()
    for failure in failures.flatMap({ $0 }) where reported.insert(failure.line ?? 0).inserted {
      report.errors.append(failure)
    }
    // The correct letter must move around. (The written questions tell; curve questions, keyed
    // above, would only train their runs again.)
    let written = QuizFile(title: quiz.title, questions: quiz.questions.filter { $0.curve == nil })
    if let plan = try? QuizPlan(file: written, seed: 1) {
      let positions = plan.questions.filter { !$0.isMultiple }.compactMap { $0.options.firstIndex(where: \.isCorrect) }
      if positions.count > 3, Set(positions).count == 1 {
        report.errors.append(CourseError(file: path, line: nil, message: "every correct answer falls on the same letter"))
      }
    }
    report.checked.append("\(path): \(quiz.questions.count) questions, \(curveQuestions.count) answered by the engine over \(quizSeeds) seeds")
  }

  /// Each exercise's solution, as the kit writes it now.
  public func solutions(_ lessons: [Lesson]) -> [(path: String, text: String, error: CourseError?)] {
    struct Job: Sendable { var exercise: Exercise; var title: String; var file: String; var line: Int }
    let jobs = lessons.flatMap { lesson in
      lesson.exercises.map { Job(exercise: $0.exercise, title: lesson.entry.title, file: course.path(of: lesson.entry), line: $0.line) }
    }
    return parallelMap(jobs) { job in
      let path = course.path("Solutions/\(job.exercise.id).md")
      do {
        let solved = try job.exercise.solve()
        if solved.key.keep == nil {
          return (path, "", CourseError(file: job.file, line: job.line, message: "exercise \(job.exercise.id): the run has no finite validation loss to key"))
        }
        guard Pattern.taught.contains(solved.key.pattern) else {
          return (path, "", CourseError(file: job.file, line: job.line, message: "exercise \(job.exercise.id): the engine reads this run as \(solved.key.pattern.rawValue), not one of the four patterns the course teaches"))
        }
        return (path, SolutionWriter().markdown(for: solved, lessonTitle: job.title), nil)
      } catch {
        return (path, "", CourseError(file: job.file, line: job.line, message: "\(error)"))
      }
    }
  }

  private func checkSolutions(_ lessons: [Lesson], into report: inout Report) {
    let generated = solutions(lessons)
    for (path, text, error) in generated {
      if let error {
        report.errors.append(error)
        continue
      }
      let committed = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
      if committed != text {
        report.staleSolutions.append((path, text))
        report.errors.append(CourseError(
          file: path, line: nil,
          message: committed == nil ? "missing: run 'curvelab check --write-solutions'" : "out of date with the engine: run 'curvelab check --write-solutions'"))
      }
    }
    report.checked.append("\(generated.count) solutions compared with what the engine gives now")
  }

  private func checkOrphans(_ lessons: [Lesson], into report: inout Report) {
    let manager = FileManager.default
    let listed = Set(course.lessons.map(\.file))
    for file in (try? manager.contentsOfDirectory(atPath: course.path("Lessons"))) ?? []
    where file.hasSuffix(".md") && !listed.contains(file) && file != "README.md" {
      report.errors.append(CourseError(file: course.path("Lessons/\(file)"), line: nil, message: "not listed in \(Course.manifestPath)"))
    }
    let quizzes = Set(course.quizzes.map { ($0 as NSString).lastPathComponent })
    for file in (try? manager.contentsOfDirectory(atPath: course.path("Quizzes"))) ?? []
    where file.hasSuffix(".quiz") && !quizzes.contains(file) {
      report.errors.append(CourseError(file: course.path("Quizzes/\(file)"), line: nil, message: "not listed under \"quizzes\" in \(Course.manifestPath)"))
    }
    let exerciseIDs = Set(lessons.flatMap { $0.exercises.map(\.exercise.id) })
    for file in (try? manager.contentsOfDirectory(atPath: course.path("Solutions"))) ?? []
    where file.hasSuffix(".md") && file != "README.md" && !exerciseIDs.contains(String(file.dropLast(3))) {
      report.errors.append(CourseError(file: course.path("Solutions/\(file)"), line: nil, message: "no exercise in the lessons has this id"))
    }
  }
}

/// `transform` over `items` on every core, results in order.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
  Parallel.map(items.count) { transform(items[$0]) }
}
