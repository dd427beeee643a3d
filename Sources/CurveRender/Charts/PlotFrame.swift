import TerminalCanvas

/// Where values land in the plot area of a chart: the two scales, and the size of the canvas in
/// cells and in dots.
struct PlotFrame {
  /// Cells across and down.
  let columns: Int
  let rows: Int
  let charset: Charset
  /// The scales, `nil` when there is nothing to draw.
  let xScale: AxisScale?
  let yScale: AxisScale?

  var dotsAcross: Int { charset.dotsPerCell.columns }
  var dotsDown: Int { charset.dotsPerCell.rows }
  var dotColumns: Int { columns * dotsAcross }
  var dotRows: Int { rows * dotsDown }

  /// The dot for a point; points off the plot give dots off the canvas, which clips them.
  func dot(for point: ChartPoint) -> (x: Int, y: Int) {
    (dotX(point.x), dotY(point.y))
  }

  func dotX(_ x: Double) -> Int {
    Self.dot(xScale?.fraction(of: x) ?? 0.5, dots: dotColumns, flipped: false)
  }

  func dotY(_ y: Double) -> Int {
    Self.dot(yScale?.fraction(of: y) ?? 0.5, dots: dotRows, flipped: true)
  }

  /// The cell column of a position, or `nil` when it is off the horizontal axis.
  func column(ofX x: Double) -> Int? {
    guard let xScale, x.isFinite else { return nil }
    let fraction = xScale.fraction(of: x)
    guard fraction >= -1e-9, fraction <= 1 + 1e-9 else { return nil }
    return dotX(x) / dotsAcross
  }

  /// The cell row of a value, or `nil` when it is off the vertical axis.
  func row(ofY y: Double) -> Int? {
    guard let yScale, y.isFinite else { return nil }
    let fraction = yScale.fraction(of: y)
    guard fraction >= -1e-9, fraction <= 1 + 1e-9 else { return nil }
    return dotY(y) / dotsDown
  }

  /// The dot for a fraction along an axis of `dots` dots, counted from the top when `flipped`.
  /// Far-off values are clamped to a range the canvas clips cheaply.
  static func dot(_ fraction: Double, dots: Int, flipped: Bool) -> Int {
    let position = (flipped ? 1 - fraction : fraction) * Double(dots - 1)
    guard position.isFinite else { return -1 }
    return Int(min(max(position, -1e6), 1e6).rounded())
  }
}
