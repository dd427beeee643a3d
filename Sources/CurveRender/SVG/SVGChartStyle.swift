public import TerminalCanvas

/// How an SVG chart looks: fonts, greys, line width and the palette of curves.
///
/// The defaults print well: black text on white, light grey gridlines, and curves that differ
/// in dash pattern as well as colour (the Okabe–Ito and Tol colours, which stay apart for
/// colour-blind readers). Fonts come from the reader's system; nothing is downloaded.
///
/// ```swift
/// var style = SVGChartStyle.standard
/// style.fontSize = 14
/// let svg = chart.svg(width: 640, height: 320, style: style)
/// ```
public struct SVGChartStyle: Sendable, Equatable {
  /// The CSS font family of all text.
  public var fontFamily: String
  /// The size of tick labels and the legend, in user units; the title is 3 units larger.
  public var fontSize: Double
  /// The colour of the title, the legend and the axis name.
  public var textColor: String
  /// The colour of tick labels and of "no data".
  public var mutedTextColor: String
  /// The colour of the axis lines and tick marks.
  public var axisColor: String
  /// The colour of the gridlines.
  public var gridColor: String
  /// The fill behind the whole chart, or `nil` to leave it transparent.
  public var backgroundColor: String?
  /// The width of curves, in user units.
  public var lineWidth: Double
  /// The strokes of curves: first the entry whose terminal colour matches the series' colour,
  /// otherwise the unclaimed entries in order. An empty palette draws every curve solid in
  /// ``textColor``.
  public var palette: [SVGSeriesStroke]
  /// Where the legend goes.
  public var legendPlacement: LegendPlacement = .belowTitle

  /// Where a chart's legend goes.
  public enum LegendPlacement: Sendable, Equatable {
    /// On rows of its own under the title.
    case belowTitle
    /// On the title's row when it fits there (saving a row on a printed page), else below.
    case besideTitle
    /// Not drawn, for a panel whose neighbour's legend already names the same strokes.
    case hidden
  }

  /// Creates a style; the defaults are those of ``standard``.
  public init(
    fontFamily: String = SVGChartStyle.systemFontStack, fontSize: Double = 12,
    textColor: String = "#1a1a1a", mutedTextColor: String = "#4d4d4d",
    axisColor: String = "#595959", gridColor: String = "#dcdcdc",
    backgroundColor: String? = "#ffffff", lineWidth: Double = 2,
    palette: [SVGSeriesStroke] = SVGChartStyle.defaultPalette
  ) {
    self.fontFamily = fontFamily
    self.fontSize = fontSize
    self.textColor = textColor
    self.mutedTextColor = mutedTextColor
    self.axisColor = axisColor
    self.gridColor = gridColor
    self.backgroundColor = backgroundColor
    self.lineWidth = lineWidth
    self.palette = palette
  }

  /// The default style, for screen and print alike.
  public static let standard = SVGChartStyle()

  /// The fonts every platform already has, from the system's interface font down to any sans
  /// serif.
  public static let systemFontStack =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

  /// Curves in colours that survive colour blindness, each with a different dash pattern so
  /// that a greyscale printout still tells them apart.
  ///
  /// Training curves (``TrainingLogChart/trainingColor``, cyan) are solid blue; validation
  /// curves (``TrainingLogChart/validationColor``, magenta) are dashed purple.
  public static let defaultPalette: [SVGSeriesStroke] = [
    SVGSeriesStroke(color: "#0072B2", dashPattern: [], terminalColor: .cyan),
    SVGSeriesStroke(color: "#AA3377", dashPattern: [7, 4], terminalColor: .magenta),
    SVGSeriesStroke(color: "#228833", dashPattern: [2, 3], terminalColor: .green),
    SVGSeriesStroke(color: "#D55E00", dashPattern: [10, 3, 2, 3], terminalColor: .red),
    SVGSeriesStroke(color: "#B8860B", dashPattern: [12, 4], terminalColor: .yellow),
    SVGSeriesStroke(color: "#332288", dashPattern: [5, 2, 1, 2], terminalColor: .blue),
    SVGSeriesStroke(color: "#555555", dashPattern: [1, 3]),
  ]

  /// A colour that reads on white paper for each terminal colour; white turns grey.
  ///
  /// Markers are drawn in these colours.
  ///
  /// ```swift
  /// SVGChartStyle.printColor(for: .green)  // "#1e7b34"
  /// ```
  public static func printColor(for color: TerminalColor) -> String {
    switch color {
    case .black: "#000000"
    case .red: "#b3261e"
    case .green: "#1e7b34"
    case .yellow: "#9a7400"
    case .blue: "#1f4e9a"
    case .magenta: "#8e3a8e"
    case .cyan: "#0e6f7a"
    case .white: "#767676"
    case .brightBlack: "#5c5c5c"
    case .brightRed: "#d93f2e"
    case .brightGreen: "#2e9a48"
    case .brightYellow: "#b08d00"
    case .brightBlue: "#2f6fcf"
    case .brightMagenta: "#a54fb0"
    case .brightCyan: "#138a96"
    case .brightWhite: "#8a8a8a"
    }
  }

  /// The strokes of a chart's series, in order; see ``palette``.
  func strokes(for series: [ChartSeries]) -> [SVGSeriesStroke] {
    guard !palette.isEmpty else {
      return series.map { _ in SVGSeriesStroke(color: textColor) }
    }
    func matching(_ series: ChartSeries) -> Int? {
      guard let color = series.color else { return nil }
      return palette.firstIndex { $0.terminalColor == color }
    }
    let claimed = series.compactMap(matching)
    var free = palette.indices.filter { !claimed.contains($0) }
    if free.isEmpty { free = Array(palette.indices) }
    var next = 0
    return series.map { series in
      if let index = matching(series) { return palette[index] }
      defer { next += 1 }
      return palette[free[next % free.count]]
    }
  }

  /// The font size, or 12 when ``fontSize`` is not a positive number.
  var resolvedFontSize: Double { fontSize.isFinite && fontSize > 0 ? fontSize : 12 }

  /// The line width, or 2 when ``lineWidth`` is not a positive number.
  var resolvedLineWidth: Double { lineWidth.isFinite && lineWidth > 0 ? lineWidth : 2 }

  /// The colour of a marker's line and label.
  func markerColor(for color: TerminalColor?) -> String {
    color.map(Self.printColor) ?? mutedTextColor
  }
}
