/// How a piece of text looks in a colour terminal: a foreground colour, bold, dim.
///
/// A style only ever adds ANSI escape codes when the caller says colour is on; with colour off
/// the text comes back untouched, so output piped to a file stays plain.
///
/// ```swift
/// let warning = TextStyle(foreground: .yellow, isBold: true)
/// warning.apply(to: "overfitting", isColorEnabled: true)   // "\u{1B}[1;33moverfitting\u{1B}[0m"
/// warning.apply(to: "overfitting", isColorEnabled: false)  // "overfitting"
/// ```
public struct TextStyle: Sendable, Equatable, Hashable {
  /// The text colour, or `nil` for the terminal's default.
  public var foreground: TerminalColor?
  /// Whether the text is bold (SGR 1).
  public var isBold: Bool
  /// Whether the text is dim (SGR 2).
  public var isDim: Bool

  /// Creates a style; the defaults give plain text.
  public init(foreground: TerminalColor? = nil, isBold: Bool = false, isDim: Bool = false) {
    self.foreground = foreground
    self.isBold = isBold
    self.isDim = isDim
  }

  /// Text as the terminal shows it by default.
  public static let plain = TextStyle()

  /// Bold text in the default colour.
  public static let bold = TextStyle(isBold: true)

  /// Dim text in the default colour.
  public static let dim = TextStyle(isDim: true)

  /// Text in a colour.
  public static func foreground(_ color: TerminalColor) -> TextStyle {
    TextStyle(foreground: color)
  }

  /// Whether the style changes nothing.
  public var isPlain: Bool { self == .plain }

  /// The escape sequence that switches this style on, or `""` for a plain style.
  public var escapeSequence: String {
    var parameters: [String] = []
    if isBold { parameters.append("1") }
    if isDim { parameters.append("2") }
    if let foreground { parameters.append(String(foreground.foregroundCode)) }
    if parameters.isEmpty { return "" }
    return "\u{1B}[" + parameters.joined(separator: ";") + "m"
  }

  /// The escape sequence that returns to the terminal's default style.
  public static let resetSequence = "\u{1B}[0m"

  /// Returns `text` wrapped in this style's escape codes when colour is on, else `text` itself.
  ///
  /// Plain styles and empty text never get escape codes.
  public func apply(to text: String, isColorEnabled: Bool) -> String {
    guard isColorEnabled, !isPlain, !text.isEmpty else { return text }
    return escapeSequence + text + Self.resetSequence
  }
}
