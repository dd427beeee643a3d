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
      where you stopped, 'e' to go on with the exercises of the lesson you opened last, 'x' \
      for practice on new runs, 'z' for the quiz, 'p' for your progress, 'q' to quit. When the \
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
        "In a terminal, 'swift run curvelab' is all you need: this menu takes you through the "
          + "lessons, their exercises and the quiz. Without one, read a lesson with '"
          + LearnerCommand.line("curvelab lesson N") + "', take the quiz with '"
          + LearnerCommand.line("curvelab quiz") + "', practise with '"
          + LearnerCommand.line("curvelab exercise") + "'.", to: &output)
      return
    }
    var notice: String?
    while true {
      if session.style.chart.isColorEnabled, notice == nil { output.write("\u{1B}[H\u{1B}[2J") }
      writeContents(session: session, progress: progress, output: &output)
      if let text = notice { session.say(session.colored(text, 33), to: &output) }
      notice = nil
      output.write("\n")
      for line in Self.joinedInLines(choices(session: session, progress: progress), width: session.style.width) {
        output.write(line + "\n")
      }
      output.write("> ")
      guard let line = input.readLine() else { return }
      let choice = line.trimmingCharacters(in: .whitespaces).lowercased()
      let next = continueNumber(session: session, progress: progress)
      switch choice {
      case "q", "quit", "exit": return
      case "z", "quiz":
        try takeQuiz(session: session, progress: &progress, input: input, output: &output, errors: &errors)
      case "e", "exercise", "exercises":
        let lesson = try session.lesson(named: String(exerciseLesson(session: session, progress: progress)))
        try LessonExercises(session: session).continue(
          lesson, progress: &progress, input: input, output: &output, errors: &errors)
      case "x", "practice":
        try ExerciseRunner(session: session).practise(seed: nil, input: input, output: &output, errors: &errors, progress: &progress)
      case "p", "progress":
        ProgressCommand.write(session: session, progress: progress, output: &output)
        output.write("\nEnter: back to the menu > ")
        _ = input.readLine()
      default:
        guard !choice.isEmpty || next != nil else { continue }
        let name = choice.isEmpty ? String(next!) : choice
        guard session.course.lesson(named: name) != nil else {
          notice = "There is no lesson '\(choice)': type a number from 1 to \(session.course.lessons.count), or e, x, z, p, q."
          continue
        }
        var lesson = try session.lesson(named: name)
        reading: while true {
          switch try LessonReader(session: session, leaving: "menu").read(
            lesson, progress: &progress, input: input, output: &output, errors: &errors)
          {
          case .next: lesson = try session.lesson(named: String(lesson.number + 1))
          case .quiz:
            try takeQuiz(session: session, progress: &progress, input: input, output: &output, errors: &errors)
            break reading
          case .left: break reading
          }
        }
      }
      session.save(&progress, errors: &errors)
    }
  }

  /// The quiz, its score left on screen until the learner goes back to the menu.
  private func takeQuiz(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    try QuizCommand.interactive(session: session, progress: &progress, input: input, output: &output, errors: &errors)
    output.write("\nEnter: back to the menu > ")
    _ = input.readLine()
  }

  /// What the menu offers, with the lesson Enter opens and the exercises `e` goes on with.
  func choices(session: CourseSession, progress: CourseProgress) -> [String] {
    let count = session.course.lessons.count
    var items: [String] = []
    if let next = continueNumber(session: session, progress: progress) {
      items.append("Enter: lesson \(next)")
    }
    items.append("1-\(count): a lesson")
    let lesson = exerciseLesson(session: session, progress: progress)
    if let read = try? session.lesson(named: String(lesson)), !read.exercises.isEmpty {
      let done = read.exercises.filter { progress.exercises[$0.exercise.id] != nil }.count
      items.append("e: lesson \(lesson)'s exercises (\(done) of \(read.exercises.count) done)")
    }
    items += ["x: practice on new runs", "z: the quiz", "p: progress", "q: quit"]
    return items
  }

  /// Items joined with " · ", broken into lines between items, never inside one.
  static func joinedInLines(_ items: [String], width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for item in items {
      if current.isEmpty {
        current = item
      } else if displayWidth(of: current + " · " + item) <= width {
        current += " · " + item
      } else {
        lines.append(current)
        current = item
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// The lesson whose exercises `e` continues: the one opened last, else the one to continue.
  func exerciseLesson(session: CourseSession, progress: CourseProgress) -> Int {
    if let last = progress.lastLesson, let (number, _) = session.course.lesson(named: last) {
      return number
    }
    return continueNumber(session: session, progress: progress) ?? 1
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
    if progress == CourseProgress() {
      session.say(
        "Welcome. Ten short lessons on reading learning curves, each with runs trained as you "
          + "read, predictions to make and runs to diagnose, then a quiz. Everything happens "
          + "here; your progress is saved as you go. Press Enter to start.", to: &output)
      output.write("\n")
    }
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
