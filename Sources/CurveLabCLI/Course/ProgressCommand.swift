import ArgumentParsing
import CurveCourse
import TerminalCanvas

/// `curvelab progress`: what has been read, tried and scored.
struct ProgressCommand {
  static let spec = CommandSpec(
    name: "progress",
    abstract: "Show your progress: lessons read, quiz scores, exercises done.",
    examples: ["curvelab progress", "curvelab progress --progress class/ana.json"],
    options: CourseSession.options)

  let parsed: ParsedArguments

  init(_ parsed: ParsedArguments) { self.parsed = parsed }

  func run(
    context: CommandContext, input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws {
    let session = try CourseSession(parsed, context: context, input: input)
    let progress = session.loadProgress(errors: &errors, readOnly: true)
    Self.write(session: session, progress: progress, output: &output)
  }

  static func write(session: CourseSession, progress: CourseProgress, output: inout some TextOutputStream) {
    output.write(session.bold("Lessons") + "\n")
    for (index, lesson) in session.course.lessons.enumerated() {
      let state = progress.lessons[lesson.id]
      let status =
        state?.isFinished == true ? "read" : state.map { "stopped at page \($0.page + 1)" } ?? "not opened"
      output.write("  \(index + 1). \(lesson.title): \(status)\n")
    }
    output.write("\n" + session.bold("Quiz") + "\n")
    if progress.quizzes.isEmpty { output.write("  not taken yet ('curvelab quiz')\n") }
    for (name, quiz) in progress.quizzes.sorted(by: { $0.key < $1.key }) {
      var line = "  \(name): \(quiz.attempts) finished attempt\(quiz.attempts == 1 ? "" : "s")"
      if quiz.attempts > 0 { line += ", best \(quiz.best) of \(quiz.questionCount)" }
      if let unfinished = quiz.unfinished {
        line += "; one in progress (\(unfinished.answers.count) answered, seed \(unfinished.seed))"
      }
      output.write(line + "\n")
    }
    output.write("\n" + session.bold("Exercises") + "\n")
    if progress.exercises.isEmpty { output.write("  none tried yet ('curvelab exercise')\n") }
    for (id, exercise) in progress.exercises.sorted(by: { $0.key < $1.key }) {
      let percent = Int((exercise.best * 100).rounded())
      output.write("  \(id): best \(percent)% in \(exercise.attempts) attempt\(exercise.attempts == 1 ? "" : "s")\n")
    }
    if let store = session.store {
      let place = store.hasSavedProgress ? "Saved in \(store.path)" : "Nothing saved yet; progress will go to \(store.path)"
      output.write(session.colored("\n" + place, 2) + "\n")
    }
  }
}

/// `curvelab reset`: clears progress, all of it or one part.
struct ResetCommand {
  static let spec = CommandSpec(
    name: "reset",
    abstract: "Clear your progress: everything, one lesson, the quiz, or the exercises.",
    discussion: """
      With no argument, clears everything (asks first in a terminal; elsewhere needs --yes). \
      With a lesson number or id, forgets that lesson; 'quiz' forgets quiz attempts; \
      'exercises' forgets exercise scores.
      """,
    examples: ["curvelab reset 3", "curvelab reset quiz", "curvelab reset --yes"],
    options: CourseSession.options + [.flag("yes", short: "y", help: "Do not ask before clearing everything.")],
    positionals: [PositionalSpec("PART", help: "A lesson number or id, 'quiz' or 'exercises'.", isOptional: true)])

  let parsed: ParsedArguments

  init(_ parsed: ParsedArguments) { self.parsed = parsed }

  func run(
    context: CommandContext, input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws {
    let session = try CourseSession(parsed, context: context, input: input)
    var progress = session.loadProgress(errors: &errors)
    let done: String
    switch parsed.positionals.first {
    case nil:
      if !parsed.isSet("yes") {
        guard input.isInteractive else {
          throw CLIError.incomplete(
            "clearing all progress needs --yes when there is no terminal to ask (or name a part: a lesson, quiz, exercises)")
        }
        output.write("Clear all progress (lessons, quiz, exercises)? [y/N] ")
        guard let line = input.readLine(), line.lowercased().hasPrefix("y") else {
          output.write("Nothing cleared.\n")
          return
        }
      }
      progress = CourseProgress()
      done = "All progress cleared."
    case "quiz"?:
      progress.quizzes = [:]
      done = "Quiz attempts cleared."
    case "exercises"?:
      progress.exercises = [:]
      done = "Exercise scores cleared."
    case let name?:
      guard session.course.lesson(named: name) != nil else {
        throw ArgumentError.invalidValue(
          argument: "PART", value: name,
          expected: "a lesson number from 1 to \(session.course.lessons.count), a lesson id, 'quiz' or 'exercises'")
      }
      let lesson = try session.lesson(named: name)
      progress.lessons[lesson.entry.id] = nil
      for (exercise, _) in lesson.exercises { progress.exercises[exercise.id] = nil }
      if progress.lastLesson == lesson.entry.id { progress.lastLesson = nil }
      done = "Lesson \(lesson.number) (\(lesson.entry.title)) and its exercises cleared."
    }
    guard session.save(progress, errors: &errors) else {
      throw CLIError.cannotWrite(path: session.store?.path ?? "progress", reason: "nothing was cleared")
    }
    output.write(done + "\n")
  }
}

/// `curvelab check`: validates the course for its authors.
struct CheckCommand {
  static let spec = CommandSpec(
    name: "check",
    abstract: "Check the whole course: lessons, quiz, simulated blocks, solutions.",
    discussion: """
      Parses the manifest, every lesson and quiz; trains every curve, prediction and exercise \
      block; asks the engine for the key of every curve question over many quiz seeds; compares \
      each committed solution with what the kit generates now; and reports files nothing uses. \
      Errors name the file and line. --write-solutions rewrites Solutions/ from the engine.
      """,
    examples: [
      "curvelab check", "curvelab check --course ../my-course --seeds 50",
      "curvelab check --quiz week3.quiz", "curvelab check --write-solutions",
    ],
    options: [
      .option("course", valueName: "DIR", help: "The course folder (holding Lessons/)."),
      .option("seeds", valueName: "N", help: "Quiz seeds to try for each curve question.", default: "20"),
      .option("quiz", valueName: "FILE", help: "Check only this quiz file (an instructor's own quiz)."),
      .flag("write-solutions", help: "Write Solutions/ as the kit generates them now."),
    ])

  let parsed: ParsedArguments

  init(_ parsed: ParsedArguments) { self.parsed = parsed }

  /// Returns whether the course passed.
  func run(context: CommandContext, output: inout some TextOutputStream, errors: inout some TextOutputStream) throws -> Bool {
    let explicit = try parsed.value("course", as: String.self)
    guard let root = Course.locate(explicit: explicit, environment: context.environment) else {
      throw CLIError.cannotRead(path: "Lessons/manifest.json", reason: "no course found; pass --course DIR")
    }
    let course: Course
    do { course = try Course(root: root) } catch {
      errors.write("\(error)\n1 problem found: the manifest must read before anything else can be checked.\n")
      return false
    }
    let seeds = try parsed.value("seeds", as: Int.self, validating: .positive)!
    let check = CourseCheck(course: course, quizSeeds: seeds)
    var report: CourseCheck.Report
    if let quiz = try parsed.value("quiz", as: String.self) {
      report = CourseCheck.Report()
      check.checkQuiz(at: quiz, coveringEverySection: false, into: &report)
    } else {
      report = check.run()
    }
    if parsed.isSet("write-solutions") {
      try FileWriting.createFolder(course.path("Solutions"))
      for (path, text) in report.staleSolutions {
        try FileWriting.writeAtomically(text, to: path)
        output.write("wrote \(path)\n")
      }
      let written = Set(report.staleSolutions.map(\.path))
      report.errors.removeAll { written.contains($0.file) && $0.line == nil }
    }
    for line in report.checked { output.write("checked: \(line)\n") }
    for error in report.errors { errors.write("\(error)\n") }
    if report.errors.isEmpty {
      output.write("The course is consistent.\n")
      return true
    }
    errors.write("\(report.errors.count) problem\(report.errors.count == 1 ? "" : "s") found.\n")
    return false
  }
}

