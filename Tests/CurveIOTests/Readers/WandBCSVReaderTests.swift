import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct WandBCSVReaderTests {
  private let panel = "wandb/wandb_export_2024-05-14T09_31_07.412+02_00.csv"

  @Test func readsTheFirstRunOfAChartExportAndWarnsAboutTheOthers() throws {
    let loaded = try Fixture.load(panel)
    let log = loaded.log
    #expect(log.metadata.format == "wandb")
    #expect(log.trainingEntries.isEmpty)
    #expect(log.evaluationEntries.map(\.step) == [500, 1000, 1500, 2000])
    #expect(agree(log.evaluationEntries[1].loss, 0.37))
    #expect(log.evaluationEntries.allSatisfy { $0.metrics.isEmpty })
    #expect(
      loaded.warnings.contains {
        $0.contains("2 runs (bert-lr3e-5, bert-lr1e-4); read the first, 'bert-lr3e-5'")
      })
  }

  @Test func readsARunHistoryOnTheTrainersOwnStep() throws {
    let loaded = try Fixture.load("wandb/history.csv")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == Array(stride(from: 100, through: 1000, by: 100)))
    #expect(log.trainingEntries[0].loss == 0.5925)
    #expect(log.trainingEntries[0].learningRate == 4.5e-05)
    #expect(log.trainingEntries[0].gradientNorm == 2.5)
    #expect(log.trainingEntries[0].epoch == 0.2)
    #expect(log.evaluationEntries.map(\.step) == [500, 1000])
    #expect(agree(log.evaluationEntries[0].loss, 0.36))
    #expect(agree(log.evaluationEntries[0].accuracy, 0.85))
    #expect(log.evaluationEntries[0].metrics.isEmpty)
    #expect(loaded.warnings.isEmpty)
  }
}
