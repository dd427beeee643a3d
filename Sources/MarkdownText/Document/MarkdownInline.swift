/// A piece of running text inside a paragraph, heading, list item or table cell.
///
/// ```swift
/// MarkdownInline.parse("see `loss` in **bold**")
/// // [.text("see "), .code("loss"), .text(" in "), .strong([.text("bold")])]
/// ```
public enum MarkdownInline: Sendable, Equatable {
  /// Literal text, with backslash escapes already resolved.
  case text(String)
  /// `*emphasis*` or `_emphasis_`.
  case emphasis([MarkdownInline])
  /// `**strong emphasis**` or `__strong emphasis__`.
  case strong([MarkdownInline])
  /// A code span; its text is literal, with no marks inside.
  case code(String)
  /// An inline link, `[text](destination)`.
  case link(text: [MarkdownInline], destination: String)

  /// Parses one paragraph's worth of inline Markdown.
  ///
  /// Marks that are never closed stay literal text.
  public static func parse(_ text: String) -> [MarkdownInline] {
    InlineParser(text).parse()
  }
}

extension Array where Element == MarkdownInline {
  /// The text without any marks: code spans keep their text and links keep only theirs.
  ///
  /// ```swift
  /// MarkdownInline.parse("a *b* [c](https://example.com)").plainText  // "a b c"
  /// ```
  public var plainText: String {
    map { inline in
      switch inline {
      case .text(let text), .code(let text): text
      case .emphasis(let children), .strong(let children), .link(let children, _):
        children.plainText
      }
    }.joined()
  }
}
