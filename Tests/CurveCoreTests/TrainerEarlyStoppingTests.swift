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

  // MARK: eval_on_start

  /// trainer.py `_inner_training_loop` (4.46.0, 5.25.0): `eval_on_start` calls `_evaluate`
  /// directly, not `_maybe_log_save_evaluate`, so `_determine_best_metric` (4.47+) and
  /// `_save_checkpoint` never see step 0; `EarlyStoppingCallback.on_evaluate` still runs inside
  /// `evaluate` and, with no `best_metric` yet, resets its counter.
  /// 0.5@0: counter 0, no best · 0.6@100: no best yet, counter 0; best 0.6@100 ·
  /// 0.7@200: worse, counter 1 = patience → stop, keep 100.
  @Test(arguments: TrainerEarlyStopping.Version.allCases)
  func anEvaluationAtStepZeroIsNeitherTheBestNorACheckpoint(version: TrainerEarlyStopping.Version) {
    var rule = TrainerEarlyStopping(patience: 1, version: version)
    #expect(rule.observe(0.5, step: 0) == .continue)
    #expect(rule.bestValue == nil)
    #expect(rule.observe(0.6, step: 100) == .continue)
    #expect(rule.observe(0.7, step: 200) == .stop)
    #expect(rule.bestStep == 100)
    #expect(rule.restoredStep == 100)
  }

  /// Same source: even a step-0 value lower than every later one is not the best.
  /// 0.1@0: counter 0 · 0.6@100: counter 0, best 0.6 · 0.5@200: better by 0.1, counter 0,
  /// best 0.5 · 0.55@300: counter 1 → stop, keep 200.
  @Test func aLowStepZeroValueDoesNotStopTheRunEarly() {
    var rule = TrainerEarlyStopping(patience: 1)
    let decisions = [(0.1, 0), (0.6, 100), (0.5, 200), (0.55, 300)].map {
      rule.observe($0.0, step: $0.1)
    }
    #expect(decisions == [.continue, .continue, .continue, .stop])
    #expect(rule.bestValue == 0.5)
    #expect(rule.restoredStep == 200)
  }

  // MARK: save_steps a multiple of eval_steps

  /// Evaluations every 100 steps, a checkpoint every 200, patience 2:
  /// 0.5@100, 0.6@200, 0.4@300, 0.45@400, 0.46@500, 0.47@600.
  private func replaySparseSaves(
    _ values: [Double], patience: Int, version: TrainerEarlyStopping.Version
  )
    -> (stop: Int?, rule: TrainerEarlyStopping)
  {
    var rule = TrainerEarlyStopping(patience: patience, version: version)
    for (index, value) in values.enumerated() {
      let step = (index + 1) * 100
      if rule.observe(value, step: step, savesCheckpoint: step % 200 == 0) == .stop {
        return (step, rule)
      }
    }
    return (nil, rule)
  }

  /// 5.25.0 (and 4.50.0) trainer.py: `_determine_best_metric` moves `best_metric` and
  /// `best_global_step` at every evaluation; `_save_checkpoint` sets `best_model_checkpoint` only
  /// to `checkpoint-<best_global_step>` when that folder exists.
  /// 100: best 0.5 (not written) · 200: counter 1; save, checkpoint-100 missing → none ·
  /// 300: counter 0, best 0.4 (not written) · 400: counter 1; checkpoint-300 missing → none ·
  /// 500: counter 2 → stop. `best_model_checkpoint` is None, so nothing is loaded.
  @Test func currentTrainerRestoresNothingWhenNoBestWasWritten() {
    let (stop, rule) = replaySparseSaves(
      [0.5, 0.6, 0.4, 0.45, 0.46, 0.47], patience: 2, version: .current)
    #expect(stop == 500)
    #expect(rule.bestStep == 300)
    #expect(rule.checkpointStep == nil)
    #expect(rule.restoredStep == nil)
  }

  /// 4.47.0 and 4.49.0 trainer.py: `_determine_best_metric` sets `best_model_checkpoint` to
  /// `checkpoint-<global_step>` on every improvement, written or not; `_load_best_model` finds no
  /// weights there, warns, and keeps the last ones. Counter as above: stop at 500.
  @Test func interimTrainerNamesAnUnwrittenCheckpointAndLoadsNothing() {
    let (stop, rule) = replaySparseSaves(
      [0.5, 0.6, 0.4, 0.45, 0.46, 0.47], patience: 2, version: .interim)
    #expect(stop == 500)
    #expect(rule.checkpointStep == 300)
    #expect(rule.restoredStep == nil)
  }

  /// 4.46.0 trainer.py: the best is measured in `_save_checkpoint`, with the metrics of the
  /// evaluation that saves, so only at 200, 400, 600; the callback compares with that best.
  /// 100: no best, counter 0 · 200: no best, counter 0; save: best 0.6 · 300: 0.4 < 0.6,
  /// counter 0 · 400: 0.45 < 0.6, counter 0; save: best 0.45 · 500: counter 1 ·
  /// 600: counter 2 → stop; save: 0.47 is no better. Keeps 400.
  @Test func legacyTrainerMeasuresTheBestOnlyWhenItSaves() {
    let (stop, rule) = replaySparseSaves(
      [0.5, 0.6, 0.4, 0.45, 0.46, 0.47], patience: 2, version: .legacy)
    #expect(stop == 600)
    #expect(rule.bestValue == 0.45)
    #expect(rule.restoredStep == 400)
  }

  /// 0.8@100, 0.5@200, 0.4@300, 0.6@400, 0.7@500, 0.65@600, patience 3.
  /// Current: best 0.5@200 is written, so the save at 200 points `best_model_checkpoint` there;
  /// 0.4@300 is never written, so later saves leave it at 200. Stop at 600 (counter 1, 2, 3).
  /// 4.47-4.49: `best_model_checkpoint` names checkpoint-300, never written: nothing loaded.
  /// 4.46: measured at 200 (0.5) and 400, 600 (no better): keeps 200.
  @Test func eachReleaseKeepsItsOwnCheckpointWhenTheBestWasNotSaved() {
    let values = [0.8, 0.5, 0.4, 0.6, 0.7, 0.65]
    let current = replaySparseSaves(values, patience: 3, version: .current)
    let interim = replaySparseSaves(values, patience: 3, version: .interim)
    let legacy = replaySparseSaves(values, patience: 3, version: .legacy)
    #expect([current.stop, interim.stop, legacy.stop] == [600, 600, 600])
    #expect(current.rule.bestStep == 300)
    #expect(current.rule.restoredStep == 200)
    #expect(interim.rule.restoredStep == nil)
    #expect(legacy.rule.restoredStep == 200)
  }

  /// 4.46.0 trainer.py `_save_checkpoint`: with `best_metric` None the first measured value is
  /// taken as it is, NaN included, and `np.less(x, nan)` is never true afterwards; the callback
  /// compares with that NaN too. NaN@100: best NaN, checkpoint 100 · 0.7@200: counter 1 ·
  /// 0.6@300: counter 2 → stop, keep 100. Current releases start `best_metric` at +inf, so the
  /// NaN is skipped and 0.7, 0.6 reset the counter: no stop, keep 300.
  @Test func aLeadingNaNIsTheBestForeverOnlyInTheLegacyTrainer() {
    var legacy = TrainerEarlyStopping(patience: 2, version: .legacy)
    var current = TrainerEarlyStopping(patience: 2)
    var stops: [Int] = []
    for (index, value) in [Double.nan, 0.7, 0.6, 0.65].enumerated() {
      let step = (index + 1) * 100
      if legacy.observe(value, step: step) == .stop, stops.isEmpty { stops.append(step) }
      current.observe(value, step: step)
    }
    #expect(stops == [300])
    #expect(legacy.restoredStep == 100)
    #expect(!current.hasStopped)
    #expect(current.restoredStep == 300)
  }

  @Test(arguments: [
    ("4.46.3", TrainerEarlyStopping.Version.legacy), ("4.0", .legacy), ("4.47.0", .interim),
    ("4.49", .interim), ("4.50.0", .current), ("5", .current), ("5.25.0", .current),
  ])
  func releaseStringsMapToTheirBookkeeping(text: String, version: TrainerEarlyStopping.Version) {
    #expect(TrainerEarlyStopping.Version(release: text) == version)
  }

  @Test(arguments: ["3.9", "4.", "v4.46", "four", "", "4.46.3.1"])
  func textThatIsNoReleaseIsRejected(text: String) {
    #expect(TrainerEarlyStopping.Version(release: text) == nil)
  }

  @Test func keepsStoppedOnceStopped() {
    var rule = TrainerEarlyStopping(patience: 1)
    rule.observe(0.5, step: 1)
    #expect(rule.observe(0.6, step: 2) == .stop)
    #expect(rule.observe(0.1, step: 3) == .stop)
    #expect(rule.hasStopped)
  }
}
