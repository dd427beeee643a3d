import ArgumentParsing
import CurveCourse
import TerminalCanvas

/// `curvelab reset`: clears progress, all of it or one part.
struct ResetCommand: CourseSubcommand {
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


  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
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
      progress.forgetEverything()
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
    guard session.save(&progress, errors: &errors) else {
      throw CLIError.cannotWrite(path: session.store?.path ?? "progress", reason: "nothing was cleared")
    }
    output.write(done + "\n")
  }
}
