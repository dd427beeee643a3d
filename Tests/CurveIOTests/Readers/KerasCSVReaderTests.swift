import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct KerasCSVReaderTests {
  @Test func readsOneRowPerEpochWithEpochsCountedFromOne() throws {
    let loaded = try Fixture.load("keras/training.log")
    let log = loaded.log
    #expect(log.metadata.format == "keras")
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == Array(1...12))
    #expect(log.evaluationEntries.map(\.step) == Array(1...12))
    let first = log.trainingEntries[0]
    #expect(first.epoch == 1)
    #expect(agree(first.loss, 0.6962290169488969))
    #expect(first.learningRate == 0.0010000000474974513)
    let evaluation = log.evaluationEntries[0]
    #expect(evaluation.loss == 0.66)
    #expect(evaluation.accuracy == 0.53)
    #expect(evaluation.trainingAccuracy == 0.55)
    #expect(evaluation.metrics.isEmpty)
    #expect(loaded.warnings.isEmpty)
  }

  @Test func readsWindowsLineEndsAndSemicolons() throws {
    let log = try Fixture.load("keras/windows-semicolon.csv", format: .keras).log
    #expect(log.trainingEntries.count == 5)
    #expect(log.evaluationEntries.last?.step == 5)
    #expect(agree(log.evaluationEntries.last?.accuracy, 0.65))
  }

  @Test func keepsTheLastOfRunsAppendedUnderOneHeaderAndWarns() throws {
    let loaded = try Fixture.load("keras/appended.csv")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == Array(1...6))
    #expect(log.trainingEntries[0].loss == 0.65)
    #expect(log.trainingEntries.allSatisfy { $0.loss.isFinite })
    let warning = try #require(loaded.warnings.first)
    #expect(warning.contains("appended.csv: runs appended under one header"))
    #expect(warning.contains("epoch went back from 2 to 0 at line 5"))
  }

  @Test func naIsMissingButNanIsKept() throws {
    let appended = try Fixture.load("keras/appended.csv").log
    // validation_freq=2: epochs 0, 2, 4 of the second run logged NA.
    #expect(
      appended.evaluationEntries.map { $0.loss != nil } == [false, true, false, true, false, true])
    #expect(appended.evaluationEntries[0].trainingAccuracy == 0.6)

    let text = "epoch,loss,val_loss\r\n0,0.9,0.8\r\n1,nan,inf\r\n2,NA,0.7\r\n"
    let diverged = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv", format: .keras)
      .log
    #expect(diverged.trainingEntries.map(\.step) == [1, 2])
    #expect(diverged.trainingEntries[1].loss.isNaN)
    #expect(diverged.evaluationEntries[1].loss == .infinity)
    #expect(diverged.evaluationEntries[2].loss == 0.7)
  }

  @Test func skipsRepeatedHeaderLinesWithAWarning() throws {
    let loaded = try Fixture.load("keras/repeated-header.csv")
    #expect(loaded.log.trainingEntries.map(\.step) == [1, 2, 3, 4, 5])
    #expect(
      loaded.warnings.contains { $0.contains("header line was repeated 1 time (first at line 5)") })
  }

  @Test func anOverrideCanNameTheLossColumns() throws {
    let text = "epoch,bce,holdout_bce\n0,0.7,0.72\n1,0.6,0.65\n"
    let mapping = MetricMapping(trainingLoss: "bce", validationLoss: "holdout_bce")
    let log = try LogLoader().load(
      bytes: Array(text.utf8), name: "custom.csv", format: .keras, mapping: mapping
    ).log
    #expect(log.trainingEntries.map(\.loss) == [0.7, 0.6])
    #expect(log.evaluationEntries.map(\.loss) == [0.72, 0.65])
  }
}
