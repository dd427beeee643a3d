extension LineChart {
  /// Draws the chart as an SVG `<svg>` element, to put in an HTML page.
  ///
  /// The picture holds the same things as the terminal chart: a title, a legend, gridlines with
  /// tick labels from ``AxisScale``, the axis name, each series as a polyline (a staircase for
  /// ``ChartSeries/Style-swift.enum/steps``), and markers as dashed vertical lines labelled above
  /// the plot. Non-finite points break a curve, and the legend counts them; a chart with nothing
  /// drawable says "no data". Sizes are user units with a matching `viewBox`, so the picture
  /// scales to whatever width the page gives it. The text is the same for the same chart:
  /// coordinates have at most two decimals, and nothing depends on hashing.
  ///
  /// The element has no `xmlns`, because the HTML parser puts `<svg>` in the SVG namespace
  /// itself; use ``svgDocument(width:height:style:)`` for a standalone `.svg` file.
  ///
  /// ```swift
  /// let chart = LineChart(
  ///   title: "Loss",
  ///   series: [ChartSeries(name: "training", points: [(10, 2.3), (20, 1.1), (30, 0.7)])],
  ///   markers: [ChartMarker(x: 20, label: "best", color: .green)])
  /// let svg = chart.svg(width: 480, height: 280)
  /// ```
  ///
  /// - Parameters:
  ///   - width: The width in user units (CSS pixels when not scaled).
  ///   - height: The height in user units, title and axes included.
  ///   - style: Fonts, greys and the palette of curves.
  /// - Returns: The markup, ending in a newline.
  public func svg(width: Int, height: Int, style: SVGChartStyle = .standard) -> String {
    svgText(width: width, height: height, style: style, isStandalone: false)
  }

  /// Draws the chart as a standalone SVG file: ``svg(width:height:style:)`` with an XML
  /// declaration and the SVG namespace.
  public func svgDocument(width: Int, height: Int, style: SVGChartStyle = .standard) -> String {
    svgText(width: width, height: height, style: style, isStandalone: true)
  }

  private func svgText(width: Int, height: Int, style: SVGChartStyle, isStandalone: Bool)
    -> String
  {
    let panel = SVGPanel(
      chart: self, width: Double(max(1, width)), height: Double(max(1, height)), style: style)
    return SVGMarkup.picture(
      width: panel.width, height: panel.height, style: style, label: title,
      isStandalone: isStandalone, body: panel.draw(into:))
  }
}
