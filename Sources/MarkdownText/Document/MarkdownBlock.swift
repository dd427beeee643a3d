/// One block of a Markdown document, with the source line it starts on.
///
/// ```swift
/// let document = MarkdownDocument(parsing: "Intro\n\n- one\n- two")
/// document.blocks[1].line  // 3
/// document.blocks[1].kind  // .list(ordered: false, start: 1, items: [[…], […]])
/// ```
public struct MarkdownBlock: Sendable, Equatable {
  /// What the block is and what it holds.
  public enum Kind: Sendable, Equatable {
    /// An ATX heading (`#` to `######`); the course uses levels 1 to 3.
    case heading(level: Int, content: [MarkdownInline])
    /// Running text; its source lines are joined with spaces.
    case paragraph([MarkdownInline])
    /// A bullet or ordered list; each item is a list of blocks, so items can nest lists.
    ///
    /// `start` is the first item's number, and 1 for bullet lists.
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]])
    /// A fenced code block: the info string after the opening fence, and the lines inside.
    case code(info: String, text: String)
    /// A block quote and the blocks inside it.
    case quote([MarkdownBlock])
    /// A GitHub pipe table.
    case table(MarkdownTable)
    /// A thematic break (`---`, `***` or `___`).
    case rule
  }

  /// What the block is and what it holds.
  public var kind: Kind
  /// The 1-based source line the block starts on; for a code block, its opening fence.
  public var line: Int

  /// Creates a block.
  public init(_ kind: Kind, line: Int) {
    self.kind = kind
    self.line = line
  }
}
