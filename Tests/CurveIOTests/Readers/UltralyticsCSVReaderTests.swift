import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct UltralyticsCSVReaderTests {
  @Test func sumsTheLossComponentsOfPaddedResults() throws {
    let loaded = try Fixture.load("ultralytics/yolov8-padded/results.csv")
    let log = loaded.log
    #expect(log.metadata.format == "ultralytics")
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == [1, 2, 3, 4])
    #expect(agree(log.trainingEntries[0].loss, 1.25 + 2.1 + 1.3))
    #expect(log.trainingEntries[0].learningRate == 0.00332)
    let first = log.evaluationEntries[0]
    #expect(agree(first.loss, 1.35 + 1.9 + 1.35))
    #expect(first.metrics["metrics/mAP50(B)"] == 0.45)
    #expect(first.metrics["val/box_loss"] == 1.35)
    #expect(first.metrics["train/cls_loss"] == 2.1)
    #expect(first.metrics["lr/pg2"] == nil)
    #expect(loaded.warnings.isEmpty)
  }

  @Test func readsTheTimeColumnOfNewerVersions() throws {
    let log = try Fixture.load("ultralytics/yolo11/results.csv").log
    #expect(log.trainingEntries.map(\.step) == [1, 2, 3, 4, 5])
    #expect(agree(log.evaluationEntries[0].loss, 1.29 + 1.30 + 1.247))
    #expect(log.evaluationEntries[0].metrics["time"] == nil)
  }

  @Test func classificationAccuracyIsTheValidationAccuracy() throws {
    let log = try Fixture.load("ultralytics/classify/results.csv").log
    #expect(log.trainingEntries.map(\.loss) == [1.8, 1.4, 1.0])
    #expect(agree(log.evaluationEntries[0].accuracy, 0.51))
    #expect(agree(log.evaluationEntries[0].loss, 1.75))
    #expect(log.evaluationEntries[0].metrics["metrics/accuracy_top5"] == 0.85)
  }
}
