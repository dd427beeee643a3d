import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct JSONLinesReaderTests {
  @Test func readsFlatRecordsAndAlignsThemOnStep() throws {
    let loaded = try Fixture.load("jsonl/metrics.jsonl")
    let log = loaded.log
    #expect(log.metadata.format == "jsonl")
    #expect(log.trainingEntries.map(\.step) == [10, 20, 30, 40])
    #expect(log.trainingEntries[2].loss.isNaN)
    #expect(log.trainingEntries[2].gradientNorm == nil)
    #expect(log.trainingEntries[0].learningRate == 5e-05)
    #expect(log.evaluationEntries.map(\.step) == [32, 64])
    #expect(log.evaluationEntries[0].loss == 0.52)
    #expect(log.evaluationEntries[0].accuracy == 0.8)
    #expect(log.evaluationEntries[0].metrics == ["eval_f1": 0.79])
    #expect(loaded.warnings.contains { $0.contains("skipped 1 closing summary record") })
  }

  @Test func aTextValueForAKnownKeyNamesTheLine() {
    let text = "{\"step\": 1, \"loss\": 0.5}\n\n{\"step\": 2, \"loss\": \"high\"}\n"
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "run.jsonl")
      Issue.record("expected an error")
    } catch {
      #expect(error.description == "run.jsonl, line 3, column 'loss': 'high' is not a number")
    }
  }

  @Test func aBrokenLineIsALocatedJSONError() {
    let text = "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"loss\": 0.4\n"
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "run.jsonl")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("run.jsonl, line 2, column 1: "))
    }
  }
}
