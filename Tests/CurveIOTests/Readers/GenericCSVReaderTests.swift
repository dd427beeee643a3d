import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct GenericCSVReaderTests {
  @Test func readsRecognisableColumnsAndLeavesTextOut() throws {
    let loaded = try Fixture.load("csv/generic.csv")
    let log = loaded.log
    #expect(log.metadata.format == "csv")
    #expect(log.trainingEntries.map(\.step) == [100, 200, 300, 400])
    #expect(log.evaluationEntries.map(\.step) == [200, 400])
    #expect(log.evaluationEntries[1].accuracy == 0.67)
    #expect(
      loaded.warnings.contains { $0.contains("column 'notes' holds text ('warmup' at line 2)") })
  }

  @Test func unrecognisableColumnsAreAnErrorThatListsThemAndTheFlags() throws {
    let error = try #require(Fixture.error("csv/columns-unknown.csv"))
    #expect(
      error.description.hasSuffix(
        "columns-unknown.csv: no column looks like a loss or an accuracy; columns found: round, "
          + "reward, kl. Say which is which with --train-loss, --val-loss or --val-accuracy"))
    let mapped = try Fixture.load(
      "csv/columns-unknown.csv", mapping: MetricMapping(trainingLoss: "kl")
    ).log
    #expect(mapped.trainingEntries.map(\.loss) == [0.01, 0.02])
    #expect(mapped.evaluationEntries.map { $0.metrics["reward"] } == [0.5, 0.7])
  }

  @Test func aRestartingStepCounterKeepsTheLaterRecords() throws {
    let text = "step,loss,val_loss\n10,0.9,\n20,0.8,0.85\n30,0.7,\n20,0.75,0.8\n30,0.65,\n"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "resumed.csv")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.75, 0.65])
    #expect(loaded.log.evaluationEntries.map(\.loss) == [0.8])
    #expect(loaded.warnings.contains { $0.contains("step went back from 30 to 20 at line 5") })
  }

  @Test func testLossIsTheValidationLossOnlyWhenNothingElseIs() throws {
    let onlyTest = "step,loss,test_loss\n1,0.5,0.6\n"
    let a = try LogLoader().load(bytes: Array(onlyTest.utf8), name: "a.csv").log
    #expect(a.evaluationEntries.first?.loss == 0.6)
    let both = "step,loss,val_loss,test_loss\n1,0.5,0.55,0.6\n"
    let b = try LogLoader().load(bytes: Array(both.utf8), name: "b.csv").log
    #expect(b.evaluationEntries.first?.loss == 0.55)
    #expect(b.evaluationEntries.first?.metrics == ["test_loss": 0.6])
  }
}
