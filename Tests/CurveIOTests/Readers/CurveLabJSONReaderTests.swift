import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct CurveLabJSONReaderTests {
  @Test func refusesAnUnknownVersion() throws {
    let error = try #require(Fixture.error("curvelab/version-2.json"))
    #expect(
      error.description.hasSuffix(
        "version-2.json: CurveLab log version 2 is not supported; this build reads version 1 (a "
          + "newer CurveLab wrote it?)"))
  }

  @Test func refusesAnotherFormatName() {
    let text = #"{"format": "other-log", "version": 1, "training": []}"#
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "x.json", format: .curveLabJSON)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description
          == "x.json, line 1, column 12: 'format' is 'other-log', not 'curvelab-log'")
    }
  }

  @Test func readsTheStepUnitWhenTheDocumentHasOne() throws {
    let text = """
      {"format": "curvelab-log", "version": 1, "metadata": {"source": "x", "step_unit": "epoch"},
       "training": [{"step": 1, "loss": 0.5}],
       "evaluation": [{"step": 1, "loss": 0.6, "metrics": {"f1": 0.4}}]}
      """
    let log = try LogLoader().load(bytes: Array(text.utf8), name: "run.json").log
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.evaluationEntries[0].metrics == ["f1": 0.4])
  }
}
