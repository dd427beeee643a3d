/// The characters a ``Canvas`` draws with.
///
/// Braille packs 2 × 4 dots into every cell, so curves come out smooth; ASCII draws one
/// glyph per cell, for terminals and fonts without the braille block.
///
/// ```swift
/// Charset.braille.dotsPerCell  // (columns: 2, rows: 4)
/// Charset.ascii.dotsPerCell    // (columns: 1, rows: 1)
/// ```
public enum Charset: String, Sendable, Equatable, Hashable, CaseIterable {
  /// Unicode braille patterns (U+2800 to U+28FF), 2 × 4 dots per cell.
  case braille
  /// Plain ASCII glyphs such as `*` and `o`, one dot per cell.
  case ascii

  /// Dots across and down in one cell.
  public var dotsPerCell: (columns: Int, rows: Int) {
    switch self {
    case .braille: (2, 4)
    case .ascii: (1, 1)
    }
  }

  /// Reads a charset from an option value: `braille`, `unicode` or `ascii`.
  public init?(argument: String) {
    switch argument.lowercased() {
    case "braille", "unicode", "utf8", "utf-8": self = .braille
    case "ascii": self = .ascii
    default: return nil
    }
  }
}
