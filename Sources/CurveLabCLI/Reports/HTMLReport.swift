import CurveCore
import CurveDiagnosis
import CurveRender
import HTMLDocument

/// The self-contained page of `diagnose --html`: inline SVG charts, no scripts, no network.
enum HTMLReport {
  static func text(for runs: [DiagnosedRun]) -> String {
    var page = HTMLDocument(title: runs.count == 1 ? "CurveLab: \(runs[0].path)" : "CurveLab: \(runs.count) runs")
    page.append(.heading(1, "CurveLab diagnosis"))
    if runs.count > 1 {
      page.append(
        .table(
          header: ["Run", "Verdict", "Confidence", "Best", "Early stop"],
          rows: runs.map { run in
            let d = run.diagnosis
            return [
              .code(run.path), .text(d.pattern.title), .text(run.confidenceText),
              .text(d.best.map { "\($0.metric) \(short($0.value)) at step \($0.step)" } ?? "–"),
              .text(d.earlyStopping?.stopStep.map { "step \($0)" } ?? "–"),
            ]
          }, caption: "Side by side"))
    }
    for run in runs { page.append(section(for: run)) }
    return page.html
  }

  private static func section(for run: DiagnosedRun) -> HTMLNode {
    let d = run.diagnosis
    var nodes: [HTMLNode] = [
      .heading(2, .code(run.path)),
      .paragraph(.text(run.sourceLine)),
      .paragraph(.strong(.text("\(d.pattern.title)")), .text(" — \(d.headline)")),
    ]
    if !run.log.isEmpty {
      let markers = run.markerSteps.map {
        ChartMarker(x: Double($0.step), label: $0.label, color: $0.label == "best" ? .green : .red)
      }
      let chart = TrainingLogChart(run.log, panels: .withLearningRate, markers: markers)
      var titles = chart.drawnPanelTitles.enumerated().map { index, title in
        index > 0 && ["Learning rate", "Accuracy"].contains(title) ? title.lowercased() : title
      }
      let last = titles.count > 1 ? titles.removeLast() : nil
      let panels = titles.joined(separator: ", ") + (last.map { " and \($0)" } ?? "")
      nodes.append(
        .figure(
          .svg(chart.svg(width: 720)),
          caption: .text("\(panels); markers at the best evaluation and the early-stopping point.")))
    }
    if !d.evidence.isEmpty {
      nodes.append(.heading(3, "Evidence"))
      nodes.append(.bulletList(d.evidence.map { .text($0.meaning) }))
    }
    let extras = [run.earlyStoppingSentence, run.accuracySentence]
      .compactMap { $0 }
    for extra in extras { nodes.append(.paragraph(.text(extra))) }
    if !d.findings.isEmpty {
      nodes.append(.heading(3, "Also noticed"))
      nodes.append(.bulletList(d.findings.map { .text($0.message) }))
    }
    if !d.remedies.isEmpty {
      nodes.append(.heading(3, "What to change"))
      nodes.append(.numberedList(d.remedies.map { .text($0.text) }))
    }
    if !run.warnings.isEmpty {
      nodes.append(.heading(3, "Reading the file"))
      nodes.append(.bulletList(run.warnings.map { .text($0) }))
    }
    return .section(nodes)
  }

  private static func short(_ value: Double) -> String {
    value.isFinite ? String((value * 10_000).rounded() / 10_000) : "\(value)"
  }
}
