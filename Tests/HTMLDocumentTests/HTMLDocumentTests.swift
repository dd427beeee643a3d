import HTMLDocument
import Testing
import _CurveLabTestSupport

@Suite struct HTMLDocumentTests {
  @Test func worksheetSnapshot() {
    #expect(snapshotMismatch(SampleDocuments.worksheet.html, named: "worksheet") == nil)
  }

  @Test func outputIsWellFormedXHTML() throws {
    let root = try ParsedXML.parse(SampleDocuments.worksheet.html).get()
    #expect(root.name == "html")
    #expect(root.attributes["lang"] == "en")
    #expect(root.children.map(\.name) == ["head", "body"])
    #expect(root.elements(named: "svg").count == 1)
    #expect(
      root.elements(named: "section").map { $0.attributes["class"] } == [
        "exercise", "answers teacher-only",
      ])
  }

  @Test func pageLoadsNothingFromElsewhere() throws {
    let html = SampleDocuments.worksheet.html
    for forbidden in [
      "<script", "http://", "https://", "src=", "href=", "<link", "@import", "url(", "@font-face",
      "<iframe", "<img", "<object", "<embed",
    ] {
      #expect(!html.lowercased().contains(forbidden), "the page contains '\(forbidden)'")
    }
    let elements = try ParsedXML.parse(html).get().allElements
    let handlers = elements.flatMap {
      $0.attributes.keys.filter { $0.lowercased().hasPrefix("on") }
    }
    #expect(handlers.isEmpty)
  }

  @Test func titleIsEscapedAndReadsBackUnchanged() throws {
    let html = SampleDocuments.worksheet.html
    #expect(
      html.contains(
        "<title>Worksheet 3: \"early\" stopping &amp; &lt;patience&gt;</title>"))
    let root = try ParsedXML.parse(html).get()
    #expect(
      root.elements(named: "title").first?.text == #"Worksheet 3: "early" stopping & <patience>"#)
  }

  @Test func headHasCharsetViewportAndTheStylesheet() throws {
    let root = try ParsedXML.parse(HTMLDocument(title: "t").html).get()
    let head = try #require(root.children.first)
    #expect(
      head.elements(named: "meta").map { $0.attributes["charset"] ?? $0.attributes["name"] } == [
        "utf-8", "viewport",
      ])
    #expect(head.elements(named: "style").first?.text.contains("@page") == true)
  }

  @Test func stylesheetIsMadeForPrinting() {
    let css = HTMLDocument.printStylesheet
    #expect(css.contains("@page { margin: 15mm; }"))
    #expect(css.contains("@media print"))
    #expect(css.contains("system-ui"))
    #expect(css.contains("sans-serif"))
    let avoid = css.split(separator: "\n").first { $0.contains("break-inside: avoid") }
    #expect(avoid?.contains(".exercise") == true)
    #expect(avoid?.contains("figure") == true)
    #expect(!css.contains("<") && !css.contains("&"))
  }

  @Test func stylesheetWithMarkupCharactersIsKeptInCDATA() throws {
    let css = #"p::after { content: "<&>"; }"#
    let document = HTMLDocument(title: "t", stylesheet: css, body: ["x"])
    let html = document.html
    #expect(html.contains("/*<![CDATA[*/\n      " + css + "\n      /*]]>*/"))
    let style = try #require(try ParsedXML.parse(html).get().elements(named: "style").first)
    #expect(style.text.contains(css))
  }

  @Test func stylesheetIsWrittenAsItIs() {
    let document = HTMLDocument(title: "t", stylesheet: ".a > .b { color: red; }")
    #expect(document.html.contains("      .a > .b { color: red; }\n"))
  }

  @Test func writesToAStream() {
    var text = ""
    var document = HTMLDocument(title: "Stream", language: "de")
    document.append(.paragraph("Hallo"))
    document.write(to: &text)
    #expect(text == document.html)
    #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">\n"))
    #expect(text.contains("      <p>Hallo</p>\n"))
    #expect(text.hasSuffix("</html>\n"))
  }

  @Test func stylesheetThatLoadsSomethingIsAProgrammerError() async {
    await #expect(processExitsWith: .failure) {
      _ = HTMLDocument(title: "t", stylesheet: "@import 'x.css';").html
    }
    await #expect(processExitsWith: .failure) {
      _ = HTMLDocument(title: "t", stylesheet: "body { background: URL(x.png) }").html
    }
    await #expect(processExitsWith: .failure) {
      _ = HTMLDocument(title: "t", stylesheet: "</style><p>").html
    }
  }
}
