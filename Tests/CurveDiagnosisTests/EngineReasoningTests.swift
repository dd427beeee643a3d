import CurveCore
import CurveDiagnosis
import Foundation
import Testing

/// The engine judged as an expert would: against the task, the schedule and the settings the
/// log records, with causes and remedies that follow from them.
@Suite struct EngineReasoningTests {
  /// A run logged like the Trainer: training loss (and rate) every 10 steps, an evaluation
  /// every `evalEvery` training records.
  private func log(
    training: [Double], validation: [Double], accuracy: [Double]? = nil,
    rates: [Double]? = nil, settings: [String: String] = [:], evalEvery: Int = 5,
    evaluationSetSize: Int? = nil, batch: Int? = nil
  ) -> TrainingLog {
    var metadata = RunMetadata(source: "test", configuration: settings)
    metadata.evaluationSetSize = evaluationSetSize
    metadata.trainBatchSize = batch
    return TrainingLog(
      metadata: metadata,
      trainingEntries: training.enumerated().map {
        TrainingEntry(step: ($0.offset + 1) * 10, loss: $0.element, learningRate: rates?[$0.offset])
      },
      evaluationEntries: validation.enumerated().map {
        EvaluationEntry(
          step: ($0.offset + 1) * 10 * evalEvery, loss: $0.element, accuracy: accuracy?[$0.offset])
      })
  }

  private func decay(_ count: Int, from start: Double, to end: Double, rate: Double) -> [Double] {
    (0..<count).map { end + (start - end) * pow(rate, Double($0)) }
  }

  /// A deterministic wiggle in -1...1 (no randomness in tests of a pure engine).
  private func wiggle(_ index: Int) -> Double { sin(Double(index) * 2.399_963) }

  @Test func aFineTuneThatStartsLowAndLevelsOffIsHealthy() {
    // Pretrained: the first logged loss is already 0.38; validation 0.35 → 0.29 levels off
    // beside it and accuracy reaches 96%.
    let training = decay(50, from: 0.38, to: 0.27, rate: 0.9)
    let validation = decay(10, from: 0.35, to: 0.29, rate: 0.6)
    let accuracy = decay(10, from: 0.93, to: 0.96, rate: 0.6)
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation, accuracy: accuracy))
    #expect(diagnosis.pattern == .healthy, "\(diagnosis.headline)")
    #expect(!diagnosis.remedies.contains { $0.action == .biggerModel })
  }

  @Test func aBlowUpThatLeavesTheModelDeadIsDivergedAndOneItRecoversFromIsNot() {
    // The first logged loss is 1e24 (the weights blew up), then the loss sits near 0.79 and
    // accuracy stays at 50% for the rest of the run: the network died.
    let dead = [1e24] + (1..<40).map { 0.79 + 0.01 * wiggle($0) }
    let flat = (0..<8).map { _ in 0.5 }
    let diagnosis = Diagnoser().diagnose(
      log(training: dead, validation: (0..<8).map { 0.78 + 0.01 * wiggle($0) }, accuracy: flat))
    #expect(diagnosis.pattern == .diverged, "\(diagnosis.headline)")
    #expect(diagnosis.headline.contains("never learned again"))
    // The same blow-up, after which the model learns: accuracy climbs and the loss falls.
    let recovering = [1e24] + decay(39, from: 0.8, to: 0.1, rate: 0.9)
    let climbing = decay(8, from: 0.6, to: 0.95, rate: 0.7)
    let recovered = Diagnoser().diagnose(
      log(training: recovering, validation: decay(8, from: 0.7, to: 0.15, rate: 0.7), accuracy: climbing))
    #expect(recovered.pattern != .diverged, "\(recovered.headline)")
  }

  @Test func aCollapseToChanceAfterWarmupIsErraticWithItsCause() throws {
    // Falls from ln 2 to 0.3, then at the end of warmup (step 300) jumps back to ln 2 for good.
    let training = (0..<60).map { i -> Double in
      i < 30 ? 0.69 - 0.39 * Double(i) / 29 : 0.69 + 0.02 * wiggle(i)
    }
    let rates = (0..<60).map { i -> Double in
      let ramp: Double = min(1, Double(i + 1) / 30)
      let decay: Double = i < 30 ? 1 : 1 - Double(i - 30) / 40
      return 5e-5 * ramp * decay
    }
    let validation = (0..<12).map { i -> Double in i < 6 ? 0.69 - 0.04 * Double(i) : 0.70 + 0.01 * wiggle(i) }
    let accuracy = (0..<12).map { i -> Double in i < 6 ? 0.5 + 0.05 * Double(i) : 0.5 }
    let diagnosis = Diagnoser().diagnose(
      log(training: training, validation: validation, accuracy: accuracy, rates: rates))
    #expect(diagnosis.pattern == .erratic, "\(diagnosis.headline)")
    #expect(diagnosis.cause == .warmupInstability)
    #expect(diagnosis.findings.contains { $0.kind == .collapse })
    #expect(diagnosis.remedies.first?.action == .lowerLearningRate)
  }

  @Test func aJumpThatStaysFarBelowChanceIsNoCollapse() {
    // Six classes (ln 6 ≈ 1.79): a model already near-perfect whose training loss falls
    // 0.03 → 0.005 and steps back up to about 0.024, five times its low but about 1% of a
    // guessing model's loss. The same shape from 1.79 down to 0.3 and back up to 1.5 is a
    // collapse.
    func training(start: Double, low: Double, back: Double) -> [Double] {
      (0..<40).map { i -> Double in
        i < 15
          ? low + (start - low) * Double(14 - i) / 14
          : back + 0.02 * (back - low) * wiggle(i)
      }
    }
    let settings = ["num_labels": "6"]
    let small = Diagnoser().diagnose(
      log(
        training: training(start: 0.03, low: 0.005, back: 0.024),
        validation: (0..<8).map { i in 0.03 + 0.001 * wiggle(i) }, settings: settings))
    #expect(!small.findings.contains { $0.kind == .collapse }, "\(small.headline)")
    #expect(!small.headline.contains("fell apart"), "\(small.headline)")
    let large = Diagnoser().diagnose(
      log(
        training: training(start: 1.79, low: 0.3, back: 1.5),
        validation: (0..<8).map { i in i < 3 ? 1.2 - 0.3 * Double(i) : 1.6 + 0.01 * wiggle(i) },
        settings: settings))
    #expect(large.findings.contains { $0.kind == .collapse }, "\(large.headline)")
  }

  @Test func perBatchSwingsWithTinyBatchesAreErratic() {
    // Training loss jumps by its own size from record to record; validation, averaged over
    // the whole set, falls smoothly.
    let training = (0..<60).map { i in max(0.02, 0.45 - 0.003 * Double(i) + 0.3 * wiggle(i)) }
    let validation = decay(12, from: 0.6, to: 0.35, rate: 0.8)
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation, batch: 2))
    #expect(diagnosis.pattern == .erratic, "\(diagnosis.headline)")
    #expect(diagnosis.cause == .tinyBatch)
    #expect(diagnosis.remedies.first?.action == .biggerBatch)
    #expect(diagnosis.remedies.first?.changes == CauseKnowledge.treatment(for: .tinyBatch).changes)
  }

  @Test func validationJumpsOnATinyEvaluationSetAreErratic() {
    let training = decay(60, from: 0.7, to: 0.2, rate: 0.95)
    let validation = (0..<12).map { i in 0.45 - 0.01 * Double(i) + 0.15 * wiggle(i) }
    let diagnosis = Diagnoser().diagnose(
      log(training: training, validation: validation, evaluationSetSize: 16))
    #expect(diagnosis.pattern == .erratic, "\(diagnosis.headline)")
    #expect(diagnosis.cause == .smallEvalSet)
    #expect(diagnosis.remedies.first?.action == .largerEvaluationSet)
  }

  @Test func bothCurvesClimbingBackWithNoChanceLevelIsInstabilityNotOverfitting() {
    // A CTC-like loss (no accuracy, no ln K): training falls 300 → 60, then climbs back to
    // about 150 at a constant rate and stays; validation does the same. Overfitting never
    // raises the training loss.
    let training = (0..<60).map { i -> Double in
      (i < 20 ? 300 - 12 * Double(i) : 150) + 4 * wiggle(i)
    }
    let validation = (0..<12).map { i -> Double in (i < 4 ? 280 - 50 * Double(i) : 200) + 3 * wiggle(i) }
    let rates = Array(repeating: 3e-4, count: 60)
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation, rates: rates))
    #expect(diagnosis.pattern == .erratic, "\(diagnosis.headline)")
    #expect(diagnosis.headline.contains("both climbed back"), "\(diagnosis.headline)")
    #expect(diagnosis.findings.contains { $0.kind == .collapse })
    #expect(diagnosis.remedies.first?.action == .lowerLearningRate)
    // The same validation beside a training loss that keeps falling is overfitting.
    let falling = (0..<60).map { i in 300 * pow(0.95, Double(i)) + 4 * wiggle(i) }
    let memorizing = Diagnoser().diagnose(log(training: falling, validation: validation, rates: rates))
    #expect(memorizing.pattern == .overfitting, "\(memorizing.headline)")
  }

  @Test func aCollapseTheRunRecoversFromIsStillErraticWithItsCause() {
    // Binary task: the loss falls from ln 2 to 0.3 while warmup ramps the rate up to step
    // 200, jumps back to chance at the peak for 15 records, then slowly learns again and
    // ends at 0.2, better than before.
    func level(_ i: Int) -> Double {
      if i < 20 { return 0.69 - 0.39 * Double(i) / 19 }
      if i < 35 { return 0.69 }
      return 0.69 - 0.49 * Double(i - 35) / 44
    }
    func rate(_ i: Int) -> Double {
      i < 20 ? 5e-5 * Double(i + 1) / 20 : 5e-5 * (1 - Double(i - 20) / 70)
    }
    let training = (0..<80).map { level($0) + 0.01 * wiggle($0) }
    let rates = (0..<80).map(rate)
    let validation = stride(from: 4, to: 80, by: 5).map { training[$0] + 0.03 }
    let accuracy = validation.map { 1.2 - $0 }
    let diagnosis = Diagnoser().diagnose(
      log(training: training, validation: validation, accuracy: accuracy, rates: rates))
    #expect(diagnosis.pattern == .erratic, "\(diagnosis.headline)")
    #expect(diagnosis.headline.contains("recovered"), "\(diagnosis.headline)")
    #expect(diagnosis.cause == .warmupInstability)
    #expect(diagnosis.findings.contains { $0.kind == .collapse })
    // A jump of two records in the same run is a spike, not a collapse.
    var spiked = (0..<80).map { i in 0.69 * pow(0.97, Double(i)) + 0.01 * wiggle(i) }
    spiked[30] = 0.69
    spiked[31] = 0.69
    let brief = Diagnoser().diagnose(
      log(training: spiked, validation: stride(from: 4, to: 80, by: 5).map { spiked[$0] + 0.03 },
        accuracy: accuracy, rates: rates))
    #expect(brief.pattern != .erratic, "\(brief.headline)")
  }

  @Test func aFlatTailUnderADecayingRateIsNotConvergence() throws {
    // Linear decay to 0: the loss keeps falling per unit of learning rate, so the tail
    // flattens only because the rate ran out.
    let count = 60
    let rates = (0..<count).map { 1e-3 * (1 - Double($0 + 1) / Double(count)) + 1e-6 }
    var spent = 0.0
    let training = rates.map { rate -> Double in
      spent += rate
      return 0.2 + 0.5 * exp(-spent / 0.02)
    }
    let validation = stride(from: 4, to: count, by: 5).map { training[$0] + 0.02 }
    let diagnosis = Diagnoser().diagnose(
      log(training: training, validation: validation, accuracy: validation.map { 1.2 - $0 }, rates: rates))
    #expect(diagnosis.pattern == .healthy, "\(diagnosis.headline)")
    #expect(diagnosis.cause == .stillImproving)
    #expect(diagnosis.convergenceStep == nil)
    #expect(diagnosis.headline.contains("learning rate decays"))
    let finding = try #require(diagnosis.findings.first { $0.kind == .decayingRate })
    #expect(finding.message.contains("still falling"))
    #expect(diagnosis.remedies.first?.action == .moreEpochs)
    #expect(diagnosis.remedies.contains { $0.action == .nothing } == false)
  }

  @Test func aLowLearningRateNamesItsCauseAndRaisesTheRate() throws {
    // The simulator's settings: a rate of 5e-6, and a loss that crawls down from ln 2.
    let training = (0..<60).map { 0.6931 - 0.0012 * Double($0) }
    let validation = (0..<12).map { 0.6935 - 0.006 * Double($0) }
    let diagnosis = Diagnoser().diagnose(
      log(
        training: training, validation: validation, accuracy: validation.map { 1.2 - $0 },
        settings: ["learning_rate": "5e-06", "optimizer": "adamw", "hidden": "32", "weight_decay": "0.01"]))
    #expect(diagnosis.pattern == .underfitting, "\(diagnosis.headline)")
    #expect(diagnosis.cause == .lowLearningRate)
    let first = try #require(diagnosis.remedies.first)
    #expect(first.action == .higherLearningRate)
    #expect(first.changes == CauseKnowledge.treatment(for: .lowLearningRate).changes)
    #expect(first.cause == .lowLearningRate)
    #expect(first.text.contains("5e-06"))
  }

  @Test func anOverfitRunWhoseBestIsAtChanceNeedsMoreThanEarlyStopping() {
    // Binary task (ln 2 start, accuracy near 50%): validation never gets below chance.
    let training = decay(60, from: 0.69, to: 0.01, rate: 0.9)
    let validation = [0.70, 0.695, 0.70, 0.72, 0.75, 0.79, 0.83, 0.88, 0.93, 0.98, 1.03, 1.08]
    let accuracy = [0.48, 0.52, 0.5, 0.49, 0.51, 0.5, 0.5, 0.49, 0.5, 0.51, 0.5, 0.5]
    let diagnosis = Diagnoser().diagnose(
      log(training: training, validation: validation, accuracy: accuracy,
        settings: ["train_size": "51", "hidden": "64", "parameters": "3393", "weight_decay": "0"]))
    #expect(diagnosis.pattern == .overfitting, "\(diagnosis.headline)")
    #expect(diagnosis.remedies.first?.action != .earlyStopping)
    #expect(!diagnosis.remedies.contains { $0.action == .earlyStopping })
  }

  @Test func percentAccuracyIsReadAsFractionsWithANote() throws {
    let training = decay(50, from: 0.69, to: 0.1, rate: 0.93)
    let validation = decay(10, from: 0.7, to: 0.2, rate: 0.7)
    let percent = decay(10, from: 50, to: 95, rate: 0.7)
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation, accuracy: percent))
    #expect(diagnosis.findings.contains { $0.kind == .units && $0.message.contains("percent") })
    let text = ([diagnosis.headline] + diagnosis.evidence.map(\.meaning) + diagnosis.findings.map(\.message))
      .joined(separator: " ")
    #expect(!text.contains("9500%") && !text.contains("10000%"))
    #expect(ReportCheck.contradictions(in: diagnosis).isEmpty)
  }

  @Test func aHugeFiniteLossOnAClassifierIsDiverged() {
    let training = (0..<40).map { 2e4 + 1e4 * wiggle($0) }
    let validation = (0..<8).map { 3e4 + 2e4 * wiggle($0 + 3) }
    let accuracy = (0..<8).map { 0.6 + 0.2 * wiggle($0) }
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation, accuracy: accuracy))
    #expect(diagnosis.pattern == .diverged, "\(diagnosis.headline)")
  }

  @Test func aLossThatNeverMovesIsUnderfittingEvenWithoutABaseline() {
    // A regression loss in the hundreds, unmoved over the whole run.
    let training = (0..<40).map { 940 + 15 * wiggle($0) }
    let validation = (0..<8).map { 681.6 - 0.07 * Double($0) }
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation))
    #expect(diagnosis.pattern == .underfitting, "\(diagnosis.headline)")
  }

  @Test func aSteadyFallWithNoBaselineIsStillImprovingNotUnderfitting() {
    // 4.6 → 4.0 in a straight line over thousands of updates: with no class count or accuracy
    // the engine cannot call that high, only still falling.
    let training = (0..<80).map { 4.63 - 0.0075 * Double($0) + 0.01 * wiggle($0) }
    let validation = (0..<16).map { 4.32 - 0.022 * Double($0) }
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validation))
    #expect(diagnosis.pattern == .healthy, "\(diagnosis.headline)")
    #expect(diagnosis.remedies.first?.action == .moreEpochs)
  }

  @Test func oneMetricAloneGetsOnlyWhatOneCurveShows() throws {
    var lone = TrainingLog(metadata: RunMetadata(source: "wandb"))
    lone.evaluationEntries = (0..<12).map {
      EvaluationEntry(step: ($0 + 1) * 1000, metrics: ["test FID_B": 20 + 80 * pow(0.8, Double($0))])
    }
    let diagnosis = Diagnoser(options: DiagnosisOptions(monitor: MonitoredMetric(name: "test FID_B")))
      .diagnose(lone)
    #expect(diagnosis.pattern == .insufficientData)
    #expect(diagnosis.best?.step == 12_000)
    #expect(diagnosis.headline.contains("test FID_B"))
    #expect(!diagnosis.headline.contains("removed"))
    #expect(diagnosis.evidence.contains { $0.key == "end_trend" })
    #expect(diagnosis.earlyStopping != nil)
  }

  @Test(arguments: [
    ("eval_loss", false), ("test FID_B", false), ("eval_wer", false), ("val_cer", false),
    ("perplexity", false), ("eval_error_rate", false), ("mae", false), ("test SSIM", true),
    ("eval_accuracy", true), ("f1", true), ("eval_auc", true), ("bleu", true), ("eval_rouge1", true),
    ("metrics/mAP50(B)", true), ("val_iou", true), ("eval_mIOU", true), ("psnr", true),
  ])
  func metricDirectionFollowsItsName(name: String, higher: Bool) {
    #expect(MonitoredMetric(name: name).greaterIsBetter == higher)
  }

  @Test func aMetricNameKeepsItsSpellingAndIsFoundInTheLog() {
    let metric = MonitoredMetric(name: "test FID_B")
    #expect(metric.name == "test FID_B")
    #expect(MonitoredMetric(name: "f1").name == "eval_f1")
  }

  @Test func jitterNearZeroAfterAFallFromChanceIsNoiseNotInstability() {
    // A two-class run that fell from ln 2 to 0.03 in its first records and then jitters by a
    // few hundredths: large beside so low a level, tiny beside everything the run did.
    let training = decay(6, from: 0.69, to: 0.03, rate: 0.35)
      + (6..<60).map { 0.035 + 0.02 * wiggle($0) }
    let validation = [0.45] + (1..<12).map { 0.05 + 0.007 * wiggle($0) }
    let diagnosis = Diagnoser().diagnose(
      log(training: training, validation: validation, settings: ["num_labels": "2"]))
    #expect(diagnosis.pattern == .healthy, "\(diagnosis.headline)")
  }

  @Test func aKnownTinyEvaluationSetMakesModestValidationSwingsErratic() {
    // Training falls smoothly and levels off; validation, on 16 examples, moves by about a
    // tenth of its level from one evaluation to the next.
    let training = decay(60, from: 0.69, to: 0.2, rate: 0.93)
    let validation = decay(12, from: 0.6, to: 0.25, rate: 0.6).enumerated().map {
      $0.element * (1 + 0.12 * wiggle($0.offset))
    }
    let tiny = Diagnoser().diagnose(
      log(training: training, validation: validation, settings: ["num_labels": "2"],
        evaluationSetSize: 16))
    #expect(tiny.pattern == .erratic, "\(tiny.headline)")
    #expect(tiny.causes.first?.cause == .smallEvalSet)
    // The same curves measured on 500 examples are a noisy but readable healthy run.
    let large = Diagnoser().diagnose(
      log(training: training, validation: validation, settings: ["num_labels": "2"],
        evaluationSetSize: 500))
    #expect(large.pattern == .healthy, "\(large.headline)")
  }
}
