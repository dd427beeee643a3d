/// A line of text made of differently styled pieces, measured by what the terminal shows.
///
/// Renderers build lines as styled text, fit them to a width while everything is still plain
/// characters, and only then turn them into strings, with or without escape codes.
///
/// ```swift
/// var line = StyledText("loss ")
/// line.append("0.42", style: .foreground(.cyan))
/// line.displayWidth                     // 9
/// line.rendered(isColorEnabled: false)  // "loss 0.42"
/// ```
public struct StyledText: Sendable, Equatable {
  /// A run of text in one style.
  public struct Span: Sendable, Equatable {
    /// The characters of the run.
    public var text: String
    /// How they look.
    public var style: TextStyle

    /// Creates a run.
    public init(text: String, style: TextStyle = .plain) {
      self.text = text
      self.style = style
    }
  }

  /// The runs in order; neighbours never share a style and none is empty.
  public private(set) var spans: [Span] = []

  /// Creates empty text.
  public init() {}

  /// Creates text in one style.
  public init(_ text: String, style: TextStyle = .plain) {
    append(text, style: style)
  }

  /// Adds text at the end, merging it into the last run when the style is the same.
  public mutating func append(_ text: String, style: TextStyle = .plain) {
    guard !text.isEmpty else { return }
    if let last = spans.indices.last, spans[last].style == style {
      spans[last].text += text
    } else {
      spans.append(Span(text: text, style: style))
    }
  }

  /// Adds other styled text at the end.
  public mutating func append(_ other: StyledText) {
    for span in other.spans { append(span.text, style: span.style) }
  }

  /// The characters without any styling.
  public var plainText: String { spans.map(\.text).joined() }

  /// Columns the text takes up in a terminal (see ``displayWidth(of:)``).
  public var displayWidth: Int { spans.reduce(0) { $0 + TerminalCanvas.displayWidth(of: $1.text) } }

  /// The text as a string, with escape codes only when `isColorEnabled` is true.
  public func rendered(isColorEnabled: Bool) -> String {
    spans.map { $0.style.apply(to: $0.text, isColorEnabled: isColorEnabled) }.joined()
  }

  /// The longest prefix that fits in `width` columns.
  ///
  /// A wide character that would straddle the limit is left out.
  public func truncated(toWidth width: Int) -> StyledText {
    var result = StyledText()
    var remaining = max(0, width)
    for span in spans {
      guard remaining > 0 else { break }
      var kept = ""
      for character in span.text {
        let columns = TerminalCanvas.displayWidth(of: String(character))
        if columns > remaining {
          remaining = 0
          break
        }
        kept.append(character)
        remaining -= columns
      }
      result.append(kept, style: span.style)
    }
    return result
  }

  /// The text cut or filled with plain spaces to exactly `width` columns.
  public func padded(toWidth width: Int) -> StyledText {
    var result = displayWidth > width ? truncated(toWidth: width) : self
    let missing = width - result.displayWidth
    if missing > 0 { result.append(String(repeating: " ", count: missing)) }
    return result
  }

  /// The text without spaces at its end, where they would be invisible anyway.
  ///
  /// Spaces inside a styled run are removed too; they show nothing but the background.
  public func trimmingTrailingSpaces() -> StyledText {
    var result = self
    while let last = result.spans.indices.last {
      let text = result.spans[last].text
      let trimmed = String(text.reversed().drop(while: { $0 == " " }).reversed())
      if trimmed.isEmpty {
        result.spans.removeLast()
      } else {
        result.spans[last].text = trimmed
        break
      }
    }
    return result
  }
}
