import TerminalCanvas
import Testing

@Suite struct CodeLineWrappingTests {
  @Test func aLineThatFitsIsLeftAlone() {
    #expect(wrapCode("  ls -la", width: 20, syntax: .shell) == WrappedCode(lines: ["  ls -la"], runsPastWidth: false))
  }

  @Test func shellLinesBreakWithABackslashAndKeepTheirIndent() {
    let lines = wrapCode(
      "  curvelab simulate --seed 1 --eval-steps 10", width: 30, syntax: .shell,
      keepingFlagValues: true
    ).lines
    #expect(lines == ["  curvelab simulate --seed 1 \\", "    --eval-steps 10"])
    #expect(wrapCode("ab --flag value c", width: 16, syntax: .shell).lines == ["ab --flag \\", "  value c"])
    #expect(
      wrapCode("ab --flag value c", width: 16, syntax: .shell, keepingFlagValues: true).lines
        == ["ab \\", "  --flag value \\", "  c"])
  }

  @Test func aShellCommandNeverBreaksInsideQuotes() {
    let wrapped = wrapCode("echo 'one two three four' done", width: 16, syntax: .shell)
    #expect(wrapped.lines == ["echo \\", "  'one two three four' \\", "  done"])
    #expect(wrapped.runsPastWidth)
  }

  @Test func aWordOfCodeWiderThanTheLineIsNeverCut() {
    let long = String(repeating: "x", count: 25)
    #expect(wrapCode(long, width: 10, syntax: .shell) == WrappedCode(lines: [long], runsPastWidth: true))
  }

  @Test func textIsCutWhereAWordIsWiderThanTheLine() {
    let long = String(repeating: "x", count: 25)
    #expect(
      wrapCode("a " + long, width: 10, syntax: .text)
        == WrappedCode(lines: ["a", "  xxxxxxxx", "  xxxxxxxx", "  xxxxxxxx", "  x"], runsPastWidth: false))
  }

  @Test func codeWithoutASafeBreakIsLeftWholeAndSaysSo() {
    let line = "args = TrainingArguments(output_dir=out, eval_steps=100)"
    for syntax in [CodeSyntax.hashComments, .slashComments, .unbreakable] {
      #expect(wrapCode(line, width: 30, syntax: syntax) == WrappedCode(lines: [line], runsPastWidth: true))
    }
  }

  @Test func jsonBreaksAtSpacesOutsideStrings() {
    let wrapped = wrapCode(#"{"epoch": 2.2, "note": "a b c d", "step": 20}"#, width: 24, syntax: .json)
    #expect(wrapped.lines == [#"{"epoch": 2.2, "note":"#, #"  "a b c d", "step": 20}"#])
  }

  @Test func aTrailingCommentContinuesAsACommentAtItsColumn() {
    let wrapped = wrapCode(
      "    epochs=50,    # a ceiling; the callback decides", width: 40, syntax: .hashComments)
    #expect(wrapped.lines == ["    epochs=50,    # a ceiling; the", "                  # callback decides"])
    #expect(!wrapped.runsPastWidth)
    let swift = wrapCode("let x = 1  // one two three four five", width: 26, syntax: .slashComments)
    #expect(swift.lines == ["let x = 1  // one two", "           // three four", "           // five"])
  }

  @Test func aWholeLineCommentWrapsAsComments() {
    let wrapped = wrapCode("  # save on the same schedule as evaluation", width: 24, syntax: .shell)
    #expect(wrapped.lines == ["  # save on the same", "  # schedule as", "  # evaluation"])
  }

  @Test func aCommentOnCodeThatDoesNotFitMovesAboveIt() {
    let wrapped = wrapCode("run --a 1 --b 2 --c 3  # the three", width: 16, syntax: .shell)
    #expect(wrapped.lines == ["# the three", "run --a 1 --b \\", "  2 --c 3"])
  }

  @Test func aHashInsideAStringOrAWordIsNotAComment() {
    let python = wrapCode("print(\"# not a comment, just text\")", width: 20, syntax: .hashComments)
    #expect(python.lines == ["print(\"# not a comment, just text\")"])
    #expect(python.runsPastWidth)
    let shell = wrapCode("curl http://x/#anchor --silent", width: 24, syntax: .shell)
    #expect(shell.lines == ["curl http://x/#anchor \\", "  --silent"])
  }

  @Test func theLanguageComesFromTheInfoString() {
    #expect(CodeSyntax(info: "python") == .hashComments)
    #expect(CodeSyntax(info: "sh") == .shell)
    #expect(CodeSyntax(info: "swift") == .slashComments)
    #expect(CodeSyntax(info: "json") == .json)
    #expect(CodeSyntax(info: "sql") == .unbreakable)
    #expect(CodeSyntax(info: "") == .text)
    #expect(CodeSyntax(info: "text") == .text)
  }
}
