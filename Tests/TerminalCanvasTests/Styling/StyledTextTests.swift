import TerminalCanvas
import Testing

@Suite struct StyledTextTests {
  @Test func neighbouringRunsOfOneStyleMerge() {
    var text = StyledText("a")
    text.append("b")
    text.append("c", style: .bold)
    text.append("d", style: .bold)
    text.append("")
    #expect(text.spans == [.init(text: "ab"), .init(text: "cd", style: .bold)])
  }

  @Test func widthIgnoresStyling() {
    var text = StyledText("loss ")
    text.append("0.42", style: .foreground(.cyan))
    #expect(text.displayWidth == 9)
    #expect(displayWidth(of: text.rendered(isColorEnabled: true)) == 9)
    #expect(text.rendered(isColorEnabled: false) == "loss 0.42")
    #expect(text.rendered(isColorEnabled: true) == "loss \u{1B}[36m0.42\u{1B}[0m")
  }

  @Test func truncatesAndPadsByColumns() {
    var text = StyledText("ab")
    text.append("学习", style: .bold)
    #expect(text.truncated(toWidth: 3).plainText == "ab")
    #expect(text.truncated(toWidth: 4).plainText == "ab学")
    #expect(text.padded(toWidth: 8).plainText == "ab学习  ")
    #expect(text.padded(toWidth: 5).displayWidth == 5)
    #expect(text.truncated(toWidth: -1).spans.isEmpty)
  }

  @Test func trailingSpacesAreTrimmedAcrossRuns() {
    var text = StyledText("a  ")
    text.append("  ", style: .bold)
    text.append("   ")
    #expect(text.trimmingTrailingSpaces() == StyledText("a"))
    #expect(StyledText("   ").trimmingTrailingSpaces().spans.isEmpty)
  }
}
