import TerminalCanvas

/// A chart of one or more series against a shared horizontal axis, drawn in the terminal.
///
/// The plot has tick labels for the values on the left, for the horizontal axis underneath,
/// a title with a legend on top, and a row of marker labels when there are markers. It fills
/// exactly the width it is given. Points that are NaN or infinite are skipped; with nothing
/// drawable at all, the plot says "no data".
///
/// ```swift
/// let chart = LineChart(
///   title: "Loss",
///   series: [ChartSeries(name: "training", points: [(10, 2.3), (20, 1.1), (30, 0.7)])],
///   markers: [ChartMarker(x: 20, label: "best")])
/// for line in chart.render(width: 60, height: 12) { print(line) }
/// ```
public struct LineChart: Sendable, Equatable {
  /// The title, shown bold in the top-left corner.
  public var title: String
  /// The curves, drawn in order; where two cross, the later one's colour wins.
  public var series: [ChartSeries]
  /// The values at the bottom and top of the plot, or `nil` to fit the data.
  public var yRange: ClosedRange<Double>?
  /// The positions at the left and right of the plot, or `nil` to fit the data.
  public var xRange: ClosedRange<Double>?
  /// The name of the horizontal axis, such as `"step"` or `"epoch"`.
  public var xAxisLabel: String
  /// Labelled places along the horizontal axis.
  public var markers: [ChartMarker]
  /// Whether ticks on the horizontal axis must fall on whole numbers, as steps do.
  public var xTicksAreWholeNumbers: Bool
  /// Values the value axis must include besides the data, such as the loss of a model that has
  /// learned nothing (see ``ValueAxisRule``).
  public var referenceValues: [Double]
  /// The full scale of a bounded metric (1 for accuracy), or `nil`; see ``ValueAxisRule``.
  public var valueScale: Double?
  /// Positions marked with a small upward tick on the horizontal axis, such as the steps at
  /// which a run was evaluated.
  public var axisMarks: [Double] = []
  /// Places along the horizontal axis to mark and label instead of round values, such as the
  /// step of every evaluation; `nil` for round values. SVG charts only: each gets a gridline
  /// and a tick, and the labels turn upright when they do not fit side by side (every second
  /// or third one is labelled when even that is too tight). Terminal charts keep round values.
  public var xTickValues: [Double]? = nil
  /// The fewest columns the value labels take, so that panels stacked one above the other can
  /// start their plots in the same column (0: as many as the labels need).
  public var minimumLabelWidth: Int = 0

  /// Creates a chart.
  public init(
    title: String = "", series: [ChartSeries] = [], yRange: ClosedRange<Double>? = nil,
    xRange: ClosedRange<Double>? = nil, xAxisLabel: String = "step", markers: [ChartMarker] = [],
    xTicksAreWholeNumbers: Bool = false, referenceValues: [Double] = [], valueScale: Double? = nil
  ) {
    self.title = title
    self.series = series
    self.yRange = yRange
    self.xRange = xRange
    self.xAxisLabel = xAxisLabel
    self.markers = markers
    self.xTicksAreWholeNumbers = xTicksAreWholeNumbers
    self.referenceValues = referenceValues
    self.valueScale = valueScale
  }

  /// The value axis for `points`, following ``ValueAxisRule`` unless ``yRange`` fixes it;
  /// `nil` when nothing can be drawn.
  func valueAxis(of points: [ChartPoint], maximumTickCount: Int) -> AxisScale? {
    guard let low = points.map(\.y).min(), let high = points.map(\.y).max() else { return nil }
    if let yRange {
      return AxisScale(covering: yRange, maximumTickCount: maximumTickCount, snapsToTicks: false)
    }
    return AxisScale(
      covering: ValueAxisRule.range(covering: low...high, references: referenceValues, scale: valueScale),
      maximumTickCount: maximumTickCount)
  }

  /// The note a chart carries when its value axis does not start at zero, such as
  /// "axis from 0.55, not 0"; `nil` when it starts at zero or below.
  static func axisNote(for scale: AxisScale?) -> String? {
    axisNotes(for: scale).first
  }

  /// The axis note in every length, longest first ("axis from 0.55, not 0", "axis from 0.55",
  /// "from 0.55"): where the longest does not fit, a shorter one is used, never a cut one
  /// ("axis from 0…" would say the opposite of what it means).
  static func axisNotes(for scale: AxisScale?) -> [String] {
    guard let scale, scale.bounds.lowerBound > 0 else { return [] }
    let start = AxisScale.compactLabel(for: scale.bounds.lowerBound)
    return ["axis from \(start), not 0", "axis from \(start)", "from \(start)"]
  }

  /// Draws the chart as lines of text.
  ///
  /// Every line is at most `width` columns wide (measured with ``displayWidth(of:)``, escape
  /// codes not counted) and has no trailing spaces. There are exactly `height` lines, unless
  /// `height` is too small for the title, the axes and one row of plot, in which case there are
  /// as many lines as that takes.
  ///
  /// - Parameters:
  ///   - width: Columns available; below about 12 the chart only says it has no room.
  ///   - height: Lines available.
  ///   - options: Colour and characters.
  public func render(width: Int, height: Int, options: ChartOptions = ChartOptions()) -> [String] {
    layoutLines(width: width, height: height, options: options).map {
      $0.trimmingTrailingSpaces().rendered(isColorEnabled: options.isColorEnabled)
    }
  }

  /// Writes the lines of ``render(width:height:options:)``, each followed by a newline.
  public func write(
    to output: inout some TextOutputStream, width: Int, height: Int,
    options: ChartOptions = ChartOptions()
  ) {
    for line in render(width: width, height: height, options: options) {
      output.write(line)
      output.write("\n")
    }
  }
}
