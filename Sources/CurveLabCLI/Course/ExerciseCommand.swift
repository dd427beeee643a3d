import ArgumentParsing
import CurveCourse
import CurveDiagnosis
import CurveExercises
import CurveSim
import Foundation
import JSONCoding
import MarkdownText
import TerminalCanvas

/// `curvelab exercise`: diagnose a simulated run; graded by the engine with partial credit.
struct ExerciseCommand: CourseSubcommand {
  static let spec = CommandSpec(
    name: "exercise",
    abstract: "Diagnose a simulated run: the pattern, where to stop, what to change.",
    discussion: """
      With no arguments, endless practice on fresh runs. With an id (or --lesson N), the \
      exercises at the end of the lessons. Each answer is graded by the diagnosis engine, with \
      partial credit and the numbers behind the key. Type h for a hint at any question; the \
      worked solution is offered once you have answered (or later with --solution). Answers can \
      also be given at once: --answers "overfitting,320,early-stopping".
      """,
    examples: [
      "curvelab exercise", "curvelab exercise --lesson 7", "curvelab exercise overfitting-1",
      "curvelab exercise --seed 12 --answers \"erratic,150,lower-learning-rate\" --json",
      "curvelab exercise overfitting-1 --solution",
    ],
    options: CourseSession.options + [
      .option("lesson", valueName: "N", help: "The exercises of lesson N (number or id)."),
      .option("seed", short: "s", valueName: "N", help: "Seed of a practice run (default: a new one)."),
      .option("scenario", valueName: "NAME", help: "Practice on this pattern only: healthy, overfitting, underfitting or erratic."),
      .option("difficulty", valueName: "LEVEL", help: "easy, medium or hard (practice runs).", default: "medium"),
      .option("answers", valueName: "LIST", help: "Answers in the order asked: pattern, step to keep, cause, change (the step and the cause only where the run asks them)."),
      .flag("solution", help: "Show the worked solution (after you have tried the exercise)."),
      .flag("json", help: "Print the grade as JSON (with --answers)."),
    ],
    positionals: [PositionalSpec("ID", help: "A course exercise id, such as overfitting-1.", isOptional: true)])

  let parsed: ParsedArguments


  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    let runner = ExerciseRunner(session: session)
    let difficulty = try parsed.value("difficulty", as: Difficulty.self)!
    let scenario = try parsed.value("scenario", as: Scenario.self)
    let seed = try parsed.value("seed", as: UInt64.self, validating: .seed)
    let answers = try parsed.value("answers", as: String.self)
    let json = parsed.isSet("json")
    if json, answers == nil {
      throw CLIError.incomplete("--json needs --answers: the answers to grade")
    }
    var target: ExerciseRunner.Target
    if let id = parsed.positionals.first {
      target = try runner.courseExercise(id: id)
    } else if let lesson = try parsed.value("lesson", as: String.self) {
      target = try runner.lessonExercise(lesson: lesson, progress: progress)
    } else {
      guard answers != nil || parsed.isSet("solution") else {
        try runner.practise(
          seed: seed, scenario: scenario, difficulty: difficulty, input: input,
          output: &output, errors: &errors, progress: &progress)
        return
      }
      guard let practiceSeed = seed else {
        throw CLIError.incomplete(
          "\(parsed.isSet("solution") ? "--solution" : "--answers") needs an exercise: its id "
            + "(curvelab exercise overfitting-1 ...) or the practice run's --seed")
      }
      target = try runner.practiceExercise(seed: practiceSeed, scenario: scenario, difficulty: difficulty)
    }
    if parsed.isSet("solution") {
      guard progress.exercises[target.solved.exercise.id] != nil else {
        throw CLIError.refused(
          "try exercise \(target.solved.exercise.id) first: its worked solution opens after an "
            + "attempt (\(LearnerCommand.line("curvelab exercise \(target.command)")))")
      }
      runner.writeSolution(target, output: &output)
      return
    }
    if let answers {
      let answer = try runner.parseAnswers(answers, for: target.solved.exercise)
      let grade = target.solved.grade(answer)
      progress.recordExercise(
        target.solved.exercise.id, fraction: grade.fraction, answer: grade.answerText)
      session.save(&progress, errors: &errors)
      if json {
        output.write(runner.json(grade, target: target) + "\n")
      } else {
        runner.writeGrade(grade, target: target, output: &output)
      }
      return
    }
    try runner.attempt(target, input: input, output: &output, errors: &errors, progress: &progress)
    session.save(&progress, errors: &errors)
  }
}

/// Runs exercises: shows the run, asks, grades, offers the solution.
struct ExerciseRunner {
  let session: CourseSession

  /// An exercise ready to attempt.
  struct Target {
    var solved: SolvedExercise
    /// The lesson it belongs to, if any.
    var lessonTitle: String?
    /// The arguments that reopen it: "overfitting-1" or "--seed 12".
    var command: String
    /// The committed solution file, for course exercises.
    var solutionPath: String?
  }

  func courseExercise(id: String) throws -> Target {
    let all = allExercises()
    guard let found = all.first(where: { $0.exercise.id == id }) else {
      throw ArgumentError.invalidValue(
        argument: "ID", value: id, expected: "one of: " + all.map(\.exercise.id).joined(separator: ", "))
    }
    return try target(found.exercise, lesson: found.lesson)
  }

  func lessonExercise(lesson name: String, progress: CourseProgress) throws -> Target {
    let lesson = try session.lesson(named: name)
    guard !lesson.exercises.isEmpty else {
      throw CLIError.cannotRead(path: session.course.path(of: lesson.entry), reason: "this lesson has no exercises")
    }
    let next = LessonExercises.next(in: lesson, progress: progress) ?? 0
    return try target(lesson.exercises[next].exercise, lesson: lesson)
  }

  func allExercises() -> [(exercise: Exercise, lesson: Lesson)] {
    session.course.readLessons().lessons.flatMap { lesson in lesson.exercises.map { ($0.exercise, lesson) } }
  }

  private func target(_ exercise: Exercise, lesson: Lesson) throws -> Target {
    do {
      return Target(
        solved: try exercise.solve(), lessonTitle: lesson.entry.title, command: exercise.id,
        solutionPath: session.course.path("Solutions/\(exercise.id).md"))
    } catch {
      throw CLIError.cannotRead(path: session.course.path(of: lesson.entry), reason: "exercise \(exercise.id): \(error)")
    }
  }

  func practiceExercise(seed: UInt64, scenario: Scenario?, difficulty: Difficulty) throws -> Target {
    var generator = SeededGenerator(seed: seed, stream: "practice.scenario")
    let pattern = scenario ?? generator.pick(Scenario.allCases)
    let id = "practice-\(seed)"
    do {
      let solved = try ExerciseGenerator(difficulty: difficulty).make(id: id, scenario: pattern, seed: seed)
      var command = "--seed \(seed)"
      if let scenario { command += " --scenario \(scenario.rawValue)" }
      if difficulty != .medium { command += " --difficulty \(difficulty.rawValue)" }
      return Target(solved: solved, lessonTitle: nil, command: command, solutionPath: nil)
    } catch {
      throw CLIError.invalidConfiguration(["\(error)"])
    }
  }

  /// Endless practice: one run after another until the learner stops.
  func practise(
    seed: UInt64?, scenario: Scenario? = nil, difficulty: Difficulty = .medium,
    input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream, progress: inout CourseProgress
  ) throws {
    var seed = seed ?? UInt64.random(in: 1...99_999)
    while true {
      let target = try practiceExercise(seed: seed, scenario: scenario, difficulty: difficulty)
      let finished = try attempt(target, input: input, output: &output, errors: &errors, progress: &progress)
      session.save(&progress, errors: &errors)
      guard finished else { return }
      output.write("Another run? [Y/n] ")
      guard let line = input.readLine(), !line.lowercased().hasPrefix("n") else { return }
      seed = seed < UInt64(Int64.max) ? seed + 1 : 1
    }
  }

  /// One attempt; returns false when the learner stopped before answering everything.
  ///
  /// - Parameter position: Where the exercise stands, such as "exercise 1 of 2 in lesson 7",
  ///   shown in its heading.
  @discardableResult
  func attempt(
    _ target: Target, position: String? = nil, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream,
    progress: inout CourseProgress
  ) throws -> Bool {
    let solved = target.solved
    let exercise = solved.exercise
    let place = position ?? target.lessonTitle.map { "lesson: \($0)" }
    output.write("\n" + session.bold("Exercise \(exercise.id)") + (place.map { session.colored("  (\($0))", 2) } ?? "") + "\n\n")
    // Short enough panels that the chart stays in view while the first questions are asked.
    let panelHeight = session.isInteractive ? min(12, max(7, (session.screenHeight - 16) / 2)) : session.style.panelHeight
    for line in RunFigure.chart(of: solved.log, style: session.style.withPanelHeight(panelHeight)) {
      output.write(line + "\n")
    }
    let steps = solved.log.evaluationEntries.map(\.step)
    let schedule: String? = steps.first.flatMap { first in
      steps.last.map { last in
        let every = steps.count > 1 ? steps[1] - steps[0] : 0
        return "\(steps.count) evaluations, every \(every) steps, from step \(first) to \(last)."
      }
    }
    if let schedule { session.say(schedule, to: &output) }
    // At a terminal, v shows the chart again at full height (the squeezed one above may have
    // scrolled away by the later questions); the options only go up to f, so v is free.
    let keys = input.isInteractive ? "h: hint, v: chart, s: skip, q: stop" : "h: hint, s: skip, q: stop"
    var answer = ExerciseAnswer()
    for question in exercise.questions {
      output.write("\n")
      // The cause is read from the curves and the run's settings together, as the engine does.
      if question == .cause {
        session.say(session.colored("Settings: \(solved.configuration).", 2), to: &output)
      }
      session.say(question.prompt, to: &output)
      let options = choices(for: question, solved: solved)
      for (index, option) in options.enumerated() {
        output.write("  \(QuizPlan.letter(index))) \(option.label)\n")
      }
      while true {
        output.write(options.isEmpty ? "Step (\(keys)) > " : "Letter or name (\(keys)) > ")
        guard let line = input.readLine() else {
          output.write("\nStopped; nothing was graded.\n")
          return false
        }
        let typed = line.trimmingCharacters(in: .whitespaces)
        if !input.isInteractive { output.write(typed + "\n") }
        if typed.lowercased() == "q" {
          output.write("Stopped; nothing was graded.\n")
          return false
        }
        if typed.lowercased() == "h" {
          session.say("Hint: " + hint(for: question), to: &output, indent: "  ")
          continue
        }
        if input.isInteractive, typed.lowercased() == "v" {
          // As tall as the screen allows with the question and its options below it.
          let below = options.count + 5
          let tallest = max(panelHeight, min(session.style.panelHeight, (session.screenHeight - below) / 2))
          output.write("\n")
          for line in RunFigure.chart(of: solved.log, style: session.style.withPanelHeight(tallest)) {
            output.write(line + "\n")
          }
          if let schedule { session.say(schedule, to: &output) }
          output.write("\n")
          session.say(question.prompt, to: &output)
          for (index, option) in options.enumerated() {
            output.write("  \(QuizPlan.letter(index))) \(option.label)\n")
          }
          continue
        }
        // At a terminal a stray Enter asks again; a question is left blank on purpose with s.
        if input.isInteractive, typed.isEmpty {
          session.say("Type your answer (\(keys)).", to: &output)
          continue
        }
        if typed.lowercased() == "s" {
          output.write("(left blank)\n")
          break
        }
        var text = typed
        if typed.count == 1, let ascii = typed.lowercased().first?.asciiValue, ascii >= 97,
          Int(ascii - 97) < options.count
        {
          text = options[Int(ascii - 97)].value
        }
        if typed.isEmpty || answer.set(question, from: text) {
          if typed.isEmpty { output.write("(left blank)\n") }
          break
        }
        session.say(
          "That is not an answer to this question; " + (options.isEmpty ? "type a step number" : "type a letter or a name") + " (h: hint, q: stop).", to: &output)
        if !input.isInteractive { break }
      }
    }
    let grade = solved.grade(answer)
    progress.recordExercise(exercise.id, fraction: grade.fraction, answer: grade.answerText)
    writeGrade(grade, target: target, output: &output)
    if input.isInteractive {
      output.write("Show the worked solution? [y/N] ")
      if let line = input.readLine(), line.lowercased().hasPrefix("y") {
        writeSolution(target, input: input, output: &output)
      }
    } else {
      output.write("Worked solution: \(LearnerCommand.line("curvelab exercise \(target.command) --solution"))\n")
    }
    return true
  }

  /// The options offered for a question: none for step questions.
  func choices(for question: Exercise.Question, solved: SolvedExercise) -> [(label: String, value: String)] {
    switch question {
    case .pattern:
      return Pattern.taught.map { ($0.rawValue, $0.rawValue) }
    case .remedy:
      var actions = [solved.key.remedy] + solved.key.otherRemedies.prefix(2)
      actions += solved.key.distractors.prefix(6 - actions.count)
      var generator = SeededGenerator(seed: solved.exercise.recipe.seed, stream: "exercise.remedy-options")
      actions.seededShuffle(using: &generator)
      return actions.map { ($0.title, $0.rawValue) }
    case .cause:
      guard let cause = solved.key.causeAnswer else { return [] }
      var causes = [cause.answer] + cause.distractors
      var generator = SeededGenerator(seed: solved.exercise.recipe.seed, stream: "exercise.cause-options")
      causes.seededShuffle(using: &generator)
      return causes.map { ($0.plainWords.capitalisingFirstLetter, $0.rawValue) }
    default: return []
    }
  }

  func hint(for question: Exercise.Question) -> String {
    switch question {
    case .pattern:
      "Read the two loss curves together. Both fall and level off close together: healthy. Validation turns up while training keeps falling: overfitting. Both stay high and flat: underfitting. Both swing without a trend: erratic."
    case .keepStep:
      "Find the lowest point of the validation loss; its step is the checkpoint load_best_model_at_end would keep."
    case .remedy:
      "Fit the change to the pattern: overfitting wants an earlier stop or regularization, underfitting more capacity or training, erratic smaller and calmer updates, a healthy run nothing."
    case .cause:
      "Read the curves with the settings. A slow, steady fall at a small learning rate: the rate. A curve still falling when the run ends: too few steps. A loss that levels off high: too little capacity, or weight decay holding it back. Training loss jumping with a batch of a few examples: the batch. Only validation jumping: a small evaluation set. Both jumping at a large rate: the rate."
    case .setSize:
      "Find the smallest jump between two accuracy values; the set size is 1 divided by it."
    case .patienceStop(let patience):
      "Find the best evaluation, then count \(patience) evaluations after it without a new best."
    }
  }

  func parseAnswers(_ text: String, for exercise: Exercise) throws -> ExerciseAnswer {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard parts.count <= exercise.questions.count else {
      throw ArgumentError.invalidValue(
        argument: "--answers", value: text,
        expected: "at most \(exercise.questions.count) answers: " + exercise.questions.map(\.name).joined(separator: ","))
    }
    var answer = ExerciseAnswer()
    for (question, part) in zip(exercise.questions, parts) where !part.isEmpty {
      guard answer.set(question, from: part) else {
        throw ArgumentError.invalidValue(argument: "--answers", value: part, expected: "an answer to '\(question.name)'" + (question == .remedy ? " such as lower-learning-rate or early-stopping" : question == .cause ? " such as high-learning-rate or tiny-batch" : question == .pattern ? ": healthy, overfitting, underfitting or erratic" : ": a step number"))
      }
    }
    return answer
  }

  func writeGrade(_ grade: ExerciseGrade, target: Target, output: inout some TextOutputStream) {
    output.write("\n")
    for item in grade.items {
      let mark: String
      if item.credit >= 1 {
        mark = session.colored(session.asciiOnly ? "[right]" : "✓", 32)
      } else if item.credit > 0 {
        mark = session.colored(session.asciiOnly ? "[half]" : "½", 33)
      } else {
        mark = session.colored(session.asciiOnly ? "[wrong]" : "✗", 31)
      }
      let given = item.given.isEmpty ? "you left it blank" : "you said \(item.given)"
      session.say("\(mark) \(session.bold(item.question.name)): \(given); the engine says \(item.expected).", to: &output)
      session.say(item.explanation, to: &output, indent: "    ")
    }
    output.write(session.bold("\nScore: \(pointsText(grade.points)) of \(pointsText(grade.maximum)) points") + "\n")
    session.say(session.colored("(The pattern is worth 2 points and every other answer 1; a close step, a change the engine lists but does not rank first, or a cause it finds possible but less likely, earns half.)", 2), to: &output)
    let command = LearnerCommand.line(target.solved.exercise.recipe.commandLine)
    for line in commandLines(command, width: session.style.width, indent: "The run: ") {
      output.write(session.colored(line, 2) + "\n")
    }
  }

  /// Writes the worked solution; with `input`, a page at a time.
  func writeSolution(
    _ target: Target, input: (some TerminalInput)? = ScriptedInput?.none,
    output: inout some TextOutputStream
  ) {
    var text: String?
    if let path = target.solutionPath, let data = FileManager.default.contents(atPath: path) {
      text = String(data: data, encoding: .utf8)
    }
    let markdown = text ?? SolutionWriter().markdown(for: target.solved, lessonTitle: target.lessonTitle)
    let renderer = TerminalMarkdownRenderer(
      width: session.style.width, isColorEnabled: session.style.chart.isColorEnabled, asciiOnly: session.asciiOnly)
    let lines = renderer.render(MarkdownDocument(parsing: markdown))
    // At a terminal the solution is paged, so its start does not scroll away.
    guard let input else {
      output.write("\n")
      for line in lines { output.write(line + "\n") }
      return
    }
    _ = Pager(screenHeight: session.screenHeight).show(lines, input: input, output: &output)
  }

  func json(_ grade: ExerciseGrade, target: Target) -> String {
    let items: [JSONValue] = grade.items.map { item in
      .object([
        ("question", .string(item.question.name)), ("given", .string(item.given)),
        ("expected", .string(item.expected)), ("credit", .double(item.credit)),
        ("points", .double(item.points)), ("maximum", .double(item.maximum)),
        ("explanation", .string(item.explanation)),
      ])
    }
    let value: JSONValue = .object([
      ("exercise", .string(target.solved.exercise.id)),
      ("run", .string(target.solved.exercise.recipe.commandLine)),
      ("policy", .string(grade.policy.rawValue)), ("points", .double(grade.points)),
      ("maximum", .double(grade.maximum)), ("items", .array(items)),
    ])
    return value.serialized(.python(indent: 2))
  }
}


extension ExerciseGrade {
  /// The answers as given, comma-separated in question order, as `--answers` takes them.
  var answerText: String { items.map(\.given).joined(separator: ",") }
}

/// 3 or 3.5.
func pointsText(_ value: Double) -> String {
  value == value.rounded() ? String(Int(value)) : String(value)
}
