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

  /// A quiz as a learner knows it: `Quizzes/section-quiz.quiz` → `section quiz`.
  static func quizName(_ path: String) -> String {
    let file = (path as NSString).lastPathComponent
    let stem = file.hasSuffix(".quiz") ? String(file.dropLast(5)) : file
    return stem.replacingOccurrences(of: "-", with: " ")
  }

  /// Whether an exercise id names a practice run (the menu's random exercises).
  static func isPractice(_ id: String) -> Bool { id.hasPrefix("practice-") }

  static func write(session: CourseSession, progress: CourseProgress, output: inout some TextOutputStream) {
    output.write(session.bold("Lessons") + "\n")
    for (index, lesson) in session.course.lessons.enumerated() {
      let state = progress.lessons[lesson.id]
      let status =
        state?.isFinished == true ? "read" : state.map { "stopped at page \($0.page + 1)" } ?? "not opened"
      output.write("  \(index + 1). \(lesson.title): \(status)\n")
    }
    output.write("\n" + session.bold("Quiz") + "\n")
    if progress.quizzes.isEmpty { output.write("  not taken yet ('\(LearnerCommand.line("curvelab quiz"))')\n") }
    for (name, quiz) in progress.quizzes.sorted(by: { $0.key < $1.key }) {
      var line = "  \(Self.quizName(name)): \(quiz.attempts) finished attempt\(quiz.attempts == 1 ? "" : "s")"
      if quiz.attempts > 0 { line += ", best \(quiz.best) of \(quiz.questionCount)" }
      if let unfinished = quiz.unfinished {
        line += "; one in progress (\(unfinished.answers.count) answered, seed \(unfinished.seed))"
      }
      session.say(line.trimmingCharacters(in: .whitespaces), to: &output, indent: "  ")
    }
    output.write("\n" + session.bold("Exercises") + "\n")
    if progress.exercises.isEmpty { output.write("  none tried yet ('\(LearnerCommand.line("curvelab exercise"))')\n") }
    // The course's exercises in lesson order, several to a line; practice runs as one line
    // (each has its own id, and a list of them would push the lessons off the screen).
    let courseIDs = session.course.lessons.indices.flatMap { index in
      ((try? session.lesson(named: String(index + 1)))?.exercises ?? []).map(\.exercise.id)
    }
    let entries = courseIDs.compactMap { id in progress.exercises[id].map { (id, $0) } }
      + progress.exercises.filter { !courseIDs.contains($0.key) && !Self.isPractice($0.key) }
      .sorted { $0.key < $1.key }
    if !entries.isEmpty {
      let cells = entries.map { id, exercise in
        // The progress file is a file: a hand-edited 1e300 must not trap.
        let percent = Int(checked: exercise.best * 100).map(String.init) ?? "?"
        return "\(id) \(percent)%" + (exercise.attempts > 1 ? " (\(exercise.attempts) tries)" : "")
      }
      output.write("  \(entries.count) of \(courseIDs.count) course exercises tried, best scores:\n")
      var line = "   "
      for cell in cells {
        if line.count + 3 + cell.count > session.style.width - 1, line.count > 3 {
          output.write(line + "\n")
          line = "   "
        }
        line += "  " + cell
      }
      output.write(line + "\n")
    }
    let practice = progress.exercises.filter { Self.isPractice($0.key) }.map(\.value)
    if !practice.isEmpty {
      let right = practice.filter { $0.best >= 1 }.count
      let mean = practice.map(\.best).reduce(0, +) / Double(practice.count)
      let percent = Int(checked: mean * 100).map(String.init) ?? "?"
      output.write(
        "  practice: \(practice.count) run\(practice.count == 1 ? "" : "s") tried, \(right) fully "
          + "right, \(percent)% on average\n")
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
