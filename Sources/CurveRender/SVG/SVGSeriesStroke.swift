public import TerminalCanvas

/// How one curve is drawn in an SVG chart: its colour, its dash pattern and the terminal colour
/// it stands for.
///
/// Every entry of a palette has its own dash pattern as well as its own colour, so curves stay
/// apart on a greyscale printout. A series whose ``ChartSeries/color`` equals an entry's
/// ``terminalColor`` is always drawn with that entry, so training curves look the same in every
/// panel and match their colour in the terminal.
///
/// ```swift
/// let dotted = SVGSeriesStroke(color: "#228833", dashPattern: [2, 3], terminalColor: .green)
/// ```
public struct SVGSeriesStroke: Sendable, Equatable {
  /// A CSS colour, such as `"#0072B2"`.
  public var color: String
  /// Lengths of dashes and gaps in user units, alternating; empty for a solid line.
  public var dashPattern: [Double]
  /// The terminal colour this stroke stands for, or `nil` for series without a matching one.
  public var terminalColor: TerminalColor?

  /// Creates a stroke.
  public init(color: String, dashPattern: [Double] = [], terminalColor: TerminalColor? = nil) {
    self.color = color
    self.dashPattern = dashPattern
    self.terminalColor = terminalColor
  }
}
