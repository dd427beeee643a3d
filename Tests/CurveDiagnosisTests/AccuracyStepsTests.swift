@testable import CurveDiagnosis
import Testing

@Suite struct AccuracyStepsTests {
  @Test(arguments: [7, 50, 173, 500])
  func findsTheSetSizeFromExactFractions(size: Int) throws {
    let values = [3, 5, 6, 6, 9].map { Double($0 * size / 10) / Double(size) }
    let steps = try #require(AccuracySteps.read(values))
    #expect(steps.isQuantized)
    // The smallest N that fits may divide the true N when every count shares a factor.
    let implied = try #require(steps.impliedSetSize)
    #expect(size % implied == 0)
  }

  @Test func findsTheSetSizeFromValuesRoundedToFourDecimals() throws {
    let counts = [101, 120, 133, 140, 151, 152]
    let values = counts.map { (Double($0) / 173 * 10_000).rounded() / 10_000 }
    let steps = try #require(AccuracySteps.read(values))
    #expect(steps.impliedSetSize == 173)
  }

  @Test func continuousValuesAreNotQuantized() throws {
    let values = [0.512_345_678_9, 0.634_567_891_2, 0.712_398_765_4, 0.798_765_432_1]
    let steps = try #require(AccuracySteps.read(values))
    #expect(!steps.isQuantized)
    #expect(steps.impliedSetSize == nil)
  }

  @Test func oneDistinctValueSaysNothing() {
    #expect(AccuracySteps.read([0.5, 0.5]) == nil)
  }
}
