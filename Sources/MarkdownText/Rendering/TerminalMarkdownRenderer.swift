import TerminalCanvas

/// Lays out a ``MarkdownDocument`` as lines for a terminal of a given width.
///
/// Every line fits in `width` columns, measured as the terminal shows it, and none ends in a
/// space; the one exception is a line of code that cannot be broken without changing what it
/// means (Python, Swift, JSON), which runs on whole after a note saying so. Comments in code
/// continue as comments, and shell commands break with a trailing ` \`. With colour off the lines hold no escape sequences, so they can go to a file.
///
/// ```swift
/// let renderer = TerminalMarkdownRenderer(width: 60, isColorEnabled: false)
/// renderer.render(MarkdownDocument(parsing: "# Overfitting\n\nWhen *validation* loss rises…"))
/// // ["Overfitting", "═══════════", "", "When validation loss rises…"]
/// ```
///
/// Fenced code blocks can be drawn by the caller instead, which is how lessons show a
/// simulated chart for a `curve` block:
///
/// ```swift
/// let renderer = TerminalMarkdownRenderer(width: 80, isColorEnabled: true) { info, text, width in
///   info.hasPrefix("curve") ? drawChart(settings: info, width: width) : nil
/// }
/// ```
public struct TerminalMarkdownRenderer: Sendable {
  /// Draws a fenced code block in `width` columns, or returns `nil` to leave it to the renderer.
  ///
  /// Lines of a custom block wider than `width` are cut with an ellipsis; with colour off,
  /// escape sequences in them are removed.
  public typealias CodeBlockRenderer =
    @Sendable (_ info: String, _ text: String, _ width: Int) -> [String]?

  /// The widest line to produce, in terminal columns; widths below 1 count as 1.
  public var width: Int
  /// Whether to style text with ANSI escape codes.
  public var isColorEnabled: Bool
  /// Whether to draw bullets, rules and tables with ASCII characters only.
  public var asciiOnly: Bool
  /// Draws fenced code blocks before the default rendering is tried.
  public var codeBlockRenderer: CodeBlockRenderer?

  /// Creates a renderer.
  public init(
    width: Int, isColorEnabled: Bool, asciiOnly: Bool = false,
    codeBlockRenderer: CodeBlockRenderer? = nil
  ) {
    self.width = width
    self.isColorEnabled = isColorEnabled
    self.asciiOnly = asciiOnly
    self.codeBlockRenderer = codeBlockRenderer
  }

  /// The document as terminal lines, without line terminators, a blank line between blocks.
  public func render(_ document: MarkdownDocument) -> [String] {
    let width = max(1, self.width)
    return lines(for: document.blocks, width: width).map { line in
      line.trimmingTrailingSpaces().rendered(isColorEnabled: isColorEnabled)
    }
  }

  var glyphs: Glyphs { asciiOnly ? .ascii : .unicode }

  /// Blocks one after another with a blank line between them; inside a list item, a nested
  /// list follows its item's text directly.
  func lines(for blocks: [MarkdownBlock], width: Int, isListItem: Bool = false) -> [StyledText] {
    var result: [StyledText] = []
    for block in blocks {
      let blockLines = lines(for: block, width: max(1, width))
      guard !blockLines.isEmpty else { continue }
      let isNestedList = isListItem && block.kind.isList
      if !result.isEmpty, !isNestedList { result.append(StyledText()) }
      result += blockLines
    }
    return result
  }

  /// A block's lines, each cut to `width` unless it is a line of code that may not be broken.
  private func lines(for block: MarkdownBlock, width: Int) -> [StyledText] {
    let produced = unfittedLines(for: block, width: width)
    if case .code = block.kind { return produced }
    return produced.map { $0.displayWidth > width ? $0.truncated(toWidth: width) : $0 }
  }

  private func unfittedLines(for block: MarkdownBlock, width: Int) -> [StyledText] {
    switch block.kind {
    case .heading(let level, let content):
      return headingLines(level: level, content: content, width: width)
    case .paragraph(let content):
      return styledText(content).wrapped(toWidth: width)
    case .list(let ordered, let start, let items):
      return listLines(ordered: ordered, start: start, items: items, width: width)
    case .code(let info, let text):
      return codeLines(info: info, text: text, width: width)
    case .quote(let blocks):
      let gutter = StyledText(glyphs.quoteGutter, style: .dim)
      return lines(for: blocks, width: width - displayWidth(of: glyphs.quoteGutter)).map {
        var line = gutter
        line.append($0)
        return line
      }
    case .table(let table):
      return tableLines(table, width: width)
    case .rule:
      return [StyledText(String(repeating: glyphs.rule, count: width), style: .dim)]
    }
  }

  private func headingLines(level: Int, content: [MarkdownInline], width: Int) -> [StyledText] {
    let text = styledText(content, style: .bold).wrapped(toWidth: width)
    let underline = level == 1 ? glyphs.doubleRule : glyphs.rule
    guard level <= 2, let ruleWidth = text.map(\.displayWidth).max(), ruleWidth > 0 else {
      return text
    }
    return text + [StyledText(String(repeating: underline, count: ruleWidth), style: .bold)]
  }

  private func listLines(
    ordered: Bool, start: Int, items: [[MarkdownBlock]], width: Int
  ) -> [StyledText] {
    let markers = items.indices.map { ordered ? "\(start &+ $0)." : glyphs.bullet }
    let markerWidth = (markers.map { displayWidth(of: $0) }.max() ?? 0) + 1
    var result: [StyledText] = []
    for (item, marker) in zip(items, markers) {
      let itemLines = lines(for: item, width: width - markerWidth, isListItem: true)
      for (index, line) in (itemLines.isEmpty ? [StyledText()] : itemLines).enumerated() {
        let padding = markerWidth - displayWidth(of: marker) - 1
        var prefixed = StyledText(
          index == 0
            ? String(repeating: " ", count: padding) + marker + " "
            : String(repeating: " ", count: markerWidth))
        prefixed.append(line)
        result.append(prefixed)
      }
    }
    return result
  }

  private func codeLines(info: String, text: String, width: Int) -> [StyledText] {
    if let custom = codeBlockRenderer?(info, text, width) {
      return custom.map { StyledText(fittedCustomLine($0, width: width)) }
    }
    guard !text.isEmpty else { return [] }
    let indent = "    "
    let available = max(8, width - indent.count)
    let syntax = CodeSyntax(info: info)
    var runsPast = false
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { source in
      let wrapped = wrapCode(printableCode(source), width: available, syntax: syntax)
      runsPast = runsPast || wrapped.runsPastWidth
      return wrapped.lines.map { piece in
        var indented = StyledText(indent)
        indented.append(StyledText(piece))
        // Only code that may not be broken runs past the width; anything else is cut.
        guard !wrapped.runsPastWidth, indented.displayWidth > width else { return indented }
        return indented.truncated(toWidth: width)
      }
    }
    guard runsPast else { return lines }
    let note = "(A line below is wider than \(width) columns. It is left whole, because breaking it would change the code.)"
    return wrap(note, width: width).map { StyledText($0, style: .dim) } + lines
  }

  /// A caller's line made safe: no escapes without colour, and cut to `width` if too wide.
  private func fittedCustomLine(_ line: String, width: Int) -> String {
    let line = isColorEnabled ? line : strippingEscapes(line)
    guard displayWidth(of: line) > width else { return line }
    let cut = StyledText(strippingEscapes(line))
      .truncated(toWidth: width - displayWidth(of: glyphs.ellipsis))
    return cut.plainText + glyphs.ellipsis
  }
}

extension MarkdownBlock.Kind {
  fileprivate var isList: Bool {
    if case .list = self { true } else { false }
  }
}

/// The characters that draw bullets, rules, gutters and table borders.
struct Glyphs {
  var bullet: String
  var rule: String
  var doubleRule: String
  var quoteGutter: String
  var columnSeparator: String
  var crossing: String
  var ellipsis: String

  static let unicode = Glyphs(
    bullet: "•", rule: "─", doubleRule: "═", quoteGutter: "│ ", columnSeparator: "│",
    crossing: "┼", ellipsis: "…")
  static let ascii = Glyphs(
    bullet: "-", rule: "-", doubleRule: "=", quoteGutter: "| ", columnSeparator: "|",
    crossing: "+", ellipsis: "...")
}
