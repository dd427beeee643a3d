import ArgumentParsing
import CurveCourse
import TerminalCanvas

/// `curvelab` (or `curvelab course`): the course menu, continuing where the learner left off.
struct CourseCommand: CourseSubcommand {
  static let spec = CommandSpec(
    name: "course",
    abstract: "Open the course: lessons with your progress, the quiz, exercises.",
    discussion: """
      This is what plain 'curvelab' runs. Pick a lesson by number, press Enter to continue \
      where you stopped, 'z' for the quiz, 'e' for practice exercises, 'q' to quit. When the \
      input is not a terminal it prints the table of contents and how to go on.
      """,
    examples: ["curvelab", "curvelab course --progress /tmp/my-progress.json"],
    options: CourseSession.options)

  let parsed: ParsedArguments


  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    guard session.isInteractive else {
      writeContents(session: session, progress: progress, output: &output)
      output.write("\n")
      session.say(
        "Read a lesson with 'curvelab lesson N', take the quiz with 'curvelab quiz', practise "
          + "with 'curvelab exercise'.", to: &output)
      return
    }
    var notice: String?
    while true {
      if session.style.chart.isColorEnabled, notice == nil { output.write("\u{1B}[H\u{1B}[2J") }
      writeContents(session: session, progress: progress, output: &output)
      if let text = notice { session.say(session.colored(text, 33), to: &output) }
      notice = nil
      let next = continueNumber(session: session, progress: progress)
      output.write(
        next.map { "\nLesson (Enter: \($0)), z quiz, e exercise, p progress, q quit > " }
          ?? "\nEvery lesson read. Lesson number, z quiz, e exercise, p progress, q quit > ")
      guard let line = input.readLine() else { return }
      let choice = line.trimmingCharacters(in: .whitespaces).lowercased()
      switch choice {
      case "q", "quit", "exit": return
      case "z", "quiz":
        try QuizCommand.interactive(session: session, progress: &progress, input: input, output: &output, errors: &errors)
        // The score and the list to review stay on screen until the learner is done with them.
        output.write("\nEnter: back to the menu > ")
        _ = input.readLine()
      case "e", "exercise":
        try ExerciseRunner(session: session).practise(seed: nil, input: input, output: &output, errors: &errors, progress: &progress)
      case "p", "progress":
        ProgressCommand.write(session: session, progress: progress, output: &output)
        output.write("\nEnter to go back > ")
        _ = input.readLine()
      default:
        guard !choice.isEmpty || next != nil else { continue }
        let name = choice.isEmpty ? String(next!) : choice
        guard session.course.lesson(named: name) != nil else {
          notice = "There is no lesson '\(choice)': type a number from 1 to \(session.course.lessons.count), or z, e, p, q."
          continue
        }
        let lesson = try session.lesson(named: name)
        LessonReader(session: session).read(lesson, progress: &progress, input: input, output: &output)
      }
      session.save(&progress, errors: &errors)
    }
  }

  /// The lesson to continue with: the last one opened if unfinished, else the first unread;
  /// `nil` when every lesson is read.
  func continueNumber(session: CourseSession, progress: CourseProgress) -> Int? {
    let lessons = session.course.lessons
    if let last = progress.lastLesson, let index = lessons.firstIndex(where: { $0.id == last }),
      progress.lessons[last]?.isFinished == false
    {
      return index + 1
    }
    return lessons.firstIndex { progress.lessons[$0.id]?.isFinished != true }.map { $0 + 1 }
  }

  func writeContents(session: CourseSession, progress: CourseProgress, output: inout some TextOutputStream) {
    output.write(session.bold(session.course.title) + "\n\n")
    let next = continueNumber(session: session, progress: progress)
    for (index, lesson) in session.course.lessons.enumerated() {
      let state = progress.lessons[lesson.id]
      let mark =
        state?.isFinished == true ? (session.asciiOnly ? "[x]" : "[✓]") : state == nil ? "[ ]" : "[~]"
      let pointer = index + 1 == next ? (session.asciiOnly ? "  <- continue here" : "  ← continue here") : ""
      let number = index + 1 < 10 ? " \(index + 1)" : "\(index + 1)"
      output.write("  \(mark) \(number). \(lesson.title)\(session.colored(pointer, 33))\n")
    }
    let read = session.course.lessons.filter { progress.lessons[$0.id]?.isFinished == true }.count
    var summary = "\n\(read) of \(session.course.lessons.count) lessons read"
    if let key = session.course.quizzes.first, let quiz = progress.quizzes[key] {
      if quiz.attempts > 0 { summary += "; quiz best \(quiz.best) of \(quiz.questionCount)" }
      if let unfinished = quiz.unfinished { summary += "; a quiz in progress (\(unfinished.answers.count) answered)" }
    }
    let tried = progress.exercises.count
    if tried > 0 { summary += "; \(tried) exercise\(tried == 1 ? "" : "s") tried" }
    output.write("\n")
    session.say(String(summary.dropFirst()) + ".", to: &output)
  }
}
