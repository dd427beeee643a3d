import CurveCourse
import Testing

@Suite struct QuizFormatErrorTests {
  /// A file that breaks one rule, and every `line: message` it must produce.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var lines: [String]
    var expected: [String]
    var testDescription: String { name }
  }

  /// A valid question's header and prompt (lines 1-5), to which a case appends its options.
  static let head = ["## Q a", "section: 1", "type: single", "", "Which one?"]
  /// Two valid options (lines 6-9 after ``head``).
  static let options = ["[x] Yes.", "    Right.", "[ ] No.", "    Wrong."]

  static let cases: [Case] = [
    Case(
      name: "unknown header key with a suggestion",
      lines: ["## Q a", "sectoin: 1", "type: single", "", "Which?"] + options,
      expected: [
        "1: question has no 'section:' line",
        "2: unknown header key 'sectoin'; did you mean 'section'?",
      ]),
    Case(
      name: "unknown header key without a suggestion",
      lines: ["## Q a", "section: 1", "level: 3", "type: single", "", "Which?"] + options,
      expected: ["3: unknown header key 'level'; expected section, type, hint or curve"]),
    Case(
      name: "header given twice",
      lines: ["## Q a", "section: 1", "type: single", "type: multiple", "", "Which?"] + options,
      expected: ["4: 'type:' is given twice (first on line 3)"]),
    Case(
      name: "prompt with no blank line after the header",
      lines: ["## Q a", "section: 1", "type: single", "Which one is it?"] + options,
      expected: ["4: expected a 'key: value' header line; leave a blank line before the prompt"]),
    Case(
      name: "missing section",
      lines: ["## Q a", "type: single", "", "Which?"] + options,
      expected: ["1: question has no 'section:' line"]),
    Case(
      name: "missing type",
      lines: ["## Q a", "section: 1", "", "Which?"] + options,
      expected: ["1: question has no 'type:' line (single or multiple)"]),
    Case(
      name: "section out of range and not a number",
      lines: ["## Q a", "section: 11,seven,3", "type: single", "", "Which?"] + options,
      expected: [
        "2: section '11' is not a whole number from 1 to 10",
        "2: section 'seven' is not a whole number from 1 to 10",
      ]),
    Case(
      name: "unknown type",
      lines: ["## Q a", "section: 1", "type: single-choice", "", "Which?"] + options,
      expected: ["3: type must be 'single' or 'multiple', not 'single-choice'"]),
    Case(
      name: "duplicate question id",
      lines: head + options + ["", "## Q a", "section: 2", "type: single", "", "Again?"] + options,
      expected: ["11: question id 'a' is already used on line 1"]),
    Case(
      name: "bad id characters",
      lines: ["## Q Overfitting_1"] + head.dropFirst() + options,
      expected: [
        "1: question id 'Overfitting_1' may use only lowercase letters, digits and hyphens"
      ]
    ),
    Case(
      name: "accented id",
      lines: ["## Q cafe\u{301}"] + head.dropFirst() + options,
      expected: ["1: question id 'cafe\u{301}' may use only lowercase letters, digits and hyphens"]),
    Case(
      name: "missing id",
      lines: ["## Q"] + head.dropFirst() + options,
      expected: ["1: question has no id; write '## Q <id>'"]),
    Case(
      name: "no prompt",
      lines: ["## Q a", "section: 1", "type: single", ""] + options,
      expected: ["1: question has no prompt; write it after a blank line below the header"]),
    Case(
      name: "options under the header",
      lines: ["## Q a", "section: 1", "type: single"] + options,
      expected: ["1: question has no prompt; write it after a blank line below the header"]),
    Case(
      name: "written options on a curve question",
      lines: [
        "## Q a", "section: 1", "type: single", "curve: ask=pattern scenario=any", "", "Which?",
      ]
        + options,
      expected: ["7: a curve question takes no written options; the engine writes them"]),
    Case(
      name: "one option",
      lines: head + ["[x] Yes.", "    Right."],
      expected: ["1: question has 1 option(s); write 2 to 6"]),
    Case(
      name: "seven options",
      lines: head + (1...7).flatMap { ["[\($0 == 1 ? "x" : " ")] Option \($0).", "    Why."] },
      expected: ["18: question has 7 options; write at most 6"]),
    Case(
      name: "no correct option",
      lines: head + ["[ ] Yes.", "    Right.", "[ ] No.", "    Wrong."],
      expected: ["1: no option is marked correct; mark the right one '[x] '"]),
    Case(
      name: "single with two correct options",
      lines: head + ["[x] Yes.", "    Right.", "[ ] No.", "    Wrong.", "[x] Also.", "    Hm."],
      expected: [
        "10: 'type: single' allows one correct option, but this is another; "
          + "mark it '[ ] ' or use 'type: multiple'"
      ]),
    Case(
      name: "duplicate option text",
      lines: head + [
        "[x] It is  overfitting.", "    Right.", "[ ] it is overfitting. ", "    Dup.",
      ],
      expected: ["8: option repeats the text of the option on line 6"]),
    Case(
      name: "option without explanation",
      lines: head + ["[x] Yes.", "[ ] No.", "    Wrong."],
      expected: ["6: option has no explanation (indent it by 4 spaces under the option)"]),
    Case(
      name: "option without text",
      lines: head + ["[x]", "    Right.", "[ ] No.", "    Wrong."],
      expected: ["6: option has no text after its marker"]),
    Case(
      name: "uppercase and empty markers",
      lines: head + ["[X] Yes.", "    Right.", "[] No.", "    Wrong."],
      expected: [
        "6: write the marker of a correct option as '[x]', lowercase",
        "8: write the marker of a wrong option as '[ ]', with a space inside",
      ]),
    Case(
      name: "tab-indented explanation",
      lines: head + ["[x] Yes.", "\tRight.", "[ ] No.", "    Wrong."],
      expected: [
        "7: explanation is indented with a tab; indent it by 4 spaces under the option"
      ]),
    Case(
      name: "two-space explanation",
      lines: head + ["[x] Yes.", "    Right,", "  and more.", "[ ] No.", "    Wrong."],
      expected: [
        "8: explanation is indented by 2 spaces; indent it by 4 spaces under the option"
      ]),
    Case(
      name: "unindented text after an option",
      lines: head + ["[x] Yes.", "Right.", "[ ] No.", "    Wrong."],
      expected: ["7: line under an option is not indented; indent it by 4 spaces under the option"]
    ),
    Case(
      name: "curve without ask",
      lines: ["## Q a", "section: 1", "type: single", "curve: scenario=any", "", "Which?"],
      expected: ["4: curve: needs ask=pattern, ask=stop, ask=remedy or ask=set-size"]),
    Case(
      name: "curve with an unknown ask",
      lines: ["## Q a", "section: 1", "type: single", "curve: ask=shape", "", "Which?"],
      expected: ["4: unknown ask 'shape'; expected pattern, stop, remedy or set-size"]),
    Case(
      name: "malformed curve settings",
      lines: [
        "## Q a", "section: 1", "type: single", "curve: ask=stop scenario =x seed=", "", "Which?",
      ],
      expected: [
        "4: curve setting 'scenario' is not written as key=value",
        "4: curve setting '=x' is not written as key=value",
        "4: curve setting 'seed=' is not written as key=value",
      ]),
    Case(
      name: "bad seed and patience",
      lines: [
        "## Q a", "section: 1", "type: single", "curve: ask=stop seed=-1 patience=0", "", "Which?",
      ],
      expected: [
        "4: seed '-1' is not a whole number ≥ 0", "4: patience '0' is not a whole number ≥ 1",
      ]),
    Case(
      name: "text before the first question",
      lines: ["# comment", "title: Quiz", "Welcome to the quiz!"] + head + options,
      expected: [
        "3: text before the first question must be a comment ('# ...'), a blank line or "
          + "'title: ...'"
      ]),
    Case(
      name: "misspelled title",
      lines: ["titel: Quiz"] + head + options,
      expected: ["1: unknown key 'titel' before the first question; did you mean 'title'?"]),
    Case(
      name: "title twice",
      lines: ["title: Quiz", "title: Again"] + head + options,
      expected: ["2: 'title:' is given twice (first on line 1)"]),
    Case(
      name: "empty file", lines: [],
      expected: [
        "1: the quiz has no questions; start each one with a '## Q <id>' line"
      ]),
    Case(
      name: "only comments", lines: ["# just a comment", "", "title: Nothing yet"],
      expected: ["1: the quiz has no questions; start each one with a '## Q <id>' line"]),
  ]

  @Test(arguments: cases)
  func reportsEachProblemOnItsLine(_ testCase: Case) {
    let (file, errors) = QuizFile.parse(
      testCase.lines.joined(separator: "\n"), fileName: "quiz.quiz")
    #expect(file == nil)
    #expect(errors.map { "\($0.line): \($0.message)" } == testCase.expected)
  }

  @Test func theValidPiecesOfTheCasesParse() {
    let (file, errors) = QuizFile.parse(
      (Self.head + Self.options).joined(separator: "\n"), fileName: "q")
    #expect(errors == [])
    #expect(file?.questions.count == 1)
  }

  @Test func reportsEveryProblemInTheFileSortedByLine() {
    let text = (["Hello"] + Self.head + ["[x] Yes.", "[x] yes.", "    Dup."]).joined(
      separator: "\n")
    let errors = QuizFile.parse(text, fileName: "quiz.quiz").errors
    #expect(errors.map(\.line) == [1, 7, 8, 8])
  }

  @Test func describesItselfLikeACompiler() {
    let error = QuizFormatError(
      fileName: "section-quiz.quiz", line: 37,
      message: "option has no explanation (indent it by 4 spaces under the option)")
    #expect(
      error.description
        == "section-quiz.quiz:37: option has no explanation (indent it by 4 spaces under the option)"
    )
  }
}
