extension HTMLNode {
  /// Plain text; `<`, `&` and quotes are escaped when written.
  ///
  /// A string literal makes the same node: `.paragraph("a < b")`.
  public static func text(_ string: String) -> HTMLNode {
    HTMLNode(.text(string))
  }

  /// Stressed text, usually in italics (`<em>`).
  public static func emphasis(_ content: HTMLNode...) -> HTMLNode {
    .element("em", [], content)
  }

  /// Important text, usually in bold (`<strong>`).
  public static func strong(_ content: HTMLNode...) -> HTMLNode {
    .element("strong", [], content)
  }

  /// A name from code or a log, in a monospaced font (`<code>`).
  ///
  /// ```swift
  /// .paragraph("Watch ", .code("eval_loss"), " after each epoch.")
  /// ```
  public static func code(_ text: String) -> HTMLNode {
    .element("code", [], [.text(text)])
  }

  /// A run of text with CSS classes (`<span>`), such as a blank to write an answer on.
  ///
  /// ```swift
  /// .paragraph("Step: ", .span([], classes: ["blank"]))
  /// ```
  public static func span(_ content: [HTMLNode], classes: [String]) -> HTMLNode {
    .element("span", classAttribute(classes), content)
  }

  /// A line break inside a paragraph (`<br />`).
  public static let lineBreak = HTMLNode(
    .element(name: "br", attributes: [], children: [], isVoid: true))

  /// Nodes one after another with nothing around them, such as several blocks in one list item.
  ///
  /// ```swift
  /// .bulletList([.group([.paragraph("First point."), .preformatted("step  loss")])])
  /// ```
  public static func group(_ nodes: [HTMLNode]) -> HTMLNode {
    HTMLNode(.group(nodes))
  }
}
