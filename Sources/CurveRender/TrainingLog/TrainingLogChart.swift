public import CurveCore
import Foundation
import TerminalCanvas

/// The standard CurveLab picture of a run: a loss panel and an accuracy panel, and when asked a
/// small learning-rate panel under the loss.
///
/// The loss panel shows training loss (from the training entries) and validation loss (from the
/// evaluations); the accuracy panel shows validation accuracy and, when the evaluations carry
/// it, training accuracy, drawn as staircases because accuracy moves in jumps. The
/// learning-rate panel (``Panels/learningRate``, ``learningRateHeight`` lines) shows the rate
/// the training records logged, so a tail that flattens because the rate decayed reads
/// differently from one that converged. All panels share one horizontal axis, in steps or
/// epochs, so a marker sits at the same place in each. Side by side when the width allows
/// (``sideBySideWidth`` columns or more; the learning rate then sits under the loss), one
/// above the other otherwise.
///
/// ```swift
/// let terminal = Terminal.standardOutput(color: noColor ? .never : .automatic)
/// let chart = TrainingLogChart(
///   log, markers: [ChartMarker.best(in: log), ChartMarker.earlyStop(in: log)].compactMap { $0 })
/// for line in chart.render(width: terminal.width, options: ChartOptions(terminal: terminal)) {
///   print(line)
/// }
/// ```
public struct TrainingLogChart: Sendable, Equatable {
  /// Which panels to draw.
  public struct Panels: OptionSet, Sendable, Hashable {
    /// The bit pattern.
    public let rawValue: Int

    /// Creates a set from its bit pattern.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Training and validation loss.
    public static let loss = Panels(rawValue: 1 << 0)
    /// Validation accuracy, and training accuracy when known.
    public static let accuracy = Panels(rawValue: 1 << 1)
    /// The learning rate the training records logged, in a short panel under the loss.
    public static let learningRate = Panels(rawValue: 1 << 2)
    /// Loss and accuracy, the two standard panels.
    public static let all: Panels = [.loss, .accuracy]
    /// Loss, learning rate and accuracy.
    public static let withLearningRate: Panels = [.loss, .learningRate, .accuracy]
  }

  /// The unit of the horizontal axis.
  public enum XAxis: String, Sendable, Equatable, CaseIterable {
    /// Optimizer updates.
    case step
    /// Passes over the training set, fractional.
    case epoch
  }

  /// The run to draw.
  public var log: TrainingLog
  /// The panels wanted; an empty set counts as both. A panel with nothing to draw is left out,
  /// unless every wanted panel is empty; then they all show "no data".
  public var panels: Panels
  /// The unit of the horizontal axis. Epochs come from the entries, or from the metadata's
  /// steps per epoch; a log with neither is drawn in steps.
  public var xAxis: XAxis
  /// Markers to draw on every panel, with `x` **in steps** whatever the axis; they are moved to
  /// epochs when the axis is in epochs.
  public var markers: [ChartMarker]
  /// The loss of a model that has learned nothing, which the loss axis always takes in so that
  /// a flat curve near it reads as "learned nothing" (see ``ValueAxisRule``); by default ln 2 ≈
  /// 0.693 for the simulator's runs (two balanced classes), `nil` for logs read from files.
  public var referenceLoss: Double?
  /// Whether every evaluation gets a mark on the horizontal axis (``LineChart/axisMarks``), for
  /// questions that count evaluations.
  public var marksEvaluations = false

  /// The loss of a model that has learned nothing, when known for the log: the simulator trains
  /// binary classifiers on balanced classes, whose coin-toss loss is ln 2.
  ///
  /// ```swift
  /// TrainingLogChart.referenceLoss(for: simulatedLog)  // 0.6931...
  /// ```
  public static func referenceLoss(for log: TrainingLog) -> Double? {
    log.metadata.source == "simulator" ? Foundation.log(2.0) : nil
  }

  /// The narrowest width at which two panels go side by side.
  public static let sideBySideWidth = 100

  /// Lines of the learning-rate panel: its title, three rows of plot, the axis and its labels.
  public static let learningRateHeight = 6

  /// Creates the chart of a log.
  public init(
    _ log: TrainingLog, panels: Panels = .all, xAxis: XAxis = .step, markers: [ChartMarker] = []
  ) {
    self.log = log
    self.panels = panels
    self.xAxis = xAxis
    self.markers = markers
    referenceLoss = Self.referenceLoss(for: log)
  }

  /// Draws the chart as lines of text, none wider than `width`, without trailing spaces.
  ///
  /// - Parameters:
  ///   - width: Columns available; 80 gives panels one above the other, 100 or more side by
  ///     side.
  ///   - panelHeight: Lines for each panel, title and axes included. Stacked panels take
  ///     twice that, plus a blank line between them.
  ///   - options: Colour and characters.
  public func render(
    width: Int = 80, panelHeight: Int = 14, options: ChartOptions = ChartOptions()
  ) -> [String] {
    let charts = visibleCharts()
    let width = max(1, width)
    func height(_ chart: LineChart) -> Int {
      chart.title == Self.learningRateTitle ? Self.learningRateHeight : panelHeight
    }
    var lines: [StyledText] = []
    // Side by side: the accuracy panel on the right, everything else stacked on the left.
    let right = charts.last { $0.title == accuracyTitle }
    let left = charts.filter { $0.title != accuracyTitle }
    if let right, !left.isEmpty, width >= Self.sideBySideWidth {
      let gap = 3
      let leftWidth = (width - gap) / 2
      let rightWidth = width - gap - leftWidth
      // When one panel needs two lines for its title and legend, both take two, so that the
      // plots line up.
      let splitsHeader =
        left[0].headerLines(width: leftWidth).count > 1
        || right.headerLines(width: rightWidth).count > 1
      var leftLines: [StyledText] = []
      let left = Self.aligned(left, width: leftWidth, options: options, height: height)
      for (index, chart) in left.enumerated() {
        if index > 0 { leftLines.append(StyledText().padded(toWidth: leftWidth)) }
        leftLines += chart.layoutLines(
          width: leftWidth, height: height(chart), options: options,
          splitsHeader: index == 0 && splitsHeader)
      }
      let rightLines = right.layoutLines(
        width: rightWidth, height: panelHeight, options: options, splitsHeader: splitsHeader)
      for index in 0..<max(leftLines.count, rightLines.count) {
        var line =
          index < leftLines.count ? leftLines[index] : StyledText().padded(toWidth: leftWidth)
        line.append(String(repeating: " ", count: gap))
        if index < rightLines.count { line.append(rightLines[index]) }
        lines.append(line)
      }
    } else {
      for (index, chart) in Self.aligned(charts, width: width, options: options, height: height).enumerated() {
        if index > 0 { lines.append(StyledText()) }
        lines += chart.layoutLines(width: width, height: height(chart), options: options)
      }
    }
    return lines.map {
      $0.trimmingTrailingSpaces().rendered(isColorEnabled: options.isColorEnabled)
    }
  }

  /// Writes the lines of ``render(width:panelHeight:options:)``, each followed by a newline.
  public func write(
    to output: inout some TextOutputStream, width: Int = 80, panelHeight: Int = 14,
    options: ChartOptions = ChartOptions()
  ) {
    for line in render(width: width, panelHeight: panelHeight, options: options) {
      output.write(line)
      output.write("\n")
    }
  }

  /// The titles of the panels that will be drawn, in order ("Loss", "Learning rate",
  /// "Accuracy"), for a caption that names only what is there.
  public var drawnPanelTitles: [String] { visibleCharts().map(\.title) }

  /// The panels that will be drawn, in order: loss, learning rate, accuracy. The learning
  /// rate is left out when the log has none, even if every other panel is empty too.
  func visibleCharts() -> [LineChart] {
    let wanted = panels.isEmpty ? Panels.all : panels
    var candidates: [LineChart] = []
    if wanted.contains(.loss) { candidates.append(lossChart) }
    if wanted.contains(.learningRate) { candidates.append(learningRateChart) }
    if wanted.contains(.accuracy) { candidates.append(accuracyChart) }
    let drawable = candidates.filter { chart in
      chart.series.contains { $0.points.contains(where: \.isFinite) }
    }
    return drawable.isEmpty ? candidates.filter { $0.title != Self.learningRateTitle } : drawable
  }

  /// `charts`, to be stacked in one column of `width`, with their value labels widened to the
  /// widest, so that every plot starts in the same column and a step sits at the same place in
  /// each (the learning rate's `0.005` is wider than the loss's `0.6`).
  static func aligned(
    _ charts: [LineChart], width: Int, options: ChartOptions, height: (LineChart) -> Int
  ) -> [LineChart] {
    guard charts.count > 1 else { return charts }
    // The plot's left edge is where the axis corner sits in the laid-out lines.
    let starts = charts.map { chart in
      chart.layoutLines(width: width, height: height(chart), options: options)
        .lazy.compactMap { line in line.plainText.firstIndex(of: "└").map { line.plainText.distance(from: line.plainText.startIndex, to: $0) } }
        .first ?? 0
    }
    guard let widest = starts.max(), starts.contains(where: { $0 != widest }) else { return charts }
    return charts.map { chart in
      var chart = chart
      chart.minimumLabelWidth = max(0, widest - 1)
      return chart
    }
  }

  /// The title of the accuracy panel, which goes on the right when panels sit side by side.
  var accuracyTitle: String { "Accuracy" }
}
