import MarkdownText
import TerminalCanvas
import Testing
import _CurveLabTestSupport

@Suite struct TerminalMarkdownRendererTests {
  private func render(
    _ text: String, width: Int = 40, isColorEnabled: Bool = false, asciiOnly: Bool = false
  ) -> [String] {
    TerminalMarkdownRenderer(width: width, isColorEnabled: isColorEnabled, asciiOnly: asciiOnly)
      .render(MarkdownDocument(parsing: text))
  }

  @Test func matchesTheGoldenLessonAtWidth60() {
    let output = render(sampleLesson, width: 60).joined(separator: "\n") + "\n"
    let mismatch = snapshotMismatch(output, named: "sample-lesson-60", testFile: snapshotAnchor)
    #expect(mismatch == nil, "\(mismatch ?? "")")
  }

  @Test func matchesTheGoldenLessonInASCIIAtWidth40() {
    let output = render(sampleLesson, width: 40, asciiOnly: true).joined(separator: "\n") + "\n"
    let mismatch = snapshotMismatch(
      output, named: "sample-lesson-40-ascii", testFile: snapshotAnchor)
    #expect(mismatch == nil, "\(mismatch ?? "")")
    #expect(output.unicodeScalars.allSatisfy { $0.isASCII })
  }

  /// The sample's one line of Swift that cannot be broken without changing it.
  private let unbreakable = "    let stop = EarlyStopping.stopEpoch(in: history, patience: 3)"

  @Test(arguments: 20...120)
  func neverExceedsTheWidthNorEndsInASpaceExceptUnbreakableCodeAfterANote(width: Int) {
    for isColorEnabled in [false, true] {
      let lines = render(sampleLesson, width: width, isColorEnabled: isColorEnabled)
      for line in lines {
        #expect(!line.hasSuffix(" "), "'\(line)' ends in a space")
        guard displayWidth(of: line) > width else { continue }
        #expect(line == unbreakable, "'\(line)' is wider than \(width)")
        #expect(lines.contains { $0.contains("(A line below is") })
      }
      // The code is never broken: its comment moves above it when both do not fit.
      #expect(lines.contains { $0.hasPrefix(unbreakable) })
    }
  }

  @Test func writesNoEscapesWithoutColourEvenFromTheSource() {
    let text = sampleLesson + "\n\nsneaky \u{1B}[31mred\u{1B}[0m and `\u{1B}[1m`"
    let plain = render(text, width: 60).joined(separator: "\n")
    #expect(!plain.contains("\u{1B}"))
    #expect(plain.contains("sneaky [31mred[0m"))
    let coloured = render(text, width: 60, isColorEnabled: true).joined(separator: "\n")
    #expect(coloured.contains("\u{1B}["))
  }

  @Test func stylesInlinesWithColourAndDropsMarksWithout() {
    let text = "*em* **strong** `code` [a](b) [c](c)"
    #expect(render(text) == ["em strong `code` a (b) c"])
    #expect(
      render(text, isColorEnabled: true) == [
        "\u{1B}[35mem\u{1B}[0m \u{1B}[1mstrong\u{1B}[0m \u{1B}[36mcode\u{1B}[0m a "
          + "\u{1B}[2m(b)\u{1B}[0m c"
      ])
  }

  @Test func underlinesHeadingsAndSeparatesBlocks() {
    #expect(
      render("# Loss\n## Accuracy\n### Steps\ntext") == [
        "Loss", "════", "", "Accuracy", "────────", "", "Steps", "", "text",
      ])
    #expect(render("# Loss", asciiOnly: true) == ["Loss", "===="])
  }

  @Test func wrapsParagraphsAndHangsListItems() {
    let text = """
      - Validation loss rises while training loss falls.
        - nested item

      9. nine
      10. ten, with enough words to wrap
      """
    #expect(
      render(text, width: 24) == [
        "• Validation loss rises",
        "  while training loss",
        "  falls.",
        "  • nested item",
        "",
        " 9. nine",
        "10. ten, with enough",
        "    words to wrap",
      ])
  }

  @Test func drawsQuotesWithAGutter() {
    #expect(render("> one\n>\n> two", asciiOnly: true) == ["| one", "|", "| two"])
    #expect(render("> one") == ["│ one"])
  }

  @Test func indentsTextBlocksAndBreaksThemAtSpacesWithoutCuttingWords() {
    let text = "```\nshort\n\tx\nsome words " + String(repeating: "y", count: 20) + "\n```"
    #expect(
      render(text, width: 20) == [
        "    short", "        x", "    some words", "      " + String(repeating: "y", count: 14),
        "      yyyyyy",
      ])
  }

  @Test func codeThatCannotBreakSafelyRunsPastTheWidthAfterANote() {
    let python = "```python\nargs = TrainingArguments(output_dir=out, eval_steps=100)\n```"
    let lines = render(python, width: 40)
    #expect(lines.last == "    args = TrainingArguments(output_dir=out, eval_steps=100)")
    #expect(lines.dropLast().allSatisfy { $0.count <= 40 })
    #expect(lines.dropLast().joined(separator: " ").contains("wider than 40 columns"))
  }

  @Test func aWrappedPythonCommentStaysAComment() {
    let python = """
      ```python
      args = TrainingArguments(
          num_train_epochs=50,              # a ceiling; the callback decides when to stop
      )
      ```
      """
    let lines = render(python, width: 80)
    #expect(lines == [
      "    args = TrainingArguments(",
      "        num_train_epochs=50,              # a ceiling; the callback decides when",
      "                                          # to stop",
      "    )",
    ])
  }

  @Test func longShellCommandsBreakWithABackslashSoTheyStillPaste() {
    let text = "```sh\ncurvelab simulate --scenario overfitting --seed 1 --eval-steps 100\n```"
    let lines = render(text, width: 40)
    #expect(lines == [
      "    curvelab simulate --scenario \\", "      overfitting --seed 1 \\",
      "      --eval-steps 100",
    ])
    #expect(lines.allSatisfy { $0.count <= 40 })
  }

  @Test func sizesTablesToContentAndWrapsCellsWhenTooWide() {
    let text = "| a | long header |\n|:-:|---:|\n| x | 1 |\n| yyy | a few words here |"
    #expect(
      render(text, width: 40) == [
        " a  │      long header",
        "────┼─────────────────",
        " x  │                1",
        "yyy │ a few words here",
      ])
    #expect(
      render(text, width: 14, asciiOnly: true) == [
        " a  |     long",
        "    |   header",
        "----+---------",
        " x  |        1",
        "yyy |    a few",
        "    |    words",
        "    |     here",
      ])
  }

  @Test func usesTheCodeBlockHookWhenItReturnsLines() {
    let renderer = TerminalMarkdownRenderer(width: 30, isColorEnabled: false) { info, text, width in
      guard info.hasPrefix("curve") else { return nil }
      return ["chart \(info.split(separator: " ")[1]) \(width)", "\u{1B}[36m" + text + "\u{1B}[0m"]
    }
    let document = MarkdownDocument(
      parsing: "```curve seed=12\n\(String(repeating: "z", count: 40))\n```\n\n```\nplain\n```")
    #expect(
      renderer.render(document) == [
        "chart seed=12 30", String(repeating: "z", count: 29) + "…", "", "    plain",
      ])
  }
}
