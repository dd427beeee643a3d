import CurveCore
import CurveIO
import Testing
import _CurveLabTestSupport

@Suite struct TrainerStateReaderTests {
  @Test func readsTrainingRecordsOfARecentTrainer() throws {
    let loaded = try Fixture.load("trainer-state/bert-sst2/trainer_state.json")
    let log = loaded.log
    #expect(log.metadata.format == "trainer-state")
    #expect(log.metadata.source.hasSuffix("bert-sst2/trainer_state.json"))
    #expect(log.metadata.stepUnit == .update)
    #expect(log.trainingEntries.count == 18)
    let first = try #require(log.trainingEntries.first)
    #expect(first.step == 50)
    #expect(first.loss == 0.5783)
    #expect(agree(first.epoch, 1.0 / 6))
    #expect(agree(first.learningRate, 1.888888888888889e-05))
    #expect(agree(first.gradientNorm, 5.6982928956037195))
  }

  @Test func keepsANaNGradientNormAndALossRoundedToZero() throws {
    let log = try Fixture.load("trainer-state/bert-sst2/trainer_state.json").log
    let overflow = try #require(log.trainingEntries.first { $0.step == 150 })
    #expect(overflow.gradientNorm?.isNaN == true)
    let rounded = try #require(log.trainingEntries.first { $0.step == 850 })
    #expect(rounded.loss == 0)
  }

  @Test func readsEvaluationsWithTheirMetricsAndDropsTiming() throws {
    let log = try Fixture.load("trainer-state/bert-sst2/trainer_state.json").log
    #expect(log.evaluationEntries.map(\.step) == [300, 600, 900])
    let best = log.evaluationEntries[1]
    #expect(best.loss == 0.2961)
    #expect(best.accuracy == 0.9002)
    #expect(best.metrics == ["eval_f1": 0.8994])
    #expect(best.epoch == 2)
  }

  @Test func keepsTheFirstOfADuplicatedFinalEvaluationAndWarns() throws {
    let loaded = try Fixture.load("trainer-state/bert-sst2/trainer_state.json")
    let last = try #require(loaded.log.evaluationEntries.last)
    #expect(last.step == 900)
    #expect(last.loss == 0.3408)
    #expect(loaded.warnings.contains { $0.contains("step 900 was logged twice") })
  }

  @Test func readsTheSummaryAndTopLevelFields() throws {
    let metadata = try Fixture.load("trainer-state/bert-sst2/trainer_state.json").log.metadata
    let summary = try #require(metadata.summary)
    #expect(summary.globalStep == 900)
    #expect(summary.meanTrainingLoss == 0.19874316)
    #expect(summary.runtimeSeconds == 412.7731)
    #expect(metadata.maxSteps == 900)
    #expect(metadata.numTrainEpochs == 3)
    #expect(metadata.stepsPerEpoch == 300)
    #expect(metadata.loggingSteps == 50)
    #expect(metadata.evalSteps == 300)
    #expect(metadata.trainBatchSize == 32)
    #expect(
      metadata.bestCheckpoint
        == BestCheckpoint(metric: "eval_loss", value: 0.2961, step: 600, stoppedEarly: false))
  }

  @Test func readsAnOldTrainerWithCTCLossesAndDerivesTheBestStepFromTheCheckpointPath() throws {
    let loaded = try Fixture.load("trainer-state/wav2vec2-ctc/trainer_state.json")
    let log = loaded.log
    #expect(log.trainingEntries.count == 12)
    #expect(log.trainingEntries[0].loss == 3321.4211)
    #expect(log.trainingEntries[0].gradientNorm == nil)
    #expect(log.trainingEntries[0].epoch == 0.6)
    #expect(log.evaluationEntries.map(\.step) == [200, 400, 600])
    #expect(log.evaluationEntries[0].loss == 1624.7352)
    #expect(log.evaluationEntries[1].metrics["eval_wer"] == 0.5123)
    #expect(log.evaluationEntries[1].accuracy == nil)
    #expect(log.metadata.loggingSteps == nil)
    #expect(log.metadata.trainBatchSize == nil)
    #expect(
      log.metadata.bestCheckpoint
        == BestCheckpoint(metric: "eval_wer", value: 0.5123, step: 400, stoppedEarly: false))
    #expect(loaded.warnings.isEmpty)
  }

  @Test func picksTheValidationSetAmongSeveralAndKeepsTheOthersAsMetrics() throws {
    let log = try Fixture.load("trainer-state/several-eval-sets/trainer_state.json").log
    #expect(log.evaluationEntries.map(\.step) == [125, 250, 375])
    let first = log.evaluationEntries[0]
    #expect(agree(first.loss, 0.5))
    #expect(agree(first.accuracy, 0.81))
    #expect(agree(first.metrics["eval_test_loss"], 0.55))
    #expect(agree(first.metrics["eval_test_accuracy"], 0.78))
    #expect(first.metrics.count == 2)
    #expect(agree(first.trainingLoss, 0.5))
    #expect(agree(first.trainingAccuracy, 0.85))
    #expect(log.trainingEntries.map(\.step) == [100, 225, 350])
    #expect(log.metadata.bestCheckpoint == nil)
  }

  @Test func anOverrideMakesAnotherEvaluationSetTheValidationSet() throws {
    let mapping = MetricMapping(
      validationLoss: "eval_test_loss", validationAccuracy: "eval_test_accuracy")
    let log = try Fixture.load(
      "trainer-state/several-eval-sets/trainer_state.json", mapping: mapping
    )
    .log
    let first = try #require(log.evaluationEntries.first)
    #expect(agree(first.loss, 0.55))
    #expect(agree(first.accuracy, 0.78))
    #expect(agree(first.metrics["eval_validation_loss"], 0.5))
  }

  @Test func anOverrideNamingNoKeyIsAnError() {
    let error = Fixture.error(
      "trainer-state/bert-sst2/trainer_state.json",
      mapping: MetricMapping(validationLoss: "eval_nonexistent"))
    guard case .unknownColumn(let name, _, let columns)? = error else {
      Issue.record("expected unknownColumn, got \(String(describing: error))")
      return
    }
    #expect(name == "eval_nonexistent")
    #expect(columns.contains("eval_f1"))
  }

  @Test func aFolderYieldsTheNewestCheckpointByNumber() throws {
    let loaded = try Fixture.load("trainer-state/run")
    #expect(loaded.log.metadata.source.hasSuffix("checkpoint-1000/trainer_state.json"))
    #expect(loaded.log.trainingEntries.last?.step == 1000)
  }

  @Test func aTruncatedFileIsALocatedError() throws {
    let error = try #require(Fixture.error("malformed/truncated/trainer_state.json"))
    let message = error.description
    #expect(message.contains("truncated/trainer_state.json, line "))
    #expect(message.contains("cut short"))
  }

  @Test func aWrongValueTypeNamesTheLineAndColumn() throws {
    let text = "{\n  \"log_history\": [\n    {\"loss\": \"high\", \"step\": 5}\n  ]\n}\n"
    #expect(throws: LogReadError.self) {
      try LogLoader().load(bytes: Array(text.utf8), name: "trainer_state.json")
    }
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "trainer_state.json")
    } catch {
      #expect(
        error.description
          == "trainer_state.json, line 3, column 14: 'loss' should be a number, found the "
          + "string \"high\"")
    }
  }

  @Test func aRecordWithoutAStepIsALocatedError() {
    let text = "{\"log_history\": [{\"loss\": 0.5}]}"
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "trainer_state.json")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description
          == "trainer_state.json, line 1, column 18: this 'log_history' record has no 'step'")
    }
  }

  @Test func leavesOutNonNumericEvaluationValuesAndNullLossesWithWarnings() throws {
    let text = """
      {"log_history": [
        {"loss": null, "step": 10},
        {"loss": 0.5, "step": 20, "num_tokens": 512.0},
        {"eval_loss": 0.6, "eval_per_class_f1": [0.5, 0.7], "eval_model_preparation_time": 0.002,
         "step": 20}
      ]}
      """
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "trainer_state.json")
    #expect(loaded.log.trainingEntries.map(\.step) == [20])
    #expect(loaded.log.evaluationEntries.first?.metrics.isEmpty == true)
    #expect(
      loaded.warnings == [
        "trainer_state.json: eval_per_class_f1 held values that are not numbers (lists, text); "
          + "left out",
        "trainer_state.json: training records also log num_tokens; only loss, learning rate and "
          + "gradient norm are kept for training records",
        "trainer_state.json: 1 training record had a null loss (first at step 10) and was left out",
      ])
  }

  @Test func setFitsEmbeddingLossIsTheTrainingLossAndItsEvaluationTheValidationLoss() throws {
    let loaded = try Fixture.load("shapes/setfit/checkpoint-500")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == [1] + (1...10).map { $0 * 50 })
    #expect(log.trainingEntries[0].loss == 0.2778)
    #expect(log.trainingEntries[1].learningRate == 2e-05)
    #expect(log.evaluationEntries.map(\.step) == (1...10).map { $0 * 50 })
    #expect(log.evaluationEntries[0].loss == 0.2526)
    #expect(log.evaluationEntries.allSatisfy { $0.metrics.isEmpty })
    #expect(loaded.warnings.count == 1)
    #expect(loaded.warnings.first?.contains("'embedding_loss' (SetFit's contrastive loss)") == true)
  }

  @Test func aLogWithLossKeepsEmbeddingLossOutOfTheTrainingCurve() throws {
    let text = #"{"log_history": [{"loss": 0.5, "step": 10}, {"embedding_loss": 0.3, "step": 20}]}"#
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "trainer_state.json")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.5])
    #expect(!loaded.warnings.contains { $0.contains("SetFit") })
  }
}
