import ArgumentParsing
import CurveCore
import CurveCourse
import Foundation
import TerminalCanvas

/// `curvelab progress`: what has been read, tried and scored.
struct ProgressCommand: CourseSubcommand {
  static let readsOnly = true

  static let spec = CommandSpec(
    name: "progress",
    abstract: "Show your progress: lessons read, quiz scores, exercises done.",
    examples: ["curvelab progress", "curvelab progress --progress class/ana.json"],
    options: CourseSession.options)

  let parsed: ParsedArguments


  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
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
      session.say(line.trimmingCharacters(in: .whitespaces), to: &output, indent: "  ")
    }
    output.write("\n" + session.bold("Exercises") + "\n")
    if progress.exercises.isEmpty { output.write("  none tried yet ('curvelab exercise')\n") }
    for (id, exercise) in progress.exercises.sorted(by: { $0.key < $1.key }) {
      // The progress file is a file: a hand-edited 1e300 must not trap.
      let percent = Int(checked: exercise.best * 100).map(String.init) ?? "?"
      output.write("  \(id): best \(percent)% in \(exercise.attempts) attempt\(exercise.attempts == 1 ? "" : "s")\n")
    }
    if let store = session.store {
      if store.hasSavedProgress {
        output.write(session.colored("\nSaved in \(store.path)", 2) + "\n")
      } else if !FileManager.default.fileExists(atPath: store.path) {
        output.write(session.colored("\nNothing saved yet; progress will go to \(store.path)", 2) + "\n")
      }
    }
  }
}
