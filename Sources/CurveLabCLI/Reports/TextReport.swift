import CurveCore
import CurveDiagnosis
import CurveRender
import TerminalCanvas

/// The human report of `diagnose`: verdict first, then the chart, evidence and remedies.
struct TextReport {
  let width: Int
  let chartOptions: ChartOptions
  let showsChart: Bool
  let xAxis: TrainingLogChart.XAxis

  func text(for run: DiagnosedRun) -> String {
    let d = run.diagnosis
    var lines: [String] = [sanitizedForTerminal(run.sourceLine)]
    var verdict = "Verdict: \(d.pattern.title)"
    if d.pattern != .insufficientData {
      verdict += " (confidence \(run.confidenceText)"
      if let runnerUp = d.runnerUp { verdict += "; runner-up: \(runnerUp.title.lowercased())" }
      verdict += ")"
    }
    lines.append(style(verdict, TextStyle(isBold: true)))
    lines += wrap(d.headline, indent: "  ")
    if showsChart, !run.log.isEmpty {
      lines.append("")
      let markers = run.markerSteps.map {
        ChartMarker(x: Double($0.step), label: $0.label, color: $0.label == "best" ? .green : .red)
      }
      lines += TrainingLogChart(run.log, xAxis: xAxis, markers: markers)
        .render(width: width, panelHeight: 12, options: chartOptions)
    }
    if !d.evidence.isEmpty {
      lines.append("")
      lines.append(style("Evidence", TextStyle(isBold: true)))
      for item in d.evidence { lines += wrap(item.meaning, indent: "  • ", continuation: "    ") }
    }
    let extras = [run.earlyStoppingSentence, run.accuracySentence]
      .compactMap { $0 }
    if !extras.isEmpty {
      lines.append("")
      for extra in extras { lines += wrap(extra, indent: "") }
    }
    if !d.findings.isEmpty {
      lines.append("")
      lines.append(style("Also noticed", TextStyle(isBold: true)))
      for finding in d.findings { lines += wrap(finding.message, indent: "  • ", continuation: "    ") }
    }
    if !d.remedies.isEmpty {
      lines.append("")
      lines.append(style("What to change", TextStyle(isBold: true)))
      for (index, remedy) in d.remedies.enumerated() {
        lines += wrap(remedy.text, indent: "  \(index + 1). ", continuation: "     ")
      }
    }
    if !run.warnings.isEmpty {
      lines.append("")
      lines.append(style("Reading the file", TextStyle(isBold: true)))
      for warning in run.warnings { lines += wrap(warning, indent: "  ! ", continuation: "    ") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A side-by-side table of several runs.
  func comparison(of runs: [DiagnosedRun]) -> String {
    let header = ["run", "verdict", "conf.", "best", "stop p3", "final val loss"]
    var rows: [[String]] = []
    for run in runs {
      let d = run.diagnosis
      let best = d.best.map { "\(shortNumber($0.value)) @ \($0.step)" } ?? "-"
      let stop = d.earlyStopping?.stopStep.map(String.init) ?? "-"
      let final = run.log.evaluationEntries.last?.loss.map(shortNumber) ?? "-"
      rows.append([
        shorten(sanitizedForTerminal(run.path), to: 28), d.pattern.rawValue, run.confidenceText,
        best, stop, final,
      ])
    }
    let widths = header.indices.map { column in
      ([header[column]] + rows.map { $0[column] }).map(\.count).max()!
    }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
        .joined(separator: "  ")
    }
    var text = style("Comparison", TextStyle(isBold: true)) + "\n"
    text += line(header) + "\n" + line(widths.map { String(repeating: "-", count: $0) }) + "\n"
    for row in rows { text += line(row) + "\n" }
    return text
  }

  private func style(_ text: String, _ style: TextStyle) -> String {
    style.apply(to: text, isColorEnabled: chartOptions.isColorEnabled)
  }

  /// The text wrapped to the width, made safe first: headlines, evidence, findings and
  /// warnings quote metric names, paths and cells from the file.
  private func wrap(_ text: String, indent: String, continuation: String? = nil) -> [String] {
    let pad = continuation ?? String(repeating: " ", count: indent.count)
    let wrapped = TerminalCanvas.wrap(
      sanitizedForTerminal(text), width: max(20, width - indent.count))
    return wrapped.enumerated().map { ($0.offset == 0 ? indent : pad) + $0.element }
  }

  private func shortNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    return String((value * 10_000).rounded() / 10_000)
  }

  private func shorten(_ text: String, to length: Int) -> String {
    text.count <= length ? text : "…" + text.suffix(length - 1)
  }
}
