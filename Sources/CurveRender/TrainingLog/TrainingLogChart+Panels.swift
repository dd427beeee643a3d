import CurveCore
public import TerminalCanvas

extension TrainingLogChart {
  /// The colour and glyph of training curves in both panels.
  public static let trainingColor = TerminalColor.cyan
  /// The colour and glyph of validation curves in both panels.
  public static let validationColor = TerminalColor.magenta

  /// The loss panel as a general chart, to restyle or draw on its own.
  public var lossChart: LineChart {
    let axis = resolvedAxis
    let training = log.trainingEntries.compactMap { entry in
      axis.position(step: entry.step, epoch: entry.epoch).map { ChartPoint(x: $0, y: entry.loss) }
    }
    let validation = log.evaluationEntries.compactMap { entry in
      entry.loss.flatMap { loss in
        axis.position(step: entry.step, epoch: entry.epoch).map { ChartPoint(x: $0, y: loss) }
      }
    }
    if training.isEmpty, validation.isEmpty, let lone = loneMetricChart(axis: axis) { return lone }
    var chart = panel(
      title: "Loss",
      training: ChartSeries(
        name: "training", points: training, color: Self.trainingColor, glyph: "*"),
      validation: ChartSeries(
        name: "validation", points: validation, color: Self.validationColor, glyph: "o",
        marksPoints: true),
      axis: axis)
    chart.referenceValues = referenceLoss.map { [$0] } ?? []
    return chart
  }

  /// For a log with no loss and one evaluation metric (a W&B panel of `test FID_B`): that
  /// metric's panel, titled with its name, in place of an empty loss panel.
  fileprivate func loneMetricChart(axis: ResolvedAxis) -> LineChart? {
    let names = Set(log.evaluationEntries.flatMap(\.metrics.keys))
    guard names.count == 1, let name = names.first else { return nil }
    let points = log.evaluationEntries.compactMap { entry in
      entry.metrics[name].flatMap { value in
        axis.position(step: entry.step, epoch: entry.epoch).map { ChartPoint(x: $0, y: value) }
      }
    }
    guard !points.isEmpty else { return nil }
    return panel(
      title: name, training: nil,
      validation: ChartSeries(
        name: "validation", points: points, color: Self.validationColor, glyph: "o",
        marksPoints: true),
      axis: axis)
  }

  /// The colour of the learning-rate curve.
  public static let learningRateColor = TerminalColor.yellow
  /// The learning-rate panel's title.
  static let learningRateTitle = "Learning rate"

  /// The learning-rate panel as a general chart: the rate each training record logged, from
  /// 0 up (so a decay to 0 reads as one), on the loss panel's axis.
  public var learningRateChart: LineChart {
    let axis = resolvedAxis
    let points = log.trainingEntries.compactMap { entry in
      entry.learningRate.flatMap { rate in
        axis.position(step: entry.step, epoch: entry.epoch).map { ChartPoint(x: $0, y: rate) }
      }
    }
    var chart = panel(
      title: Self.learningRateTitle, training: nil,
      validation: ChartSeries(
        name: "", points: points, color: Self.learningRateColor, glyph: "-"),
      axis: axis)
    if let peak = points.map(\.y).filter(\.isFinite).max(), peak > 0 {
      chart.yRange = 0...Self.roundCeiling(peak)
    }
    chart.markers = []  // the loss panel above carries them
    return chart
  }

  /// The smallest of 1, 2, 2.5 and 5 times a power of ten at or above `value` (positive): the
  /// top of the learning-rate axis, so that it carries a label and the peak sits just under it.
  static func roundCeiling(_ value: Double) -> Double {
    var power = 1.0
    while power > value { power /= 10 }
    while power * 10 <= value { power *= 10 }
    return [1, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= value * (1 - 1e-9) } ?? 10 * power
  }

  /// The accuracy panel as a general chart, to restyle or draw on its own.
  public var accuracyChart: LineChart {
    let axis = resolvedAxis
    func points(_ value: (EvaluationEntry) -> Double?) -> [ChartPoint] {
      log.evaluationEntries.compactMap { entry in
        value(entry).flatMap { y in
          axis.position(step: entry.step, epoch: entry.epoch).map { ChartPoint(x: $0, y: y) }
        }
      }
    }
    let training = points(\.trainingAccuracy)
    let validation = points(\.accuracy)
    var chart = panel(
      title: "Accuracy",
      training: training.isEmpty
        ? nil
        : ChartSeries(
          name: "training", points: training, color: Self.trainingColor, glyph: "*",
          style: .steps),
      validation: ChartSeries(
        name: "validation", points: validation, color: Self.validationColor, glyph: "o",
        style: .steps, marksPoints: true),
      axis: axis)
    // Accuracy is a share: its scale is 1 (or 100, when logged in percent).
    let values = (training + validation).map(\.y).filter(\.isFinite)
    if let high = values.max(), let low = values.min(), low >= 0 {
      chart.valueScale = high <= 1 ? 1.0 : high <= 100 ? 100.0 : nil
    }
    return chart
  }

  private func panel(
    title: String, training: ChartSeries?, validation: ChartSeries, axis: ResolvedAxis
  ) -> LineChart {
    var chart = LineChart(
      title: title, series: [training, validation].compactMap { $0 }, xRange: axis.range,
      xAxisLabel: axis.unit.rawValue,
      markers: markers.compactMap { marker in
        var moved = marker
        guard let x = axis.position(step: marker.x) else { return nil }
        moved.x = x
        return moved
      },
      xTicksAreWholeNumbers: axis.unit == .step)
    if marksEvaluations {
      chart.axisMarks = log.evaluationEntries.compactMap { axis.position(step: $0.step, epoch: $0.epoch) }
    }
    return chart
  }

  /// The horizontal axis this log can have: epochs only when they can be worked out.
  private var resolvedAxis: ResolvedAxis {
    ResolvedAxis(log: log, wanted: xAxis)
  }
}

/// Converts steps to positions on the chosen axis, and knows the range every panel shares.
private struct ResolvedAxis {
  let unit: TrainingLogChart.XAxis
  let stepsPerEpoch: Double?
  /// `(step, epoch)` pairs the log records, sorted by step.
  let knownEpochs: [(step: Double, epoch: Double)]
  private(set) var range: ClosedRange<Double>?

  init(log: TrainingLog, wanted: TrainingLogChart.XAxis) {
    stepsPerEpoch = log.metadata.stepsPerEpoch.flatMap { $0 > 0 ? Double($0) : nil }
    let pairs =
      log.trainingEntries.map { (Double($0.step), $0.epoch) }
      + log.evaluationEntries.map { (Double($0.step), $0.epoch) }
    knownEpochs = pairs.compactMap { step, epoch in
      epoch.flatMap { $0.isFinite ? (step, $0) : nil }
    }.sorted { $0.step < $1.step }
    unit = wanted == .epoch && (stepsPerEpoch != nil || !knownEpochs.isEmpty) ? .epoch : .step
    let positions =
      log.trainingEntries.compactMap { position(step: $0.step, epoch: $0.epoch) }
      + log.evaluationEntries.compactMap { position(step: $0.step, epoch: $0.epoch) }
    let finite = positions.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else {
      range = nil
      return
    }
    // Both panels share one range, moved out to round values as a lone chart would; a run seen
    // at one moment only is shown from its start.
    range =
      low == high && high > 0
      ? 0...high
      : AxisScale(covering: low...high, minimumTickSpacing: unit == .step ? 1 : 0).bounds
  }

  /// The position of an entry: its step, or its epoch (from the entry, else worked out).
  func position(step: Int, epoch: Double?) -> Double? {
    guard unit == .epoch else { return Double(step) }
    if let epoch, epoch.isFinite { return epoch }
    return position(step: Double(step))
  }

  /// The position of a step: itself, or the epoch worked out from the steps per epoch, else
  /// from the recorded epochs (interpolating, or extending the nearest ones).
  func position(step: Double) -> Double? {
    guard step.isFinite else { return nil }
    guard unit == .epoch else { return step }
    if let stepsPerEpoch { return step / stepsPerEpoch }
    guard let first = knownEpochs.first, let last = knownEpochs.last else { return nil }
    if let exact = knownEpochs.first(where: { $0.step == step }) { return exact.epoch }
    var low = first
    var high = last
    if let upper = knownEpochs.firstIndex(where: { $0.step > step }), upper > 0 {
      low = knownEpochs[upper - 1]
      high = knownEpochs[upper]
    } else if knownEpochs.count >= 2, step < first.step {
      high = knownEpochs[1]
    } else if knownEpochs.count >= 2 {
      low = knownEpochs[knownEpochs.count - 2]
    }
    if high.step == low.step {
      return low.step > 0 ? step * low.epoch / low.step : nil
    }
    return low.epoch + (step - low.step) * (high.epoch - low.epoch) / (high.step - low.step)
  }
}
