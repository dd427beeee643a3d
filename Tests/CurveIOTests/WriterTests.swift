import CurveCore
import CurveIO
import JSONCoding
import Testing
import _CurveLabTestSupport

@Suite struct WriterTests {
  /// A small hand-made log with every kind of record.
  private var log: TrainingLog {
    var metadata = RunMetadata(
      source: "test", seed: 1, configuration: ["parameters": "129"], stepsPerEpoch: 4, maxSteps: 8,
      numTrainEpochs: 2, loggingSteps: 2, evalSteps: nil, trainBatchSize: 32,
      trainingSetSize: 100, evaluationSetSize: 40)
    metadata.summary = RunSummary(globalStep: 8, epoch: 2, meanTrainingLoss: 0.512345678)
    metadata.bestCheckpoint = BestCheckpoint(metric: "eval_loss", value: 0.45, step: 4)
    return TrainingLog(
      metadata: metadata,
      trainingEntries: [
        TrainingEntry(step: 2, epoch: 0.5, loss: 0.693_149, learningRate: 0.0075, gradientNorm: 0.31),
        TrainingEntry(step: 4, epoch: 1, loss: 0.612_35, learningRate: 0.005, gradientNorm: 0.27),
        TrainingEntry(step: 6, epoch: 1.5, loss: 0.000_04, learningRate: 0.0025, gradientNorm: 0.2),
        TrainingEntry(step: 8, epoch: 2, loss: 0.4, learningRate: 0, gradientNorm: 0.1),
      ],
      evaluationEntries: [
        EvaluationEntry(step: 4, epoch: 1, loss: 0.45, accuracy: 0.8, trainingAccuracy: 0.81),
        EvaluationEntry(
          step: 8, epoch: 2, loss: .nan, accuracy: 0.825, trainingLoss: 0.3, trainingAccuracy: 0.9,
          metrics: ["eval_f1": 0.7]),
      ])
  }

  @Test func trainerStateMatchesTheGoldenFile() {
    #expect(snapshotMismatch(TrainerStateWriter().text(for: log), named: "trainer-state") == nil)
  }

  @Test func trainerStateRoundsLossToFourDecimalsLikeTheTrainer() throws {
    let state = try JSONValue(parsing: TrainerStateWriter().text(for: log))
    let losses = try #require(state["log_history"]?.arrayValue).compactMap {
      $0["total_flos"] == nil ? $0["loss"]?.doubleValue : nil
    }
    #expect(losses == [0.6931, 0.6123, 0.0, 0.4])
  }

  @Test func pythonRoundingIsExactOnTheBinaryValue() {
    // 0.61235 is stored as 0.612349999..., so Python's round gives 0.6123.
    #expect(TrainerStateWriterProbe.round(0.61235) == 0.6123)
    #expect(TrainerStateWriterProbe.round(0.00015) == 0.0001)
    #expect(TrainerStateWriterProbe.round(0.00025) == 0.0003)
    #expect(TrainerStateWriterProbe.round(.infinity) == .infinity)
  }

  @Test func csvMatchesTheGoldenFile() {
    #expect(snapshotMismatch(CSVLogWriter().text(for: log), named: "log-csv") == nil)
  }

  @Test func curveLabJSONMatchesTheGoldenFile() {
    #expect(snapshotMismatch(CurveLabJSONWriter().text(for: log), named: "curvelab-json") == nil)
  }
}

/// Reaches the writer's rounding through its output, as a user of the module would.
enum TrainerStateWriterProbe {
  static func round(_ value: Double) -> Double? {
    let log = TrainingLog(
      metadata: RunMetadata(source: "probe"), trainingEntries: [TrainingEntry(step: 1, loss: value)])
    let state = try? JSONValue(parsing: TrainerStateWriter().text(for: log))
    return state?["log_history"]?[0]?["loss"]?.doubleValue
  }
}
