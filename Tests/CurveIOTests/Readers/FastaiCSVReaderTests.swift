import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct FastaiCSVReaderTests {
  @Test func readsValidationMetricsAndSkipsTheTimeColumn() throws {
    let loaded = try Fixture.load("fastai/history.csv")
    let log = loaded.log
    #expect(log.metadata.format == "fastai")
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == [1, 2, 3, 4, 5])
    #expect(log.trainingEntries[0].loss == 0.9)
    let first = log.evaluationEntries[0]
    #expect(first.loss == 0.7)
    #expect(first.accuracy == 0.78)
    #expect(first.trainingAccuracy == nil)
    #expect(first.metrics == ["error_rate": 0.22])
    #expect(loaded.warnings.isEmpty)
  }
}
