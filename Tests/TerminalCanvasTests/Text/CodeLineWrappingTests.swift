import TerminalCanvas
import Testing

@Suite struct CodeLineWrappingTests {
  @Test func aLineThatFitsIsLeftAlone() {
    #expect(wrapCodeLine("  ls -la", width: 20) == ["  ls -la"])
  }

  @Test func shellLinesBreakWithTheMarkerAndKeepTheirIndent() {
    let lines = wrapCodeLine(
      "  curvelab simulate --seed 1 --eval-steps 10", width: 30, marker: " \\",
      keepingFlagValues: true)
    #expect(lines == ["  curvelab simulate --seed 1 \\", "    --eval-steps 10"])
    let loose = wrapCodeLine("  curvelab simulate --seed 1 --eval-steps 10", width: 30, marker: " \\")
    #expect(loose == ["  curvelab simulate --seed 1 \\", "    --eval-steps 10"])
    #expect(wrapCodeLine("ab --flag value c", width: 16, marker: " \\") == ["ab --flag \\", "  value c"])
    #expect(
      wrapCodeLine("ab --flag value c", width: 16, marker: " \\", keepingFlagValues: true)
        == ["ab \\", "  --flag value \\", "  c"])
  }

  @Test func aWordWiderThanTheLineIsCut() {
    #expect(wrapCodeLine(String(repeating: "x", count: 25), width: 10) == ["xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"])
  }
}
