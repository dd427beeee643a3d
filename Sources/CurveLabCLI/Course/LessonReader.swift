import CurveCourse
import CurveExercises
import Foundation
import TerminalCanvas

/// Shows a lesson and records how far the learner got.
///
/// Printed whole when there is no terminal to talk to. In a terminal it pages through the
/// lesson and stops where the learner has something to do: an exercise is asked where it
/// stands, a prediction before the chart it is about, and the shell commands on a page run in
/// place with `r`. The last page offers the next lesson.
struct LessonReader {
  let session: CourseSession
  /// What `q` does, said in the prompts: "quit", or "menu" inside the course menu.
  let leaving: String

  /// How the learner left the lesson.
  enum Ending: Equatable {
    /// Finished it and asked for the next lesson.
    case next
    /// Finished the last lesson and asked for the quiz.
    case quiz
    /// Stopped (or finished and went back).
    case left
  }

  /// A screen of the lesson.
  enum Page {
    /// Lines of text and figures, with the commands shown on them that can run in place.
    case text([String], commands: [RunnableCommand])
    /// An exercise, `number` of `count` in the lesson.
    case exercise(Exercise, number: Int, count: Int)
    /// A prediction to make before the next page's chart.
    case prediction(PredictBlock)
  }

  /// Shows `lesson`; saves progress as the learner goes.
  @discardableResult
  func read(
    _ lesson: Lesson, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws -> Ending {
    let id = lesson.entry.id
    guard session.isInteractive else {
      let header = session.colored("Lesson \(lesson.number) of \(session.course.lessons.count)", 2)
      for line in [header, ""] + lesson.render(style: session.style, asciiOnly: session.asciiOnly) {
        output.write(line + "\n")
      }
      output.write("\n")
      session.say(session.colored(nextStep(after: lesson), 2), to: &output)
      // Printed whole to a terminal, the lesson was in front of the learner. Into a pipe it
      // may have gone to a program that stopped early (`| head`), so it is not marked.
      if session.writesToTerminal {
        progress.lessons[id] = CourseProgress.LessonState(isFinished: true, page: 0)
        progress.lastLesson = id
        session.save(&progress, errors: &errors)
      }
      return .left
    }
    let pages = self.pages(of: lesson)
    var state = progress.lessons[id] ?? CourseProgress.LessonState(isFinished: false, page: 0)
    var index = state.isFinished ? 0 : min(max(0, state.page), pages.count - 1)
    progress.lastLesson = id
    defer { session.save(&progress, errors: &errors) }
    while true {
      if state.page != index || progress.lessons[id] == nil {
        // Where the learner is, saved at every turn, so a closed window loses nothing.
        state.page = index
        progress.lessons[id] = state
        session.save(&progress, errors: &errors)
      }
      let position = "-- page \(index + 1) of \(pages.count) -- "
      let isLast = index == pages.count - 1
      let key: KeyPress
      switch pages[index] {
      case .text(let lines, let commands):
        clear(&output)
        if index == 0 {
          output.write(session.colored("Lesson \(lesson.number) of \(session.course.lessons.count)", 2) + "\n\n")
        }
        for line in lines { output.write(line + "\n") }
        output.write(
          position + (isLast ? "Enter: done" : "Enter: next") + (index > 0 ? ", b: back" : "")
            + (commands.isEmpty ? "" : ", r: run a command above") + ", q: \(leaving) ")
        key = input.readKey()
        output.write("\n")
        if key == .character("r"), !commands.isEmpty {
          try run(commands, input: input, output: &output, errors: &errors)
          continue
        }
      case .exercise(let exercise, let number, let count):
        key = try exercisePage(
          exercise, number: number, count: count, lesson: lesson, prompt: position,
          progress: &progress, input: input, output: &output, errors: &errors)
        if key == .character("a") { continue }
      case .prediction(let prediction):
        key = predictionPage(
          prediction, prompt: position, progress: &progress, input: input, output: &output,
          errors: &errors)
      }
      switch key {
      case .enter, .space:
        guard isLast else {
          index += 1
          continue
        }
        state.isFinished = true
        progress.lessons[id] = state
        session.save(&progress, errors: &errors)
        return ending(after: lesson, input: input, output: &output)
      case .character("b"), .character("B"):
        index = max(0, index - 1)
      case .character("q"), .character("Q"), .end:
        return .left
      case .character:
        continue
      }
    }
  }

  /// The lesson's pages: its text cut to the screen, with each exercise and prediction a page
  /// of its own.
  func pages(of lesson: Lesson) -> [Page] {
    let pager = Pager(screenHeight: session.screenHeight)
    var pages: [Page] = []
    var lines: [String] = []
    var commandLines: [(range: Range<Int>, commands: [RunnableCommand])] = []
    func flush() {
      guard !lines.isEmpty else { return }
      // The first page also carries the lesson's heading line and a blank line.
      let reserved = pages.isEmpty ? 2 : 0
      var starts = Pager(screenHeight: session.screenHeight - reserved).pageStarts(lines)
      if starts.count > 1 {
        let rest = Array(lines[starts[1]...])
        starts = [0] + pager.pageStarts(rest).map { $0 + starts[1] }
      }
      for (number, start) in starts.enumerated() {
        let end = number + 1 < starts.count ? starts[number + 1] : lines.count
        let commands = commandLines.filter { $0.range.overlaps(start..<end) }.flatMap(\.commands)
        pages.append(.text(Array(lines[start..<end]), commands: commands))
      }
      lines = []
      commandLines = []
    }
    for part in lesson.parts(style: session.style, asciiOnly: session.asciiOnly) {
      switch part {
      case .text(let text):
        if !lines.isEmpty { lines.append("") }
        lines += text
      case .commands(let text, let runnable):
        if !lines.isEmpty { lines.append("") }
        commandLines.append((lines.count..<lines.count + text.count, runnable))
        lines += text
      case .exercise(let exercise, let number, let count, _):
        flush()
        pages.append(.exercise(exercise, number: number, count: count))
      case .prediction(let prediction, _):
        flush()
        pages.append(.prediction(prediction))
      }
    }
    flush()
    return pages.isEmpty ? [.text([], commands: [])] : pages
  }

  private func clear(_ output: inout some TextOutputStream) {
    output.write("\u{1B}[H\u{1B}[2J")
  }

  // MARK: Stops

  /// Asks the exercise if it was never tried, else shows how it went; returns the key that
  /// leaves the page (`a` to ask it again).
  private func exercisePage(
    _ exercise: Exercise, number: Int, count: Int, lesson: Lesson, prompt: String,
    progress: inout CourseProgress, input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws -> KeyPress {
    let runner = ExerciseRunner(session: session)
    let place = "exercise \(number) of \(count) in lesson \(lesson.number)"
    clear(&output)
    if progress.exercises[exercise.id] == nil {
      let target = try runner.courseExercise(id: exercise.id)
      try runner.attempt(
        target, position: place, input: input, output: &output, errors: &errors,
        progress: &progress)
      session.save(&progress, errors: &errors)
    } else if let state = progress.exercises[exercise.id] {
      output.write(session.bold("Exercise \(exercise.id)") + session.colored("  (\(place))", 2) + "\n\n")
      let percent = Int((state.best * 100).rounded())
      var summary = "You have tried it \(state.attempts == 1 ? "once" : "\(state.attempts) times"); your best score is \(percent)%."
      if let answer = state.lastAnswer {
        summary += " Your last answers: " + answer.split(separator: ",", omittingEmptySubsequences: false)
          .map { $0.isEmpty ? "(blank)" : String($0) }.joined(separator: ", ") + "."
      }
      session.say(summary, to: &output)
    }
    while true {
      output.write(
        "\n" + prompt + "Enter: go on, "
          + (progress.exercises[exercise.id] == nil ? "a: answer it" : "a: again, w: solution")
          + ", b: back, q: \(leaving) ")
      let key = input.readKey()
      output.write("\n")
      if key == .character("w"), progress.exercises[exercise.id] != nil {
        runner.writeSolution(try runner.courseExercise(id: exercise.id), input: input, output: &output)
        continue
      }
      if key == .character("a") {
        let target = try runner.courseExercise(id: exercise.id)
        clear(&output)
        try runner.attempt(
          target, position: place, input: input, output: &output, errors: &errors,
          progress: &progress)
        session.save(&progress, errors: &errors)
        continue
      }
      return key
    }
  }

  /// Asks for a prediction if none was made, else shows it; returns the key that leaves the
  /// page.
  private func predictionPage(
    _ prediction: PredictBlock, prompt: String, progress: inout CourseProgress,
    input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) -> KeyPress {
    clear(&output)
    output.write(session.bold("Predict before you look") + "\n\n")
    session.writeQuestion(prediction.prompt, options: prediction.options, to: &output)
    let last = QuizPlan.letter(prediction.options.count - 1)
    while progress.predictions[prediction.id] == nil {
      output.write("\nYour prediction (a to \(last); s: skip, q: \(leaving)) > ")
      guard let line = input.readLine() else { return .end }
      let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
      if !input.isInteractive { output.write(typed + "\n") }
      if typed == "q" { return .character("q") }
      if typed == "s" || (typed.isEmpty && !input.isInteractive) { return .enter }
      // At a terminal a stray Enter asks again: a prediction is skipped on purpose, with s.
      if typed.isEmpty {
        output.write("Type one letter from a to \(last), or s to skip the prediction.\n")
        continue
      }
      guard typed.count == 1, let letter = typed.first, let ascii = letter.asciiValue, ascii >= 97,
        Int(ascii - 97) < prediction.options.count
      else {
        output.write("Type one letter from a to \(last).\n")
        continue
      }
      progress.predictions[prediction.id] = .init(
        choice: String(letter), isRight: letter == prediction.correctLetter)
      session.save(&progress, errors: &errors)
    }
    if let made = progress.predictions[prediction.id], let choice = made.choice.first {
      output.write("\n")
      let right = prediction.correctLetter
      let verdict =
        made.isRight
        ? session.colored((session.asciiOnly ? "" : "✓ ") + "You predicted \(choice): right.", 32)
        : session.colored((session.asciiOnly ? "" : "✗ ") + "You predicted \(choice); the run will show \(right).", 31)
      output.write(verdict + "\n")
      for letter in made.isRight ? [choice] : [choice, right] {
        guard let ascii = letter.asciiValue, Int(ascii - 97) < prediction.options.count else { continue }
        let option = prediction.options[Int(ascii - 97)]
        for line in session.markdown("\(letter)) \(option.explanation.droppingVerdict)", width: session.style.width - 2) {
          output.write("  " + line + "\n")
        }
      }
    }
    output.write("\n" + prompt + "Enter: see the run, b: back, q: \(leaving) ")
    let key = input.readKey()
    output.write("\n")
    return key
  }

  /// Runs one of the page's commands in place (in a scratch folder, so files they write stay
  /// out of the way), then waits for the learner.
  private func run(
    _ commands: [RunnableCommand], input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws {
    var chosen = commands[0]
    if commands.count > 1 {
      output.write("\n")
      for (index, command) in commands.enumerated() {
        for (number, line) in commandLines(command.text, width: session.style.width, indent: "").enumerated() {
          output.write((number == 0 ? " \(index + 1)) " : "    ") + line + "\n")
        }
      }
      output.write("Run which one? (1 to \(commands.count); Enter: none) > ")
      guard let line = input.readLine(), let number = Int(line.trimmingCharacters(in: .whitespaces)),
        (1...commands.count).contains(number)
      else { return }
      chosen = commands[number - 1]
    }
    clear(&output)
    for line in commandLines(chosen.text, width: session.style.width, indent: "$ ") {
      output.write(session.colored(line, 2) + "\n")
    }
    var arguments = chosen.arguments
    if !session.style.chart.isColorEnabled { arguments.append("--no-color") }
    if session.asciiOnly { arguments.append("--ascii") }
    let folder = labFolder()
    let manager = FileManager.default
    let previous = manager.currentDirectoryPath
    try? manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let moved = manager.changeCurrentDirectoryPath(folder)
    var printed = ""
    let status = CurveLabCLI.run(
      arguments, context: session.context, input: ScriptedInput([]), output: &printed,
      errors: &errors)
    if moved { _ = manager.changeCurrentDirectoryPath(previous) }
    if status == ExitStatus.success, moved, chosen.arguments.contains("--output") {
      session.say(session.colored("(Files it wrote are in \(folder).)", 2), to: &printed)
    }
    showScreenfuls(of: printed, input: input, output: &output)
    output.write("\nEnter: back to the lesson > ")
    _ = input.readLine()
  }

  /// Writes `text` a screenful at a time, waiting for a key between screenfuls, so a report
  /// longer than the terminal (a diagnosis with its chart) can be read from its top.
  private func showScreenfuls(
    of text: String, input: some TerminalInput, output: inout some TextOutputStream
  ) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    // Room for the command shown above and the prompt below.
    let room = max(5, session.screenHeight - 4)
    var start = 0
    while lines.count - start > room + 2 {
      for line in lines[start..<start + room] { output.write(line + "\n") }
      start += room
      output.write(session.colored("-- more (\(start) of \(lines.count) lines): Enter, q: skip to the end --", 2))
      let key = input.readKey()
      output.write("\n")
      if case .character(let character) = key, character == "q" { break }
      if key == .end { break }
    }
    for line in lines[start...] { output.write(line + "\n") }
  }

  /// Where commands run from the pager write their files: beside the progress file.
  private func labFolder() -> String {
    let base = session.store.map { ($0.path as NSString).deletingLastPathComponent }
      ?? FileManager.default.temporaryDirectory.path
    return (base as NSString).appendingPathComponent("lab")
  }

  // MARK: The end

  /// The last page's question: on to the next lesson (or the quiz after the last one)?
  private func ending(
    after lesson: Lesson, input: some TerminalInput, output: inout some TextOutputStream
  ) -> Ending {
    let count = session.course.lessons.count
    let next = lesson.number < count ? session.course.lessons[lesson.number] : nil
    let upNext = next.map { "lesson \(lesson.number + 1), \($0.title)" } ?? "the section quiz"
    output.write("\n")
    session.say(session.bold("Lesson \(lesson.number) done.") + " Next up: \(upNext).", to: &output)
    output.write("Enter: start it, q: \(leaving) > ")
    let key = input.readKey()
    output.write("\n")
    guard key == .enter || key == .space else { return .left }
    return next == nil ? .quiz : .next
  }

  /// What to do after a lesson printed whole.
  private func nextStep(after lesson: Lesson) -> String {
    var steps: [String] = []
    if !lesson.exercises.isEmpty {
      steps.append("answer its exercises with '\(LearnerCommand.line("curvelab exercise --lesson \(lesson.number)"))'")
    }
    if lesson.number < session.course.lessons.count {
      steps.append("read on with '\(LearnerCommand.line("curvelab lesson \(lesson.number + 1)"))'")
    } else {
      steps.append("take the quiz with '\(LearnerCommand.line("curvelab quiz"))'")
    }
    return "Next: " + steps.joined(separator: ", or ") + "."
  }
}
