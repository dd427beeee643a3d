import CurveCourse
import Testing

@Suite struct QuizFormattingTests {
  @Test func writesTheCanonicalForm() {
    let quiz = QuizFile(
      title: "Tiny",
      questions: [
        QuizQuestion(
          id: "one", line: 3, sections: [1, 2], kind: .multiple, hint: "Think.",
          prompt: "First paragraph.\n\nSecond.",
          options: [
            QuizOption(text: "A", isCorrect: true, explanation: "Because.", line: 12),
            QuizOption(text: "B", isCorrect: false, explanation: "No.", line: 14),
          ]),
        QuizQuestion(
          id: "two", line: 17, sections: [3], kind: .single, prompt: "Run?",
          curve: CurveQuestionSpec(
            ask: .setSize, scenario: "erratic", seed: 0, patience: 4,
            overrides: [.init(key: "eval-size", value: "40")], line: 20)),
      ])
    let expected = """
      title: Tiny

      ## Q one
      section: 1,2
      type: multiple
      hint: Think.

      First paragraph.

      Second.

      [x] A
          Because.
      [ ] B
          No.

      ## Q two
      section: 3
      type: single
      curve: ask=set-size scenario=erratic seed=0 patience=4 eval-size=40

      Run?

      """
    #expect(quiz.formatted() == expected)
    #expect(QuizFile.parse(expected, fileName: "tiny.quiz").file == quiz)
  }

  @Test func roundTripsTheSample() throws {
    let sample = try #require(QuizFile.parse(QuizSample.text, fileName: "sample.quiz").file)
    let text = sample.formatted()
    let (file, errors) = QuizFile.parse(text, fileName: "formatted.quiz")
    #expect(errors == [])
    let reread = try #require(file)
    #expect(reread.withoutLines == sample.withoutLines)
    #expect(reread.formatted() == text)
    // Canonical text reads back to exactly the model it was written from, lines included.
    #expect(QuizFile.parse(reread.formatted(), fileName: "again.quiz").file == reread)
  }

  @Test func wrapsLongTextAt100ColumnsWithoutStartingALineWithHashOrBracket() throws {
    let long = (1...40).map { "word\($0)" }.joined(separator: " ") + " # [x] end"
    let quiz = QuizFile(
      questions: [
        QuizQuestion(
          id: "long", line: 1, sections: [1], kind: .single, prompt: long + "\n\n" + long,
          options: [
            QuizOption(text: "A", isCorrect: true, explanation: long, line: 0),
            QuizOption(text: "B", isCorrect: false, explanation: "Short.", line: 0),
          ])
      ])
    let text = quiz.formatted()
    let lines = text.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 100 })
    #expect(lines.count > 12)
    #expect(!lines.contains { $0.hasPrefix("# ") || $0.hasPrefix("[x] word") })
    let reread = try #require(QuizFile.parse(text, fileName: "long.quiz").file)
    #expect(reread.withoutLines == quiz.withoutLines)
  }
}
