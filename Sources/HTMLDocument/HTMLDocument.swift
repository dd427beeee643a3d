/// A self-contained HTML page: a title, a print-friendly stylesheet, and a body of
/// ``HTMLNode`` values.
///
/// The page loads nothing: no scripts, no web fonts, no images or stylesheets from elsewhere.
/// Pictures are inline SVG and the stylesheet is embedded, so one file can be mailed, opened
/// offline or printed. The markup is also well-formed XML (XHTML style: every element closed,
/// void elements written `<br />`, attributes quoted), so an XML parser can check it.
///
/// ```swift
/// import CurveRender
/// import HTMLDocument
///
/// let chart = TrainingLogChart(
///   log, markers: [ChartMarker.best(in: log), ChartMarker.earlyStop(in: log)].compactMap { $0 })
/// var page = HTMLDocument(title: "Run report")
/// page.append(.heading(1, "Run report"))
/// page.append(.figure(.svg(chart.svg(width: 720)), caption: "Loss and accuracy."))
/// page.append(.paragraph("Validation loss is lowest at step ", .code("200"), "."))
/// try page.html.write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct HTMLDocument: Sendable, Equatable {
  /// The page title, shown in the browser's tab and printed in the page header.
  public var title: String
  /// The language of the text, as a BCP 47 tag such as `"en"`.
  public var language: String
  /// The CSS embedded in the page; ``printStylesheet`` by default.
  ///
  /// It must not load anything: no `@import` and no `url(…)`. It is written as it is, not
  /// escaped.
  public var stylesheet: String
  /// The content of the page, in order.
  public var body: [HTMLNode]

  /// Creates a page.
  public init(
    title: String, language: String = "en", stylesheet: String = HTMLDocument.printStylesheet,
    body: [HTMLNode] = []
  ) {
    self.title = title
    self.language = language
    self.stylesheet = stylesheet
    self.body = body
  }

  /// Adds a node at the end of the body.
  public mutating func append(_ node: HTMLNode) {
    body.append(node)
  }

  /// Writes the page: the doctype, the head with the title and the stylesheet, and the body,
  /// indented two spaces per level, ending in a newline.
  ///
  /// - Precondition: The stylesheet has no `@import`, no `url(`, no `</` and no `]]>`.
  public func write(to output: inout some TextOutputStream) {
    let css = stylesheet.lowercased()
    precondition(
      !css.contains("@import") && !css.contains("url(") && !css.contains("</")
        && !css.contains("]]>"),
      "the stylesheet must not load anything nor end the <style> element")
    output.write("<!DOCTYPE html>\n")
    output.write("<html lang=\"\(HTMLEscaping.attributeValue(language))\">\n")
    output.write("  <head>\n")
    output.write("    <meta charset=\"utf-8\" />\n")
    output.write(
      "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
    output.write("    <title>\(HTMLEscaping.text(title.onOneLine))</title>\n")
    // CSS is raw text in HTML, so it is not escaped; a stylesheet with `<` or `&` goes in a
    // CDATA section, hidden from HTML by comments, to stay well-formed XML.
    let needsCDATA = stylesheet.contains("<") || stylesheet.contains("&")
    output.write("    <style>\n")
    if needsCDATA { output.write("      /*<![CDATA[*/\n") }
    for line in stylesheet.split(separator: "\n", omittingEmptySubsequences: false) {
      output.write(line.allSatisfy(\.isWhitespace) ? "\n" : "      " + line + "\n")
    }
    if needsCDATA { output.write("      /*]]>*/\n") }
    output.write("    </style>\n")
    output.write("  </head>\n")
    output.write("  <body>\n")
    output.write("    <main>\n")
    HTMLNode.writeChildren(body, to: &output, depth: 3)
    output.write("    </main>\n")
    output.write("  </body>\n")
    output.write("</html>\n")
  }

  /// The page as ``write(to:)`` writes it.
  public var html: String {
    var text = ""
    write(to: &text)
    return text
  }
}

extension String {
  /// The text with line breaks and tabs turned into spaces.
  var onOneLine: String {
    String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}
