import MarkdownText
import Testing

@Suite struct MarkdownTableTests {
  @Test func readsAlignmentsHeaderAndRows() {
    let document = MarkdownDocument(
      parsing: """
        Before
        | Name | Left | Centre | Right |
        |------|:-----|:------:|------:|
        | a | *b* | c | 1 |
        | d | e \\| f | `g \\| h` |
        after
        """)
    let table = MarkdownTable(
      alignments: [.none, .left, .center, .right],
      header: [[.text("Name")], [.text("Left")], [.text("Centre")], [.text("Right")]],
      rows: [
        [[.text("a")], [.emphasis([.text("b")])], [.text("c")], [.text("1")]],
        [[.text("d")], [.text("e | f")], [.code("g | h")], []],
      ])
    #expect(
      document.blocks == [
        MarkdownBlock(.paragraph([.text("Before")]), line: 1),
        MarkdownBlock(.table(table), line: 2),
        MarkdownBlock(.paragraph([.text("after")]), line: 6),
      ])
  }

  @Test func outerPipesAreOptionalAndExtraCellsAreDropped() {
    let document = MarkdownDocument(parsing: "a | b\n--- | ---\n1 | 2 | 3")
    let table = MarkdownTable(
      alignments: [.none, .none], header: [[.text("a")], [.text("b")]],
      rows: [[[.text("1")], [.text("2")]]])
    #expect(document.blocks == [MarkdownBlock(.table(table), line: 1)])
  }

  @Test func aDelimiterRowThatDoesNotMatchTheHeaderIsNoTable() {
    let document = MarkdownDocument(parsing: "| a | b |\n| --- |\n\n| a |\n| -x- |")
    #expect(
      document.blocks.map(\.kind) == [
        .paragraph([.text("| a | b | | --- |")]),
        .paragraph([.text("| a | | -x- |")]),
      ])
  }
}
