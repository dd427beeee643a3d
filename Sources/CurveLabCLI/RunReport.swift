import CurveCore
import CurveRender
import CurveSim

/// The human view of a simulated run: what was run, the chart, and a summary line.
struct RunReport {
  let log: TrainingLog
  let scenario: Scenario
  let configuration: TrainingConfiguration

  func text(width: Int, xAxis: TrainingLogChart.XAxis, options: ChartOptions) -> String {
    var text = "\(scenario.rawValue) · seed \(log.metadata.seed.map(String.init) ?? "?")\n"
    text += configuration.description + "\n\n"
    let markers = [ChartMarker.best(in: log), ChartMarker.earlyStop(in: log)].compactMap { $0 }
    let chart = TrainingLogChart(log, xAxis: xAxis, markers: markers)
    for line in chart.render(width: width, options: options) { text += line + "\n" }
    text += "\n" + TrainingLogSummary(log).line + "\n"
    return text
  }
}
