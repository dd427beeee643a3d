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

  @Test func perBatchValidationRowsAreSetAsideAndTheEpochSeriesRead() throws {
    // Lightning 2.x: val_*_step rows at the validation batch index (0 to 4 every epoch).
    let loaded = try Fixture.load("shapes/lightning-validation-batches/metrics.csv")
    let log = loaded.log
    let ends = (1...10).map { $0 * 40 }
    #expect(log.trainingEntries.map(\.step) == ends)
    #expect(log.evaluationEntries.map(\.step) == ends)
    #expect(log.evaluationEntries.map(\.epoch) == (1...10).map { Double($0) })
    #expect(agree(log.evaluationEntries[0].loss, 0.6811983585357666))
    #expect(agree(log.evaluationEntries[0].metrics["val_f1_epoch"], 0.5346308946609497))
    #expect(log.evaluationEntries.allSatisfy { Set($0.metrics.keys) == ["val_f1_epoch"] })
    #expect(!loaded.warnings.contains { $0.contains("went back") || $0.contains("appended") })
    let file = Fixture.path("shapes/lightning-validation-batches/metrics.csv")
    #expect(
      loaded.warnings.contains(
        "\(file): set aside 50 rows of per-batch evaluation values (val_f1_step, val_loss_step; "
          + "the first at line 6): Lightning logs them at the index of the validation batch, "
          + "not at a training step; the epoch-level val_f1_epoch, val_loss_epoch are read "
          + "instead"))
  }

  @Test func theTrainingStepSeriesBesideValidationBatchesKeepsItsGlobalSteps() throws {
    let log = try Fixture.load(
      "shapes/lightning-validation-batches/metrics.csv",
      mapping: MetricMapping(trainingLoss: "train_loss_step")
    ).log
    #expect(log.trainingEntries.map(\.step) == (0..<40).map { 10 * ($0 + 1) })
    #expect(log.evaluationEntries.count == 10)
  }

  @Test func validationBatchesCountedOverTheRunAreSetAsideToo() throws {
    // Lightning 1.x (a real file, kept verbatim): the validation batch counter runs on over
    // the run (0 to 2, then 3 to 5) below the global step (9, 19); only epoch-level training.
    let loaded = try Fixture.load("shapes/lightning-1x-validation-batches/metrics.csv")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == [10, 20])
    #expect(agree(log.trainingEntries[1].loss, 2.227943181991577))
    #expect(log.evaluationEntries.map(\.step) == [10, 20])
    #expect(agree(log.evaluationEntries[0].loss, 2.7033674716949463))
    #expect(agree(log.evaluationEntries[1].accuracy, 0.6458333134651184))
    #expect(loaded.warnings.contains { $0.contains("set aside 6 rows of per-batch evaluation") })
  }
}
