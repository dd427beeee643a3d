import CurveCore
import CurveDiagnosis
import Testing

/// Expected stops derived by hand from each framework's source rules: transformers
/// `trainer_callback.py` and `trainer.py` (4.46.0, 4.47.0, 4.50.0, 5.25.0), Keras
/// `keras/src/callbacks/early_stopping.py` and `monitor_callback.py` (3.15.1), Lightning
/// `src/lightning/pytorch/callbacks/early_stopping.py` and `model_checkpoint.py` (2.6.6).
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
    #expect(outcome.precision == .float64)  // np.less on Python floats
  }

  @Test func transformersNeverStopsWhenEveryEvaluationImproves() {
    let outcome = replay([0.9, 0.8, 0.7, 0.6], EarlyStoppingPolicy(patience: 1))
    #expect(outcome.stopStep == nil)
    #expect(outcome.restoredStep == 400)
  }

  /// The case. trainer.py: `eval_on_start` runs `_evaluate` outside
  /// `_maybe_log_save_evaluate`, so step 0 reaches `EarlyStoppingCallback` (no best yet:
  /// counter 0) but never `_determine_best_metric` nor `_save_checkpoint`.
  /// 0.6@100 becomes the best; 0.7@200 is worse: counter 1 = patience → stop, keep 100.
  @Test func transformersEvaluationAtStepZeroIsNotTheBest() {
    let outcome = EarlyStoppingPolicy(patience: 1).replay(
      values: [0.5, 0.6, 0.7, 0.8, 0.9], steps: [0, 100, 200, 300, 400])
    #expect(outcome.stopStep == 200)
    #expect(outcome.restoredStep == 100)
    #expect(outcome.bestStep == 100)
  }

  /// `DefaultFlowCallback.on_step_end` saves at multiples of `save_steps`; with 200 and
  /// evaluations every 100 (patience 2) each release keeps what its `trainer.py` lets it
  /// (derivations in ``TrainerEarlyStoppingTests``): 5.x stops at 500 with no written best and
  /// ends with the weights of step 500; 4.46 measures only saved evaluations and stops at 600,
  /// keeping 400.
  @Test func transformersRestoresOnlyACheckpointThatWasWritten() {
    let values: [Double?] = [0.5, 0.6, 0.4, 0.45, 0.46, 0.47]
    let current = replay(values, EarlyStoppingPolicy(patience: 2, saveSteps: 200))
    #expect(current.stopStep == 500)
    #expect(current.bestStep == 300)
    #expect(current.restoredStep == nil)
    #expect(current.keptStep == 500)
    let legacy = replay(
      values, EarlyStoppingPolicy(patience: 2, saveSteps: 200, trainerVersion: .legacy))
    #expect(legacy.stopStep == 600)
    #expect(legacy.restoredStep == 400)
  }

  /// `DefaultFlowCallback.on_step_end`: reaching `max_steps` saves too. 0.9@100, 0.8@200,
  /// 0.7@300 with `save_steps` 200, patience 5, never stops. Ending at 300 writes
  /// checkpoint-300, the best. Ending at 350 (no evaluation there) leaves 300 unwritten; the
  /// save at 200 had pointed `best_model_checkpoint` at the then-best 200, and it stays.
  @Test func transformersCountsTheSaveAtTheEndOfTraining() {
    let policy = EarlyStoppingPolicy(patience: 5, saveSteps: 200)
    let values: [Double?] = [0.9, 0.8, 0.7]
    let endsAtLastEvaluation = policy.replay(values: values, steps: [100, 200, 300], endStep: 300)
    let endsLater = policy.replay(values: values, steps: [100, 200, 300], endStep: 350)
    #expect(endsAtLastEvaluation.restoredStep == 300)
    #expect(endsLater.restoredStep == 200)
    #expect(endsLater.bestStep == 300)
    // 4.47-4.49 name the unwritten checkpoint-300 and load nothing: the weights of step 350.
    let interim = EarlyStoppingPolicy(patience: 5, saveSteps: 200, trainerVersion: .interim)
      .replay(values: values, steps: [100, 200, 300], endStep: 350)
    #expect(interim.restoredStep == nil)
    #expect(interim.keptStep == 350)
  }

  // MARK: Keras

  @Test func kerasCountsEpochsSinceTheBestAndStopsAtPatience() {
    // wait: e0 best(0) · e1 0.8 best(0) · e2 0.85 w1 · e3 0.9 w2 → stop at e3 with patience 2.
    let outcome = replay(
      [1.0, 0.8, 0.85, 0.9], EarlyStoppingPolicy(framework: .keras, patience: 2, restoresBest: true)
    )
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == 200)
  }

  /// `EarlyStopping(restore_best_weights=False)` is the default: `on_train_end` restores nothing
  /// and the model keeps the weights of its last epoch, here the stop at e3.
  @Test func kerasKeepsTheLastEpochUnlessAskedToRestore() {
    let outcome = replay(
      [1.0, 0.8, 0.85, 0.9], EarlyStoppingPolicy(framework: .keras, patience: 2))
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == nil)
    #expect(outcome.bestStep == 200)
    #expect(outcome.keptStep == 400)
  }

  /// `EarlyStopping.on_train_end` restores `best_weights` whether or not training stopped
  /// early; without `restore_best_weights` a run that never stops ends with its last epoch.
  @Test func kerasRestoresTheBestAtTheEndEvenWithoutStopping() {
    let values: [Double?] = [0.9, 0.8, 0.85]
    let restoring = replay(
      values, EarlyStoppingPolicy(framework: .keras, patience: 5, restoresBest: true))
    let plain = replay(values, EarlyStoppingPolicy(framework: .keras, patience: 5))
    #expect(restoring.stopStep == nil)
    #expect(restoring.restoredStep == 200)
    #expect(plain.keptStep == 300)
  }

  @Test func kerasMinDeltaMakesSmallImprovementsCountAsNone() {
    // min_delta 0.05: 0.78 is not below 0.8 - 0.05, nor 0.77.
    let outcome = replay(
      [1.0, 0.8, 0.78, 0.77],
      EarlyStoppingPolicy(framework: .keras, patience: 2, threshold: 0.05, restoresBest: true))
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == 200)  // the best only moves on an improvement beyond min_delta
  }

  @Test func kerasBaselineHoldsTheCounterUntilBeaten() {
    // baseline 0.5: improvements above it do not reset wait, so patience 2 stops at e2 (wait 2)
    // — but an improving epoch returns before the stop check, so the stop comes at e3.
    let outcome = replay(
      [0.9, 0.8, 0.7, 0.75],
      EarlyStoppingPolicy(framework: .keras, patience: 2, baseline: 0.5, restoresBest: true))
    #expect(outcome.stopStep == 400)
    #expect(outcome.restoredStep == 300)
  }

  @Test func kerasIgnoresEpochsBeforeStartFromEpoch() {
    let outcome = replay(
      [0.1, 0.9, 0.8, 0.85, 0.86],
      EarlyStoppingPolicy(framework: .keras, patience: 2, startFrom: 1, restoresBest: true))
    #expect(outcome.stopStep == 500)
    #expect(outcome.restoredStep == 300)
  }

  @Test func kerasNeverStopsAtTheFirstEpoch() {
    let outcome = replay(
      [0.5, 0.6, 0.7], EarlyStoppingPolicy(framework: .keras, patience: 0, restoresBest: true))
    // patience 0: wait 1 >= 0 at e1 (epoch > 0) stops there.
    #expect(outcome.stopStep == 200)
    #expect(outcome.restoredStep == 100)
  }

  /// `MonitorCallback._is_improvement` (3.15.1) counts anything as an improvement over a `best`
  /// of None, a NaN first epoch included; `ops.less(x - min_delta, nan)` is never true after.
  /// e0 NaN: best, wait 0 · e1: wait 1 · e2: wait 2 → stop; restores e0's weights.
  @Test func kerasTakesALeadingNaNAsTheBestAndNothingBeatsIt() {
    let outcome = replay(
      [.nan, 0.5, 0.4, 0.3], EarlyStoppingPolicy(framework: .keras, patience: 2, restoresBest: true)
    )
    #expect(outcome.stopStep == 300)
    #expect(outcome.restoredStep == 100)
  }

  /// `_is_improvement` computes `current - min_delta` in Python, then `ops.less` converts both
  /// sides to float32 tensors (TensorFlow, JAX, PyTorch backends). Logged float32 values 0.25
  /// and 0.23999999463558197 (float32 0.24), `min_delta` 0.01, patience 1:
  /// in float64 0.24999999463558197 < 0.25 is an improvement; in float32 it rounds to 0.25
  /// (half a float32 spacing is 7.45e-9, it is 5.4e-9 below), equal, so e1 stops the run.
  @Test func kerasComparesInFloat32WhenTheLogIsFloat32() {
    let values: [Double?] = [0.25, 0.23999999463558197]
    let inferred = replay(
      values, EarlyStoppingPolicy(framework: .keras, patience: 1, threshold: 0.01))
    let wide = replay(
      values,
      EarlyStoppingPolicy(framework: .keras, patience: 1, threshold: 0.01, precision: .float64))
    #expect(inferred.precision == .float32)
    #expect(inferred.stopStep == 200)
    #expect(wide.stopStep == nil)
  }

  // MARK: Lightning

  /// `EarlyStopping` with `min_delta` 0.01: e0 best 1.0 · e1 0.8 + 0.01 < 1.0, best · e2 0.805
  /// is not below 0.8, wait 1 · e3 0.84, wait 2 → stop. `ModelCheckpoint` has no `min_delta`:
  /// it saves e0, e1 and e2 (0.795 < 0.8), not e3. The kept checkpoint is e2, not
  /// EarlyStopping's best e1.
  @Test func lightningKeepsModelCheckpointsBestNotEarlyStoppings() {
    let outcome = replay(
      [1.0, 0.8, 0.795, 0.84, 0.85],
      EarlyStoppingPolicy(framework: .lightning, patience: 2, threshold: 0.01, restoresBest: true))
    #expect(outcome.stopStep == 400)
    #expect(outcome.reason == .patience)
    #expect(outcome.bestStep == 200)
    #expect(outcome.restoredStep == 300)
  }

  /// Lightning restores nothing by itself: without a `ModelCheckpoint` on the metric the model
  /// is the one of the last epoch trained.
  @Test func lightningWithoutACheckpointCallbackKeepsTheLastWeights() {
    let outcome = replay(
      [1.0, 0.8, 0.795, 0.84, 0.85],
      EarlyStoppingPolicy(framework: .lightning, patience: 2, threshold: 0.01))
    #expect(outcome.restoredStep == nil)
    #expect(outcome.keptStep == 400)
  }

  /// `ModelCheckpoint._update_best_and_save` stores a NaN score as +inf (min mode), so the next
  /// finite value beats it (`torch.lt(0.9, inf)`); kept as NaN nothing would. With
  /// `check_finite=False` EarlyStopping only counts the NaN as no improvement.
  @Test func lightningSavesALeadingNaNAsTheWorstScore() {
    let outcome = replay(
      [.nan, 0.9, 0.95],
      EarlyStoppingPolicy(
        framework: .lightning, patience: 2, checkFinite: false, restoresBest: true))
    #expect(outcome.stopStep == nil)
    #expect(outcome.restoredStep == 200)
    let accuracy = replay(
      [.nan, 0.6, 0.7],
      EarlyStoppingPolicy(
        framework: .lightning, patience: 2, greaterIsBetter: true, checkFinite: false,
        restoresBest: true))
    #expect(accuracy.restoredStep == 300)  // -inf in max mode
  }

  @Test func lightningStopsAtTheFirstNonFiniteValue() {
    let outcome = replay(
      [1.0, 0.8, .nan, 0.5],
      EarlyStoppingPolicy(framework: .lightning, patience: 5, restoresBest: true))
    #expect(outcome.stopStep == 300)
    #expect(outcome.reason == .notFinite)
    #expect(outcome.restoredStep == 200)
  }

  /// A NaN first value stops at once under `check_finite`; `ModelCheckpoint` still saves it
  /// (as +inf), the only checkpoint there is.
  @Test func lightningStoppedByALeadingNaNKeepsThatCheckpoint() {
    let outcome = replay(
      [.nan, 0.5], EarlyStoppingPolicy(framework: .lightning, patience: 5, restoresBest: true))
    #expect(outcome.stopStep == 100)
    #expect(outcome.restoredStep == 100)
  }

  /// The threshold stop skips EarlyStopping's own best; `ModelCheckpoint` runs at the same
  /// validation and saves 0.2.
  @Test func lightningStopsWhenTheStoppingThresholdIsReached() {
    let outcome = replay(
      [1.0, 0.4, 0.2, 0.1],
      EarlyStoppingPolicy(
        framework: .lightning, patience: 5, stoppingThreshold: 0.25, restoresBest: true))
    #expect(outcome.stopStep == 300)
    #expect(outcome.reason == .reachedThreshold)
    #expect(outcome.bestStep == 200)
    #expect(outcome.restoredStep == 300)
  }

  @Test func lightningStopsWhenTheDivergenceThresholdIsPassed() {
    let outcome = replay(
      [1.0, 0.8, 3.5, 0.5],
      EarlyStoppingPolicy(
        framework: .lightning, patience: 5, divergenceThreshold: 3, restoresBest: true))
    #expect(outcome.stopStep == 300)
    #expect(outcome.reason == .diverged)
    #expect(outcome.restoredStep == 200)
  }

  /// `current - self.min_delta` on a float32 tensor: float32(0.24) + float32(0.01) rounds to
  /// 0.25, which `torch.lt` finds not below the best 0.25, so patience 1 stops at e1; in
  /// float64 0.24999999463558197 < 0.25 and the run goes on.
  @Test func lightningComparesInFloat32WhenTheLogIsFloat32() {
    let values: [Double?] = [0.25, 0.23999999463558197]
    let inferred = replay(
      values, EarlyStoppingPolicy(framework: .lightning, patience: 1, threshold: 0.01))
    let wide = replay(
      values,
      EarlyStoppingPolicy(framework: .lightning, patience: 1, threshold: 0.01, precision: .float64))
    #expect(inferred.precision == .float32)
    #expect(inferred.stopStep == 200)
    #expect(wide.stopStep == nil)
  }

  @Test func everyFrameworkSkipsEvaluationsWithoutTheMetric() {
    for framework in EarlyStoppingPolicy.Framework.allCases {
      let outcome = replay(
        [0.9, nil, 0.8, nil, 0.85, 0.86],
        EarlyStoppingPolicy(framework: framework, patience: 2, restoresBest: true))
      #expect(outcome.stopStep == 600, "\(framework)")
      #expect(outcome.restoredStep == 300, "\(framework)")
    }
  }

  // MARK: Precision

  @Test func float32NumbersWrittenInFullAreRecognised() {
    #expect(ValuePrecision.inferred(from: [0.6931471824645996, 0.5, nil, .nan]) == .float32)
    #expect(ValuePrecision.inferred(from: [0.6931471824645996, 0.6931]) == .float64)
    #expect(ValuePrecision.inferred(from: [0.6931, 0.5]) == .float64)
    #expect(ValuePrecision.inferred(from: [nil, .nan]) == .float64)
  }
}
