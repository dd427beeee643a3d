import TerminalCanvas

extension LineChart {
  /// The title (with `note`, dim, after it) and the legend: on one line when they fit and
  /// `splits` is false, else on two.
  func headerLines(width: Int, splits: Bool = false, note: String? = nil) -> [StyledText] {
    var legend = StyledText()
    // A series without a name (the one curve of a titled panel) has no legend entry.
    for series in series where !series.name.isEmpty {
      if !legend.spans.isEmpty { legend.append("  ") }
      legend.append(
        String(series.drawingGlyph) + " " + series.name.onOneLine, style: series.textStyle)
      let skipped = series.nonFiniteCount
      if skipped > 0 { legend.append(" (\(skipped) not finite)") }
    }
    var title = StyledText(self.title.onOneLine, style: .bold)
    if let note { title.append((title.spans.isEmpty ? "" : "  ") + "(\(note))", style: .dim) }
    if title.spans.isEmpty { return legend.spans.isEmpty ? [] : [legend] }
    if legend.spans.isEmpty { return [title] }
    var combined = title
    combined.append("  ")
    combined.append(legend)
    return combined.displayWidth <= width && !splits ? [combined] : [title, legend]
  }

  /// The row of marker labels above the plot, each starting at its marker's column.
  func markerRow(in frame: PlotFrame, plotStart: Int, width: Int) -> StyledText {
    var labels: [Label] = []
    for marker in markers.sorted(by: { $0.x < $1.x }) {
      guard let column = frame.column(ofX: marker.x) else { continue }
      let text = marker.label.onOneLine
      let start = min(plotStart + column, width - displayWidth(of: text))
      labels.append(Label(start: start, text: text, style: marker.style))
    }
    return Self.placing(labels, width: width, gap: 1)
  }

  /// The scale of the horizontal axis with as many ticks (up to 5) as have room for their
  /// labels, and those labels, each with the column of its tick.
  func horizontalScale(
    covering range: ClosedRange<Double>, dotColumns: Int, dotsAcross: Int, plotStart: Int,
    width: Int
  ) -> (scale: AxisScale, ticks: [(column: Int, text: String)]) {
    var scale = AxisScale(covering: range)
    var ticks: [(column: Int, text: String)] = []
    for count in stride(from: 5, through: 2, by: -1) {
      scale = AxisScale(
        covering: range, maximumTickCount: count, snapsToTicks: xRange == nil,
        minimumTickSpacing: xTicksAreWholeNumbers ? 1 : 0)
      ticks = scale.ticks.map { tick in
        let dot = PlotFrame.dot(scale.fraction(of: tick), dots: dotColumns, flipped: false)
        return (plotStart + dot / dotsAcross, scale.label(for: tick))
      }
      if Self.fitApart(ticks, width: width, minimumStart: plotStart - 1) { return (scale, ticks) }
    }
    // Even two ticks collide: keep those whose labels fit.
    var kept: [(column: Int, text: String)] = []
    var cursor = plotStart - 1
    for tick in ticks {
      let start = Self.start(of: tick.text, centeredAt: tick.column, width: width)
      let end = start + displayWidth(of: tick.text)
      if start >= cursor, end <= width {
        kept.append(tick)
        cursor = end + 2
      }
    }
    return (scale, kept)
  }

  /// The row of tick labels under the axis, each centred on its tick, after the axis name.
  static func tickLabelRow(
    _ ticks: [(column: Int, text: String)], axisName: String, plotStart: Int, width: Int
  ) -> StyledText {
    let name = Label(start: 0, text: axisName, style: .plain)
    let labels = ticks.map { tick in
      Label(
        start: max(start(of: tick.text, centeredAt: tick.column, width: width), plotStart - 1),
        text: tick.text, style: .plain)
    }
    return placing([name] + labels, width: width, gap: 1)
  }

  /// A label wanting to start at a column.
  struct Label {
    var start: Int
    var text: String
    var style: TextStyle
  }

  /// A line with each label at its preferred start, moved right to keep `gap` columns after the
  /// previous label, and dropped when it no longer fits.
  static func placing(_ labels: [Label], width: Int, gap: Int) -> StyledText {
    var line = StyledText()
    var cursor = 0
    for label in labels where !label.text.isEmpty {
      let textWidth = displayWidth(of: label.text)
      let start = max(label.start, 0, line.spans.isEmpty ? 0 : cursor + gap)
      guard start + textWidth <= width else { continue }
      line.append(String(repeating: " ", count: start - cursor))
      line.append(label.text, style: label.style)
      cursor = start + textWidth
    }
    return line
  }

  /// Where a label centred on `column` starts, kept inside the width.
  private static func start(of text: String, centeredAt column: Int, width: Int) -> Int {
    let textWidth = displayWidth(of: text)
    return min(column - (textWidth - 1) / 2, width - textWidth)
  }

  /// Whether tick labels fit, two columns apart, each no further right than its tick.
  private static func fitApart(
    _ ticks: [(column: Int, text: String)], width: Int, minimumStart: Int
  ) -> Bool {
    var cursor = minimumStart
    for tick in ticks {
      let start = max(start(of: tick.text, centeredAt: tick.column, width: width), cursor)
      let end = start + displayWidth(of: tick.text)
      if end > width || start > tick.column { return false }
      cursor = end + 2
    }
    return true
  }
}

extension String {
  /// The text with line breaks and tabs turned into spaces, so it stays on its line.
  var onOneLine: String {
    String(map { $0.isNewline || $0 == "\t" ? " " : $0 })
  }
}
