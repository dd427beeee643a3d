import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct LogFormatTests {
  static let fixtures: [(String, LogFormat)] = [
    ("trainer-state/bert-sst2/trainer_state.json", .trainerState),
    ("trainer-state/wav2vec2-ctc/trainer_state.json", .trainerState),
    ("trainer-state/run", .trainerState),
    ("keras/training.log", .keras),
    ("keras/windows-semicolon.csv", .keras),
    ("keras/appended.csv", .keras),
    ("lightning/lightning_logs/version_3/metrics.csv", .lightning),
    ("lightning/old/metrics.csv", .lightning),
    ("tensorboard-csv/run-.-tag-train_loss.csv", .tensorBoardCSV),
    ("tensorboard-csv/keras", .tensorBoardCSV),
    ("tensorboard/pytorch/events.out.tfevents.1700000000.gpu-node.4242.0", .tensorBoard),
    ("tensorboard/keras", .tensorBoard),
    ("tensorboard/tensorboardx", .tensorBoard),
    ("wandb/wandb_export_2024-05-14T09_31_07.412+02_00.csv", .wandb),
    ("wandb/history.csv", .wandb),
    ("fastai/history.csv", .fastai),
    ("mlflow/mlruns/1/5c1f0e7a9d2b4e6f8a3c", .mlflow),
    ("mlflow/mlruns/1/5c1f0e7a9d2b4e6f8a3c/metrics/loss", .mlflow),
    ("ultralytics/yolov8-padded/results.csv", .ultralytics),
    ("ultralytics/yolo11/results.csv", .ultralytics),
    ("ultralytics/classify/results.csv", .ultralytics),
    ("curvelab/version-2.json", .curveLabJSON),
    ("jsonl/metrics.jsonl", .jsonLines),
    ("csv/generic.csv", .csv),
  ]

  @Test(arguments: fixtures)
  func detectsTheFormatOfEachFixture(fixture: (String, LogFormat)) throws {
    #expect(try LogLoader().detectFormat(path: Fixture.path(fixture.0)) == fixture.1)
  }

  @Test func contentBeatsAMisleadingName() {
    let keras = Array("epoch,loss,val_loss\n0,0.5,0.6\n".utf8)
    #expect(LogFormat.detect(fileName: "metrics.csv", prefix: keras) == .keras)
    let state = Array("{\n  \"best_metric\": null,\n  \"log_history\": []\n}\n".utf8)
    #expect(LogFormat.detect(fileName: "state.txt", prefix: state) == .trainerState)
    let lines = Array("{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"loss\": 0.4}\n".utf8)
    #expect(LogFormat.detect(fileName: "log.json", prefix: lines) == .jsonLines)
  }

  @Test func theCurveLabCSVIsTheGenericFormat() {
    let header = CSVLogWriter.columns.joined(separator: ",") + "\n1,,0.5,,,,,,\n"
    #expect(LogFormat.detect(fileName: "run.csv", prefix: Array(header.utf8)) == .csv)
  }

  @Test(arguments: LogFormat.allCases)
  func rawValuesWorkAsFlagValues(format: LogFormat) {
    #expect(LogFormat(argument: format.rawValue) == format)
    #expect(LogFormat(argument: format.rawValue.uppercased()) == format)
  }

  @Test func flagValuesAcceptCommonSpellings() {
    #expect(LogFormat(argument: "trainer_state") == .trainerState)
    #expect(LogFormat(argument: "tfevents") == .tensorBoard)
    #expect(LogFormat(argument: "yolo") == .ultralytics)
    #expect(LogFormat(argument: "parquet") == nil)
  }

  @Test func anExplicitFormatOverridesDetection() throws {
    // A Keras-shaped file read as generic CSV: epochs are the same, the format differs.
    let log = try Fixture.load("keras/training.log", format: .csv).log
    #expect(log.metadata.format == "csv")
    #expect(log.trainingEntries.count == 12)
  }
}
