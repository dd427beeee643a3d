public import TerminalCanvas

/// How a chart is drawn, as opposed to what it shows: colour, and the characters used.
///
/// ```swift
/// let terminal = Terminal.standardOutput()
/// let options = ChartOptions(terminal: terminal)  // braille, colour when the terminal allows
/// ```
public struct ChartOptions: Sendable, Equatable {
  /// Whether ANSI colours and bold are written. When `false` the output has no escape codes.
  public var isColorEnabled: Bool
  /// The characters plots are drawn with.
  public var charset: Charset

  /// Creates options; the defaults give plain braille output.
  public init(isColorEnabled: Bool = false, charset: Charset = .braille) {
    self.isColorEnabled = isColorEnabled
    self.charset = charset
  }

  /// Options that suit a terminal: colour when it allows colour.
  public init(terminal: Terminal, charset: Charset = .braille) {
    self.init(isColorEnabled: terminal.isColorEnabled, charset: charset)
  }
}
