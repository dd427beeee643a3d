import Foundation
import CurveCore
import CurveRender
import TerminalCanvas
import Testing
import _CurveLabTestSupport

@Suite struct TrainingLogChartTests {
  static let standard = TrainingLogChart(
    SampleLogs.overfitting,
    markers: [
      ChartMarker.best(in: SampleLogs.overfitting),
      ChartMarker.earlyStop(in: SampleLogs.overfitting),
    ].compactMap { $0 })

  @Test(arguments: [80, 120], Charset.allCases)
  func snapshot(width: Int, charset: Charset) {
    let lines = Self.standard.render(width: width, options: ChartOptions(charset: charset))
    let text = lines.joined(separator: "\n") + "\n"
    #expect(
      snapshotMismatch(text, named: "training-log-\(width)-\(charset)", testFile: snapshotAnchor)
        == nil)
    #expect(lines.allSatisfy { displayWidth(of: $0) <= width })
  }

  /// A log of one metric and no loss (a W&B panel of FID) draws that metric under its own
  /// name, not two empty loss and accuracy panels.
  @Test func aLoneMetricIsDrawnUnderItsName() {
    let log = TrainingLog(
      metadata: RunMetadata(source: "wandb"),
      evaluationEntries: [(1000, 98.0), (2000, 80.5), (3000, 61.2), (4000, 57.0), (5000, 59.9)].map {
        EvaluationEntry(step: $0.0, metrics: ["test FID_B": $0.1])
      })
    let lines = TrainingLogChart(log).render(width: 80, options: ChartOptions(charset: .ascii))
    let text = lines.joined(separator: "\n")
    #expect(text.hasPrefix("test FID_B"), "\(text)")
    #expect(!text.contains("no data") && !text.contains("Accuracy"), "\(text)")
    #expect(text.contains("o"))
  }

  @Test func epochAxisSnapshot() {
    var chart = Self.standard
    chart.xAxis = .epoch
    let text =
      chart.render(width: 100, panelHeight: 12, options: ChartOptions(charset: .ascii))
      .joined(separator: "\n") + "\n"
    #expect(
      snapshotMismatch(text, named: "training-log-100-epoch-ascii", testFile: snapshotAnchor) == nil
    )
  }

  @Test func escapeCodesOnlyWhenColourIsOn() {
    for charset in Charset.allCases {
      let plain = Self.standard.render(width: 120, options: ChartOptions(charset: charset))
      let colored = Self.standard.render(
        width: 120, options: ChartOptions(isColorEnabled: true, charset: charset))
      #expect(!plain.joined().contains("\u{1B}"))
      let text = colored.joined(separator: "\n")
      #expect(text.contains("\u{1B}[36m"))  // training
      #expect(text.contains("\u{1B}[35m"))  // validation
      #expect(text.contains("\u{1B}[32mbest\u{1B}[0m"))
      #expect(text.contains("\u{1B}[31mstop\u{1B}[0m"))
      // Colour changes how the text looks, never what it says or where.
      #expect(colored.map(Self.strippingEscapes) == plain)
      #expect(colored.allSatisfy { displayWidth(of: $0) <= 120 })
    }
  }

  static func strippingEscapes(_ text: String) -> String {
    var result = ""
    var inEscape = false
    for scalar in text.unicodeScalars {
      if scalar == "\u{1B}" {
        inEscape = true
      } else if inEscape {
        if scalar == "m" { inEscape = false }
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  @Test func withoutColourValidationIsToldFromTrainingByItsMarks() {
    let lines = TrainingLogChart(SampleLogs.overfitting, panels: .loss).render(
      width: 80, panelHeight: 14, options: ChartOptions(charset: .braille))
    let plot = lines.dropFirst(2).joined(separator: "\n")
    // The validation glyph sits on the curve in several places, not only at its end; the
    // training glyph marks only its end.
    #expect(plot.filter { $0 == "o" }.count >= 4)
    #expect(plot.filter { $0 == "*" }.count == 1)
    #expect(lines[0].contains("* training") && lines[0].contains("o validation"))
  }

  @Test func simulatedRunsIncludeWhatAModelThatLearnedNothingScores() {
    var log = SampleLogs.overfitting
    log.metadata.source = "simulator"
    #expect(TrainingLogChart(log).referenceLoss == Foundation.log(2.0))
    #expect(TrainingLogChart(log).lossChart.referenceValues == [Foundation.log(2.0)])
    #expect(TrainingLogChart(SampleLogs.overfitting).referenceLoss == nil)
    // Accuracy is a share: a run that never leaves 0.5 still gets a fifth of its scale.
    log.evaluationEntries = log.evaluationEntries.map { entry in
      var flat = entry
      flat.accuracy = 0.5
      flat.trainingAccuracy = 0.5
      return flat
    }
    #expect(TrainingLogChart(log).accuracyChart.valueScale == 1)
    let lines = TrainingLogChart(log, panels: .accuracy).render(width: 60, panelHeight: 10)
    #expect(lines[0].contains("(axis from 0.4, not 0)"))
  }

  @Test(arguments: [99, 100])
  func panelsGoSideBySideFromAHundredColumns(width: Int) {
    let lines = Self.standard.render(width: width, panelHeight: 12)
    if width >= TrainingLogChart.sideBySideWidth {
      #expect(lines.count == 12)
      #expect(lines[0].hasPrefix("Loss") && lines[0].contains("Accuracy"))
    } else {
      #expect(lines.count == 25)
      #expect(lines[0].hasPrefix("Loss") && lines[13].hasPrefix("Accuracy"))
      #expect(lines[12].isEmpty)
    }
  }

  @Test(arguments: [1, 10, 30, 50, 79, 80, 81, 99, 100, 101, 140, 200])
  func everyLineFitsTheWidth(width: Int) {
    for charset in Charset.allCases {
      for isColorEnabled in [false, true] {
        let options = ChartOptions(isColorEnabled: isColorEnabled, charset: charset)
        for line in Self.standard.render(width: width, options: options) {
          #expect(displayWidth(of: line) <= width, "'\(line)' is wider than \(width)")
        }
      }
    }
  }

  @Test func emptyLogSaysNoDataInBothPanels() {
    let chart = TrainingLogChart(TrainingLog(metadata: RunMetadata(source: "empty")))
    for width in [60, 120] {
      let text = chart.render(width: width).joined(separator: "\n")
      #expect(text.components(separatedBy: "no data").count == 3)
    }
    #expect(chart.render(width: 80, panelHeight: 10).count == 21)
  }

  @Test func accuracyPanelIsLeftOutWhenTheLogHasNoAccuracy() {
    let log = TrainingLog(
      metadata: RunMetadata(source: "regression"),
      trainingEntries: [TrainingEntry(step: 1, loss: 3), TrainingEntry(step: 2, loss: 2)],
      evaluationEntries: [EvaluationEntry(step: 2, loss: 2.5)])
    let lines = TrainingLogChart(log).render(width: 120, panelHeight: 10)
    #expect(lines.count == 10)
    #expect(!lines.joined().contains("Accuracy"))
  }

  @Test func panelsCanBeChosen() {
    let chart = TrainingLogChart(SampleLogs.overfitting, panels: .accuracy)
    let lines = chart.render(width: 120, panelHeight: 10)
    #expect(lines.count == 10)
    #expect(lines[0].hasPrefix("Accuracy"))
    #expect(!lines.joined().contains("Loss"))
  }

  @Test func singleEvaluationAndSingleTrainingPoint() {
    let log = TrainingLog(
      metadata: RunMetadata(source: "tiny"),
      trainingEntries: [TrainingEntry(step: 5, loss: 0.7)],
      evaluationEntries: [EvaluationEntry(step: 5, loss: 0.8, accuracy: 0.5)])
    for charset in Charset.allCases {
      let lines = TrainingLogChart(log).render(width: 80, options: ChartOptions(charset: charset))
      let text = lines.joined(separator: "\n")
      #expect(!text.contains("no data"))
      #expect(text.contains("o"))
      #expect(lines.allSatisfy { displayWidth(of: $0) <= 80 })
    }
  }

  @Test func sideBySidePanelsLineUpWhenOneLegendNeedsItsOwnLine() {
    let lines = TrainingLogChart(SampleLogs.diverging).render(width: 120, panelHeight: 10)
    #expect(lines[0].hasPrefix("Loss") && lines[0].contains("Accuracy"))
    #expect(!lines[0].contains("validation"))
    #expect(lines[1].components(separatedBy: "o validation").count == 3)
  }

  @Test func stepTicksStayOnWholeNumbers() {
    let log = TrainingLog(
      metadata: RunMetadata(source: "tiny"),
      trainingEntries: [TrainingEntry(step: 1, loss: 0.7), TrainingEntry(step: 2, loss: 0.6)])
    let chart = TrainingLogChart(log)
    #expect(chart.lossChart.xTicksAreWholeNumbers)
    let lines = chart.render(width: 80, panelHeight: 10)
    #expect(lines.last.map { $0.hasPrefix("step") && !$0.contains(".") } == true)
  }

  @Test func divergingRunSkipsNonFiniteLosses() {
    let lines = TrainingLogChart(SampleLogs.diverging).render(
      width: 80, options: ChartOptions(charset: .ascii))
    let text = lines.joined(separator: "\n")
    #expect(text.contains("* training (2 not finite)"))
    #expect(text.contains("o validation (1 not finite)"))
    #expect(lines.allSatisfy { displayWidth(of: $0) <= 80 })
  }

  @Test func bestMarkerIsAtTheLowestValidationLoss() throws {
    let best = try #require(ChartMarker.best(in: SampleLogs.overfitting))
    #expect(best.x == 200)
    #expect(best.label == "best")
    #expect(best.kind == .line)

    var log = SampleLogs.overfitting
    log.evaluationEntries[0].loss = .nan
    log.evaluationEntries[6].loss = 0.61  // a tie with step 200 keeps the first
    #expect(ChartMarker.best(in: log)?.x == 200)
    log.evaluationEntries = log.evaluationEntries.map { entry in
      var entry = entry
      entry.loss = nil
      return entry
    }
    #expect(ChartMarker.best(in: log) == nil)
  }

  @Test func stopMarkerOnlyWhenEarlyStoppingEndedTheRun() {
    #expect(ChartMarker.earlyStop(in: SampleLogs.overfitting)?.x == 400)
    var log = SampleLogs.overfitting
    log.metadata.bestCheckpoint?.stoppedEarly = false
    #expect(ChartMarker.earlyStop(in: log) == nil)
  }

  @Test func epochAxisMovesMarkersToEpochs() {
    var chart = Self.standard
    chart.xAxis = .epoch
    let loss = chart.lossChart
    #expect(loss.xAxisLabel == "epoch")
    #expect(loss.markers.map(\.x) == [5, 10])
    #expect(loss.series[0].points.first == ChartPoint(x: 0.5, y: 2.31))
  }

  @Test func epochsAreWorkedOutFromRecordedEpochsWhenStepsPerEpochIsUnknown() {
    var log = SampleLogs.overfitting
    log.metadata.stepsPerEpoch = nil
    for index in log.trainingEntries.indices { log.trainingEntries[index].epoch = nil }
    let chart = TrainingLogChart(log, xAxis: .epoch, markers: [ChartMarker(x: 20, label: "a")])
    let loss = chart.lossChart
    #expect(loss.xAxisLabel == "epoch")
    #expect(loss.series[0].points.first.map { isApproximatelyEqual($0.x, 0.5) } == true)
    #expect(loss.markers.first.map { isApproximatelyEqual($0.x, 0.5) } == true)
  }

  @Test func logsWithoutEpochsAreDrawnInSteps() {
    let chart = TrainingLogChart(SampleLogs.diverging, xAxis: .epoch)
    #expect(chart.lossChart.xAxisLabel == "step")
  }

  @Test func accuracyIsDrawnAsSteps() {
    let accuracy = Self.standard.accuracyChart
    #expect(accuracy.series.map(\.name) == ["training", "validation"])
    #expect(accuracy.series.allSatisfy { $0.style == .steps })
    #expect(Self.standard.lossChart.series.allSatisfy { $0.style == .line })
  }

  @Test func writesToAStream() {
    var output = ""
    Self.standard.write(to: &output, width: 80)
    #expect(output == Self.standard.render(width: 80).map { $0 + "\n" }.joined())
  }
}
