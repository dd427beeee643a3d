extension Canvas {
  /// Draws a straight line of dots between two points, both ends included (Bresenham).
  ///
  /// The line is clipped to the canvas first, so ends far outside it cost nothing.
  ///
  /// ```swift
  /// canvas.drawLine(from: (0, 0), to: (7, 3), pen: .plain)
  /// ```
  public mutating func drawLine(from start: (x: Int, y: Int), to end: (x: Int, y: Int), pen: Pen) {
    guard
      let (clippedStart, clippedEnd) = clip(
        from: (Double(start.x), Double(start.y)), to: (Double(end.x), Double(end.y)))
    else { return }
    var x = Int(clippedStart.x.rounded())
    var y = Int(clippedStart.y.rounded())
    let endX = Int(clippedEnd.x.rounded())
    let endY = Int(clippedEnd.y.rounded())
    let deltaX = abs(endX - x)
    let deltaY = -abs(endY - y)
    let stepX = x < endX ? 1 : -1
    let stepY = y < endY ? 1 : -1
    var error = deltaX + deltaY
    while true {
      plot(x: x, y: y, pen: pen)
      if x == endX && y == endY { break }
      let doubled = 2 * error
      if doubled >= deltaY {
        error += deltaY
        x += stepX
      }
      if doubled <= deltaX {
        error += deltaX
        y += stepY
      }
    }
  }

  /// Cohen–Sutherland clipping of a segment to the dot area; `nil` when none of it is inside.
  private func clip(
    from start: (x: Double, y: Double), to end: (x: Double, y: Double)
  ) -> ((x: Double, y: Double), (x: Double, y: Double))? {
    guard dotColumns > 0, dotRows > 0 else { return nil }
    let minX = 0.0
    let minY = 0.0
    let maxX = Double(dotColumns - 1)
    let maxY = Double(dotRows - 1)
    func outcode(_ point: (x: Double, y: Double)) -> Int {
      var code = 0
      if point.x < minX { code |= 1 } else if point.x > maxX { code |= 2 }
      if point.y < minY { code |= 4 } else if point.y > maxY { code |= 8 }
      return code
    }
    var a = start
    var b = end
    var codeA = outcode(a)
    var codeB = outcode(b)
    for _ in 0..<8 {
      if codeA | codeB == 0 { return (a, b) }
      if codeA & codeB != 0 { return nil }
      let code = codeA != 0 ? codeA : codeB
      var point: (x: Double, y: Double)
      if code & 8 != 0 {
        point = (a.x + (b.x - a.x) * (maxY - a.y) / (b.y - a.y), maxY)
      } else if code & 4 != 0 {
        point = (a.x + (b.x - a.x) * (minY - a.y) / (b.y - a.y), minY)
      } else if code & 2 != 0 {
        point = (maxX, a.y + (b.y - a.y) * (maxX - a.x) / (b.x - a.x))
      } else {
        point = (minX, a.y + (b.y - a.y) * (minX - a.x) / (b.x - a.x))
      }
      point = (min(max(point.x, minX), maxX), min(max(point.y, minY), maxY))
      if code == codeA {
        a = point
        codeA = outcode(a)
      } else {
        b = point
        codeB = outcode(b)
      }
    }
    return codeA | codeB == 0 ? (a, b) : nil
  }
}
