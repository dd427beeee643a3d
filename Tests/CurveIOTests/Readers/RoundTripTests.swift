import CurveCore
import CurveIO
import CurveSim
import Testing
import _CurveLabTestSupport

/// Writer → reader round trips on simulated runs.
@Suite struct RoundTripTests {
  static let configurations: [(String, TrainingConfiguration)] = [
    (
      "epoch evaluations",
      TrainingConfiguration(
        data: DatasetSpec(
          kind: .moons, trainSize: 200, evalSize: 100, inputNoise: 0.2, labelNoise: 0),
        hidden: [8], epochs: 6, loggingSteps: 3)
    ),
    (
      "step evaluations with early stopping",
      TrainingConfiguration(
        data: DatasetSpec(
          kind: .moons, trainSize: 60, evalSize: 200, inputNoise: 0.3, labelNoise: 0.2),
        hidden: [32], learningRate: 0.05, batchSize: 8, epochs: 40, weightDecay: 0, loggingSteps: 5,
        evalSteps: 16, earlyStoppingPatience: 2)
    ),
    (
      "no gradient clipping",
      TrainingConfiguration(
        data: DatasetSpec(
          kind: .circles, trainSize: 120, evalSize: 60, inputNoise: 0.05, labelNoise: 0),
        hidden: [4], optimizer: .sgd, learningRate: 0.5, batchSize: 16, epochs: 4, maxGradNorm: 0,
        loggingSteps: 2)
    ),
  ]

  /// One simulated run to write and read back.
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var configuration: TrainingConfiguration
    var seed: UInt64
    var testDescription: String { "\(name), seed \(seed)" }
  }

  static let cases: [Case] = configurations.flatMap { name, configuration -> [Case] in
    [1, 7].map { Case(name: name, configuration: configuration, seed: $0) }
  }

  private func simulated(_ configuration: TrainingConfiguration, seed: UInt64) -> TrainingLog {
    Simulator(configuration: configuration, seed: seed).run().log
  }

  @Test(arguments: cases)
  func trainerStateReadsBackTheSameEntries(run: Case) throws {
    let log = simulated(run.configuration, seed: run.seed)
    if run.name.contains("early stopping") {
      #expect(log.metadata.bestCheckpoint?.stoppedEarly == true)
    }
    let text = TrainerStateWriter().text(for: log)
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "out/trainer_state.json")
    // The Trainer rounds logged losses to 4 decimals.
    #expect(
      difference(loaded.log.trainingEntries, log.trainingEntries, lossTolerance: 5.1e-5) == nil)
    #expect(difference(loaded.log.evaluationEntries, log.evaluationEntries) == nil)
    #expect(loaded.warnings.isEmpty)
    let metadata = loaded.log.metadata
    #expect(metadata.summary?.globalStep == log.metadata.summary?.globalStep)
    #expect(agree(metadata.summary?.meanTrainingLoss, log.metadata.summary?.meanTrainingLoss))
    #expect(metadata.maxSteps == log.metadata.maxSteps)
    #expect(metadata.stepsPerEpoch == log.metadata.stepsPerEpoch)
    #expect(metadata.trainBatchSize == log.metadata.trainBatchSize)
    #expect(metadata.loggingSteps == log.metadata.loggingSteps)
    #expect(metadata.bestCheckpoint == log.metadata.bestCheckpoint)
  }

  @Test(arguments: cases)
  func csvReadsBackTheSameEntries(run: Case) throws {
    let log = simulated(run.configuration, seed: run.seed)
    let text = CSVLogWriter().text(for: log)
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "run.csv")
    #expect(loaded.log.metadata.format == "csv")
    #expect(difference(loaded.log.trainingEntries, log.trainingEntries) == nil)
    #expect(difference(loaded.log.evaluationEntries, log.evaluationEntries) == nil)
    #expect(loaded.warnings.isEmpty)
  }

  @Test(arguments: cases)
  func curveLabJSONReadsBackTheWholeLog(run: Case) throws {
    let log = simulated(run.configuration, seed: run.seed)
    let text = CurveLabJSONWriter().text(for: log)
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "run.json")
    #expect(loaded.log.metadata.format == "curvelab-json")
    #expect(difference(loaded.log.trainingEntries, log.trainingEntries) == nil)
    #expect(difference(loaded.log.evaluationEntries, log.evaluationEntries) == nil)
    var expected = log.metadata
    expected.source = "run.json"
    expected.format = "curvelab-json"
    var actual = loaded.log.metadata
    // NaN never equals itself; compare the summary's mean loss through agree().
    #expect(agree(actual.summary?.meanTrainingLoss, expected.summary?.meanTrainingLoss))
    actual.summary?.meanTrainingLoss = 0
    expected.summary?.meanTrainingLoss = 0
    #expect(actual == expected)
  }

  @Test func theWriterTestsHandMadeLogSurvivesEveryWriter() throws {
    var metadata = RunMetadata(source: "test", maxSteps: 8, numTrainEpochs: 2, loggingSteps: 2)
    metadata.summary = RunSummary(globalStep: 8, epoch: 2, meanTrainingLoss: 0.512345678)
    metadata.bestCheckpoint = BestCheckpoint(metric: "eval_loss", value: 0.45, step: 4)
    let log = TrainingLog(
      metadata: metadata,
      trainingEntries: [
        TrainingEntry(step: 2, epoch: 0.5, loss: 0.6931, learningRate: 0.0075, gradientNorm: 0.31),
        TrainingEntry(step: 4, epoch: 1, loss: 0.6123, learningRate: 0.005, gradientNorm: .nan),
        TrainingEntry(step: 6, epoch: 1.5, loss: 0, learningRate: 0.0025, gradientNorm: 0.2),
        TrainingEntry(step: 8, epoch: 2, loss: .infinity, learningRate: 0, gradientNorm: 0.1),
      ],
      evaluationEntries: [
        EvaluationEntry(step: 4, epoch: 1, loss: 0.45, accuracy: 0.8, trainingAccuracy: 0.81),
        EvaluationEntry(
          step: 8, epoch: 2, loss: .nan, accuracy: 0.825, trainingLoss: 0.3, trainingAccuracy: 0.9,
          metrics: ["eval_f1": 0.7, "eval_test_loss": 0.52]),
      ])
    let writers: [(String, String)] = [
      ("trainer_state.json", TrainerStateWriter().text(for: log)),
      ("log.csv", CSVLogWriter().text(for: log)),
      ("log.json", CurveLabJSONWriter().text(for: log)),
    ]
    for (name, text) in writers {
      let loaded = try LogLoader().load(bytes: Array(text.utf8), name: name)
      #expect(difference(loaded.log.trainingEntries, log.trainingEntries) == nil, "\(name)")
      #expect(difference(loaded.log.evaluationEntries, log.evaluationEntries) == nil, "\(name)")
      #expect(loaded.warnings.isEmpty, "\(name)")
    }
  }
}
