import ArgumentParsing
import CurveCourse
import TerminalCanvas

/// `curvelab lesson N`: reads one lesson, paged in a terminal, whole when piped.
struct LessonCommand: CourseSubcommand {
  static let spec = CommandSpec(
    name: "lesson",
    abstract: "Read one lesson of the course.",
    discussion: """
      In a terminal the lesson is shown a page at a time (Enter or space: next page, b: back, \
      q: quit) and opens where you stopped last time. When the output is not a terminal the \
      whole lesson is printed. Charts in lessons are trained by the simulator as you read.
      """,
    examples: ["curvelab lesson 3", "curvelab lesson overfitting --no-color | less -R"],
    options: CourseSession.options + [
      .option("width", valueName: "COLUMNS", help: "Wrap to this width instead of the terminal's.", section: "Output")
    ],
    positionals: [PositionalSpec("LESSON", help: "A lesson number (1, 2, ...) or id.")])

  let parsed: ParsedArguments


  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    var session = session
    if let width = try parsed.value("width", as: Int.self, validating: .in(20...400)) {
      session = session.withWidth(width)
    }
    let lesson = try session.lesson(named: parsed.positionals[0])
    LessonReader(session: session).read(lesson, progress: &progress, input: input, output: &output)
    session.save(&progress, errors: &errors)
  }
}

/// Shows a lesson and records how far the learner got.
struct LessonReader {
  let session: CourseSession

  func read(
    _ lesson: Lesson, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream
  ) {
    let header = "Lesson \(lesson.number) of \(session.course.lessons.count)"
    let lines = [session.colored(header, 2), ""] + lesson.render(style: session.style, asciiOnly: session.asciiOnly)
      + [""] + wrap(nextStep(after: lesson), width: session.style.width).map { session.colored($0, 2) }
    let id = lesson.entry.id
    var state = progress.lessons[id] ?? CourseProgress.LessonState(isFinished: false, page: 0)
    if session.isInteractive {
      let pager = Pager(screenHeight: session.screenHeight)
      let start = state.isFinished ? 0 : state.page
      let outcome = pager.show(lines, from: start, input: input, output: &output)
      state.page = outcome.page
      state.isFinished = state.isFinished || outcome.reachedEnd
    } else {
      for line in lines { output.write(line + "\n") }
      // Printed whole to a terminal, the lesson was in front of the learner. Into a pipe it
      // may have gone to a program that stopped early (`| head`), so it is not marked.
      guard session.writesToTerminal else { return }
      state.isFinished = true
      state.page = 0
    }
    progress.lessons[id] = state
    progress.lastLesson = id
  }

  private func nextStep(after lesson: Lesson) -> String {
    var steps: [String] = []
    if !lesson.exercises.isEmpty { steps.append("practise with 'curvelab exercise --lesson \(lesson.number)'") }
    if lesson.number < session.course.lessons.count {
      steps.append("read on with 'curvelab lesson \(lesson.number + 1)'")
    } else {
      steps.append("take the quiz with 'curvelab quiz'")
    }
    return "Next: " + steps.joined(separator: ", or ") + "."
  }
}

extension CourseSession {
  /// The same session drawing `width` columns wide.
  func withWidth(_ width: Int) -> CourseSession {
    var copy = self
    copy.style.width = width
    return copy
  }
}
