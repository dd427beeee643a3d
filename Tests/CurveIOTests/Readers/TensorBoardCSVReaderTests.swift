import CurveCore
import Testing
import _CurveLabTestSupport

@testable import CurveIO

@Suite struct TensorBoardCSVReaderTests {
  private let files = ["train_loss", "val_loss", "val_acc"].map {
    Fixture.path("tensorboard-csv/run-.-tag-\($0).csv")
  }

  @Test func mergesOneSeriesPerFileByStep() throws {
    let log = try LogLoader().load(paths: files).log
    #expect(log.metadata.format == "tensorboard-csv")
    #expect(log.trainingEntries.count == 20)
    #expect(log.trainingEntries[0].step == 49)
    #expect(log.evaluationEntries.map(\.step) == [249, 499, 749, 999])
    #expect(agree(log.evaluationEntries[0].accuracy, 0.6 + 249.0 / 4000))
    #expect(log.evaluationEntries.allSatisfy { $0.loss != nil })
  }

  @Test func aSingleDownloadIsReadAlone() throws {
    let log = try LogLoader().load(path: files[1]).log
    #expect(log.trainingEntries.isEmpty)
    #expect(log.evaluationEntries.count == 4)
  }

  @Test func kerasRunsBecomeSplitsAndEpochsCountFromOne() throws {
    let log = try Fixture.load("tensorboard-csv/keras").log
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == [1, 2, 3, 4])
    #expect(agree(log.evaluationEntries[1].loss, 0.58))
  }

  @Test func namesComeFromTheTagOrTheFileNamesLastWords() {
    #expect(TensorBoardCSVReader.seriesName(for: "run-.-tag-train_loss.csv") == "train_loss")
    #expect(
      TensorBoardCSVReader.seriesName(for: "run-validation-tag-epoch_loss.csv")
        == "validation/epoch_loss")
    #expect(
      TensorBoardCSVReader.seriesName(for: "run-version_0-tag-val_acc.csv") == "val_acc")
    #expect(TensorBoardCSVReader.seriesName(for: "exp3_loss.csv") == "loss")
    // A split inside the name is understood as it is (a set named exp3).
    #expect(TensorBoardCSVReader.seriesName(for: "exp3_val_loss.csv") == "exp3_val_loss")
    #expect(MetricNames.role(of: "exp3_val_loss") == .validationLoss)
  }

  @Test func theFileNameGivesTheSeries() throws {
    let log = try Fixture.load("tensorboard-csv/named/exp3_val_loss.csv", format: .tensorBoardCSV)
      .log
    #expect(log.evaluationEntries.map(\.loss) == [0.51, 0.47])
  }
}
