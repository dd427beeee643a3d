/// One of the 16 basic terminal colours, which every colour terminal can show.
///
/// The terminal's theme decides the exact shades, so a chart in ``cyan`` stays readable on
/// both dark and light backgrounds.
public enum TerminalColor: Sendable, Equatable, Hashable, CaseIterable {
  /// Black (SGR 30).
  case black
  /// Red (SGR 31).
  case red
  /// Green (SGR 32).
  case green
  /// Yellow (SGR 33).
  case yellow
  /// Blue (SGR 34).
  case blue
  /// Magenta (SGR 35).
  case magenta
  /// Cyan (SGR 36).
  case cyan
  /// White (SGR 37).
  case white
  /// Bright black, usually grey (SGR 90).
  case brightBlack
  /// Bright red (SGR 91).
  case brightRed
  /// Bright green (SGR 92).
  case brightGreen
  /// Bright yellow (SGR 93).
  case brightYellow
  /// Bright blue (SGR 94).
  case brightBlue
  /// Bright magenta (SGR 95).
  case brightMagenta
  /// Bright cyan (SGR 96).
  case brightCyan
  /// Bright white (SGR 97).
  case brightWhite

  /// The SGR parameter that selects this colour for the foreground.
  ///
  /// ```swift
  /// TerminalColor.cyan.foregroundCode  // 36
  /// ```
  public var foregroundCode: Int {
    switch self {
    case .black: 30
    case .red: 31
    case .green: 32
    case .yellow: 33
    case .blue: 34
    case .magenta: 35
    case .cyan: 36
    case .white: 37
    case .brightBlack: 90
    case .brightRed: 91
    case .brightGreen: 92
    case .brightYellow: 93
    case .brightBlue: 94
    case .brightMagenta: 95
    case .brightCyan: 96
    case .brightWhite: 97
    }
  }
}
