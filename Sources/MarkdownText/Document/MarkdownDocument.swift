/// A parsed Markdown text: its blocks in order, and anything worth telling the author.
///
/// Parsing never fails and never traps; text that is not Markdown comes back as paragraphs.
/// It understands the CommonMark subset the course lessons use: ATX headings, paragraphs,
/// bullet and ordered lists, block quotes, fenced code blocks, GitHub pipe tables and thematic
/// breaks, with emphasis, strong emphasis, code spans, links and backslash escapes inline.
///
/// ```swift
/// let document = MarkdownDocument(parsing: "# Overfitting\n\n```curve seed=12\n")
/// document.blocks.map(\.line)           // [1, 3]
/// document.problems.first?.description  // "line 3: code block opened on line 3 is never closed"
/// ```
public struct MarkdownDocument: Sendable, Equatable {
  /// The top-level blocks, in source order.
  public var blocks: [MarkdownBlock]
  /// Mistakes the parser worked around, in source order, such as an unclosed code fence.
  public var problems: [MarkdownProblem]

  /// Creates a document from blocks you built yourself.
  public init(blocks: [MarkdownBlock], problems: [MarkdownProblem] = []) {
    self.blocks = blocks
    self.problems = problems
  }

  /// Parses Markdown text.
  ///
  /// Lines may end in `\n`, `\r\n` or `\r`; tabs in a line's indentation count as spaces up
  /// to the next multiple of four.
  public init(parsing text: String) {
    var parser = BlockParser()
    blocks = parser.parse(sourceLines(of: text), depth: 0)
    problems = parser.problems
  }

  /// Every fenced code block whose info string starts with `word`, at any depth, in order.
  ///
  /// The first word of the info string is the block's language; the rest is free for
  /// settings, as in `curve scenario=overfitting seed=12`.
  ///
  /// ```swift
  /// for block in document.codeBlocks(withInfo: "curve") {
  ///   print("line \(block.line): \(block.info)")  // "line 37: curve scenario=overfitting"
  /// }
  /// ```
  public func codeBlocks(withInfo word: String) -> [MarkdownCodeBlock] {
    var found: [MarkdownCodeBlock] = []
    func visit(_ blocks: [MarkdownBlock]) {
      for block in blocks {
        switch block.kind {
        case .code(let info, let text):
          if info.split(separator: " ").first.map(String.init) == word {
            found.append(MarkdownCodeBlock(info: info, text: text, line: block.line))
          }
        case .list(_, _, let items): items.forEach(visit)
        case .quote(let children): visit(children)
        case .heading, .paragraph, .table, .rule: break
        }
      }
    }
    visit(blocks)
    return found
  }
}

/// A fenced code block found by ``MarkdownDocument/codeBlocks(withInfo:)``.
public struct MarkdownCodeBlock: Sendable, Equatable {
  /// The info string after the opening fence, trimmed, such as `curve seed=12`.
  public var info: String
  /// The lines between the fences, joined with `\n`.
  public var text: String
  /// The 1-based line of the opening fence.
  public var line: Int

  /// Creates a code block description.
  public init(info: String, text: String, line: Int) {
    self.info = info
    self.text = text
    self.line = line
  }
}

/// Splits text into numbered lines, expanding tabs in each line's indentation.
private func sourceLines(of text: String) -> [SourceLine] {
  text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    .enumerated()
    .map { SourceLine(text: expandingLeadingTabs(in: $0.element), number: $0.offset + 1) }
}

private func expandingLeadingTabs(in line: Substring) -> String {
  guard line.first == "\t" || line.first == " " else { return String(line) }
  var result = ""
  var rest = line[...]
  while let first = rest.first, first == " " || first == "\t" {
    result += first == " " ? " " : String(repeating: " ", count: 4 - result.count % 4)
    rest = rest.dropFirst()
  }
  return result + rest
}
