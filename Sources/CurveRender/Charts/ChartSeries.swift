public import TerminalCanvas

/// One curve of a ``LineChart``: named points, a colour, and a way of joining them.
///
/// Points are drawn in the order given. A point whose `x` or `y` is NaN or infinite is skipped
/// and breaks the curve there; the legend counts how many were skipped.
///
/// ```swift
/// let loss = ChartSeries(
///   name: "training", points: [(10, 2.3), (20, 1.7), (30, 1.3)], color: .cyan, glyph: "*")
/// ```
public struct ChartSeries: Sendable, Equatable {
  /// How neighbouring points are joined.
  public enum Style: Sendable, Equatable, CaseIterable {
    /// A straight line from each point to the next, for values that change smoothly (loss).
    case line
    /// A staircase: each value holds until the next point, then jumps, for values that change
    /// in steps (accuracy measured at each evaluation).
    case steps
  }

  /// The name shown in the legend.
  public var name: String
  /// The points, in drawing order.
  public var points: [ChartPoint]
  /// The colour of the curve and its legend entry, or `nil` for the terminal's default.
  public var color: TerminalColor?
  /// The character standing for the series: every dot on an ASCII chart, the last point on a
  /// braille chart, and its legend entry.
  public var glyph: Character
  /// How neighbouring points are joined.
  public var style: Style
  /// Whether every point is marked, so each measurement (each evaluation, say) can be found,
  /// counted and told from the other series without colour: a braille chart puts the glyph on
  /// every point (one per cell), an SVG chart a small ring. Validation curves, whose points are
  /// evaluations, are marked.
  public var marksPoints: Bool

  /// Creates a series from points.
  public init(
    name: String, points: [ChartPoint], color: TerminalColor? = nil, glyph: Character = "*",
    style: Style = .line, marksPoints: Bool = false
  ) {
    self.name = name
    self.points = points
    self.color = color
    self.glyph = glyph
    self.style = style
    self.marksPoints = marksPoints
  }

  /// Creates a series from `(x, y)` pairs.
  public init(
    name: String, points: [(x: Double, y: Double)], color: TerminalColor? = nil,
    glyph: Character = "*", style: Style = .line, marksPoints: Bool = false
  ) {
    self.init(
      name: name, points: points.map { ChartPoint(x: $0.x, y: $0.y) }, color: color, glyph: glyph,
      style: style, marksPoints: marksPoints)
  }

  /// How many points cannot be drawn because a coordinate is NaN or infinite.
  public var nonFiniteCount: Int {
    points.count(where: { !$0.isFinite })
  }
}

/// A point of a ``ChartSeries``, in the units of the chart's axes.
public struct ChartPoint: Sendable, Equatable {
  /// The position along the horizontal axis (a step or an epoch).
  public var x: Double
  /// The value.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// Whether both coordinates are finite, so the point can be drawn.
  public var isFinite: Bool { x.isFinite && y.isFinite }
}
