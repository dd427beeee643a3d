import CurveCourse
import Testing

@Suite struct QuizParsingTests {
  @Test func readsTheSampleIntoTheExactModel() throws {
    let (file, errors) = QuizFile.parse(QuizSample.text, fileName: "sample.quiz")
    #expect(errors == [])
    let quiz = try #require(file)
    #expect(quiz.title == QuizSample.model.title)
    #expect(quiz.questions.count == QuizSample.model.questions.count)
    for (read, expected) in zip(quiz.questions, QuizSample.model.questions) {
      #expect(read == expected, "question \(expected.id)")
    }
    #expect(quiz == QuizSample.model)
  }

  @Test func readsWindowsLineEndsAndAByteOrderMark() {
    let windows =
      "\u{FEFF}"
      + QuizSample.text.split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\r\n") + "\r\n"
    let (file, errors) = QuizFile.parse(windows, fileName: "sample.quiz")
    #expect(errors == [])
    #expect(file == QuizSample.model)
  }

  @Test func readsOldMacLineEnds() {
    let text = QuizSample.text.split(separator: "\n", omittingEmptySubsequences: false)
      .joined(separator: "\r")
    #expect(QuizFile.parse(text, fileName: "sample.quiz").file == QuizSample.model)
  }

  @Test func allowsBlankLinesAndDeeperIndentsAmongOptions() throws {
    let text = """
      ## Q spaced
      section: 1
      type: single

      Which?
      [x] This.

          Because it is
            this one.
      # a comment between options
      [ ] That.
          Not that.
      """
    let (file, errors) = QuizFile.parse(text, fileName: "q.quiz")
    #expect(errors == [])
    let question = try #require(file?.questions.first)
    #expect(file?.title == nil)
    #expect(question.prompt == "Which?")
    #expect(question.options.map(\.explanation) == ["Because it is this one.", "Not that."])
    #expect(question.options.map(\.line) == [6, 11])
  }

  @Test func keepsCurveOverridesInFileOrder() throws {
    let text = """
      ## Q sizes
      section: 2
      type: single
      curve: ask=set-size train-size=100 scenario=healthy eval-size=7 hidden=64,64

      How many?
      """
    let curve = try #require(QuizFile.parse(text, fileName: "q.quiz").file?.questions[0].curve)
    #expect(curve.ask == .setSize)
    #expect(curve.scenario == "healthy")
    #expect(curve.seed == nil && curve.patience == nil)
    #expect(curve.overrides.map(\.key) == ["train-size", "eval-size", "hidden"])
    #expect(curve.overrides.map(\.value) == ["100", "7", "64,64"])
    #expect(curve.line == 4)
  }

  @Test func defaultsACurveScenarioToAny() throws {
    let text = "## Q r\nsection: 1\ntype: single\ncurve: ask=remedy\n\nFix it?\n"
    let curve = try #require(QuizFile.parse(text, fileName: "q.quiz").file?.questions[0].curve)
    #expect(curve == CurveQuestionSpec(ask: .remedy, scenario: "any", line: 4))
  }
}
