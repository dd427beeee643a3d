public import CurveCore
import CurveDiagnosis
public import CurveExercises
public import CurveRender
import CurveSim
import TerminalCanvas

/// How figures are drawn: width, colour and characters.
public struct FigureStyle: Sendable, Equatable {
  /// Columns available.
  public var width: Int
  /// Lines per chart panel.
  public var panelHeight: Int
  /// Colour and characters.
  public var chart: ChartOptions

  /// Creates a style.
  public init(width: Int = 80, panelHeight: Int = 12, chart: ChartOptions = ChartOptions()) {
    self.width = width
    self.panelHeight = panelHeight
    self.chart = chart
  }
}

extension FigureStyle {
  /// The same style with panels `height` lines tall.
  public func withPanelHeight(_ height: Int) -> FigureStyle {
    var copy = self
    copy.panelHeight = height
    return copy
  }
}

/// Draws a run as a chart, optionally with the best checkpoint and an early-stopping point
/// marked, for lessons, quiz questions, exercises and solutions alike.
public enum RunFigure {
  /// The chart of `log`.
  public static func chart(
    of log: TrainingLog, panels: TrainingLogChart.Panels = .all, marksBest: Bool = false,
    stopStep: Int? = nil, xAxis: TrainingLogChart.XAxis = .step, marksEvaluations: Bool = false,
    style: FigureStyle
  ) -> [String] {
    var markers: [ChartMarker] = []
    if marksBest, let best = ChartMarker.best(in: log) { markers.append(best) }
    if let stopStep { markers.append(ChartMarker(x: Double(stopStep), label: "stop", color: .red)) }
    var chart = TrainingLogChart(log, panels: panels, xAxis: xAxis, markers: markers)
    chart.marksEvaluations = marksEvaluations
    return chart.render(width: style.width, panelHeight: style.panelHeight, options: style.chart)
  }
}

extension CurveBlock {
  /// Trains the run and draws it, with the command that reruns it and a summary line.
  public func render(style: FigureStyle) throws(RunRecipe.Problem) -> [String] {
    let log = try recipe.simulate().log
    let outcome = marksStop ? EarlyStoppingPolicy(patience: patience).replayOnValidationLoss(of: log) : nil
    var lines = RunFigure.chart(
      of: log, panels: panels, marksBest: marksBest, stopStep: outcome?.stopStep, xAxis: xAxis,
      style: style)
    lines.append("")
    let summary = TrainingLogSummary(log).line
    lines += wrap(summary, width: style.width)
    if let outcome {
      let sentence: String
      if let stop = outcome.stopStep, let kept = outcome.restoredStep {
        sentence =
          "The stop mark: early stopping with patience \(patience) would end this run at step "
          + "\(stop) and keep the step-\(kept) checkpoint (add --early-stopping-patience "
          + "\(patience) to the command to watch it happen)."
      } else {
        sentence = "Early stopping with patience \(patience) would never fire on this run."
      }
      lines += wrap(sentence, width: style.width)
    }
    if showsVerdict {
      lines += wrap("Engine: " + Diagnoser().diagnose(log).headline, width: style.width)
    }
    var command = LearnerCommand.line(recipe.commandLine)
    if xAxis == .epoch { command += " --x-axis epoch" }
    lines.append("Rerun it:")
    lines += commandLines(command, width: style.width)
    return lines
  }
}

extension PredictionBlock {
  /// One validation example's score at each evaluation, next to the run's loss and accuracy.
  public struct Trace: Sendable, Equatable {
    /// One evaluation.
    public struct Row: Sendable, Equatable {
      public var step: Int
      public var score: Double
      public var validationLoss: Double
      public var validationAccuracy: Double
    }
    /// The example's index in the validation set.
    public var example: Int
    /// The rows around the moment the score crosses 0.5.
    public var rows: [Row]
    /// The evaluation-set size.
    public var setSize: Int
  }

  /// Trains the run and picks a positive example whose score climbs from below 0.5 to above
  /// it, spending at least two evaluations between 0.25 and 0.5 on the way.
  public func trace() throws(RunRecipe.Problem) -> Trace? {
    let configuration = try recipe.configuration()
    var scores: [[Double]] = []
    var steps: [Int] = []
    let run = Simulator(configuration: configuration, seed: recipe.seed, scenario: recipe.scenario)
      .run { step, validationScores in
        steps.append(step)
        scores.append(validationScores)
      }
    let labels = run.split.validation.labels
    let entries = run.log.evaluationEntries
    var best: (example: Int, crossing: Int, climbing: Int)?
    for example in labels.indices where labels[example] == 1 {
      let series = scores.map { $0[example] }
      guard let crossing = series.firstIndex(where: { $0 > 0.5 }), crossing >= 2,
        series[crossing...].allSatisfy({ $0 > 0.5 })
      else { continue }
      let climbing = series[..<crossing].filter { (0.25...0.5).contains($0) }.count
      let rising = zip(series[..<crossing], series[1...crossing]).filter { $0 < $1 }.count
      guard climbing >= 2, rising >= crossing / 2 else { continue }
      if best == nil || climbing > best!.climbing { best = (example, crossing, climbing) }
    }
    guard let best else { return nil }
    let first = max(0, best.crossing - 4)
    let last = min(entries.count - 1, best.crossing + 2)
    let rows = (first...last).map { index in
      Trace.Row(
        step: steps[index], score: scores[index][best.example],
        validationLoss: entries[index].loss ?? .nan,
        validationAccuracy: entries[index].accuracy ?? .nan)
    }
    return Trace(example: best.example, rows: rows, setSize: labels.count)
  }

  /// The trace as a table, or a note when no example crosses 0.5 in this run.
  public func render(style: FigureStyle) throws(RunRecipe.Problem) -> [String] {
    guard let trace = try trace() else {
      return ["(No positive example in this run crosses 0.5 slowly enough to follow: try "
        + "another seed.)"]
    }
    var lines = [
      "Validation example #\(trace.example + 1) is a dog (label 1); \(trace.setSize) examples in all.",
      "",
      "   step   its score   rounds to   its loss   eval_loss   eval_accuracy",
    ]
    for row in trace.rows {
      let predicted = row.score > 0.5 ? "1 (dog)" : "0 (cat)"
      lines.append(
        pad(String(row.step), 7) + pad(decimals(row.score, 3), 12) + pad(predicted, 12)
          + pad(decimals(-logarithm(row.score), 3), 11) + pad(decimals(row.validationLoss, 4), 12)
          + pad(decimals(row.validationAccuracy, 4), 16))
    }
    lines.append("")
    lines.append("Rerun it:")
    lines += commandLines(LearnerCommand.line(recipe.commandLine), width: style.width)
    return lines.map { String($0.prefix(style.width)) }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(1, width - text.count)) + text
  }

  private func logarithm(_ x: Double) -> Double { PortableMath.log(x) }

  private func decimals(_ value: Double, _ places: Int) -> String {
    AxisScale.fixed(value, decimals: places, trimmingZeros: false)
  }
}
