import TerminalCanvas

extension LineChart {
  /// The fewest columns between two glyphs of a series that marks its points.
  static let markSpacing = 4

  /// Draws the plot area: marker lines behind, then the curves in order, then symbols in front
  /// (the series glyph at each braille curve's end and at isolated points, point markers).
  func drawPlot(in frame: PlotFrame, segments: [[[ChartPoint]]]) -> Canvas {
    var canvas = Canvas(columns: frame.columns, rows: frame.rows, charset: frame.charset)
    let markerLine: Character = frame.charset == .braille ? "┊" : ":"
    for marker in markers where marker.kind == .line {
      guard let column = frame.column(ofX: marker.x) else { continue }
      for row in 0..<frame.rows {
        canvas.putBackground(markerLine, column: column, row: row, style: marker.lineStyle)
      }
    }

    var symbols: [(glyph: Character, dot: (x: Int, y: Int), style: TextStyle)] = []
    var plainEnds: [(glyph: Character, dot: (x: Int, y: Int), style: TextStyle)] = []
    for (series, segments) in zip(series, segments) {
      let pen = Pen(style: series.textStyle, glyph: series.drawingGlyph)
      for segment in segments {
        let dots = segment.map(frame.dot(for:))
        canvas.plot(x: dots[0].x, y: dots[0].y, pen: pen)
        for (start, end) in zip(dots, dots.dropFirst()) {
          switch series.style {
          case .line:
            canvas.drawLine(from: start, to: end, pen: pen)
          case .steps:
            canvas.drawLine(from: start, to: (end.x, start.y), pen: pen)
            canvas.drawLine(from: (end.x, start.y), to: end, pen: pen)
          }
        }
        if frame.charset == .braille, dots.count == 1 {
          symbols.append((series.drawingGlyph, dots[0], series.textStyle))
        } else if frame.charset == .braille, series.marksPoints {
          // The glyph on points at least a few columns apart, so the curve stays readable.
          var lastColumn = Int.min / 2
          for dot in dots.dropLast() where dot.x / frame.dotsAcross >= lastColumn + Self.markSpacing {
            symbols.append((series.drawingGlyph, dot, series.textStyle))
            lastColumn = dot.x / frame.dotsAcross
          }
        }
      }
      if frame.charset == .braille, let last = segments.last?.last {
        let end = (series.drawingGlyph, frame.dot(for: last), series.textStyle)
        if series.marksPoints { symbols.append(end) } else { plainEnds.append(end) }
      }
    }
    // A series without marks is told apart only by the glyph at its end: it goes over the
    // marks of the others (two curves that end together would otherwise hide it).
    symbols += plainEnds
    for marker in markers {
      guard case .point(let y, let symbol) = marker.kind, frame.column(ofX: marker.x) != nil,
        frame.row(ofY: y) != nil
      else { continue }
      let glyph = displayWidth(of: String(symbol)) == 1 ? symbol : "@"
      symbols.append((glyph, frame.dot(for: ChartPoint(x: marker.x, y: y)), marker.style))
    }
    for symbol in symbols {
      let (x, y) = symbol.dot
      guard x >= 0, y >= 0, x < frame.dotColumns, y < frame.dotRows else { continue }
      canvas.put(
        String(symbol.glyph), column: x / frame.dotsAcross, row: y / frame.dotsDown,
        style: symbol.style)
    }
    return canvas
  }

  /// Splits a series' points into runs of drawable points, breaking at each non-finite one.
  static func finiteSegments(of series: ChartSeries) -> [[ChartPoint]] {
    var segments: [[ChartPoint]] = []
    var current: [ChartPoint] = []
    for point in series.points {
      if point.isFinite {
        current.append(point)
      } else if !current.isEmpty {
        segments.append(current)
        current = []
      }
    }
    if !current.isEmpty { segments.append(current) }
    return segments
  }
}

extension ChartSeries {
  /// The style of the curve and its legend entry.
  var textStyle: TextStyle { color.map(TextStyle.foreground) ?? .plain }

  /// The glyph, or `*` when it would not take exactly one column.
  var drawingGlyph: Character {
    displayWidth(of: String(glyph)) == 1 ? glyph : "*"
  }
}

extension ChartMarker {
  /// The style of the label and of a point marker's symbol.
  var style: TextStyle { color.map(TextStyle.foreground) ?? .plain }
  /// Marker lines stay dim so they do not compete with the curves.
  var lineStyle: TextStyle { TextStyle(foreground: color, isDim: true) }
}
