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
  ///   - panelHeight: The height of the loss and accuracy panels in user units; stacked, they
  ///     take twice that, plus a gap of 16. The learning-rate panel, when asked for, is
  ///     ``svgLearningRateHeight(panelHeight:)`` high, under the loss.
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

  /// The height of the learning-rate panel beside a panel of `panelHeight`: under half,
  /// enough for its title, a plot with three value labels and the step labels.
  public static func svgLearningRateHeight(panelHeight: Double) -> Double {
    max(120, (panelHeight * 0.46).rounded())
  }

  private func svgText(
    width: Int, panelHeight: Int, arrangement: PanelArrangement, style: SVGChartStyle,
    isStandalone: Bool
  ) -> String {
    let charts = visibleCharts()
    let width = Double(max(1, width))
    let panelHeight = Double(max(1, panelHeight))
    let gap = 16.0
    func height(_ chart: LineChart) -> Double {
      chart.title == Self.learningRateTitle
        ? Self.svgLearningRateHeight(panelHeight: panelHeight) : panelHeight
    }
    // Side by side: the accuracy panel on the right, the others stacked on the left (the
    // learning rate under the loss, on the same steps).
    let right = charts.last { $0.title == accuracyTitle }
    let left = charts.filter { $0.title != accuracyTitle }
    let isSideBySide =
      right != nil && !left.isEmpty
      && (arrangement == .sideBySide
        || (arrangement == .automatic && width >= Double(Self.svgSideBySideWidth)))
    var placed: [(panel: SVGPanel, x: Double, y: Double)] = []
    let totalHeight: Double
    if let right, isSideBySide {
      let panelWidth = max(1, (width - gap) / 2)
      let firstLeft = SVGPanel(chart: left[0], width: panelWidth, height: panelHeight, style: style)
      let firstRight = SVGPanel(chart: right, width: panelWidth, height: panelHeight, style: style)
      let header = max(firstLeft.headerHeight, firstRight.headerHeight)
      let column = Self.stacked(
        left, width: panelWidth, gap: gap, style: style, height: height,
        firstHeaderHeight: header)
      placed += column.map { ($0.panel, 0, $0.y) }
      placed.append(
        (SVGPanel(
          chart: right, width: panelWidth, height: panelHeight, style: style,
          minimumHeaderHeight: header), panelWidth + gap, 0))
      totalHeight = max(panelHeight, column.last.map { $0.y + $0.panel.height } ?? 0)
    } else {
      let column = Self.stacked(
        charts, width: width, gap: gap, style: style, height: height, firstHeaderHeight: 0)
      placed += column.map { ($0.panel, 0, $0.y) }
      totalHeight = column.last.map { $0.y + $0.panel.height } ?? panelHeight
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

  /// `charts` laid out one above the other in a column of `width`, `gap` apart, their plots
  /// starting at the same place so that a step sits at the same place in each.
  private static func stacked(
    _ charts: [LineChart], width: Double, gap: Double, style: SVGChartStyle,
    height: (LineChart) -> Double, firstHeaderHeight: Double
  ) -> [(panel: SVGPanel, y: Double)] {
    func layout(plotLeft: Double) -> [SVGPanel] {
      charts.enumerated().map { index, chart in
        SVGPanel(
          chart: chart, width: width, height: height(chart), style: style,
          minimumHeaderHeight: index == 0 ? firstHeaderHeight : 0, minimumPlotLeft: plotLeft)
      }
    }
    var panels = layout(plotLeft: 0)
    if let start = panels.map(\.plotLeft).max(), panels.contains(where: { $0.plotLeft != start }) {
      panels = layout(plotLeft: start)
    }
    var y = 0.0
    return panels.map { panel in
      defer { y += panel.height + gap }
      return (panel, y)
    }
  }
}
