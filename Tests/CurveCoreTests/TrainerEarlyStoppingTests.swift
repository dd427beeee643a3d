import CurveCore
import Testing

/// Expected stops derived by hand from transformers' `EarlyStoppingCallback` and
/// `Trainer._determine_best_metric`: the counter compares with the best *before* each
/// evaluation and resets only on an improvement larger than the threshold; the best checkpoint
/// moves on any strict improvement.
@Suite struct TrainerEarlyStoppingTests {
  /// Feeds values at steps 100, 200, ... and returns the step it stopped at (if any), the best
  /// step, and the counter at the end.
  private func replay(
    _ values: [Double?], patience: Int, threshold: Double = 0, greaterIsBetter: Bool = false
  ) -> (stop: Int?, best: Int?, counter: Int) {
    var rule = TrainerEarlyStopping(
      patience: patience, threshold: threshold, greaterIsBetter: greaterIsBetter)
    for (index, value) in values.enumerated() {
      if rule.observe(value, step: (index + 1) * 100) == .stop {
        return ((index + 1) * 100, rule.bestStep, rule.counter)
      }
    }
    return (nil, rule.bestStep, rule.counter)
  }

  @Test func stopsAfterPatienceEvaluationsWithoutImprovement() {
    let result = replay([0.9, 0.7, 0.6, 0.65, 0.66, 0.67, 0.5], patience: 3)
    #expect(result.stop == 600)
    #expect(result.best == 300)
  }

  @Test func defaultPatienceOfOneStopsAtTheFirstWorseEvaluation() {
    let result = replay([0.9, 0.8, 0.85, 0.7], patience: 1)
    #expect(result.stop == 300)
    #expect(result.best == 200)
  }

  @Test func patienceZeroStopsAtTheFirstEvaluation() {
    let result = replay([0.9, 0.8, 0.7], patience: 0)
    #expect(result.stop == 100)
    #expect(result.best == 100)
  }

  @Test func aTieCountsAsNoImprovementAndKeepsTheEarlierCheckpoint() {
    let result = replay([0.9, 0.5, 0.5, 0.5], patience: 2)
    #expect(result.stop == 400)
    #expect(result.best == 200)
  }

  @Test func subThresholdImprovementMovesTheBestButNotTheCounter() {
    // 0.5 → 0.495 improves by 0.005 < 0.01: counter grows, yet the checkpoint moves to 300.
    let result = replay([0.6, 0.5, 0.495, 0.494], patience: 2, threshold: 0.01)
    #expect(result.stop == 400)
    #expect(result.best == 400)
  }

  @Test func improvementBeyondThresholdResetsTheCounter() {
    let result = replay([0.6, 0.61, 0.55, 0.56, 0.57], patience: 2, threshold: 0.01)
    #expect(result.stop == 500)
    #expect(result.best == 300)
  }

  @Test func nanNeverImprovesAndCountsAgainstPatience() {
    let result = replay([0.6, .nan, .nan], patience: 2)
    #expect(result.stop == 300)
    #expect(result.best == 100)
  }

  @Test func aLeadingNaNLeavesNoBestUntilAFiniteValue() {
    var rule = TrainerEarlyStopping(patience: 3)
    #expect(rule.observe(.nan, step: 100) == .continue)
    #expect(rule.bestStep == nil)
    #expect(rule.bestValue == .infinity)  // the Trainer starts best_metric at +inf
    #expect(rule.observe(0.7, step: 200) == .continue)
    #expect(rule.bestStep == 200)
    #expect(rule.counter == 0)
  }

  @Test func evaluationsMissingTheMetricChangeNothing() {
    let result = replay([0.6, nil, 0.7, nil, 0.8], patience: 2)
    #expect(result.stop == 500)
    #expect(result.best == 100)
  }

  @Test func greaterIsBetterForAccuracy() {
    let result = replay([0.70, 0.80, 0.79, 0.81, 0.80, 0.80], patience: 2, greaterIsBetter: true)
    #expect(result.stop == 600)
    #expect(result.best == 400)
  }

  @Test func keepsStoppedOnceStopped() {
    var rule = TrainerEarlyStopping(patience: 1)
    rule.observe(0.5, step: 1)
    #expect(rule.observe(0.6, step: 2) == .stop)
    #expect(rule.observe(0.1, step: 3) == .stop)
    #expect(rule.hasStopped)
  }
}
