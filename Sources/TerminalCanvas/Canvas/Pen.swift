/// What a ``Canvas`` draws dots with: a style, and the glyph an ASCII canvas shows for a dot.
///
/// A braille canvas ignores the glyph: every dot is a dot in the cell's braille pattern.
///
/// ```swift
/// let training = Pen(style: .foreground(.cyan), glyph: "*")
/// ```
public struct Pen: Sendable, Equatable {
  /// The style of every cell the pen touches.
  public var style: TextStyle
  /// The character an ASCII canvas puts where the pen draws a dot.
  public var glyph: Character

  /// Creates a pen.
  public init(style: TextStyle = .plain, glyph: Character = "*") {
    self.style = style
    self.glyph = glyph
  }

  /// An unstyled pen drawing `*`.
  public static let plain = Pen()
}
