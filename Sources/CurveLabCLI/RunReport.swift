import CurveCore
import CurveRender
import CurveSim
import TerminalCanvas

/// The human view of a simulated run: what was run, the chart, and a summary line.
struct RunReport {
  let log: TrainingLog
  let scenario: Scenario
  let configuration: TrainingConfiguration

  func text(width: Int, xAxis: TrainingLogChart.XAxis, options: ChartOptions) -> String {
    let cause = log.metadata.configuration["cause"].map { " · cause \($0)" } ?? ""
    var text = "\(scenario.rawValue)\(cause) · seed \(log.metadata.seed.map(String.init) ?? "?")\n"
    // The settings and the summary break between their " · " parts to fit the terminal.
    text += Self.fitted(configuration.description, width: width) + "\n\n"
    let markers = [ChartMarker.best(in: log), ChartMarker.earlyStop(in: log)].compactMap { $0 }
    let chart = TrainingLogChart(log, panels: .withLearningRate, xAxis: xAxis, markers: markers)
    for line in chart.render(width: width, options: options) { text += line + "\n" }
    text += "\n" + Self.fitted(TrainingLogSummary(log).line, width: width) + "\n"
    return text
  }

  /// `line` wrapped to `width`, breaking after a " · " separator where one fits.
  static func fitted(_ line: String, width: Int) -> String {
    let parts = line.components(separatedBy: " · ")
    var lines: [String] = []
    var current = ""
    for part in parts {
      let candidate = current.isEmpty ? part : current + " · " + part
      if candidate.count <= width || current.isEmpty {
        current = candidate
      } else {
        lines.append(current + " ·")
        current = part
      }
    }
    lines.append(current)
    return lines.flatMap { wrap($0, width: max(20, width)) }.joined(separator: "\n")
  }
}
