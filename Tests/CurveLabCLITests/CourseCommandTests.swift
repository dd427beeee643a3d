import CurveCourse
import CurveExercises
import CurveLabCLI
import Foundation
import JSONCoding
import TerminalCanvas
import Testing

/// Drives the course commands end to end with scripted input, a scratch progress file and the
/// course shipped in this repository.
@Suite struct CourseCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  let progressPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("curvelab-cli-\(UUID().uuidString)/progress.json").path

  private func run(
    _ arguments: [String], input: [String] = [], course: String = root, toTerminal: Bool = false
  ) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let context = CommandContext(
      terminal: Terminal(isTTY: toTerminal, width: 80, isColorEnabled: false),
      environment: ["CURVELAB_COURSE": course, "HOME": "/nonexistent"])
    let status = CurveLabCLI.run(
      arguments + (arguments.first == "check" ? [] : ["--progress", progressPath]), context: context,
      input: ScriptedInput(input), output: &output, errors: &errors)
    return (status, output, errors)
  }

  private func quizPlan(seed: UInt64) throws -> QuizPlan {
    let text = try String(contentsOfFile: Self.root + "/Quizzes/section-quiz.quiz", encoding: .utf8)
    return try QuizPlan(file: QuizFile.parse(text, fileName: "q").file!, seed: seed)
  }

  @Test func noArgumentsOpensTheCourse() {
    var output = ""
    var errors = ""
    let context = CommandContext(
      terminal: Terminal(isTTY: false, width: 80, isColorEnabled: false),
      environment: ["CURVELAB_COURSE": Self.root, "XDG_STATE_HOME": FileManager.default.temporaryDirectory.path + "/curvelab-\(UUID().uuidString)"])
    let status = CurveLabCLI.run([], context: context, input: ScriptedInput([]), output: &output, errors: &errors)
    #expect(status == 0)
    #expect(output.contains(" 1. What learning curves are"))
    #expect(output.contains("continue here"))
    #expect(output.contains("curvelab lesson N"))
  }

  @Test func aLessonPipedToAnotherProgramIsNotMarkedRead() {
    let piped = run(["lesson", "3"])
    #expect(piped.status == 0)
    #expect(piped.output.contains("Lesson 3 of 10"))
    #expect(run(["progress"]).output.contains("3. Accuracy curves, and why they move in steps: not opened"))
    #expect(run(["course"]).output.contains("[ ]  3."))
  }

  @Test func aLessonPrintedWholeToATerminalCountsAsRead() {
    let lesson = run(["lesson", "3"], toTerminal: true)
    #expect(lesson.status == 0)
    #expect(lesson.output.contains("Lesson 3 of 10"))
    #expect(lesson.output.contains("Rerun it:\n  swift run curvelab simulate"))
    #expect(lesson.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    let progress = run(["progress"])
    #expect(progress.output.contains("3. ") && progress.output.contains(": read"))
    let contents = run(["course"])
    #expect(contents.output.contains("[✓]  3."))
  }

  /// Practice runs (one id each) are summed up in one line, so a learner who practises a lot
  /// still sees the lessons; the course's exercises come in lesson order, several to a line.
  @Test func progressSumsUpPracticeAndListsCourseExercisesInLessonOrder() throws {
    try FileManager.default.createDirectory(
      atPath: (progressPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    var progress = CourseProgress()
    for seed in 1...12 { progress.recordExercise("practice-\(seed)", fraction: seed.isMultiple(of: 3) ? 1 : 0.5) }
    progress.recordExercise("loss-1", fraction: 0.75)
    progress.recordExercise("curves-1", fraction: 1)
    progress.recordExercise("curves-1", fraction: 0.5)
    _ = try ProgressStore(path: progressPath).save(progress)
    let shown = run(["progress"]).output
    #expect(!shown.contains("practice-"), "\(shown)")
    #expect(shown.contains("practice: 12 runs tried, 4 fully right, 67% on average"), "\(shown)")
    #expect(shown.contains("curves-1 100% (2 tries)  loss-1 75%"), "\(shown)")
    #expect(shown.range(of: #"  2 of \d+ course exercises tried"#, options: .regularExpression) != nil, "\(shown)")
    #expect(shown.split(separator: "\n").count <= 30)
    #expect(shown.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test func anUnknownLessonIsAUsageError() {
    let result = run(["lesson", "99"])
    #expect(result.status == 2)
    #expect(result.errors.contains("from 1 to 10"))
  }

  @Test func givenAnswersAreScoredAndRecorded() throws {
    let plan = try quizPlan(seed: 7)
    let key = plan.questions.map(\.correctLetters).joined(separator: ",")
    let result = run(["quiz", "--seed", "7", "--answers", key, "--json"])
    #expect(result.status == 0)
    let json = try JSONValue(parsing: result.output)
    #expect(json["score"]?.integerValue == Int64(plan.questions.count))
    #expect(json["review"]?.arrayValue?.isEmpty == true)
    #expect(run(["progress"]).output.contains("best \(plan.questions.count) of \(plan.questions.count)"))
  }

  @Test func tooManyAnswersAreAUsageError() throws {
    let plan = try quizPlan(seed: 7)
    let result = run(["quiz", "--seed", "7", "--answers", Array(repeating: "a", count: plan.questions.count + 1).joined(separator: ",")])
    #expect(result.status == 2)
  }

  @Test func answersThatAreNotOptionsAreRefusedNotSkipped() throws {
    let plan = try quizPlan(seed: 7)
    let single = try #require(plan.questions.firstIndex { !$0.isMultiple })
    var answers = Array(repeating: "", count: plan.questions.count)
    answers[single] = "ab"
    let twoLetters = run(["quiz", "--seed", "7", "--answers", answers.joined(separator: ",")])
    #expect(twoLetters.status == 2)
    #expect(twoLetters.errors.contains("answer \(single + 1) ('ab')"))
    let notALetter = run(["quiz", "--seed", "7", "--answers", "x"])
    #expect(notALetter.status == 2)
    // Piped, a bad answer is asked again rather than scored.
    let piped = run(["quiz", "--seed", "7"], input: ["zz", plan.questions[0].correctLetters])
    #expect(piped.output.contains("Type letters from a to"))
    #expect(piped.output.contains("Stopped after 1 of"))
  }

  @Test func gradingGivenAnswersKeepsAnUnfinishedAttempt() throws {
    let plan = try quizPlan(seed: 11)
    _ = run(["quiz", "--seed", "11"], input: [plan.questions[0].correctLetters])
    _ = run(["quiz", "--seed", "12", "--answers", "a"])
    let resumed = run(["quiz"], input: [])
    #expect(resumed.output.contains("Quiz seed 11"))
    #expect(resumed.output.contains("Picking up at question 2"))
  }

  @Test func anInterruptedQuizKeepsItsAnswersAndResumes() throws {
    let plan = try quizPlan(seed: 11)
    let first = plan.questions[0].correctLetters
    let second = plan.questions[1].correctLetters
    let stopped = run(["quiz", "--seed", "11"], input: ["h", first, second])
    #expect(stopped.status == 0)
    #expect(stopped.output.contains("Hint: "))
    #expect(stopped.output.contains("Stopped after 2 of \(plan.questions.count) questions"))
    let rest = plan.questions.dropFirst(2).map(\.correctLetters)
    let resumed = run(["quiz"], input: rest)
    #expect(resumed.output.contains("Picking up at question 3"))
    #expect(resumed.output.contains("Score: \(plan.questions.count) of \(plan.questions.count)"))
  }

  @Test func anExerciseIsGradedByTheEngineAndItsSolutionOpensAfterwards() throws {
    let before = run(["exercise", "overfitting-1", "--solution"])
    #expect(before.status == 1)
    #expect(before.errors.contains("try exercise overfitting-1 first"))
    let graded = run(["exercise", "overfitting-1", "--answers", "overfit,350,early stopping", "--json"])
    #expect(graded.status == 0)
    let json = try JSONValue(parsing: graded.output)
    #expect(json["points"]?.doubleValue == json["maximum"]?.doubleValue)
    let after = run(["exercise", "overfitting-1", "--solution"])
    #expect(after.status == 0)
    #expect(after.output.contains("Worked solution: overfitting-1"))
  }

  @Test func pipedExerciseAnswersTakeLettersAndWords() {
    // Pattern by letter (b = overfitting), a step, and a remedy by name.
    let result = run(["exercise", "overfitting-1"], input: ["h", "b", "350", "early-stopping"])
    #expect(result.status == 0)
    #expect(result.output.contains("Hint: "))
    #expect(result.output.contains("Score: 4 of 4 points"))
  }

  /// An erratic practice run asks what caused it, shows the settings the engine read it from,
  /// and takes the cause in words or by letter.
  @Test func anErraticExerciseAsksTheCauseBesideTheSettings() throws {
    let solved = try ExerciseGenerator().make(id: "practice-3", scenario: .erratic, seed: 3)
    let cause = try #require(solved.key.causeAnswer)
    try #require(solved.exercise.questions == [.pattern, .cause, .remedy])
    let words = "erratic,\(cause.answer.plainWords),\(solved.key.remedy.rawValue)"
    let graded = run(["exercise", "--seed", "3", "--scenario", "erratic", "--answers", words, "--json"])
    #expect(graded.status == 0, "\(graded.errors)")
    let json = try JSONValue(parsing: graded.output)
    #expect(json["points"]?.doubleValue == json["maximum"]?.doubleValue)
    let wrong = try #require(cause.distractors.first)
    let piped = run(
      ["exercise", "--seed", "3", "--scenario", "erratic"],
      input: ["erratic", "h", wrong.rawValue, solved.key.remedy.rawValue])
    #expect(piped.status == 0)
    #expect(piped.output.contains("Settings: "))
    #expect(piped.output.contains(Exercise.Question.cause.prompt))
    #expect(piped.output.contains(cause.answer.plainWords.capitalisingFirstLetter))
    #expect(piped.output.contains("cause: you said \(wrong.rawValue); the engine says \(cause.answer.rawValue)"))
    #expect(piped.output.contains("Score: 3 of 4 points"))
  }

  @Test func aBadAnswerListNamesTheAnswer() {
    let result = run(["exercise", "overfitting-1", "--answers", "sideways,100,nothing"])
    #expect(result.status == 2)
    #expect(result.errors.contains("sideways"))
  }

  @Test func resettingEverythingWithoutATerminalNeedsYes() {
    _ = run(["lesson", "1"], toTerminal: true)
    #expect(run(["reset"]).status == 2)
    #expect(run(["reset", "--yes"]).status == 0)
    #expect(run(["progress"]).output.contains("1. What learning curves are: not opened"))
  }

  @Test func aDamagedProgressFileIsSetAsideNotLost() throws {
    try FileManager.default.createDirectory(
      atPath: (progressPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try "garbage".write(toFile: progressPath, atomically: true, encoding: .utf8)
    // Showing progress only reads: the damaged file stays where it is.
    let shown = run(["progress"])
    #expect(shown.status == 0)
    #expect(shown.errors.contains("left as it is"))
    #expect(try String(contentsOfFile: progressPath, encoding: .utf8) == "garbage")
    // Reading a lesson saves progress: the damaged file is moved aside first, not overwritten.
    let result = run(["lesson", "1"])
    #expect(result.status == 0)
    #expect(result.errors.contains("damaged-1"))
    #expect(try String(contentsOfFile: progressPath + ".damaged-1", encoding: .utf8) == "garbage")
  }

  @Test func aFileThatIsNotProgressIsNeverMovedOrOverwritten() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("curvelab-notes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let notes = folder.appendingPathComponent("notes.txt").path
    try "my notes".write(toFile: notes, atomically: true, encoding: .utf8)
    var output = ""
    var errors = ""
    // Printed whole to a terminal, the lesson counts as read, so saving is tried, and refused.
    let terminal = CommandContext(
      terminal: Terminal(isTTY: true, width: 80, isColorEnabled: false), environment: [:])
    let status = CurveLabCLI.run(
      ["lesson", "1", "--progress", notes], context: terminal, input: ScriptedInput([]),
      output: &output, errors: &errors)
    #expect(status == 0)
    #expect(errors.contains("not a progress file this CurveLab can use"))
    #expect(errors.contains("not a CurveLab progress file"))
    #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
  }

  @Test func multipleAnswerFeedbackSaysWhatWasChosenWronglyAndWhatWasMissed() throws {
    let plan = try quizPlan(seed: 5)
    let index = try #require(plan.questions.firstIndex { $0.isMultiple && $0.correctLetters.count >= 2 })
    let question = plan.questions[index]
    let right = question.correctLetters.first!
    let wrong = try #require(question.options.indices.map(QuizPlan.letter).first { !question.correctLetters.contains($0) })
    let missed = question.correctLetters.dropFirst()
    let answers = Array(repeating: "s", count: index) + ["\(right)\(wrong)"]
    let result = run(["quiz", "--seed", "5"], input: answers)
    let feedback = try #require(result.output.components(separatedBy: "Question \(index + 1) of").last)
    let flat = feedback.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(flat.contains("You chose \(right) (right:"))
    #expect(flat.contains("You chose \(wrong) (wrong:"))
    for letter in missed { #expect(flat.contains("You missed \(letter) (")) }
  }

  @Test func theQuizScoreStaysOnScreenUntilTheLearnerGoesBackToTheMenu() throws {
    var output = ""
    var errors = ""
    let context = CommandContext(
      terminal: Terminal(isTTY: true, width: 80, isColorEnabled: false),
      environment: ["CURVELAB_COURSE": Self.root, "HOME": "/nonexistent"])
    let skips = Array(repeating: "s", count: try quizPlan(seed: 1).questions.count)
    // The menu's quiz draws a new seed, so skip generously; the menu reads the rest as choices.
    let input = ScriptedInput(["z"] + skips + ["", "q"], isInteractive: true)
    _ = CurveLabCLI.run(
      ["course", "--progress", progressPath], context: context, input: input, output: &output,
      errors: &errors)
    let afterScore = try #require(output.components(separatedBy: "Score: 0 of").last)
    #expect(afterScore.contains("To review, question numbers by lesson:"))
    #expect(afterScore.contains("lesson 7, Overfitting: "))
    // The menu is drawn again only after that key, and the score and the list to review fit
    // the screen (24 lines here) above it.
    let pause = try #require(afterScore.range(of: "Enter: back to the menu"))
    #expect(!afterScore[..<pause.lowerBound].contains("continue here"))
    #expect(afterScore[..<pause.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).count < 24)
  }

  @Test func checkValidatesAnInstructorsOwnQuiz() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("curvelab-\(UUID().uuidString).quiz").path
    try "## Q one\nsection: 7\ntype: single\n\nWhat?\n\n[x] A\n    yes\n[ ] A\n    no\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let broken = run(["check", "--quiz", path])
    #expect(broken.status == 1)
    #expect(broken.errors.contains("\(path):9:"))
    try "## Q one\nsection: 7\ntype: single\ncurve: ask=pattern scenario=overfitting\n\nWhich pattern?\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let good = run(["check", "--quiz", path, "--seeds", "2"])
    #expect(good.status == 0, "\(good.errors)")
  }

  @Test func checkFailsOnABrokenCourseNamingFileAndLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("curvelab-broken-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["Lessons", "Quizzes", "Solutions"] {
      try FileManager.default.copyItem(atPath: Self.root + "/" + name, toPath: folder + "/" + name)
    }
    let quiz = folder + "/Quizzes/section-quiz.quiz"
    let text = try String(contentsOfFile: quiz, encoding: .utf8)
    try text.replacingOccurrences(of: "type: single", with: "type: several").write(toFile: quiz, atomically: true, encoding: .utf8)
    let result = run(["check", "--seeds", "1"], course: folder)
    #expect(result.status == 1)
    #expect(result.errors.contains("section-quiz.quiz:"))
    #expect(result.errors.contains("problem"))
  }
}
