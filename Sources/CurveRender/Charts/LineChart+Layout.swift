import TerminalCanvas

extension LineChart {
  /// The narrowest plot worth drawing, in cells.
  static let minimumPlotColumns = 8

  /// The chart's lines, each exactly `width` columns wide (padded with spaces).
  ///
  /// From the top: the title and legend (one line, or two when they do not fit together), the
  /// marker labels when there are markers, the plot rows with value labels on the left, the
  /// horizontal axis, and its tick labels. `splitsHeader` puts the title and the legend on two
  /// lines even when they would fit on one, to line up with a neighbouring chart.
  func layoutLines(
    width requestedWidth: Int, height: Int, options: ChartOptions, splitsHeader: Bool = false
  ) -> [StyledText] {
    let width = max(1, requestedWidth)
    let glyphs = AxisGlyphs(charset: options.charset)
    let segments = series.map(Self.finiteSegments)
    let points = Array(segments.joined().joined())
    let hasMarkerRow = !points.isEmpty && markers.contains { $0.x.isFinite }
    // The header says where the value axis starts, which depends on the rows left for the plot,
    // which depend on the header: settle the two, the second round at the latest.
    var header = headerLines(width: width, splits: splitsHeader)
    var rows = 1
    var yScale: AxisScale?
    for _ in 0..<2 {
      rows = max(1, height - header.count - (hasMarkerRow ? 1 : 0) - 2)
      yScale = valueAxis(of: points, maximumTickCount: min(5, max(2, rows)))
      let settled = headerLines(width: width, splits: splitsHeader, note: Self.axisNote(for: yScale))
      if settled.count == header.count {
        header = settled
        break
      }
      header = settled
    }
    let overhead = header.count + (hasMarkerRow ? 1 : 0) + 2
    let dotRows = rows * options.charset.dotsPerCell.rows

    // The value labels decide how much room is left for the plot.
    var yLabels: [Int: String] = [:]
    if let scale = yScale {
      for tick in scale.ticks {
        let row =
          PlotFrame.dot(scale.fraction(of: tick), dots: dotRows, flipped: true)
          / options.charset.dotsPerCell.rows
        if (0..<rows).contains(row), yLabels[row] == nil { yLabels[row] = scale.label(for: tick) }
      }
    }
    let widestYLabel = yLabels.values.map { displayWidth(of: $0) }.max() ?? 0
    var axisName = xAxisLabel.onOneLine
    var labelWidth = max(1, widestYLabel, displayWidth(of: axisName), minimumLabelWidth)
    if width - labelWidth - 2 < Self.minimumPlotColumns {
      labelWidth = max(1, widestYLabel)
      axisName = ""
    }
    let columns = width - labelWidth - 2
    guard columns >= Self.minimumPlotColumns else {
      let message = StyledText("(too narrow)").padded(toWidth: width)
      let blank = StyledText().padded(toWidth: width)
      return [message] + Array(repeating: blank, count: overhead + rows - 1)
    }
    let plotStart = labelWidth + 2

    // The horizontal axis: as many ticks as have room for their labels.
    let dotsAcross = options.charset.dotsPerCell.columns
    var xScale: AxisScale?
    var xTicks: [(column: Int, text: String)] = []
    if let low = points.map(\.x).min(), let high = points.map(\.x).max() {
      (xScale, xTicks) = horizontalScale(
        covering: xRange ?? low...high, dotColumns: columns * dotsAcross, dotsAcross: dotsAcross,
        plotStart: plotStart, width: width)
    }

    let frame = PlotFrame(
      columns: columns, rows: rows, charset: options.charset, xScale: xScale, yScale: yScale)
    var canvas = drawPlot(in: frame, segments: segments)
    if points.isEmpty {
      let message = "no data"
      canvas.put(message, column: max(0, (columns - message.count) / 2), row: (rows - 1) / 2)
    }

    var lines = header
    if hasMarkerRow { lines.append(markerRow(in: frame, plotStart: plotStart, width: width)) }
    for row in 0..<rows {
      let label = yLabels[row] ?? ""
      var line = StyledText(String(repeating: " ", count: labelWidth - displayWidth(of: label)))
      line.append(label + " " + (yLabels[row] == nil ? glyphs.vertical : glyphs.tick))
      line.append(canvas.line(row: row))
      lines.append(line)
    }
    let tickColumns = Set(xTicks.map(\.column))
    let markColumns = Set(axisMarks.compactMap { frame.column(ofX: $0) }.map { plotStart + $0 })
    var axis = String(repeating: " ", count: labelWidth + 1) + glyphs.corner
    for column in plotStart..<width {
      switch (tickColumns.contains(column), markColumns.contains(column)) {
      case (true, true): axis += glyphs.tickBoth
      case (true, false): axis += glyphs.tickDown
      case (false, true): axis += glyphs.tickUp
      case (false, false): axis += glyphs.horizontal
      }
    }
    lines.append(StyledText(axis))
    lines.append(
      Self.tickLabelRow(xTicks, axisName: axisName, plotStart: plotStart, width: width))
    return lines.map { $0.padded(toWidth: width) }
  }
}

/// The characters that draw the axes in a charset.
struct AxisGlyphs {
  let vertical: String
  let tick: String
  let corner: String
  let horizontal: String
  let tickDown: String
  /// An axis mark (``LineChart/axisMarks``), and one where a labelled tick falls too.
  let tickUp: String
  let tickBoth: String

  init(charset: Charset) {
    switch charset {
    case .braille:
      (vertical, tick, corner, horizontal, tickDown, tickUp, tickBoth) = ("│", "┤", "└", "─", "┬", "┴", "┼")
    case .ascii:
      (vertical, tick, corner, horizontal, tickDown, tickUp, tickBoth) = ("|", "+", "+", "-", "+", "^", "+")
    }
  }
}
