@testable import CurveRender
import CurveCore
import TerminalCanvas
import Testing

/// The learning rate is visible: a panel under the loss, and the summary's end says where the
/// rate ended, so a tail flattened by a decayed rate is not read as convergence.
@Suite struct LearningRateTests {
  /// 20 training records, one evaluation every 4; the rate given for each record.
  static func log(rates: (Int) -> Double?) -> TrainingLog {
    var log = TrainingLog(metadata: RunMetadata(source: "hand-built"))
    for index in 0..<20 {
      let step = 10 * (index + 1)
      log.trainingEntries.append(
        TrainingEntry(step: step, loss: 0.7 - 0.02 * Double(index), learningRate: rates(index)))
      if (index + 1) % 4 == 0 {
        log.evaluationEntries.append(EvaluationEntry(step: step, loss: 0.72 - 0.02 * Double(index)))
      }
    }
    return log
  }

  static let decayed = log { 0.01 * Double(19 - $0) / 19 }
  static let constant = log { _ in 0.4 }
  static let unlogged = log { _ in nil }

  @Test func theSummarySaysTheRateEndedBelowItsPeak() {
    #expect(TrainingLogSummary(Self.decayed).line.contains("learning_rate 0 (peak 0.01)"))
    let constant = TrainingLogSummary(Self.constant).line
    #expect(constant.contains("learning_rate 0.4,"))
    #expect(!constant.contains("peak"))
    #expect(!TrainingLogSummary(Self.unlogged).line.contains("learning_rate"))
  }

  @Test func thePanelSitsUnderTheLossWithALabelledTop() {
    let lines = TrainingLogChart(Self.decayed, panels: .withLearningRate)
      .render(width: 80, options: ChartOptions(isColorEnabled: false))
    let loss = lines.firstIndex { $0.hasPrefix("Loss") }
    let rate = lines.firstIndex { $0.hasPrefix("Learning rate") }
    let accuracy = lines.firstIndex { $0.hasPrefix("Accuracy") }
    #expect(loss != nil && rate != nil && loss! < rate!)
    #expect(accuracy == nil || rate! < accuracy!)
    // The top of the axis is a round number at or above the peak, and it is labelled.
    #expect(lines[rate! + 1].drop { $0 == " " }.hasPrefix("0.01 ┤"))
    #expect(lines.allSatisfy { $0.count <= 80 })
  }

  @Test func aLogWithoutRatesHasNoPanel() {
    let lines = TrainingLogChart(Self.unlogged, panels: .withLearningRate)
      .render(width: 80, options: ChartOptions(isColorEnabled: false))
    #expect(!lines.contains { $0.hasPrefix("Learning rate") })
    #expect(lines.contains { $0.hasPrefix("Loss") })
  }

  @Test(arguments: [(0.0156, 0.02), (7.57, 10), (1, 1), (0.3, 0.5), (0.0022, 0.0025), (0.001, 0.001)])
  func theAxisTopIsARoundCeiling(value: Double, top: Double) {
    let found = TrainingLogChart.roundCeiling(value)
    #expect(abs(found - top) <= 1e-12 * top, "\(value) → \(found)")
  }
}
