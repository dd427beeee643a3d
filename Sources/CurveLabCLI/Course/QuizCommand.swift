import ArgumentParsing
import CurveCourse
import CurveRender
import Foundation
import JSONCoding
import TerminalCanvas

/// `curvelab quiz`: the section quiz, one question at a time, or scored from given answers.
struct QuizCommand: CourseSubcommand {
  static let spec = CommandSpec(
    name: "quiz",
    abstract: "Take the section quiz: one question at a time, explained as you go.",
    discussion: """
      Answer with the letter of an option (several letters, such as 'ac', when a question says \
      to choose all that apply). Type h for a hint, s to skip, q to stop; an unfinished quiz is \
      saved and picked up next time. Curve questions show a run trained just now and are marked \
      by the diagnosis engine. --seed fixes the order, the options and the runs. Answers can \
      also come from --answers or, one per line, from standard input.
      """,
    examples: [
      "curvelab quiz", "curvelab quiz --seed 7",
      "curvelab quiz --seed 7 --answers \"b,ac,d\" --json",
      "printf 'a\\nbd\\n' | curvelab quiz --seed 7",
    ],
    options: CourseSession.options + [
      .option("seed", short: "s", valueName: "N", help: "Seed of the question order, options and runs (default: a new one)."),
      .option("answers", valueName: "LIST", help: "Answers in order, comma-separated: \"b,ac,,d\" (empty: skipped)."),
      .option("quiz", valueName: "FILE", help: "A quiz file (default: the course's section quiz)."),
      .flag("json", help: "Print the result as JSON."),
    ])

  let parsed: ParsedArguments


  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    let quizPath = try parsed.value("quiz", as: String.self)
    let preset = try parsed.value("answers", as: String.self).map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    try Self.take(
      session: session, quizPath: quizPath, seed: try parsed.value("seed", as: UInt64.self, validating: .seed),
      preset: preset, json: parsed.isSet("json"), progress: &progress, input: input,
      output: &output, errors: &errors)
  }

  /// The quiz from the course menu.
  static func interactive(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws {
    try take(
      session: session, quizPath: nil, seed: nil, preset: nil, json: false, progress: &progress,
      input: input, output: &output, errors: &errors)
  }

  static func take(
    session: CourseSession, quizPath: String?, seed: UInt64?, preset: [String]?, json: Bool,
    progress: inout CourseProgress, input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws {
    let path: String
    if let quizPath {
      path = quizPath
    } else if let first = session.course.quizzes.first {
      path = session.course.path(first)
    } else {
      throw CLIError.cannotRead(path: Course.manifestPath, reason: "the course lists no quiz")
    }
    let key = quizPath ?? session.course.quizzes[0]
    let text: String
    do { text = try Course.read(path) } catch {
      throw CLIError.cannotRead(path: path, reason: error.message)
    }
    let (file, problems) = QuizFile.parse(text, fileName: path)
    guard let file else {
      throw CLIError.cannotRead(
        path: path, reason: "the quiz has errors:\n" + problems.map { "  \($0)" }.joined(separator: "\n"))
    }
    // Pick up an unfinished attempt unless told otherwise.
    var answers: [String] = []
    var chosenSeed = seed
    let unfinished = progress.quizzes[key]?.unfinished
    if preset != nil, seed == nil {
      throw CLIError.incomplete("--answers needs --seed: the seed fixes the order the answers refer to")
    }
    // JSON with answers from a pipe prints the JSON alone.
    let quiet = json && !input.isInteractive
    if quiet, preset == nil, seed == nil {
      throw CLIError.incomplete("--json with answers from standard input needs --seed, so the answers line up with the questions")
    }
    if seed == nil, preset == nil, let unfinished {
      chosenSeed = unfinished.seed
      answers = unfinished.answers
    } else if let unfinished, preset == nil, seed != unfinished.seed, !quiet {
      output.write(
        "Note: your unfinished quiz (seed \(unfinished.seed), \(unfinished.answers.count) answered) is "
          + "replaced once you answer here; quit now and run '\(LearnerCommand.line("curvelab quiz"))' to go on with it.\n")
    }
    let quizSeed = chosenSeed ?? UInt64.random(in: 1...99_999)
    let plan: QuizPlan
    do {
      plan = try QuizPlan(file: file, seed: quizSeed)
    } catch {
      throw CLIError.cannotRead(path: path, reason: "\(error)")
    }
    let runner = QuizRunner(session: session, plan: plan, progressKey: key)
    // A saved attempt that no longer fits the quiz (the author changed it) starts afresh.
    if !answers.isEmpty,
      answers.count >= plan.questions.count
        || zip(answers, plan.questions).contains(where: { $1.problem(with: $0) != nil })
    {
      errors.write("curvelab: note: the quiz changed since your unfinished attempt; starting it afresh\n")
      answers = []
    }
    if let preset {
      guard preset.count <= plan.questions.count else {
        throw ArgumentError.invalidValue(
          argument: "--answers", value: "\(preset.count) answers",
          expected: "at most \(plan.questions.count), one per question")
      }
      for (index, answer) in preset.enumerated() {
        if let problem = plan.questions[index].problem(with: answer) {
          throw CLIError.incomplete("--answers: answer \(index + 1) ('\(answer)'): \(problem)")
        }
      }
      if preset.count < plan.questions.count {
        errors.write("curvelab: warning: \(plan.questions.count - preset.count) questions have no answer and count as skipped\n")
      }
      answers = preset
    } else {
      if !quiet {
        output.write(session.bold(plan.title) + "\n")
        output.write("Quiz seed \(quizSeed) (repeat this quiz with --seed \(quizSeed)).")
        output.write(answers.isEmpty ? "\n" : " Picking up at question \(answers.count + 1).\n")
      }
      let start = answers.count
      let finished = runner.ask(
        from: start, answers: &answers, quiet: quiet, input: input, output: &output,
        save: { answered in
          progress.quizzes[key, default: .init(attempts: 0, best: 0, questionCount: plan.questions.count)]
            .unfinished = .init(seed: quizSeed, answers: answered)
          session.save(&progress, errors: &errors)
        })
      if !finished {
        if !quiet {
          if answers.count > start {
            session.say(
              "Stopped after \(answers.count) of \(plan.questions.count) questions; your answers "
                + "are saved. Run '\(LearnerCommand.line("curvelab quiz"))' to go on.", to: &output)
          } else {
            session.say("Stopped; no new answers to save.", to: &output)
          }
        }
        if json { output.write(runner.json(plan.score(answers), seed: quizSeed, path: key, finished: false) + "\n") }
        return
      }
    }
    let result = plan.score(answers)
    progress.recordQuiz(
      key, correct: result.correctCount, of: plan.questions.count,
      keepingUnfinished: preset != nil || (seed != nil && seed != unfinished?.seed))
    session.save(&progress, errors: &errors)
    if json {
      output.write(runner.json(result, seed: quizSeed, path: key, finished: true) + "\n")
    } else {
      runner.writeSummary(result, output: &output)
    }
  }
}

/// Asks the questions of a plan and reports the score.
struct QuizRunner {
  let session: CourseSession
  let plan: QuizPlan
  let progressKey: String

  /// Asks from question `start` on, appending answers; returns whether the quiz was finished
  /// (not stopped with q or closed input). `save` runs after every answer.
  func ask(
    from start: Int, answers: inout [String], quiet: Bool, input: some TerminalInput,
    output: inout some TextOutputStream, save: ([String]) -> Void
  ) -> Bool {
    var out = QuietStream(base: output, isQuiet: quiet)
    defer { output = out.base }
    for index in start..<plan.questions.count {
      let question = plan.questions[index]
      show(question, number: index + 1, output: &out)
      var answer: String?
      while answer == nil {
        out.write(question.isMultiple ? "Letters of all that apply (h: hint, s: skip, q: stop) > " : "Your answer (h: hint, s: skip, q: stop) > ")
        guard let line = input.readLine() else {
          out.write("\n")
          return false
        }
        let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
        if !input.isInteractive { out.write(typed + "\n") }
        switch typed {
        case "q", "quit": return false
        case "h", "hint":
          session.say("Hint: " + (question.hint ?? "no hint for this one; read each option carefully."), to: &out, indent: "  ")
        case "s", "skip", "": answer = ""
        default:
          let letters = typed.filter { $0 != "," && $0 != " " }
          if let problem = question.problem(with: letters) {
            out.write(problem.prefix(1).uppercased() + problem.dropFirst() + ".\n")
          } else {
            answer = letters
          }
        }
      }
      answers.append(answer!)
      save(answers)
      feedback(plan.score(answers).items[index], question: question, output: &out)
    }
    return true
  }

  func show(_ question: QuizPlan.Question, number: Int, output: inout some TextOutputStream) {
    output.write(
      "\n" + session.bold("Question \(number) of \(plan.questions.count)")
        + session.colored("  (\(session.lessonReference(for: question.sections)))", 2) + "\n")
    if let log = question.log {
      let chart: [String]
      switch question.panels {
      case .accuracyValues:
        chart = RunFigure.chart(of: log, panels: .accuracy, style: session.style.withPanelHeight(9))
      case .lossWithEvaluations:
        chart = RunFigure.chart(
          of: log, panels: .loss, marksEvaluations: true, style: session.style.withPanelHeight(14))
      case .chart, .none:
        chart = RunFigure.chart(of: log, style: session.style.withPanelHeight(9))
      }
      for line in chart { output.write(line + "\n") }
      if question.panels == .accuracyValues {
        let values = Set(log.evaluationEntries.compactMap(\.accuracy)).sorted().suffix(8)
        session.say("The highest validation accuracies logged: " + values.map { AxisScale.fixed($0, decimals: 4, trimmingZeros: false) }.joined(separator: ", "), to: &output)
      }
      if question.panels == .lossWithEvaluations {
        let steps = log.evaluationEntries.map(\.step)
        if steps.count > 1 {
          let mark = session.asciiOnly ? "^" : "┴"
          session.say(
            "This run evaluates every \(steps[1] - steps[0]) steps, from step \(steps[0]) to "
              + "\(steps[steps.count - 1]); each \(mark) on the step axis is one evaluation.",
            to: &output)
        }
      }
      output.write("\n")
    }
    session.writeQuestion(question.prompt, options: question.options, to: &output)
  }

  /// What the learner's answer got right and wrong, option by option: "You chose b (wrong:
  /// ...)", "You missed d (...)", and the explanation of each option chosen rightly.
  func feedback(_ item: QuizResult.Item, question: QuizPlan.Question, output: inout some TextOutputStream) {
    if item.isRight {
      output.write(session.colored(session.asciiOnly ? "Right." : "✓ Right.", 32) + "\n")
    } else if item.chosen.isEmpty {
      output.write(session.colored("Skipped: the answer is \(Self.answer(item, question)).", 33) + "\n")
    } else {
      output.write(session.colored((session.asciiOnly ? "" : "✗ ") + "Not quite: the answer is \(Self.answer(item, question)).", 31) + "\n")
    }
    let lines = Self.optionFeedback(item, question: question)
    for line in lines {
      for wrapped in session.markdown(line, width: session.style.width - 2) {
        output.write("  " + wrapped + "\n")
      }
    }
  }

  /// One sentence per option worth mentioning, in letter order.
  static func optionFeedback(_ item: QuizResult.Item, question: QuizPlan.Question) -> [String] {
    var lines: [String] = []
    for (index, option) in question.options.enumerated() {
      let letter = QuizPlan.letter(index)
      let chosen = item.chosen.contains(letter)
      let why = option.explanation.droppingVerdict
      if option.isOptional {
        if chosen { lines.append("You chose \(letter) (fine either way: \(why))") }
        continue
      }
      switch (chosen, option.isCorrect) {
      case (true, true): lines.append("You chose \(letter) (right: \(why))")
      case (true, false): lines.append("You chose \(letter) (wrong: \(why))")
      case (false, true) where !item.chosen.isEmpty:
        lines.append("You missed \(letter) (\(why))")
      case (false, true): lines.append("\(letter)) \(option.explanation)")
      case (false, false): break
      }
    }
    return lines
  }

  /// The right answer in words: "a and c", or "a and c (e is right either way)".
  static func answer(_ item: QuizResult.Item, _ question: QuizPlan.Question) -> String {
    let optional = question.optionalLetters
    guard !optional.isEmpty else { return list(item.correct) }
    let verb = optional.count == 1 ? "is" : "are"
    return list(item.correct) + " (\(list(optional)) \(verb) right either way)"
  }

  /// "b", "a and c", "a, c and e".
  static func list(_ letters: String) -> String {
    let items = letters.map(String.init)
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  func writeSummary(_ result: QuizResult, output: inout some TextOutputStream) {
    let count = plan.questions.count
    let percent = count > 0 ? result.correctCount * 100 / count : 0
    output.write("\n" + session.bold("Score: \(result.correctCount) of \(count) (\(percent)%)") + "\n")
    let review = plan.questions.indices.filter { !result.items[$0].isRight }
    if review.isEmpty {
      output.write("Every answer right. Practice on new runs (x in the menu) keeps the skill sharp.\n")
      return
    }
    // A list longer than the screen would push the score out of sight: group it by lesson.
    if session.isInteractive, review.count + 6 > session.screenHeight {
      output.write("To review, question numbers by lesson:\n")
      for (number, lesson) in session.course.lessons.enumerated() {
        let questions = review.filter { plan.questions[$0].sections.contains { lesson.sections.contains($0) } }
        guard !questions.isEmpty else { continue }
        session.say(
          "lesson \(number + 1), \(lesson.title): " + questions.map { String($0 + 1) }.joined(separator: ", "),
          to: &output, indent: "  ")
      }
      return
    }
    output.write("To review:\n")
    for index in review {
      let question = plan.questions[index]
      let firstLine = question.prompt.split(separator: "\n").first.map(String.init) ?? ""
      let start = firstLine.count > 60 ? firstLine.prefix(57) + "..." : firstLine
      session.say(
        "\(index + 1). \(start) (\(session.lessonReference(for: question.sections)))", to: &output,
        indent: "  ")
    }
  }

  func json(_ result: QuizResult, seed: UInt64, path: String, finished: Bool) -> String {
    let items: [JSONValue] = zip(plan.questions, result.items).map { question, item in
      .object([
        ("id", .string(item.id)),
        ("sections", .array(question.sections.map { .integer(Int64($0)) })),
        ("answer", .string(item.chosen)), ("correct", .string(item.correct)),
        ("right", .bool(item.isRight)),
      ])
    }
    let value: JSONValue = .object([
      ("quiz", .string(path)), ("seed", .integer(Int64(seed))), ("finished", .bool(finished)),
      ("score", .integer(Int64(result.correctCount))),
      ("questions", .integer(Int64(plan.questions.count))),
      ("answered", .integer(Int64(result.answeredCount))),
      ("review", .array(result.toReview.map { .string($0) })), ("items", .array(items)),
    ])
    return value.serialized(.python(indent: 2))
  }
}

extension String {
  /// An explanation without the verdict it starts with ("Right. ", "No. "), for sentences
  /// that give the verdict themselves.
  var droppingVerdict: String {
    for verdict in ["Right. ", "Right: ", "No. ", "No, ", "Wrong. ", "Either way. "] where hasPrefix(verdict) {
      let rest = dropFirst(verdict.count)
      return rest.prefix(1).uppercased() + rest.dropFirst()
    }
    return self
  }
}

/// A stream that drops everything when quiet, so `--json` with piped answers prints JSON only.
struct QuietStream<Base: TextOutputStream>: TextOutputStream {
  var base: Base
  var isQuiet: Bool
  mutating func write(_ string: String) { if !isQuiet { base.write(string) } }
}
