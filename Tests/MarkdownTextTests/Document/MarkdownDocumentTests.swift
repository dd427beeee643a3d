import MarkdownText
import TerminalCanvas
import Testing

@Suite struct MarkdownDocumentTests {
  @Test func readsEachBlockWithItsLineNumber() {
    let document = MarkdownDocument(
      parsing: """
        # Title
        ## Section
        ### Detail

        First line
        second line.
        ***
        > quoted

        ~~~python
        print(1)
        ~~~
        ---
        """)
    #expect(
      document.blocks == [
        MarkdownBlock(.heading(level: 1, content: [.text("Title")]), line: 1),
        MarkdownBlock(.heading(level: 2, content: [.text("Section")]), line: 2),
        MarkdownBlock(.heading(level: 3, content: [.text("Detail")]), line: 3),
        MarkdownBlock(.paragraph([.text("First line second line.")]), line: 5),
        MarkdownBlock(.rule, line: 7),
        MarkdownBlock(.quote([MarkdownBlock(.paragraph([.text("quoted")]), line: 8)]), line: 8),
        MarkdownBlock(.code(info: "python", text: "print(1)"), line: 10),
        MarkdownBlock(.rule, line: 13),
      ])
    #expect(document.problems.isEmpty)
  }

  @Test func headingsNeedASpaceAndLoseTheirClosingHashes() {
    let document = MarkdownDocument(parsing: "#hashtag\n\n## Loss ##\n\n####### seven")
    #expect(
      document.blocks.map(\.kind) == [
        .paragraph([.text("#hashtag")]),
        .heading(level: 2, content: [.text("Loss")]),
        .paragraph([.text("####### seven")]),
      ])
  }

  @Test func nestsListsOneLevelDeepWithContinuationLines() {
    let document = MarkdownDocument(
      parsing: """
        - first item
          continues here
          - nested a
          - nested b
        * other list

        3. three
        4. four
           more of four
        """)
    let nested = MarkdownBlock(
      .list(
        ordered: false, start: 1,
        items: [
          [MarkdownBlock(.paragraph([.text("nested a")]), line: 3)],
          [MarkdownBlock(.paragraph([.text("nested b")]), line: 4)],
        ]),
      line: 3)
    #expect(
      document.blocks == [
        MarkdownBlock(
          .list(
            ordered: false, start: 1,
            items: [
              [MarkdownBlock(.paragraph([.text("first item continues here")]), line: 1), nested]
            ]),
          line: 1),
        MarkdownBlock(
          .list(
            ordered: false, start: 1,
            items: [[MarkdownBlock(.paragraph([.text("other list")]), line: 5)]]),
          line: 5),
        MarkdownBlock(
          .list(
            ordered: true, start: 3,
            items: [
              [MarkdownBlock(.paragraph([.text("three")]), line: 7)],
              [MarkdownBlock(.paragraph([.text("four more of four")]), line: 8)],
            ]),
          line: 7),
      ])
  }

  @Test func listItemsMayHoldBlankLinesAndCodeBlocks() throws {
    let document = MarkdownDocument(
      parsing: """
        1. Run it:

           ```sh
           curvelab simulate
           ```
        2. Read it.
        """)
    guard case .list(true, 1, let items) = try #require(document.blocks.first).kind else {
      Issue.record("expected an ordered list, got \(document.blocks)")
      return
    }
    #expect(items.count == 2)
    #expect(items[0].last == MarkdownBlock(.code(info: "sh", text: "curvelab simulate"), line: 3))
    #expect(document.problems.isEmpty)
  }

  @Test func quotesHoldBlocksAndLazyLines() {
    let document = MarkdownDocument(parsing: "> # Note\n>\n> one\ntwo\n\nafter")
    #expect(
      document.blocks == [
        MarkdownBlock(
          .quote([
            MarkdownBlock(.heading(level: 1, content: [.text("Note")]), line: 1),
            MarkdownBlock(.paragraph([.text("one two")]), line: 3),
          ]), line: 1),
        MarkdownBlock(.paragraph([.text("after")]), line: 6),
      ])
  }

  @Test func codeBlocksKeepTheirTextVerbatim() {
    let document = MarkdownDocument(
      parsing: "````md\n```\n*not emphasis*\n\n````\n  ```\n  indented\n    more\n  ```")
    #expect(
      document.blocks.map(\.kind) == [
        .code(info: "md", text: "```\n*not emphasis*\n"),
        .code(info: "", text: "indented\n  more"),
      ])
  }

  @Test func anUnclosedFenceRunsToTheEndAndIsReported() {
    let text = (1...36).map { "line \($0)" }.joined(separator: "\n\n") + "\n```curve\nx\n\ny"
    let document = MarkdownDocument(parsing: text)
    #expect(document.blocks.last == MarkdownBlock(.code(info: "curve", text: "x\n\ny"), line: 72))
    #expect(
      document.problems == [
        MarkdownProblem(line: 72, message: "code block opened on line 72 is never closed")
      ])
    #expect(document.problems[0].description.hasPrefix("line 72: code block"))
  }

  @Test func findsCodeBlocksByTheFirstWordOfTheirInfoAtAnyDepth() {
    let document = MarkdownDocument(
      parsing: """
        ```curve scenario=overfitting seed=12
        a
        ```

        > - item
        >
        >   ```curve seed=3
        >   b
        >   ```

        ```curves
        c
        ```
        """)
    #expect(
      document.codeBlocks(withInfo: "curve") == [
        MarkdownCodeBlock(info: "curve scenario=overfitting seed=12", text: "a", line: 1),
        MarkdownCodeBlock(info: "curve seed=3", text: "b", line: 7),
      ])
  }

  @Test func readsWindowsAndOldMacLineEndings() {
    let document = MarkdownDocument(parsing: "# A\r\n\r\ntext\rmore")
    #expect(
      document.blocks == [
        MarkdownBlock(.heading(level: 1, content: [.text("A")]), line: 1),
        MarkdownBlock(.paragraph([.text("text more")]), line: 3),
      ])
  }

  @Test func deepNestingIsCutOffInsteadOfExhaustingTheStack() {
    let quotes = String(repeating: ">", count: 5_000) + " deep"
    let lists = (0..<200).map { String(repeating: "  ", count: $0) + "- item" }
    let emphasis = String(repeating: "*[", count: 3_000) + "x"
    for text in [quotes, lists.joined(separator: "\n"), emphasis] {
      let document = MarkdownDocument(parsing: text)
      #expect(!document.blocks.isEmpty)
    }
  }

  @Test(arguments: 0..<40 as Range<UInt64>)
  func neverTrapsOnRandomInput(seed: UInt64) {
    var generator = TestGenerator(seed: seed)
    let pieces = [
      "#", "## ", "-", "* ", "1. ", ">", "```", "~~~", "|", ":--", "\\", "*", "**", "_", "`",
      "[", "](", ")", " ", "  ", "\n", "\n\n", "\t", "a", "word", "学", "e\u{301}", "\r\n",
      "---", "| a | b |\n|---|:-:|\n",
    ]
    for _ in 0..<30 {
      let count = Int(generator.next() % 80)
      let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
        .joined()
      let document = MarkdownDocument(parsing: text)
      for width in [1, 7, 30] {
        let lines = TerminalMarkdownRenderer(width: width, isColorEnabled: true).render(document)
        #expect(lines.allSatisfy { displayWidth(of: $0) <= width }, "\(text.debugDescription)")
      }
    }
  }
}

/// A small xorshift64* generator, so the random inputs are the same on every run.
struct TestGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 0x2545_F491_4F6C_DD1D
  }
}
