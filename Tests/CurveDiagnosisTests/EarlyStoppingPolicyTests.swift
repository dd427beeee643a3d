import CurveDiagnosis
import Testing

/// Expected stops derived by hand from each framework's source rules.
@Suite struct EarlyStoppingPolicyTests {
  private let steps = Array(stride(from: 100, through: 1000, by: 100))

  private func replay(_ values: [Double?], _ policy: EarlyStoppingPolicy) -> EarlyStoppingOutcome {
    policy.replay(values: values, steps: Array(steps.prefix(values.count)))
  }

  // MARK: transformers

  @Test func transformersStopsAfterPatienceAndRestoresTheBest() {
    let outcome = replay([0.9, 0.7, 0.6, 0.65, 0.66, 0.67, 0.5], EarlyStoppingPolicy(patience: 3))
    #expect(outcome.stopStep == 600)
    #expect(outcome.restoredStep == 300)
    #expect(outcome.evaluationsSaved == 1)
  }

  @Test func transformersNeverStopsWhenEveryEvaluationImproves() {
    let outcome = replay([0.9, 0.8, 0.7, 0.6], EarlyStoppingPolicy(patience: 1))
    #expect(outcome.stopStep == nil)
    #expect(outcome.restoredStep == 400)
  }

  // MARK: Keras

  @Test func kerasCountsEpochsSinceTheBestAndStopsAtPatience() {
    // wait: e0 best(0) · e1 0.8 best(0) · e2 0.85 w1 · e3 0.9 w2 → stop at e3 with patience 2.
    let outcome = replay([1.0, 0.8, 0.85, 0.9], EarlyStoppingPolicy(framework: .keras, patience: 2))
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == 200)
  }

  @Test func kerasMinDeltaMakesSmallImprovementsCountAsNone() {
    // min_delta 0.05: 0.78 is not below 0.8 - 0.05, nor 0.77.
    let outcome = replay(
      [1.0, 0.8, 0.78, 0.77], EarlyStoppingPolicy(framework: .keras, patience: 2, threshold: 0.05))
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == 200)  // the best only moves on an improvement beyond min_delta
  }

  @Test func kerasBaselineHoldsTheCounterUntilBeaten() {
    // baseline 0.5: improvements above it do not reset wait, so patience 2 stops at e2 (wait 2)
    // — but an improving epoch returns before the stop check, so the stop comes at e3.
    let outcome = replay(
      [0.9, 0.8, 0.7, 0.75], EarlyStoppingPolicy(framework: .keras, patience: 2, baseline: 0.5))
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == 300)
  }

  @Test func kerasIgnoresEpochsBeforeStartFromEpoch() {
    let outcome = replay(
      [0.1, 0.9, 0.8, 0.85, 0.86], EarlyStoppingPolicy(framework: .keras, patience: 2, startFrom: 1))
    #expect(outcome.stopStep == 500)
    #expect(outcome.restoredStep == 300)
  }

  @Test func kerasNeverStopsAtTheFirstEpoch() {
    let outcome = replay([0.5, 0.6, 0.7], EarlyStoppingPolicy(framework: .keras, patience: 0))
    // patience 0: wait 1 >= 0 at e1 (epoch > 0) stops there.
    #expect(outcome.stopStep == 200)
    #expect(outcome.restoredStep == 100)
  }

  // MARK: Lightning

  @Test func lightningStopsAfterPatienceWithoutImprovementBeyondMinDelta() {
    // min_delta 0.01: 0.795 is not below 0.8 - 0.01.
    let outcome = replay(
      [1.0, 0.8, 0.795, 0.79, 0.7],
      EarlyStoppingPolicy(framework: .lightning, patience: 2, threshold: 0.01))
    #expect(outcome.stopStep == 300 + 100)
    #expect(outcome.restoredStep == 200)
    #expect(outcome.reason == .patience)
  }

  @Test func lightningStopsAtTheFirstNonFiniteValue() {
    let outcome = replay([1.0, 0.8, .nan, 0.5], EarlyStoppingPolicy(framework: .lightning, patience: 5))
    #expect(outcome.stopStep == 300)
    #expect(outcome.reason == .notFinite)
    #expect(outcome.restoredStep == 200)
  }

  @Test func lightningStopsWhenTheStoppingThresholdIsReached() {
    let outcome = replay(
      [1.0, 0.4, 0.2, 0.1],
      EarlyStoppingPolicy(framework: .lightning, patience: 5, stoppingThreshold: 0.25))
    #expect(outcome.stopStep == 300)
    #expect(outcome.reason == .reachedThreshold)
  }

  @Test func lightningStopsWhenTheDivergenceThresholdIsPassed() {
    let outcome = replay(
      [1.0, 0.8, 3.5, 0.5],
      EarlyStoppingPolicy(framework: .lightning, patience: 5, divergenceThreshold: 3))
    #expect(outcome.stopStep == 300)
    #expect(outcome.reason == .diverged)
  }

  @Test func everyFrameworkSkipsEvaluationsWithoutTheMetric() {
    for framework in EarlyStoppingPolicy.Framework.allCases {
      let outcome = replay(
        [0.9, nil, 0.8, nil, 0.85, 0.86], EarlyStoppingPolicy(framework: framework, patience: 2))
      #expect(outcome.stopStep == 600, "\(framework)")
      #expect(outcome.restoredStep == 300, "\(framework)")
    }
  }
}
