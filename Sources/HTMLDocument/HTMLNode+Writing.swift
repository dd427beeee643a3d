extension HTMLNode {
  /// Elements that hold blocks and put each child on a line of its own.
  private static let blockElements: Set<String> = [
    "section", "div", "h1", "h2", "h3", "h4", "h5", "h6", "p", "pre", "ul", "ol", "li", "dl",
    "dt", "dd", "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption",
  ]

  /// Whether the node starts a line of its own in the written document.
  var isBlock: Bool {
    switch content {
    case .text: false
    case .element(let name, _, _, _): Self.blockElements.contains(name)
    case .group(let nodes): nodes.contains(where: \.isBlock)
    case .svg: true
    }
  }

  /// Writes the node at an indentation of `depth` levels, starting on a new line and ending
  /// with a line break.
  ///
  /// An element whose children are all inline goes on one line; an element with block
  /// children puts each child on its own line, one level deeper. `<pre>` keeps its text as it
  /// is.
  func writeBlock(to output: inout some TextOutputStream, depth: Int) {
    let indent = String(repeating: "  ", count: depth)
    switch content {
    case .group(let nodes):
      Self.writeChildren(nodes, to: &output, depth: depth)
    case .svg(let markup):
      for line in markup.split(separator: "\n", omittingEmptySubsequences: false) {
        output.write(line.isEmpty ? "\n" : indent + line + "\n")
      }
    case .element(let name, let attributes, let children, let isVoid):
      guard !isVoid, name != "pre", children.contains(where: \.isBlock) else {
        output.write(indent + inlineText + "\n")
        return
      }
      output.write(indent + Self.startTag(name, attributes) + "\n")
      Self.writeChildren(children, to: &output, depth: depth + 1)
      output.write(indent + "</\(name)>\n")
    case .text:
      output.write(indent + inlineText + "\n")
    }
  }

  /// Writes nodes each on its own line, gathering runs of inline nodes into one line.
  static func writeChildren(
    _ nodes: [HTMLNode], to output: inout some TextOutputStream, depth: Int
  ) {
    var run = ""
    func flush() {
      if !run.isEmpty { output.write(String(repeating: "  ", count: depth) + run + "\n") }
      run = ""
    }
    for node in nodes {
      if node.isBlock {
        flush()
        node.writeBlock(to: &output, depth: depth)
      } else {
        run += node.inlineText
      }
    }
    flush()
  }

  /// The node written on one line (apart from line breaks in `<pre>` text and in SVG).
  var inlineText: String {
    switch content {
    case .text(let string):
      return HTMLEscaping.text(string)
    case .group(let nodes):
      return nodes.map(\.inlineText).joined()
    case .svg(let markup):
      return markup
    case .element(let name, let attributes, let children, let isVoid):
      if isVoid { return "<\(name)\(Self.attributeText(attributes)) />" }
      return Self.startTag(name, attributes) + children.map(\.inlineText).joined() + "</\(name)>"
    }
  }

  static func startTag(_ name: String, _ attributes: [Attribute]) -> String {
    "<\(name)\(attributeText(attributes))>"
  }

  private static func attributeText(_ attributes: [Attribute]) -> String {
    attributes.map { " \($0.name)=\"\(HTMLEscaping.attributeValue($0.value))\"" }.joined()
  }
}
