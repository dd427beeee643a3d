import MarkdownText
import Testing

@Suite struct MarkdownInlineTests {
  @Test func readsEmphasisStrongCodeAndLinks() {
    #expect(
      MarkdownInline.parse("a *b* _c_ **d** __e__ `f` [g](h)") == [
        .text("a "), .emphasis([.text("b")]), .text(" "), .emphasis([.text("c")]), .text(" "),
        .strong([.text("d")]), .text(" "), .strong([.text("e")]), .text(" "), .code("f"),
        .text(" "), .link(text: [.text("g")], destination: "h"),
      ])
  }

  @Test func nestsMarks() {
    #expect(MarkdownInline.parse("***both***") == [.emphasis([.strong([.text("both")])])])
    #expect(
      MarkdownInline.parse("*a **b** c*") == [
        .emphasis([.text("a "), .strong([.text("b")]), .text(" c")])
      ])
    #expect(
      MarkdownInline.parse("[see **this**](u)") == [
        .link(text: [.text("see "), .strong([.text("this")])], destination: "u")
      ])
  }

  @Test func codeSpansWinOverEveryOtherMark() {
    #expect(MarkdownInline.parse("*a `b*` c") == [.text("*a "), .code("b*"), .text(" c")])
    #expect(
      MarkdownInline.parse("`[x](y)` and ``a ` b``") == [
        .code("[x](y)"), .text(" and "), .code("a ` b"),
      ])
    #expect(
      MarkdownInline.parse("[a `]` b](c)") == [
        .link(text: [.text("a "), .code("]"), .text(" b")], destination: "c")
      ])
  }

  @Test(arguments: [
    "*open", "**open", "open*", "2 * 3 = 6", "snake_case_name", "a ` b", "[text]",
    "[text](no-close", "* not a list here", "_ spaced _", "**", "``", "[", "](",
  ])
  func leavesUnclosedMarksAsLiteralText(text: String) {
    #expect(MarkdownInline.parse(text) == [.text(text)])
  }

  @Test func unescapesPunctuationOnly() {
    #expect(
      MarkdownInline.parse(#"\*not\* \`x\` \[y\] C:\path \\"#) == [
        .text(#"*not* `x` [y] C:\path \"#)
      ])
  }

  @Test func linkDestinationsDropAnglesAndTitles() {
    #expect(
      MarkdownInline.parse(#"[a](<b c>) [d](e "title") [f](g(h))"#) == [
        .link(text: [.text("a")], destination: "b c"), .text(" "),
        .link(text: [.text("d")], destination: "e"), .text(" "),
        .link(text: [.text("f")], destination: "g(h)"),
      ])
  }

  @Test func plainTextDropsTheMarks() {
    let inlines = MarkdownInline.parse("a *b* **c** `d` [e](f)")
    #expect(inlines.plainText == "a b c d e")
  }
}
