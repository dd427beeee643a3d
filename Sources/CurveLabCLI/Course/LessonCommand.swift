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
      q: quit) and opens where you stopped last time. It stops at each exercise and asks it, \
      asks you to predict what a change will do before showing the run, runs the lesson's \
      commands in place (r), and at its end offers the next lesson. When the output is not a \
      terminal the whole lesson is printed. Charts in lessons are trained by the simulator as \
      you read.
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
    var lesson = try session.lesson(named: parsed.positionals[0])
    // In a terminal the course goes on from here: the next lesson, then the quiz.
    while true {
      let ending = try LessonReader(session: session, leaving: "quit").read(
        lesson, progress: &progress, input: input, output: &output, errors: &errors)
      switch ending {
      case .next:
        lesson = try session.lesson(named: String(lesson.number + 1))
      case .quiz:
        try QuizCommand.interactive(
          session: session, progress: &progress, input: input, output: &output, errors: &errors)
        return
      case .left:
        return
      }
    }
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
