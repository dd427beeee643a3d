import CurveCore
import CurveDiagnosis
import CurveSim
import Foundation
import Testing

@Suite struct DiagnoserTests {
  /// A log from hand-written curves: training loss every 10 steps, evaluations every 50.
  private func log(
    training: [Double], validation: [Double], accuracy: [Double]? = nil, scale: Double = 1
  ) -> TrainingLog {
    TrainingLog(
      metadata: RunMetadata(source: "test"),
      trainingEntries: training.enumerated().map {
        TrainingEntry(step: ($0.offset + 1) * 10, loss: $0.element * scale)
      },
      evaluationEntries: validation.enumerated().map {
        EvaluationEntry(
          step: ($0.offset + 1) * 50, loss: $0.element * scale, accuracy: accuracy?[$0.offset])
      })
  }

  private let falling = (0..<50).map { 2.0 * pow(0.93, Double($0)) + 0.1 }
  private let validationU = [1.9, 1.2, 0.8, 0.6, 0.55, 0.58, 0.64, 0.7, 0.77, 0.85]
  private let validationHealthy = [1.9, 1.2, 0.8, 0.5, 0.35, 0.27, 0.24, 0.22, 0.215, 0.21]

  @Test(arguments: Scenario.allCases)
  func namesEachSimulatedScenario(scenario: Scenario) {
    for seed in [0, 1] as [UInt64] {
      let run = Simulator(configuration: scenario.configuration(seed: seed), seed: seed).run()
      let diagnosis = Diagnoser().diagnose(run.log)
      #expect(diagnosis.pattern.rawValue == scenario.rawValue, "seed \(seed): \(diagnosis.headline)")
      #expect(!diagnosis.remedies.isEmpty)
      #expect(!diagnosis.evidence.isEmpty)
    }
  }

  @Test func aValidationUTurnIsOverfittingWithItsOnset() throws {
    let diagnosis = Diagnoser().diagnose(log(training: falling, validation: validationU))
    #expect(diagnosis.pattern == .overfitting)
    let onset = try #require(diagnosis.overfittingOnset)
    #expect(onset.step == 250)
    #expect(abs(onset.rise - (0.81 - 0.55) / 0.55) < 0.1)
    #expect(diagnosis.remedies.first?.action == .earlyStopping)
    #expect(diagnosis.best?.step == 250)
    #expect(diagnosis.earlyStopping?.stopStep == 400)  // patience 3 after the minimum at 250
    #expect(diagnosis.earlyStopping?.restoredStep == 250)
  }

  @Test func aFallingPairOfCurvesIsHealthy() {
    let diagnosis = Diagnoser().diagnose(log(training: falling, validation: validationHealthy))
    #expect(diagnosis.pattern == .healthy)
    #expect(diagnosis.remedies.first?.action == .nothing)
  }

  @Test(arguments: [0.05, 1.0, 40.0])
  func verdictsDoNotDependOnTheLossScale(scale: Double) {
    let overfit = Diagnoser().diagnose(log(training: falling, validation: validationU, scale: scale))
    let healthy = Diagnoser().diagnose(
      log(training: falling, validation: validationHealthy, scale: scale))
    #expect(overfit.pattern == .overfitting)
    #expect(healthy.pattern == .healthy)
  }

  @Test func oneNoisyUptickIsNotOverfitting() {
    var validation = validationHealthy
    validation[7] = 0.3  // a single bump, then back down
    let diagnosis = Diagnoser().diagnose(log(training: falling, validation: validation))
    #expect(diagnosis.pattern == .healthy)
  }

  @Test func aNaNLossIsDivergence() {
    var training = falling
    training[30] = .nan
    let diagnosis = Diagnoser().diagnose(log(training: training, validation: validationHealthy))
    #expect(diagnosis.pattern == .diverged)
    #expect(diagnosis.headline.contains("310"))
    #expect(diagnosis.findings.contains { $0.kind == .nonFinite })
  }

  @Test func aRunWithAbsurdLossesIsDiagnosedWithoutTrapping() {
    // A learning rate of 1e9 sends losses to 1e150 and beyond before NaN: every number in the
    // report must still format.
    var configuration = TrainingConfiguration(
      data: DatasetSpec(kind: .moons, trainSize: 64, evalSize: 32, inputNoise: 0.1, labelNoise: 0),
      hidden: [8], learningRate: 1e9, batchSize: 16, epochs: 8, loggingSteps: 2)
    configuration.maxGradNorm = 0
    let exploded = Simulator(configuration: configuration, seed: 1).run().log
    let diagnosis = Diagnoser().diagnose(exploded)
    #expect(!diagnosis.headline.isEmpty)
    let huge = Diagnoser().diagnose(
      log(training: falling.map { $0 * 1e200 }, validation: validationU.map { $0 * 1e200 }))
    #expect(!huge.evidence.isEmpty)
  }

  @Test func anEmptyLogIsInsufficientData() {
    let diagnosis = Diagnoser().diagnose(TrainingLog(metadata: RunMetadata(source: "empty")))
    #expect(diagnosis.pattern == .insufficientData)
    #expect(!diagnosis.missing.isEmpty)
  }

  @Test func twoPointsAreInsufficientData() {
    let diagnosis = Diagnoser().diagnose(log(training: [0.7, 0.6], validation: [0.7]))
    #expect(diagnosis.pattern == .insufficientData)
    #expect(diagnosis.missing.first?.contains("2 training-loss records") == true)
  }

  @Test func aLogWithOnlyTrainingLossStillGetsAVerdict() {
    let diagnosis = Diagnoser().diagnose(log(training: falling, validation: []))
    #expect(diagnosis.pattern == .healthy)
    #expect(diagnosis.best == nil)
    #expect(diagnosis.earlyStopping == nil)
  }

  @Test func aRunShortOfItsPlannedStepsIsInProgress() {
    var unfinished = log(training: falling, validation: validationHealthy)
    unfinished.metadata.maxSteps = 10_000
    let diagnosis = Diagnoser().diagnose(unfinished)
    #expect(diagnosis.isInProgress)
    #expect(diagnosis.headline.hasPrefix("So far"))
  }

  @Test func fewEvaluationsCapTheConfidence() {
    let diagnosis = Diagnoser().diagnose(
      log(training: falling, validation: [1.9, 0.8, 0.5, 0.7, 0.9, 1.0]))
    #expect(diagnosis.confidence <= 0.7)
  }

  @Test func steppyAccuracyRevealsTheEvaluationSetSize() {
    let accuracy = [20, 31, 35, 38, 40, 41, 41, 42, 42, 42].map { Double($0) / 50 }
    let diagnosis = Diagnoser().diagnose(
      log(training: falling, validation: validationHealthy, accuracy: accuracy))
    #expect(diagnosis.accuracySteps?.impliedSetSize == 50)
  }

  @Test func monitoringAccuracyPicksTheHighestEvaluation() {
    let accuracy = [0.5, 0.7, 0.8, 0.82, 0.81, 0.8, 0.79, 0.78, 0.77, 0.76]
    let engine = Diagnoser(options: DiagnosisOptions(monitor: MonitoredMetric(name: "accuracy")))
    let diagnosis = engine.diagnose(log(training: falling, validation: validationU, accuracy: accuracy))
    #expect(diagnosis.best?.step == 200)
    #expect(diagnosis.best?.metric == "eval_accuracy")
  }

  @Test func diagnosisIsDeterministic() {
    let run = Simulator(configuration: Scenario.erratic.configuration(seed: 9), seed: 9).run().log
    #expect(Diagnoser().diagnose(run) == Diagnoser().diagnose(run))
  }
}
