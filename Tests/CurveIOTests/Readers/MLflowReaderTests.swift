import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct MLflowReaderTests {
  private let run = "mlflow/mlruns/1/5c1f0e7a9d2b4e6f8a3c"

  @Test func readsEveryMetricFileOfARun() throws {
    let loaded = try Fixture.load(run)
    let log = loaded.log
    #expect(log.metadata.format == "mlflow")
    #expect(log.metadata.source == Fixture.path(run))
    #expect(log.trainingEntries.map(\.step) == [0, 1, 2, 3, 4, 5])
    #expect(log.trainingEntries[0].loss == 0.68)
    #expect(agree(log.evaluationEntries[1].loss, 0.595))
    #expect(agree(log.evaluationEntries[1].accuracy, 0.63))
    #expect(agree(log.evaluationEntries[1].trainingAccuracy, 0.65))
  }

  @Test func theMetricsFolderAndSingleFilesLoadToo() throws {
    let folder = try Fixture.load("\(run)/metrics").log
    #expect(folder.evaluationEntries.count == 6)
    let single = try Fixture.load("\(run)/metrics/val_loss").log
    #expect(single.evaluationEntries.count == 6)
    #expect(single.metadata.format == "mlflow")
  }

  @Test func aBadValueNamesTheLine() {
    let text = "1715670000101 0.5 0\n1715670001101 oops 1\n"
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "metrics/loss", format: .mlflow)
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "metrics/loss, line 2, column 'value': 'oops' is not a number")
    }
  }
}
