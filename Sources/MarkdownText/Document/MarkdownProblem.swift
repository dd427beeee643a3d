/// Something in the source that parsed, but probably not as the author meant.
///
/// A problem is a finding, not an error: the document is still complete. Callers prefix the
/// file name to report it, as in `07-overfitting.md:37: code block … is never closed`.
///
/// ```swift
/// let problem = MarkdownDocument(parsing: "~~~\ncode").problems[0]
/// problem.line     // 1
/// problem.message  // "code block opened on line 1 is never closed"
/// ```
public struct MarkdownProblem: Sendable, Equatable, CustomStringConvertible {
  /// The 1-based source line the problem is about.
  public var line: Int
  /// What is wrong, for the author, without the line prefix.
  public var message: String

  /// Creates a problem.
  public init(line: Int, message: String) {
    self.line = line
    self.message = message
  }

  /// The problem as `line N: message`.
  public var description: String { "line \(line): \(message)" }

  /// A fenced code block whose closing fence never comes; it runs to the end of its container.
  static func unclosedCodeBlock(line: Int) -> MarkdownProblem {
    MarkdownProblem(line: line, message: "code block opened on line \(line) is never closed")
  }
}
