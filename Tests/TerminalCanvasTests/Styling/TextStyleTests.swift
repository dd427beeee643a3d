import TerminalCanvas
import Testing

@Suite struct TextStyleTests {
  @Test(arguments: TerminalColor.allCases)
  func colourOffMeansNoEscapeCodes(color: TerminalColor) {
    let style = TextStyle(foreground: color, isBold: true, isDim: true)
    #expect(style.apply(to: "loss", isColorEnabled: false) == "loss")
  }

  @Test func colourOnWrapsTextInEscapeCodes() {
    let style = TextStyle(foreground: .cyan, isBold: true)
    #expect(style.apply(to: "loss", isColorEnabled: true) == "\u{1B}[1;36mloss\u{1B}[0m")
    #expect(TextStyle.dim.apply(to: "x", isColorEnabled: true) == "\u{1B}[2mx\u{1B}[0m")
  }

  @Test func brightColoursUseTheNinetiesCodes() {
    #expect(TerminalColor.brightBlack.foregroundCode == 90)
    #expect(TextStyle.foreground(.brightWhite).escapeSequence == "\u{1B}[97m")
  }

  @Test func plainStyleAndEmptyTextGetNoEscapeCodes() {
    #expect(TextStyle.plain.apply(to: "loss", isColorEnabled: true) == "loss")
    #expect(TextStyle.plain.escapeSequence.isEmpty)
    #expect(TextStyle.bold.apply(to: "", isColorEnabled: true) == "")
  }

  @Test func everyColourHasItsOwnCode() {
    let codes = Set(TerminalColor.allCases.map(\.foregroundCode))
    #expect(codes.count == 16)
  }
}
