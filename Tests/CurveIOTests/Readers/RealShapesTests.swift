import CurveCore
import CurveIO
import Foundation
import Testing

/// The common shapes of real logs (see Fixtures/SOURCE.md, "Real shapes"): each loads, with
/// the values where they belong and a warning for anything read differently than written.
@Suite struct RealShapesTests {
  @Test func listsNamedOnlyByTheirSetAreReadByWhatTheirValuesDo() throws {
    // Falling, and leaving 0 to 1: losses.
    let losses = try Fixture.load("shapes/set-named-lists/losses.json")
    #expect(losses.log.trainingEntries.map(\.loss) == [4.1749, 2.5449, 1.8768, 1.6091, 1.4989, 1.4521, 1.4413, 1.4314])
    #expect(losses.log.evaluationEntries.last?.loss == 1.7278)
    #expect(losses.log.evaluationEntries.allSatisfy { $0.accuracy == nil })
    #expect(losses.warnings.contains { $0.contains("'train' as the training loss and 'val' as the validation loss") })
    // Rising within 0 to 1: accuracies.
    let accuracies = try Fixture.load("shapes/set-named-lists/accuracies.json")
    #expect(accuracies.log.evaluationEntries.map(\.accuracy) == [0.503, 0.618, 0.679, 0.719, 0.741, 0.751])
    #expect(accuracies.log.evaluationEntries.last?.trainingAccuracy == 0.842)
    #expect(accuracies.log.trainingEntries.allSatisfy { $0.loss == nil })
    #expect(accuracies.warnings.contains { $0.contains("as the validation accuracy (values that rise within 0 to 1") })
    // Named columns still win: the fallback is only for a table with no loss or accuracy.
    let mapped = try Fixture.load(
      "shapes/set-named-lists/losses.json", mapping: MetricMapping(trainingLoss: "val"))
    #expect(mapped.log.trainingEntries.first?.loss == 4.1756)
  }

  @Test func aKerasHistoryDumpedAsJSONHasOneRecordPerEpoch() throws {
    let loaded = try Fixture.load("shapes/keras-history/history.json")
    let log = loaded.log
    #expect(log.metadata.format == "history-json")
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == Array(1...12))
    #expect(log.evaluationEntries.map(\.step) == Array(1...12))
    #expect(log.trainingEntries.allSatisfy { $0.learningRate == 0.0010000000474974513 })
    #expect(log.evaluationEntries[0].loss == 0.66)
    #expect(log.evaluationEntries[0].accuracy == 0.53)
    #expect(log.evaluationEntries[0].trainingAccuracy == 0.55)
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
  }

  @Test func theSameHistoryReadsTheSameInEveryShape() throws {
    let reference = try Fixture.load("shapes/keras-history/history.json").log
    for shape in [
      "shapes/pandas-json/history.json", "shapes/records/metrics.json",
      "shapes/nested/history.json", "shapes/pandas-index/history.csv",
    ] {
      let loaded = try Fixture.load(shape)
      let log = loaded.log
      #expect(log.trainingEntries.map(\.step) == Array(1...12), "\(shape)")
      #expect(
        zip(log.trainingEntries, reference.trainingEntries).allSatisfy {
          agree($0.loss, $1.loss)
        }, "\(shape)")
      #expect(
        zip(log.evaluationEntries, reference.evaluationEntries).allSatisfy {
          agree($0.loss, $1.loss) && agree($0.accuracy, $1.accuracy)
        }, "\(shape)")
      #expect(loaded.warnings.isEmpty, "\(shape): \(loaded.warnings)")
    }
  }

  @Test func aLoopsHistoryInPercentIsReadAsFractions() throws {
    let loaded = try Fixture.load("shapes/pytorch-percent/training_history.json")
    let log = loaded.log
    // The `epochs` list counts from 1: it is the counter, not a metric.
    #expect(log.trainingEntries.map(\.step) == Array(1...12))
    #expect(log.evaluationEntries.allSatisfy { $0.metrics.isEmpty })
    #expect(agree(log.evaluationEntries.last?.accuracy, 0.8))
    #expect(agree(log.evaluationEntries.last?.trainingAccuracy, 0.935))
    let file = Fixture.path("shapes/pytorch-percent/training_history.json")
    #expect(
      loaded.warnings.contains(
        "\(file): val_acc looks like a percentage (max 80); read as fractions"))
    #expect(
      loaded.warnings.contains(
        "\(file): train_acc looks like a percentage (max 93.5); read as fractions"))
    #expect(
      loaded.warnings.contains(
        "\(file): best_epoch, best_val_loss are single values, not one per epoch; left out"))
  }

  @Test func perBatchListsBesidePerEpochListsAreLeftOutWithAWarning() throws {
    let loaded = try Fixture.load("shapes/per-batch/history.json")
    #expect(loaded.log.trainingEntries.isEmpty)
    #expect(loaded.log.evaluationEntries.count == 4)
    #expect(
      loaded.warnings.contains {
        $0.hasSuffix("loss (40 values) does not match the 4 values of the other lists (per "
          + "batch, or every few epochs?); left out")
      })
  }

  @Test func aPercentCSVIsReadAsFractions() throws {
    let loaded = try Fixture.load("shapes/percent-csv/log.csv")
    #expect(loaded.log.evaluationEntries.allSatisfy { ($0.accuracy ?? 2) <= 1 })
    #expect(loaded.warnings.count == 2)
  }

  @Test func lightningTestRowsStayMetricsBesideTheValidationCurve() throws {
    let log = try Fixture.load("shapes/lightning-test-rows/metrics.csv").log
    #expect(log.evaluationEntries.filter { $0.loss != nil }.map(\.step) == [200, 400, 600])
    let test = try #require(log.evaluationEntries.last)
    #expect(test.step == 601)
    #expect(test.metrics == ["test_acc": 0.8125, "test_loss": 0.5322])
    #expect(test.loss == nil)
  }

  @Test func aWandBPanelOfOneMetricIsReadAsThatMetric() throws {
    let loaded = try Fixture.load(
      "shapes/wandb-one-metric/wandb_export_2024-03-02T11_20_41.118+01_00.csv")
    #expect(loaded.loneMetric == "test FID_B")
    #expect(loaded.log.trainingEntries.isEmpty)
    #expect(loaded.log.evaluationEntries.map(\.step) == (1...8).map { $0 * 1000 })
    #expect(
      loaded.log.evaluationEntries.map { $0.metrics["test FID_B"] }
        == [96.4, 71.2, 60.3, 55.8, 54.1, 55.0, 57.9, 59.6])
  }

  @Test(arguments: [
    ("step,test SSIM\n1,0.61\n2,0.72\n3,0.74\n", "log.csv", "test SSIM"),
    ("epoch,BLEU\n0,12.5\n1,18.25\n", "bleu.csv", "BLEU"),
    (#"{"log_history":[{"eval_bleu":10.5,"step":5},{"eval_bleu":12.5,"step":10}]}"#,
     "trainer_state.json", "eval_bleu"),
  ])
  func aLogOfOneMetricIsReadNotRefused(text: String, name: String, metric: String) throws {
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: name)
    #expect(loaded.loneMetric == metric)
    #expect(loaded.log.evaluationEntries.allSatisfy { $0.metrics.keys.sorted() == [metric] })
  }

  @Test func twoMetricsWithoutALossAreStillRefused() throws {
    #expect(throws: LogReadError.self) {
      _ = try LogLoader().load(bytes: Array("round,reward,kl\n1,0.5,0.01\n".utf8), name: "a.csv")
    }
    // A log with a loss has no lone metric, whatever else it holds.
    let loaded = try Fixture.load("keras/training.log")
    #expect(loaded.loneMetric == nil)
  }

  @Test func aHistoryWrappedInAReportIsReadFromInsideWithANote() throws {
    let loaded = try Fixture.load("shapes/nested-report/training_report.json")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == Array(1...10))
    #expect(log.evaluationEntries.map(\.step) == Array(1...10))
    #expect(agree(log.evaluationEntries[0].loss, 0.95))
    #expect(agree(log.evaluationEntries[9].accuracy, 0.86))
    // The per-epoch time list is timing, not a metric.
    #expect(log.evaluationEntries.allSatisfy { $0.metrics.isEmpty })
    let file = Fixture.path("shapes/nested-report/training_report.json")
    #expect(
      loaded.warnings.contains(
        "\(file): the lists were found nested inside 'training_history'; read from there"))
    #expect(loaded.warnings.contains { $0.contains("config/learning_rate") })
  }

  @Test func aKerasHistoryInsideModelMetadataKeepsItsUnprefixedTrainingSeries() throws {
    let loaded = try Fixture.load("shapes/nested-metadata/model_metadata.json")
    let log = loaded.log
    #expect(log.trainingEntries.count == 8)
    #expect(log.evaluationEntries.count == 8)
    #expect(agree(log.evaluationEntries[1].accuracy, 0.575))
    #expect(agree(log.evaluationEntries[1].trainingAccuracy, 0.59))
    #expect(agree(log.evaluationEntries[0].loss, 0.7))
    // The test-set summary is single values, not a validation curve.
    #expect(log.evaluationEntries.allSatisfy { $0.metrics.isEmpty })
  }

  @Test(arguments: [
    #"{"history": {"train_loss": [0.9, 0.7, 0.5], "val_loss": [0.95, 0.8, 0.7]}}"#,
    #"{"metrics": {"loss": [0.9, 0.7, 0.5], "val_loss": [0.95, 0.8, 0.7]}}"#,
    #"{"results": {"history": {"train_loss": [0.9, 0.7, 0.5], "val_loss": [0.95, 0.8, 0.7]}}}"#,
    #"{"train_history": {"loss": [0.9, 0.7, 0.5]}, "val_history": {"loss": [0.95, 0.8, 0.7]}}"#,
    #"{"seed": 3, "logs": {"epoch": [1, 2, 3], "train_loss": [0.9, 0.7, 0.5], "val_loss": [0.95, 0.8, 0.7]}}"#,
  ])
  func nestedHistoriesReadAsTheFlatOne(text: String) throws {
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "run.json")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.loss) == [0.9, 0.7, 0.5])
    #expect(log.evaluationEntries.map(\.loss) == [0.95, 0.8, 0.7])
    #expect(log.evaluationEntries.map(\.step) == [1, 2, 3])
    #expect(loaded.warnings.contains { $0.contains("nested inside") }, "\(loaded.warnings)")
  }

  @Test func listsOfTwoRunsInsideWrappersKeepTheirPathsWhenTheirNamesClash() throws {
    let text = #"{"run_a": {"val_loss": [0.9, 0.8]}, "run_b": {"val_loss": [0.7, 0.6]}}"#
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "runs.json")
    // The first run's list is the validation loss; the second keeps its path as a metric.
    #expect(loaded.log.evaluationEntries.map(\.loss) == [0.9, 0.8])
    #expect(loaded.log.evaluationEntries.map { $0.metrics["run_b/val_loss"] } == [0.7, 0.6])
  }
}

/// Rows with a word where the step or epoch goes (`best`, `mean`, `summary`).
@Suite struct SummaryRowTests {
  @Test func aClosingBestRowIsSkippedWithAWarningNamingItsLine() throws {
    let loaded = try Fixture.load("shapes/summary-rows/metrics.csv")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == Array(1...8))
    #expect(log.evaluationEntries.map(\.step) == Array(1...8))
    #expect(agree(log.evaluationEntries.last?.loss, 0.3134))
    let file = Fixture.path("shapes/summary-rows/metrics.csv")
    #expect(
      loaded.warnings == [
        "\(file): line 10 ('best' in 'epoch') is a summary row, not an epoch; skipped"
      ])
  }

  @Test(arguments: [
    ("epoch,loss,val_loss\nmean,0.5,0.6\n0,0.9,0.95\n1,0.7,0.8\n2,0.5,0.7\n", "line 2 ('mean'"),
    ("step,loss,val_loss\n10,0.9,0.95\n20,0.7,0.8\n30,0.5,0.7\nfinal,0.5,0.7\nstd,0.1,0.1\n",
     "lines 5, 6 ('final', 'std' in 'step') are summary rows, not steps"),
    (",loss,val_loss\n0,0.9,0.95\n1,0.7,0.8\n2,0.5,0.7\nsummary,0.5,0.7\n", "line 5 ('summary'"),
  ])
  func summaryRowsAboveOrBelowTheHistoryAreSkipped(text: String, warning: String) throws {
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.7, 0.5])
    #expect(loaded.log.evaluationEntries.map(\.loss) == [0.95, 0.8, 0.7])
    #expect(loaded.warnings.contains { $0.contains(warning) }, "\(loaded.warnings)")
  }

  @Test func aWordBetweenEpochsIsStillAnErrorNamingThePlace() throws {
    let text = "epoch,loss,val_loss\n0,0.9,0.95\nbest,0.7,0.8\n2,0.5,0.7\n"
    let error = try #require(
      throws: LogReadError.self,
      performing: { try LogLoader().load(bytes: Array(text.utf8), name: "log.csv") })
    #expect(error.description == "log.csv, line 3, column 'epoch': 'best' is not a number")
  }

  @Test func aFileOfSummaryRowsOnlyIsRefused() throws {
    let text = ",loss,val_loss\ncount,4,4\nmean,0.6,0.7\n"
    let error = try #require(
      throws: LogReadError.self,
      performing: { try LogLoader().load(bytes: Array(text.utf8), name: "describe.csv") })
    #expect(error.description == "describe.csv, line 2, column 'epoch': 'count' is not a number")
  }
}

/// Long tables: one row per set and epoch, with a column that names the set.
@Suite struct SplitColumnTests {
  @Test func eachRowIsReadUnderItsSetsName() throws {
    let loaded = try Fixture.load("shapes/long-table/metrics.csv")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == Array(1...10))
    #expect(log.evaluationEntries.map(\.step) == Array(1...10))
    #expect(log.trainingEntries[0].loss == 0.4246)
    #expect(log.evaluationEntries[0].loss == 0.4561)
    #expect(log.evaluationEntries[0].accuracy == 0.82)
    #expect(log.evaluationEntries[0].trainingAccuracy == 0.812)
    #expect(log.evaluationEntries[9].metrics == ["train_f1": 0.85, "valid_f1": 0.735])
    let file = Fixture.path("shapes/long-table/metrics.csv")
    #expect(
      loaded.warnings == [
        "\(file): line 22 ('best' in 'epoch') is a summary row, not an epoch; skipped",
        "\(file): the 'split' column says which set each row measures (train, valid); 'loss' "
          + "on a 'valid' row is read as 'valid_loss', and so on",
      ])
  }

  @Test(arguments: [
    "Epoch,Phase,Loss,Accuracy\n1,train,0.9,0.5\n1,val,0.95,0.45\n2,train,0.7,0.6\n2,val,0.8,0.55\n",
    "epoch,mode,loss,acc,lr\n0,train,0.9,0.5,0.1\n0,eval,0.95,0.45,0.1\n1,train,0.7,0.6,0.05\n"
      + "1,eval,0.8,0.55,0.05\n",
    "step,stage,loss,acc\n100,Train,0.9,0.5\n100,Validation,0.95,0.45\n200,Train,0.7,0.6\n"
      + "200,Validation,0.8,0.55\n",
  ])
  func splitColumnsOfOtherNamesAndSpellingsReadTheSame(text: String) throws {
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.loss) == [0.9, 0.7])
    #expect(log.evaluationEntries.map(\.loss) == [0.95, 0.8])
    #expect(log.evaluationEntries.map(\.accuracy) == [0.45, 0.55])
    #expect(log.evaluationEntries.map(\.trainingAccuracy) == [0.5, 0.6])
    // A learning rate logged on evaluation rows too is the training one, not a repeat.
    #expect(!loaded.warnings.contains { $0.contains("again") }, "\(loaded.warnings)")
  }

  @Test func aSplitColumnWithMoreValuesThanSetsIsNotPivoted() throws {
    // A run name per row: 40 values, one of them "train"; no column per value is made.
    var text = "epoch,phase,loss\n0,train,0.9\n"
    for epoch in 1..<40 { text += "\(epoch),run\(epoch),0.5\n" }
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    #expect(loaded.log.trainingEntries.count == 40)
    #expect(loaded.warnings.contains { $0.contains("column 'phase' holds text") })
  }

  @Test func aTextColumnNamedLikeASplitThatNamesNoSetIsLeftOutAsBefore() throws {
    let text = "epoch,mode,loss,val_loss\n0,fast,0.9,0.95\n1,fast,0.7,0.8\n"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.7])
    #expect(loaded.log.evaluationEntries.map(\.loss) == [0.95, 0.8])
    #expect(
      loaded.warnings.contains("log.csv: column 'mode' holds text ('fast' at line 2); it was left out"))
  }
}

/// Detectron2's `metrics.json` (a real file, kept verbatim: see Fixtures/SOURCE.md).
@Suite struct Detectron2MetricsTests {
  @Test func theTotalLossIsTheTrainingLossAndItsPartsStayMetrics() throws {
    let loaded = try Fixture.load("shapes/detectron2/metrics.json")
    let log = loaded.log
    #expect(log.metadata.format == "jsonl")
    #expect(log.trainingEntries.map(\.step) == (1...15).map { $0 * 20 - 1 })
    #expect(log.trainingEntries.first?.loss == 2.0359768134658225)
    #expect(log.trainingEntries.last?.loss == 0.26559973329131026)
    #expect(log.trainingEntries.first?.learningRate == 1.60675e-05)
    let first = try #require(log.evaluationEntries.first)
    // Its parts and detector statistics are metrics; timing and the ETA are left out.
    #expect(first.metrics["loss_cls"] == 0.7278757691383362)
    #expect(first.metrics["mask_rcnn/accuracy"] == 0.8547507060860059)
    #expect(first.accuracy == nil && first.trainingAccuracy == nil)
    #expect(first.metrics["eta_seconds"] == nil && first.metrics["data_time"] == nil)
  }

  @Test func aPlainLossWinsOverATotalLoss() throws {
    let text = "step,total_loss,loss,val_loss\n1,2.0,0.9,0.95\n2,1.8,0.7,0.8\n"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.7])
    #expect(loaded.warnings.contains { $0.contains("column 'total_loss' was not used") })
  }
}

/// OpenMMLab's `*.log.json` (mmcv's TextLoggerHook, by-epoch runner).
@Suite struct OpenMMLabLogTests {
  @Test func iterationsWithinEpochsBecomeGlobalStepsAndModesBecomeSets() throws {
    let loaded = try Fixture.load("shapes/openmmlab/20220314_101512.log.json")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == (1...24).map { $0 * 50 })
    #expect(log.trainingEntries[0].loss == 1.5548)
    #expect(log.trainingEntries[0].learningRate == 0.002)
    let evaluations = log.evaluationEntries.filter { $0.metrics["val_bbox_mAP"] != nil }
    #expect(evaluations.map(\.step) == [300, 600, 900, 1200])
    #expect(agree(evaluations[0].metrics["val_bbox_mAP"], 0.398))
    // Nothing went back: no epoch but the last was dropped as an appended run.
    #expect(!loaded.warnings.contains { $0.contains("went back") || $0.contains("appended") })
    #expect(loaded.warnings.contains { $0.contains("(epoch - 1) × 300 + iteration") })
    #expect(loaded.warnings.contains { $0.contains("without a 'global_step' value (at line 1)") })
    // GPU memory is bookkeeping, not a metric.
    #expect(log.evaluationEntries.allSatisfy { $0.metrics["train_memory"] == nil })
  }

  @Test func mmengineValidationRecordsAtTheirEpochNumberSitAtTheEpochsEnd() throws {
    let loaded = try Fixture.load("shapes/mmengine/vis_data/scalars.json")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == (1...20).map { $0 * 50 })
    #expect(log.trainingEntries[0].loss == 1.1841)
    let evaluations = log.evaluationEntries.filter { $0.metrics["coco/bbox_mAP"] != nil }
    #expect(evaluations.map(\.step) == [250, 500, 750, 1000])
    #expect(evaluations[0].metrics["coco/bbox_mAP"] == 0.272)
    #expect(!loaded.warnings.contains { $0.contains("went back") || $0.contains("appended") })
    #expect(
      loaded.warnings.contains {
        $0.hasSuffix("4 records without 'iter' (the first at line 6) count epochs in 'step', as "
          + "MMEngine writes validation metrics; placed at the last training step of their epoch")
      })
  }

  @Test func jsonLinesWithAModeKeyAreReadPerSet() throws {
    let text = """
      {"epoch": 1, "mode": "train", "loss": 0.9, "acc": 0.5}
      {"epoch": 1, "mode": "val", "loss": 0.95, "acc": 0.45}
      {"epoch": 2, "mode": "train", "loss": 0.7, "acc": 0.6}
      {"epoch": 2, "mode": "val", "loss": 0.8, "acc": 0.55}
      """
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.jsonl")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.7])
    #expect(loaded.log.evaluationEntries.map(\.loss) == [0.95, 0.8])
    #expect(loaded.log.evaluationEntries.map(\.accuracy) == [0.45, 0.55])
  }

  @Test func aGlobalIterationCounterIsLeftAsItIs() throws {
    let text = """
      {"mode": "train", "epoch": 1, "iter": 50, "loss": 0.9}
      {"mode": "train", "epoch": 1, "iter": 100, "loss": 0.8}
      {"mode": "train", "epoch": 2, "iter": 150, "loss": 0.7}
      """
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.jsonl")
    #expect(loaded.log.trainingEntries.map(\.step) == [50, 100, 150])
    #expect(!loaded.warnings.contains { $0.contains("counts the iterations of each epoch") })
  }
}

/// Files that are not histories are refused with a message that says what they are.
@Suite struct NotAHistoryTests {
  @Test(arguments: [
    ("all_results.json",
     #"{"epoch": 3.0, "eval_accuracy": 0.9, "eval_loss": 0.3, "train_loss": 0.25, "train_runtime": 300.1}"#,
     "all_results.json, line 1: the file holds only a closing summary"),
    ("eval_results.json", "{\n  \"eval_accuracy\": 0.9,\n  \"eval_loss\": 0.3\n}\n",
     "eval_results.json, line 1: eval_accuracy, eval_loss are single values: a summary of a run"),
    ("train.log", "step 0: train loss 4.2874, val loss 4.2823\niter 10: loss 3.2435, time 31.0ms\n",
     "train.log, line 1: the first line reads like a line of a text log"),
    ("losses.csv", "0.5,0.6\n0.4,0.5\n",
     "losses.csv, line 1: the first line holds numbers ('0.5,0.6'), not column names"),
  ])
  func summariesTextLogsAndHeaderlessTablesAreRefusedClearly(
    name: String, text: String, message: String
  ) throws {
    let error = try #require(
      throws: LogReadError.self,
      performing: { try LogLoader().load(bytes: Array(text.utf8), name: name) })
    #expect(error.description.hasPrefix(message), "\(error)")
  }

  @Test func aTitleWithNumbersAboveARealHeaderIsStillSkipped() throws {
    let text = "Trial Details: lr=0.01, dropout 0.5\nepoch,loss,val_loss\n0,0.9,0.95\n1,0.7,0.8\n"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.7])
  }
}

/// timm's `summary.csv`.
@Suite struct TimmSummaryTests {
  @Test func evalTop1IsTheValidationAccuracyReadFromPercent() throws {
    let loaded = try Fixture.load("shapes/timm/summary.csv")
    let log = loaded.log
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == Array(1...12))
    #expect(agree(log.trainingEntries[0].learningRate, 0.016666666666666666))
    #expect(agree(log.evaluationEntries[0].loss, 2.9611617955379823))
    #expect(agree(log.evaluationEntries[0].accuracy, 0.41511))
    #expect(log.evaluationEntries[0].metrics == ["eval_top5": 63.011])
    #expect(loaded.warnings.count == 1)
    #expect(
      loaded.warnings.first?.hasSuffix(
        "eval_top1 looks like a percentage (max 69.926); read as fractions") == true)
  }
}
