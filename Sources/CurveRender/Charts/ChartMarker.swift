public import TerminalCanvas

/// A labelled place on a chart's horizontal axis, such as the best checkpoint or the step where
/// early stopping ended the run.
///
/// The label is written above the plot at the marker's `x`. A ``Kind-swift.enum/line`` marker
/// also draws a dotted vertical line through the plot; a ``Kind-swift.enum/point(y:symbol:)``
/// marker puts a symbol at one spot instead.
///
/// ```swift
/// let best = ChartMarker(x: 600, label: "best", color: .green)
/// ```
public struct ChartMarker: Sendable, Equatable {
  /// How a marker shows in the plot.
  public enum Kind: Sendable, Equatable {
    /// A dotted vertical line at `x`, behind the curves.
    case line
    /// `symbol` at `(x, y)`, in front of the curves.
    case point(y: Double, symbol: Character)
  }

  /// The position along the horizontal axis.
  public var x: Double
  /// A short label, a word or two.
  public var label: String
  /// How the marker shows in the plot.
  public var kind: Kind
  /// The colour of the marker and its label, or `nil` for the terminal's default.
  public var color: TerminalColor?

  /// Creates a marker.
  public init(x: Double, label: String, kind: Kind = .line, color: TerminalColor? = nil) {
    self.x = x
    self.label = label
    self.kind = kind
    self.color = color
  }
}
