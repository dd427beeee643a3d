import TerminalCanvas
import Testing

@Suite struct PagerTests {
  private let lines = (1...25).map { $0 % 7 == 0 ? "" : "line \($0)" }

  @Test func pagesBreakAtABlankLineInTheLowerHalf() {
    let pager = Pager(screenHeight: 11, clearsScreen: false)
    #expect(pager.pageHeight == 10)
    // Blank lines sit at 6, 13, 20 (0-based): a page may end after one of them.
    #expect(pager.pageStarts(lines) == [0, 7, 14, 21])
  }

  @Test func enterAndSpaceGoForwardBGoesBackQQuits() {
    let pager = Pager(screenHeight: 11, clearsScreen: false)
    var output = ""
    let outcome = pager.show(lines, input: ScriptedInput(["", " ", "b", "q"]), output: &output)
    #expect(outcome == Pager.Outcome(page: 1, reachedEnd: false))
    #expect(output.components(separatedBy: "-- page 2 of 4").count == 3)  // shown twice
    #expect(!output.contains("\u{1B}"))
  }

  @Test func readingPastTheLastPageFinishes() {
    let pager = Pager(screenHeight: 11, clearsScreen: false)
    var output = ""
    let outcome = pager.show(lines, from: 2, input: ScriptedInput(["", ""]), output: &output)
    #expect(outcome == Pager.Outcome(page: 3, reachedEnd: true))
    #expect(output.contains("line 25"))
    #expect(!output.contains("line 1\n"))
  }

  @Test func closedInputStopsWhereItIs() {
    var output = ""
    let outcome = Pager(screenHeight: 11).show(lines, input: ScriptedInput([]), output: &output)
    #expect(outcome == Pager.Outcome(page: 0, reachedEnd: false))
  }

  @Test func scriptedInputReadsKeysFromLines() {
    let input = ScriptedInput(["", " x", "b"])
    #expect(input.readKey() == .enter)
    #expect(input.readKey() == .space)
    #expect(input.readKey() == .character("b"))
    #expect(input.readKey() == .end)
    #expect(input.consumed == 3)
  }
}
