import TerminalCanvas
import Testing

@Suite struct TextWrappingTests {
  @Test func wrapsAtSpaces() {
    #expect(
      wrap("Validation loss rises while training loss falls.", width: 20) == [
        "Validation loss", "rises while training", "loss falls.",
      ])
  }

  @Test func keepsWordsLongerThanTheWidth() {
    #expect(
      wrap("see https://huggingface.co/docs/transformers for more", width: 10) == [
        "see", "https://huggingface.co/docs/transformers", "for more",
      ])
  }

  @Test func keepsLineBreaksBlankLinesAndIndentation() {
    let text = "First paragraph here.\n\n  - an indented item that wraps\r\nlast"
    #expect(
      wrap(text, width: 16) == [
        "First paragraph", "here.", "", "  - an indented", "  item that", "  wraps", "last",
      ])
  }

  @Test func collapsesRunsOfSpacesAndTabs() {
    #expect(wrap("a   b\tc", width: 80) == ["a b c"])
  }

  @Test func emptyTextIsOneEmptyLine() {
    #expect(wrap("", width: 10) == [""])
    #expect(wrap("a\n", width: 10) == ["a", ""])
  }

  @Test func widthsBelowOneCountAsOne() {
    #expect(wrap("a b", width: 0) == ["a", "b"])
    #expect(wrap("a b", width: -3) == ["a", "b"])
  }

  @Test(arguments: 1...40)
  func everyLineFitsUnlessItIsOneLongWord(width: Int) {
    let text = """
      Accuracy can only take the values k/N, so with fifty validation examples it moves \
      in steps of two percent. 学习曲线 shows how a model learns.
      """
    for line in wrap(text, width: width) where displayWidth(of: line) > width {
      #expect(!line.contains(" "), "line '\(line)' is wider than \(width)")
    }
    #expect(wrap(text, width: width).joined(separator: " ") == text)
  }
}
