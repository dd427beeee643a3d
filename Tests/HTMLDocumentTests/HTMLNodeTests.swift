import Foundation
import HTMLDocument
import Testing
import _CurveLabTestSupport

@Suite struct HTMLNodeTests {
  /// The body of a page holding `nodes`, as written.
  private func body(_ nodes: HTMLNode...) -> String {
    let html = HTMLDocument(title: "", body: nodes).html
    let start = html.range(of: "<main>\n")!.upperBound
    let end = html.range(of: "    </main>")!.lowerBound
    return String(html[start..<end])
  }

  /// The `<main>` element of a page holding `nodes`, read back.
  private func parsedMain(_ nodes: HTMLNode...) throws -> ParsedXML {
    let root = try ParsedXML.parse(HTMLDocument(title: "", body: nodes).html).get()
    return try #require(root.elements(named: "main").first)
  }

  @Test func textIsEscaped() throws {
    #expect(
      body(.paragraph("a < b & c > d \"e\" 'f'"))
        == "      <p>a &lt; b &amp; c &gt; d \"e\" 'f'</p>\n")
    #expect(try parsedMain(.paragraph("a < b & c")).children.first?.text == "a < b & c")
  }

  @Test func stringLiteralIsText() {
    let literal: HTMLNode = "x < y"
    #expect(literal == .text("x < y"))
  }

  @Test func attributeValuesAreEscaped() throws {
    let classes = [#"a"b"#, "c<d>&'e'"]
    let html = body(.section(["x"], classes: classes))
    #expect(html.contains(#"class="a&quot;b c&lt;d&gt;&amp;&#39;e&#39;""#))
    let section = try #require(try parsedMain(.section(["x"], classes: classes)).children.first)
    #expect(section.attributes["class"] == classes.joined(separator: " "))
  }

  @Test func inlineContentStaysOnOneLineAndBlocksAreIndented() {
    let html = body(
      .paragraph("a ", .strong("b ", .emphasis("c")), .code("d"), .lineBreak, "e"),
      .section([.heading(2, "h"), .bulletList(["one", .group([.paragraph("two"), "three"])])]))
    #expect(
      html == """
              <p>a <strong>b <em>c</em></strong><code>d</code><br />e</p>
              <section>
                <h2>h</h2>
                <ul>
                  <li>one</li>
                  <li>
                    <p>two</p>
                    three
                  </li>
                </ul>
              </section>

        """)
  }

  @Test func preformattedTextKeepsItsLines() throws {
    let text = "step  loss\n  20  2.31\n  40  <1.72>"
    #expect(
      body(.preformatted(text)) == "      <pre>step  loss\n  20  2.31\n  40  &lt;1.72&gt;</pre>\n")
    #expect(try parsedMain(.preformatted(text)).children.first?.text == text)
  }

  @Test(arguments: 1...6)
  func headingsHaveTheirLevel(level: Int) throws {
    #expect(try parsedMain(.heading(level, "Title")).children.first?.name == "h\(level)")
  }

  @Test func headingLevelOutsideOneToSixIsAProgrammerError() async {
    await #expect(processExitsWith: .failure) { _ = HTMLNode.heading(7, "too deep") }
    await #expect(processExitsWith: .failure) { _ = HTMLNode.heading(0, "too high") }
  }

  @Test func tableHasCaptionHeaderAndPaddedRows() throws {
    let table = try #require(
      try parsedMain(
        .table(header: ["a", "b", "c"], rows: [["1", "2", "3"], ["4"]], caption: "T")
      )
      .children.first)
    #expect(table.children.map(\.name) == ["caption", "thead", "tbody"])
    #expect(table.elements(named: "th").map(\.text) == ["a", "b", "c"])
    #expect(
      table.elements(named: "tr").dropFirst().map { $0.children.map(\.text) } == [
        ["1", "2", "3"], ["4", "", ""],
      ])
    let bare = try #require(try parsedMain(.table(header: [], rows: [["x"]])).children.first)
    #expect(bare.children.map(\.name) == ["tbody"])
  }

  @Test func definitionListPairsTermsWithDefinitions() throws {
    let list = try #require(
      try parsedMain(.definitionList([(term: "a", definition: "A"), (term: "b", definition: "B")]))
        .children.first)
    #expect(list.name == "dl")
    #expect(list.children.map { "\($0.name):\($0.allText)" } == ["dt:a", "dd:A", "dt:b", "dd:B"])
  }

  @Test func listsAreBulletedOrNumbered() throws {
    #expect(try parsedMain(.bulletList(["a"])).children.first?.name == "ul")
    #expect(try parsedMain(.numberedList(["a", "b"])).elements(named: "li").count == 2)
  }

  @Test func figureHasItsCaptionAfterTheContent() throws {
    let figure = try #require(
      try parsedMain(.figure(.preformatted("chart"), caption: "Figure ", .strong("1"))).children
        .first)
    #expect(figure.children.map(\.name) == ["pre", "figcaption"])
    #expect(figure.children.last?.allText == "Figure 1")
    let bare = try #require(try parsedMain(.figure(.preformatted("chart"))).children.first)
    #expect(bare.children.map(\.name) == ["pre"])
  }

  @Test func answerLinesAndPageBreaks() throws {
    let main = try parsedMain(.answerLines(3), .pageBreak)
    #expect(main.children.map { $0.attributes["class"] } == ["answer-lines", "page-break"])
    #expect(main.children.first?.children.count == 3)
  }

  @Test func svgIsWrittenAsItIsWithoutDeclarationOrNamespace() throws {
    let html = body(.svg(SampleDocuments.standaloneSVG))
    #expect(!html.contains("<?xml"))
    #expect(!html.contains("xmlns"))
    #expect(
      html.hasPrefix(
        #"      <svg width="120" height="60" viewBox="0 0 120 60" role="img">"# + "\n"))
    #expect(html.hasSuffix("      </svg>\n"))
    let svg = try #require(try parsedMain(.svg(SampleDocuments.standaloneSVG)).children.first)
    #expect(svg.elements(named: "title").first?.text == "A line & a dot")
  }

  @Test func svgMayReferToItsOwnFragments() {
    let markup = #"<svg><g fill="url(#shade)"><text>&lt;script&gt; onload= href</text></g></svg>"#
    #expect(body(.svg(markup)) == "      " + markup + "\n")
  }

  @Test func svgThatRunsOrLoadsSomethingIsAProgrammerError() async {
    await #expect(processExitsWith: .failure) { _ = HTMLNode.svg("<p>not svg</p>") }
    await #expect(processExitsWith: .failure) {
      _ = HTMLNode.svg("<svg><script>alert(1)</script></svg>")
    }
    await #expect(processExitsWith: .failure) { _ = HTMLNode.svg(#"<svg onload="x()"></svg>"#) }
    await #expect(processExitsWith: .failure) {
      _ = HTMLNode.svg(#"<svg><image href="a.png"/></svg>"#)
    }
    await #expect(processExitsWith: .failure) {
      _ = HTMLNode.svg(#"<svg><rect style="fill: url('http://x/y')"/></svg>"#)
    }
  }
}
