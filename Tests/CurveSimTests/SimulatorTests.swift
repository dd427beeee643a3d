import CurveCore
import CurveSim
import Testing
import _CurveLabTestSupport

/// The simulator logs like the Hugging Face Trainer: these tests pin its counting.
@Suite struct SimulatorTests {
  /// A small, quick configuration: 100 examples in batches of 32 → 4 steps per epoch.
  private var small: TrainingConfiguration {
    TrainingConfiguration(
      data: DatasetSpec(kind: .moons, trainSize: 100, evalSize: 30, inputNoise: 0.2, labelNoise: 0),
      hidden: [8], learningRate: 0.02, batchSize: 32, epochs: 5, loggingSteps: 3)
  }

  @Test func countsStepsAndEpochsLikeTheTrainer() {
    let log = Simulator(configuration: small, seed: 1).run().log
    #expect(small.stepsPerEpoch == 4)  // the last, partial batch counts
    #expect(log.trainingEntries.map(\.step) == [3, 6, 9, 12, 15, 18])
    #expect(log.trainingEntries.map(\.epoch) == [0.75, 1.5, 2.25, 3.0, 3.75, 4.5])
    #expect(log.evaluationEntries.map(\.step) == [4, 8, 12, 16, 20])
    #expect(log.evaluationEntries.map(\.epoch) == [1, 2, 3, 4, 5])
    #expect(log.metadata.summary?.globalStep == 20)
    #expect(log.metadata.maxSteps == 20)
  }

  @Test func logsTheRateTheSchedulerReportsAfterEachStep() {
    var configuration = small
    configuration.warmupSteps = 4
    let log = Simulator(configuration: configuration, seed: 1).run().log
    for entry in log.trainingEntries {
      let expected = LearningRateSchedule.linear.rate(
        afterSteps: entry.step, peak: 0.02, warmupSteps: 4, totalSteps: 20)
      #expect(entry.learningRate == expected)
    }
    #expect(log.trainingEntries[0].learningRate == 0.015)  // 3 of 4 warmup steps
    #expect(log.trainingEntries.last?.learningRate == 0.02 * 2 / 16)
  }

  @Test func evaluatesEveryEvalStepsWhenAsked() {
    var configuration = small
    configuration.evalSteps = 6
    let log = Simulator(configuration: configuration, seed: 1).run().log
    #expect(log.evaluationEntries.map(\.step) == [6, 12, 18])
    #expect(log.evaluationEntries.map(\.epoch) == [1.5, 3.0, 4.5])
  }

  @Test(arguments: [7, 30, 64])
  func accuracyMovesInStepsOfOneOverN(evalSize: Int) {
    var configuration = small
    configuration.data.evalSize = evalSize
    let log = Simulator(configuration: configuration, seed: 2).run().log
    for entry in log.evaluationEntries {
      let correct = try! #require(entry.accuracy) * Double(evalSize)
      #expect(abs(correct - correct.rounded()) < 1e-9)
      let trainingCorrect = try! #require(entry.trainingAccuracy) * 100
      #expect(abs(trainingCorrect - trainingCorrect.rounded()) < 1e-9)
    }
  }

  @Test func freshSamplingScoresANewSampleAtEveryEvaluation() {
    // A rate so small the weights barely move: with the same set every time, validation loss
    // hardly changes between evaluations; with a fresh sample it jumps by sampling error.
    var configuration = small
    configuration.learningRate = 1e-7
    configuration.data.evalSize = 12
    configuration.evalSteps = 2
    let fixed = Simulator(configuration: configuration, seed: 3).run().log
    configuration.evaluationSampling = .fresh
    let fresh = Simulator(configuration: configuration, seed: 3).run().log
    let again = Simulator(configuration: configuration, seed: 3).run().log
    func spread(_ log: TrainingLog) -> Double {
      let losses = log.evaluationEntries.compactMap(\.loss)
      return losses.max()! - losses.min()!
    }
    #expect(spread(fixed) < 1e-4)
    #expect(spread(fresh) > 100 * spread(fixed))
    #expect(fresh == again)
    #expect(fresh.metadata.configuration["eval_sampling"] == "fresh")
    #expect(fixed.metadata.configuration["eval_sampling"] == nil)
    // The training set, and so the logged training loss, is the same either way.
    #expect(fresh.trainingEntries == fixed.trainingEntries)
    for entry in fresh.evaluationEntries {
      let correct = try! #require(entry.accuracy) * 12
      #expect(abs(correct - correct.rounded()) < 1e-9)
    }
  }

  @Test func aBiggerBatchKeepsTheEvaluationsPaceInExamples() {
    var configuration = small
    configuration.batchSize = 2
    configuration.evalSteps = 40
    let bigger = configuration.applying([.scale(.batchSize, by: 16)])
    #expect(bigger.batchSize == 32)
    #expect(bigger.evalSteps == 3)  // 40 / 16 = 2.5, rounded
    #expect(bigger.loggingSteps == configuration.loggingSteps)
    var perEpoch = configuration
    perEpoch.evalSteps = nil
    #expect(perEpoch.applying([.scale(.batchSize, by: 16)]).evalSteps == nil)
  }

  @Test func sameSeedGivesTheSameRunAndOtherSeedsDiffer() {
    let a = Simulator(configuration: small, seed: 5).run().log
    let b = Simulator(configuration: small, seed: 5).run().log
    let c = Simulator(configuration: small, seed: 6).run().log
    #expect(a == b)
    #expect(a.evaluationEntries != c.evaluationEntries)
  }

  @Test func trainingLowersTheLossOnAnEasyTask() throws {
    var configuration = small
    configuration.epochs = 20
    let log = Simulator(configuration: configuration, seed: 3).run().log
    let first = try #require(log.evaluationEntries.first?.loss)
    let last = try #require(log.evaluationEntries.last?.loss)
    #expect(last < first * 0.8)
    #expect(try #require(log.evaluationEntries.last?.accuracy) > 0.8)
  }

  @Test func earlyStoppingStopsAndRecordsTheBestCheckpoint() throws {
    var configuration = small
    configuration.epochs = 200
    configuration.data.trainSize = 40
    configuration.data.labelNoise = 0.3
    configuration.hidden = [64]
    configuration.weightDecay = 0
    configuration.earlyStoppingPatience = 2
    let log = Simulator(configuration: configuration, seed: 4).run().log
    let best = try #require(log.metadata.bestCheckpoint)
    #expect(best.stoppedEarly)
    #expect(log.evaluationEntries.count < 200)
    // Replaying the rule on the logged losses gives the same stop and checkpoint.
    var rule = TrainerEarlyStopping(patience: 2)
    var stop: Int?
    for entry in log.evaluationEntries where stop == nil {
      if rule.observe(entry.loss, step: entry.step) == .stop { stop = entry.step }
    }
    #expect(stop == log.evaluationEntries.last?.step)
    #expect(rule.bestStep == best.step)
    #expect(best.value == log.evaluationEntries.compactMap(\.loss).min())
  }

  @Test func theOutputIsByteIdenticalToTheGoldenFile() {
    let log = Simulator(configuration: small, seed: 42).run().log
    var text = ""
    for entry in log.trainingEntries {
      text += "train \(entry.step) \(entry.epoch!) \(entry.loss) \(entry.learningRate!) \(entry.gradientNorm!)\n"
    }
    for entry in log.evaluationEntries {
      text += "eval \(entry.step) \(entry.loss!) \(entry.accuracy!) \(entry.trainingLoss!) \(entry.trainingAccuracy!)\n"
    }
    #expect(snapshotMismatch(text, named: "small-moons-seed-42") == nil)
  }

  @Test func invalidKnobsAreReportedByName() {
    var configuration = small
    configuration.batchSize = 0
    configuration.learningRate = -1
    configuration.data.labelNoise = 0.7
    let knobs = configuration.problems.map(\.knob)
    #expect(knobs.contains("batch-size"))
    #expect(knobs.contains("learning-rate"))
    #expect(knobs.contains("label-noise"))
    #expect(TrainingConfiguration().problems.isEmpty)
  }

  @Test(arguments: [[], [2], [32], [64, 64, 64]] as [[Int]])
  func parameterCountIsWhatTheNetworkHasAndTheLogRecords(hidden: [Int]) {
    var configuration = TrainingConfiguration(hidden: hidden, epochs: 1)
    configuration.data.trainSize = 64
    let run = Simulator(configuration: configuration, seed: 1).run()
    #expect(run.log.metadata.configuration["parameters"] == "\(configuration.parameterCount)")
    // Two inputs: a linear model has three weights and biases.
    if hidden.isEmpty { #expect(configuration.parameterCount == 3) }
  }

  @Test func theDescriptionCountsInTheRightNumber() {
    var configuration = TrainingConfiguration(epochs: 1)
    configuration.evalSteps = 1
    #expect(configuration.description.contains(" · 1 epoch · "))
    #expect(configuration.description.hasSuffix("eval every step"))
    configuration.epochs = 12
    configuration.evalSteps = 10
    #expect(configuration.description.contains(" · 12 epochs · "))
    #expect(configuration.description.hasSuffix("eval every 10 steps"))
  }
}
