extension HTMLNode {
  /// A heading, `<h1>` to `<h6>`.
  ///
  /// ```swift
  /// .heading(2, "Exercise 1: ", .emphasis("where is the best checkpoint?"))
  /// ```
  ///
  /// - Precondition: `level` is between 1 and 6.
  public static func heading(_ level: Int, _ content: HTMLNode...) -> HTMLNode {
    precondition((1...6).contains(level), "heading level \(level) is not between 1 and 6")
    return .element("h\(level)", [], content)
  }

  /// A paragraph of text and inline nodes.
  ///
  /// ```swift
  /// .paragraph("The gap opens after epoch ", .strong("5"), ".")
  /// ```
  public static func paragraph(_ content: HTMLNode...) -> HTMLNode {
    .element("p", [], content)
  }

  /// Text shown as it is, monospaced, with its spaces and line breaks (`<pre>`): a terminal
  /// chart, a few lines of a log.
  public static func preformatted(_ text: String) -> HTMLNode {
    .element("pre", [], [.text(text)])
  }

  /// A list with bullets; each item is one node (use ``group(_:)`` for several).
  public static func bulletList(_ items: [HTMLNode]) -> HTMLNode {
    .element("ul", [], items.map { .element("li", [], [$0]) })
  }

  /// A numbered list; each item is one node (use ``group(_:)`` for several).
  public static func numberedList(_ items: [HTMLNode]) -> HTMLNode {
    .element("ol", [], items.map { .element("li", [], [$0]) })
  }

  /// Terms and their definitions, such as a glossary (`<dl>`).
  ///
  /// ```swift
  /// .definitionList([
  ///   (term: "overfitting", definition: "Validation loss rises while training loss falls."),
  ///   (term: "early stopping", definition: "Keeping the checkpoint with the lowest loss."),
  /// ])
  /// ```
  public static func definitionList(_ entries: [(term: HTMLNode, definition: HTMLNode)])
    -> HTMLNode
  {
    .element(
      "dl", [],
      entries.flatMap {
        [HTMLNode.element("dt", [], [$0.term]), .element("dd", [], [$0.definition])]
      })
  }

  /// A table with a header row; rows shorter than the header are padded with empty cells.
  ///
  /// ```swift
  /// .table(
  ///   header: ["step", "loss", "eval_loss"],
  ///   rows: [["200", "0.69", "0.61"], ["400", "0.35", "0.92"]],
  ///   caption: "Two evaluations")
  /// ```
  public static func table(header: [HTMLNode], rows: [[HTMLNode]], caption: HTMLNode? = nil)
    -> HTMLNode
  {
    func row(_ cells: [HTMLNode], cell: String) -> HTMLNode {
      let padded =
        cells + Array(repeating: HTMLNode.text(""), count: max(0, header.count - cells.count))
      return .element("tr", [], padded.map { .element(cell, [], [$0]) })
    }
    var children: [HTMLNode] = []
    if let caption { children.append(.element("caption", [], [caption])) }
    if !header.isEmpty { children.append(.element("thead", [], [row(header, cell: "th")])) }
    children.append(.element("tbody", [], rows.map { row($0, cell: "td") }))
    return .element("table", [], children)
  }

  /// A figure: a picture or a table with a caption under it, kept on one printed page.
  ///
  /// ```swift
  /// .figure(.svg(chart.svg(width: 720, panelHeight: 260)), caption: "Loss and accuracy of run A.")
  /// ```
  public static func figure(_ content: HTMLNode, caption: HTMLNode...) -> HTMLNode {
    var children = [content]
    if !caption.isEmpty { children.append(.element("figcaption", [], caption)) }
    return .element("figure", [], children)
  }

  /// An inline SVG picture, such as `LineChart.svg(width:height:style:)` draws, written as it
  /// is.
  ///
  /// The markup is trusted to be well-formed, but checked to be a picture and nothing more. A
  /// standalone SVG file's XML declaration and SVG namespace declaration are dropped.
  ///
  /// - Precondition: `markup` is one `<svg>` element without scripts, event handlers, links,
  ///   embedded images or foreign content: no `<script>`, `<foreignObject>`, `<a>`, `<image>`,
  ///   `<use>` or `<style>` element, no `on…`, `href` or `src` attribute, and no `url(…)` other
  ///   than to a fragment (`url(#id)`).
  public static func svg(_ markup: String) -> HTMLNode {
    var markup = Substring(markup)
    while markup.first?.isWhitespace == true { markup.removeFirst() }
    if markup.hasPrefix("<?xml"), let end = markup.firstRange(of: "?>") {
      markup = markup[end.upperBound...]
      while markup.first?.isWhitespace == true { markup.removeFirst() }
    }
    precondition(markup.hasPrefix("<svg"), "inline SVG must start with <svg")
    // The HTML parser puts <svg> in the SVG namespace itself; without the declaration, the
    // page holds no URL at all.
    if let tagEnd = markup.firstIndex(of: ">"),
      let namespace = markup[..<tagEnd].firstRange(of: #" xmlns="http://www.w3.org/2000/svg""#)
    {
      markup = markup[..<namespace.lowerBound] + markup[namespace.upperBound...]
    }
    if let problem = SVGInspection.firstUnsafePart(of: markup) {
      preconditionFailure("inline SVG must not contain \(problem)")
    }
    while markup.last?.isWhitespace == true { markup.removeLast() }
    return HTMLNode(.svg(String(markup)))
  }

  /// A section of the page (`<section>`), with optional CSS classes.
  public static func section(_ children: [HTMLNode], classes: [String] = []) -> HTMLNode {
    .element("section", classAttribute(classes), children)
  }

  /// A block that groups others for layout (`<div>`), with optional CSS classes: a row of
  /// charts side by side, a header line.
  public static func division(_ children: [HTMLNode], classes: [String] = []) -> HTMLNode {
    .element("div", classAttribute(classes), children)
  }

  /// An exercise: a framed section that a printout keeps on one page.
  ///
  /// ```swift
  /// .exercise([
  ///   .heading(3, "Exercise 2"),
  ///   .paragraph("At which step would early stopping with patience 2 stop?"),
  ///   .answerLines(2),
  /// ])
  /// ```
  public static func exercise(_ children: [HTMLNode]) -> HTMLNode {
    .section(children, classes: ["exercise"])
  }

  /// Ruled lines for a handwritten answer on a printed worksheet.
  ///
  /// - Precondition: `count` is not negative.
  public static func answerLines(_ count: Int) -> HTMLNode {
    precondition(count >= 0, "a negative number of answer lines")
    return .element(
      "div", classAttribute(["answer-lines"]),
      Array(repeating: .element("div", classAttribute(["answer-line"])), count: count))
  }

  /// Where a printout starts a new page.
  public static let pageBreak = HTMLNode.element("div", classAttribute(["page-break"]))
}
