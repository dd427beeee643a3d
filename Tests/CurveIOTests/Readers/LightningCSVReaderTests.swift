import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct LightningCSVReaderTests {
  @Test func alignsSparseRowsOnStepAndCountsUpdatesFromOne() throws {
    let loaded = try Fixture.load("lightning/lightning_logs/version_3/metrics.csv")
    let log = loaded.log
    #expect(log.metadata.format == "lightning")
    // train_loss_epoch wins over the per-batch train_loss_step, logged at each epoch's end.
    #expect(log.trainingEntries.map(\.step) == [200, 400, 600])
    #expect(agree(log.trainingEntries[0].loss, 0.95))
    #expect(log.evaluationEntries.map(\.step) == [200, 400, 600])
    let first = log.evaluationEntries[0]
    #expect(first.loss == 0.82)
    #expect(first.accuracy == 0.71)
    #expect(first.trainingAccuracy == 0.68)
    #expect(first.epoch == 1)
    #expect(loaded.warnings.contains { $0.contains("'train_loss_step' was not used") })
  }

  @Test func theStepSeriesCanBeChosenInstead() throws {
    let log = try Fixture.load(
      "lightning/lightning_logs/version_3/metrics.csv",
      mapping: MetricMapping(trainingLoss: "train_loss_step")
    ).log
    #expect(
      log.trainingEntries.map(\.step) == [
        50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600,
      ])
    #expect(agree(log.trainingEntries[0].epoch, 0.25))
    #expect(agree(log.trainingEntries[0].loss, 1.1089647560434857))
  }

  @Test func readsUnsortedHeadersOfOldVersions() throws {
    let log = try Fixture.load("lightning/old/metrics.csv").log
    #expect(log.trainingEntries.map(\.step) == [120, 240, 360, 480])
    #expect(log.evaluationEntries.map(\.step) == [120, 240, 360, 480])
    #expect(agree(log.evaluationEntries[1].loss, 0.76))
    #expect(agree(log.evaluationEntries[1].accuracy, 0.67))
  }

  @Test func aFolderPicksTheNewestVersion() throws {
    let loaded = try Fixture.load("lightning")
    #expect(loaded.log.metadata.source.hasSuffix("version_3/metrics.csv"))
  }

  @Test func aBadCellNamesFileLineAndColumn() throws {
    let error = try #require(Fixture.error("lightning/bad-number/metrics.csv"))
    #expect(
      error.description.hasSuffix(
        "bad-number/metrics.csv, line 57, column 'val_loss': 'abc' is not a number"))
    guard case .notANumber(let text, let location) = error else {
      Issue.record("expected notANumber, got \(error)")
      return
    }
    #expect(text == "abc")
    #expect(location.line == 57)
    #expect(location.columnName == "val_loss")
  }
}
