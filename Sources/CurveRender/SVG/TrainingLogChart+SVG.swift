extension TrainingLogChart {
  /// How the panels of an SVG chart are placed.
  public enum PanelArrangement: Sendable, Equatable, CaseIterable {
    /// Side by side from ``svgSideBySideWidth`` user units, one above the other below it.
    case automatic
    /// Next to each other, loss on the left.
    case sideBySide
    /// One above the other, loss on top.
    case stacked
  }

  /// The narrowest SVG width, in user units, at which ``PanelArrangement/automatic`` puts two
  /// panels side by side.
  public static let svgSideBySideWidth = 640

  /// Draws the panels as one SVG `<svg>` element, to put in an HTML page.
  ///
  /// Each panel is drawn as ``LineChart/svg(width:height:style:)`` draws it. Side by side, both
  /// panels leave the same room above their plots, so the plots line up; training and
  /// validation curves keep their stroke in both panels.
  ///
  /// ```swift
  /// let chart = TrainingLogChart(
  ///   log, markers: [ChartMarker.best(in: log), ChartMarker.earlyStop(in: log)].compactMap { $0 })
  /// let svg = chart.svg(width: 720, panelHeight: 260)
  /// ```
  ///
  /// - Parameters:
  ///   - width: The width in user units.
  ///   - panelHeight: The height of each panel in user units. Stacked panels take twice that,
  ///     plus a gap of 16.
  ///   - arrangement: Where the panels go.
  ///   - style: Fonts, greys and the palette of curves.
  /// - Returns: The markup, ending in a newline.
  public func svg(
    width: Int = 720, panelHeight: Int = 260, arrangement: PanelArrangement = .automatic,
    style: SVGChartStyle = .standard
  ) -> String {
    svgText(
      width: width, panelHeight: panelHeight, arrangement: arrangement, style: style,
      isStandalone: false)
  }

  /// Draws the panels as a standalone SVG file: ``svg(width:panelHeight:arrangement:style:)``
  /// with an XML declaration and the SVG namespace.
  public func svgDocument(
    width: Int = 720, panelHeight: Int = 260, arrangement: PanelArrangement = .automatic,
    style: SVGChartStyle = .standard
  ) -> String {
    svgText(
      width: width, panelHeight: panelHeight, arrangement: arrangement, style: style,
      isStandalone: true)
  }

  private func svgText(
    width: Int, panelHeight: Int, arrangement: PanelArrangement, style: SVGChartStyle,
    isStandalone: Bool
  ) -> String {
    let charts = visibleCharts()
    let width = Double(max(1, width))
    let panelHeight = Double(max(1, panelHeight))
    let gap = 16.0
    let isSideBySide =
      charts.count == 2
      && (arrangement == .sideBySide
        || (arrangement == .automatic && width >= Double(Self.svgSideBySideWidth)))
    var placed: [(panel: SVGPanel, x: Double, y: Double)] = []
    let totalHeight: Double
    if isSideBySide {
      let panelWidth = max(1, (width - gap) / 2)
      let first = charts.map {
        SVGPanel(chart: $0, width: panelWidth, height: panelHeight, style: style)
      }
      let header = first.map(\.headerHeight).max() ?? 0
      for (index, chart) in charts.enumerated() {
        let panel = SVGPanel(
          chart: chart, width: panelWidth, height: panelHeight, style: style,
          minimumHeaderHeight: header)
        placed.append((panel, Double(index) * (panelWidth + gap), 0))
      }
      totalHeight = panelHeight
    } else {
      for (index, chart) in charts.enumerated() {
        let panel = SVGPanel(chart: chart, width: width, height: panelHeight, style: style)
        placed.append((panel, 0, Double(index) * (panelHeight + gap)))
      }
      totalHeight = Double(charts.count) * panelHeight + Double(charts.count - 1) * gap
    }
    return SVGMarkup.picture(
      width: width, height: max(1, totalHeight), style: style,
      label: charts.map(\.title).filter { !$0.isEmpty }.joined(separator: " and "),
      isStandalone: isStandalone
    ) { markup in
      for (panel, x, y) in placed {
        markup.open("g", [("transform", "translate(\(x.svgNumber) \(y.svgNumber))")])
        panel.draw(into: &markup)
        markup.close()
      }
    }
  }
}
