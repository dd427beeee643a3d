/// One ``LineChart`` laid out in a rectangle of an SVG picture: where its title, legend, marker
/// labels, plot and tick labels go.
///
/// From the top: the title, the legend (wrapped onto as many rows as it needs), the marker
/// labels (up to three rows, so that labels of close markers do not overlap), the plot, the
/// tick labels of the horizontal axis and its name. Value labels sit left of the plot. All
/// sizes follow the style's font size. The panel's own coordinates start at `(0, 0)`; a caller
/// places it with a `transform`.
struct SVGPanel {
  /// A label beside a gridline: its position along its axis, in panel coordinates, and text.
  struct TickLabel {
    var position: Double
    var text: String
  }

  /// A legend entry: a short sample of the curve's stroke, then its name.
  struct LegendEntry {
    var x: Double
    var rowTop: Double
    var text: String
    var stroke: SVGSeriesStroke
  }

  /// A marker on the plot, and its label on one of the rows above the plot (row 0 nearest the
  /// plot), or on none when there was no room.
  struct MarkerLabel {
    var marker: ChartMarker
    var lineX: Double
    var textStart: Double
    var row: Int?
    var text: String
  }

  let chart: LineChart
  let style: SVGChartStyle
  let width: Double
  let height: Double
  let segments: [[[ChartPoint]]]
  let strokes: [SVGSeriesStroke]
  let title: String
  /// Where the value axis starts when not at zero ("axis from 0.55, not 0"), after the title.
  let axisNote: String
  let legend: [LegendEntry]
  let markerLabels: [MarkerLabel]
  /// The height above the plot: title, legend, marker labels and a gap.
  let headerHeight: Double
  let plotLeft: Double
  let plotTop: Double
  let plotRight: Double
  let plotBottom: Double
  let xScale: AxisScale?
  let yScale: AxisScale?
  let xTicks: [TickLabel]
  let yTicks: [TickLabel]
  let axisName: String
  /// With ``LineChart/xTickValues``: where every one of them lies, labelled or not.
  let xMarks: [Double]
  /// Whether the labels of the horizontal axis stand upright, reading upwards.
  let rotatesXLabels: Bool
  /// The height of the band of labels under the horizontal axis.
  let xLabelBand: Double

  /// The margin around everything.
  static let padding = 8.0
  /// The length of the stroke sample in a legend entry.
  static let legendSampleLength = 24.0
  /// The most rows of marker labels; labels that do not fit are left out.
  static let maximumMarkerRows = 3

  var fontSize: Double { style.resolvedFontSize }
  var lineWidth: Double { style.resolvedLineWidth }
  var titleSize: Double { fontSize + 3 }
  var markerSize: Double { max(1, fontSize - 1) }
  var markerRowHeight: Double { markerSize * 1.45 }
  var plotWidth: Double { plotRight - plotLeft }
  var plotHeight: Double { plotBottom - plotTop }

  /// Lays out a chart in a `width` × `height` rectangle.
  ///
  /// - Parameters:
  ///   - minimumHeaderHeight: Space to leave above the plot at least, so that the plots of
  ///     neighbouring panels line up.
  ///   - minimumPlotLeft: Where the plot starts at the earliest, so that the plots of panels
  ///     stacked in one column start at the same place whatever their value labels.
  init(
    chart: LineChart, width: Double, height: Double, style: SVGChartStyle,
    minimumHeaderHeight: Double = 0, minimumPlotLeft: Double = 0
  ) {
    self.chart = chart
    self.style = style
    self.width = max(1, width)
    self.height = max(1, height)
    let padding = Self.padding
    let fontSize = style.resolvedFontSize
    segments = chart.series.map(LineChart.finiteSegments)
    strokes = style.strokes(for: chart.series)
    let points = Array(segments.joined().joined())

    // Title and legend, from the top.
    let textWidth = self.width - 2 * padding
    title = style.fitting(
      chart.title.onOneLine, within: textWidth, size: fontSize + 3, isBold: true)
    let titleHeight = title.isEmpty ? 0 : (fontSize + 3) * 1.5
    var legend: [LegendEntry] = []
    var legendRows = 0
    var cursor = padding
    // A series without a name (the learning rate, whose panel title names it) has no entry.
    let shownSeries =
      style.legendPlacement == .hidden
      ? [] : zip(chart.series, strokes).filter { !$0.0.name.isEmpty }
    let sample = Self.legendSampleLength + fontSize * 0.5
    var names: [String] = shownSeries.map { series, _ in
      var name = series.name.onOneLine
      let skipped = series.nonFiniteCount
      if skipped > 0 { name += " (\(skipped) not finite)" }
      return style.fitting(name, within: textWidth - sample, size: fontSize)
    }
    let entryWidths = names.map { sample + style.textWidth(of: $0, size: fontSize) }
    let titleWidth = style.textWidth(of: title, size: fontSize + 3, isBold: true)
    let besideStart = padding + titleWidth + fontSize * 1.5
    let legendWidth = entryWidths.reduce(0, +) + Double(max(0, names.count - 1)) * fontSize * 1.25
    if style.legendPlacement == .besideTitle, !title.isEmpty, !names.isEmpty,
      besideStart + legendWidth <= self.width - padding
    {
      // One row with the title, its text on the title's baseline.
      cursor = besideStart
      for (index, (_, stroke)) in shownSeries.enumerated() {
        let rowTop = padding + (fontSize + 3) - fontSize
        legend.append(LegendEntry(x: cursor, rowTop: rowTop, text: names[index], stroke: stroke))
        cursor += entryWidths[index] + fontSize * 1.25
      }
      names = []
    }
    for (index, (_, stroke)) in shownSeries.enumerated() where !names.isEmpty {
      let entryWidth = entryWidths[index]
      if legendRows == 0 {
        legendRows = 1
      } else if cursor + entryWidth > self.width - padding {
        legendRows += 1
        cursor = padding
      }
      let rowTop = padding + titleHeight + Double(legendRows - 1) * fontSize * 1.6
      legend.append(LegendEntry(x: cursor, rowTop: rowTop, text: names[index], stroke: stroke))
      cursor += entryWidth + fontSize * 1.25
    }
    self.legend = legend
    let topHeight = padding + titleHeight + Double(legendRows) * fontSize * 1.6

    // The bottom: tick labels and the axis name. Labels of chosen places stand upright when
    // they do not fit side by side across a conservative guess of the plot's width.
    var axisName = chart.xAxisLabel.onOneLine
    axisName = style.fitting(axisName, within: textWidth, size: fontSize)
    self.axisName = axisName
    let chosen = (chart.xTickValues ?? []).filter(\.isFinite).sorted()
    let chosenLabels = chosen.map(Self.placeLabel)
    let labelWidths = chosenLabels.map { style.textWidth(of: $0, size: fontSize) }
    let guessedPlotWidth = max(1, self.width - 2 * padding - fontSize * 4)
    let rotates =
      !chosen.isEmpty
      && labelWidths.reduce(0, +) + Double(chosen.count) * fontSize * 0.8 > guessedPlotWidth
    rotatesXLabels = rotates
    let labelBand = rotates ? (labelWidths.max() ?? 0) + 4 : fontSize * 1.3
    xLabelBand = labelBand
    let bottomHeight = 6 + labelBand + (axisName.isEmpty ? 0 : fontSize * 1.4) + padding / 2

    // The values, about two font sizes apart, and at least three ticks when there is room.
    let hasMarkers = !points.isEmpty && chart.markers.contains { $0.x.isFinite }
    let estimatedPlotHeight =
      self.height - topHeight - bottomHeight - (hasMarkers ? max(1, fontSize - 1) * 1.45 : 0) - 6
    let fewest = estimatedPlotHeight >= fontSize * 4 ? 3 : 2
    let yScale = chart.valueAxis(
      of: points,
      maximumTickCount: min(6, max(fewest, Int(estimatedPlotHeight / (fontSize * 1.85)))))
    self.yScale = yScale
    let titleEnd = padding + style.textWidth(of: title, size: fontSize + 3, isBold: true)
    let noteRoom = max(0, self.width - padding - titleEnd - fontSize)
    axisNote =
      LineChart.axisNotes(for: yScale).map { "(\($0))" }
      .first { style.textWidth(of: $0, size: max(1, fontSize - 1)) <= noteRoom } ?? ""
    let yLabels = yScale.map { scale in scale.ticks.map { ($0, scale.label(for: $0)) } } ?? []
    let widestYLabel = yLabels.map { style.textWidth(of: $0.1, size: fontSize) }.max() ?? 0
    plotLeft = min(
      self.width - 1,
      max(minimumPlotLeft, padding + widestYLabel + (widestYLabel > 0 ? 8 : 0)))
    plotRight = max(plotLeft + 1, self.width - padding - fontSize)

    // The horizontal axis: the chosen places, or as many round ticks as have room for labels.
    var xScale: AxisScale?
    var xTicks: [TickLabel] = []
    var xMarks: [Double] = []
    if !chosen.isEmpty, let low = (points.map(\.x) + chosen).min(),
      let high = (points.map(\.x) + chosen).max()
    {
      let scale = AxisScale(
        covering: chart.xRange ?? low...high, maximumTickCount: 2, snapsToTicks: false)
      let plotLeft = self.plotLeft
      let plotWidth = plotRight - plotLeft
      xScale = scale
      xMarks = chosen.map { plotLeft + scale.fraction(of: $0) * plotWidth }
      // Label every k-th place so that neighbours keep most of a font size between them.
      let pitch = rotates ? fontSize : (labelWidths.max() ?? 0) + fontSize * 0.8
      let spacing = chosen.count > 1 ? plotWidth / Double(chosen.count - 1) : plotWidth
      let every = max(1, Int((pitch / max(spacing, 1e-9)).rounded(.up)))
      xTicks = chosen.indices.filter { $0 % every == 0 }.map {
        TickLabel(position: xMarks[$0], text: chosenLabels[$0])
      }
    } else if let low = points.map(\.x).min(), let high = points.map(\.x).max() {
      let plotLeft = self.plotLeft
      let plotWidth = plotRight - plotLeft
      let most = min(8, max(2, Int(plotWidth / (fontSize * 3.5))))
      for count in stride(from: most, through: 2, by: -1) {
        let scale = AxisScale(
          covering: chart.xRange ?? low...high, maximumTickCount: count,
          snapsToTicks: chart.xRange == nil,
          minimumTickSpacing: chart.xTicksAreWholeNumbers ? 1 : 0)
        xScale = scale
        xTicks = scale.ticks.map { tick in
          TickLabel(
            position: plotLeft + scale.fraction(of: tick) * plotWidth, text: scale.label(for: tick))
        }
        if Self.fitApart(xTicks, width: self.width, style: style, size: fontSize) { break }
      }
    }
    self.xScale = xScale
    self.xTicks = xTicks
    self.xMarks = xMarks

    // Marker labels, each centred over its marker, moved up a row to avoid a neighbour.
    var markerLabels: [MarkerLabel] = []
    if let xScale, !points.isEmpty {
      var rowEnds: [Double] = []
      let ordered = chart.markers.enumerated().sorted {
        ($0.element.x, $0.offset) < ($1.element.x, $1.offset)
      }
      for marker in ordered.map(\.element) {
        let fraction = xScale.fraction(of: marker.x)
        guard marker.x.isFinite, fraction >= -1e-9, fraction <= 1 + 1e-9 else { continue }
        let text = style.fitting(
          marker.label.onOneLine, within: textWidth, size: max(1, fontSize - 1))
        let lineX = plotLeft + fraction * (plotRight - plotLeft)
        let labelWidth = style.textWidth(of: text, size: max(1, fontSize - 1))
        let start = max(padding, min(lineX - labelWidth / 2, self.width - padding - labelWidth))
        let gap = fontSize * 0.5
        var row = text.isEmpty ? nil : rowEnds.firstIndex { start >= $0 + gap }
        if !text.isEmpty, row == nil, rowEnds.count < Self.maximumMarkerRows {
          rowEnds.append(-.infinity)
          row = rowEnds.count - 1
        }
        if let row { rowEnds[row] = start + labelWidth }
        markerLabels.append(
          MarkerLabel(marker: marker, lineX: lineX, textStart: start, row: row, text: text))
      }
    }
    self.markerLabels = markerLabels
    let markerRows = (markerLabels.compactMap(\.row).max() ?? -1) + 1
    headerHeight = max(
      minimumHeaderHeight, topHeight + Double(markerRows) * max(1, fontSize - 1) * 1.45 + 6)
    plotTop = min(self.height - 1, headerHeight)
    plotBottom = max(plotTop + 1, self.height - bottomHeight)

    let plotBottom = self.plotBottom
    let plotHeight = plotBottom - plotTop
    yTicks = yLabels.compactMap { tick, text in
      guard let yScale else { return nil }
      return TickLabel(position: plotBottom - yScale.fraction(of: tick) * plotHeight, text: text)
    }
  }

  /// The label of a chosen place: a whole number without decimals, others with up to four.
  static func placeLabel(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15
      ? String(Int(value)) : AxisScale.fixed(value, decimals: 4)
  }

  /// Whether the labels of the horizontal axis, centred on their ticks and kept inside the
  /// width, leave at least most of a font size between each other.
  private static func fitApart(
    _ ticks: [TickLabel], width: Double, style: SVGChartStyle, size: Double
  ) -> Bool {
    var cursor = -Double.infinity
    for tick in ticks {
      let labelWidth = style.textWidth(of: tick.text, size: size)
      let start = min(tick.position - labelWidth / 2, width - 2 - labelWidth)
      if start < cursor + size * 0.8 { return false }
      cursor = start + labelWidth
    }
    return true
  }

  /// The horizontal position of a value on the plot.
  func x(_ value: Double) -> Double {
    plotLeft + (xScale?.fraction(of: value) ?? 0.5) * plotWidth
  }

  /// The vertical position of a value on the plot.
  func y(_ value: Double) -> Double {
    plotBottom - (yScale?.fraction(of: value) ?? 0.5) * plotHeight
  }
}
