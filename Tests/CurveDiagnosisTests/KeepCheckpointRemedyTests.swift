import CurveCore
import CurveDiagnosis
import Foundation
import Testing

/// The overfitting remedy that keeps the best checkpoint names a checkpoint the run could
/// restore, under the rules of the framework replayed, and says how to keep it there.
@Suite struct KeepCheckpointRemedyTests {
  /// Training falls steadily every 10 steps; validation is evaluated at `evaluationSteps`.
  private func log(evaluationSteps: [Int], validation: [Double]) -> TrainingLog {
    let last = evaluationSteps.last!
    return TrainingLog(
      metadata: RunMetadata(source: "test"),
      trainingEntries: stride(from: 10, through: last, by: 10).map {
        TrainingEntry(step: $0, loss: 0.05 + 0.6 * pow(0.97, Double($0) / 10))
      },
      evaluationEntries: zip(evaluationSteps, validation).map {
        EvaluationEntry(step: $0, loss: $1)
      })
  }

  private func keep(_ diagnosis: Diagnosis) throws -> Remedy {
    try #require(diagnosis.remedies.first { $0.action == .earlyStopping }, "\(diagnosis.remedies.map(\.text))")
  }

  private func keptStep(_ remedy: Remedy) -> Int? {
    for change in remedy.changes {
      if case .keepCheckpoint(let step) = change { return step }
    }
    return nil
  }

  /// A U-shaped validation curve: lowest at the fourth of ten evaluations, then rising well
  /// above it while training keeps falling.
  private let uTurn = [0.9, 0.7, 0.56, 0.5, 0.53, 0.6, 0.68, 0.76, 0.85, 0.95]

  @Test func anEvaluationAtStepZeroIsNeverTheCheckpointKept() throws {
    // eval_on_start: the lowest validation loss is at step 0, before any training, where the
    // Trainer writes no checkpoint; the best written one is step 100.
    let steps = Array(stride(from: 0, through: 900, by: 100))
    let validation = [0.5, 0.52, 0.56, 0.6, 0.66, 0.72, 0.8, 0.88, 0.96, 1.05]
    let diagnosis = Diagnoser().diagnose(log(evaluationSteps: steps, validation: validation))
    #expect(diagnosis.pattern == .overfitting, "\(diagnosis.headline)")
    let remedy = try keep(diagnosis)
    #expect(keptStep(remedy) == 100)
    #expect(remedy.text.contains("Keep the checkpoint from step 100"), "\(remedy.text)")
    #expect(remedy.text.contains("at step 0, was evaluated before training"), "\(remedy.text)")
  }

  @Test func withSaveStepsOnlyAWrittenCheckpointIsNamed() throws {
    // Evaluations every 50 steps, checkpoints every 100: the lowest loss (step 200) is written,
    // so it is named; move the minimum to step 150 and the checkpoint the Trainer would load is
    // named instead.
    let steps = Array(stride(from: 50, through: 500, by: 50))
    var options = DiagnosisOptions()
    options.earlyStopping.saveSteps = 100
    let written = Diagnoser(options: options).diagnose(log(evaluationSteps: steps, validation: uTurn))
    #expect(keptStep(try keep(written)) == 200)
    let shifted = [0.9, 0.7, 0.5, 0.56, 0.53, 0.6, 0.68, 0.76, 0.85, 0.95]
    let unwritten = Diagnoser(options: options).diagnose(log(evaluationSteps: steps, validation: shifted))
    let remedy = try keep(unwritten)
    // Step 150 (0.5) wrote nothing. Step 200 (0.56) is written but is no new best against
    // 0.5, so the Trainer's best checkpoint stays step 100: that is what it loads at the end.
    #expect(keptStep(remedy) == 100)
    #expect(remedy.text.contains("at step 150, wrote no checkpoint: save_steps is 100"), "\(remedy.text)")
  }

  @Test(arguments: EarlyStoppingPolicy.Framework.allCases)
  func theRemedySaysHowToKeepTheCheckpointInTheFrameworkReplayed(framework: EarlyStoppingPolicy.Framework) throws {
    let steps = Array(stride(from: 50, through: 500, by: 50))
    let options = DiagnosisOptions(earlyStopping: EarlyStoppingPolicy(framework: framework, patience: 2))
    let remedy = try keep(Diagnoser(options: options).diagnose(log(evaluationSteps: steps, validation: uTurn)))
    #expect(keptStep(remedy) == 200)
    switch framework {
    case .transformers:
      #expect(remedy.text.contains("EarlyStoppingCallback(early_stopping_patience=2)"))
      #expect(remedy.text.contains("load_best_model_at_end=True"))
    case .keras:
      #expect(!remedy.text.contains("EarlyStoppingCallback"))
      #expect(remedy.text.contains("restore_best_weights=True"))
      // Keras restores nothing by default: the replay ends with the stop's own weights.
      #expect(remedy.text.contains("nothing is restored unless asked"), "\(remedy.text)")
    case .lightning:
      #expect(!remedy.text.contains("EarlyStoppingCallback"))
      #expect(remedy.text.contains("ModelCheckpoint(monitor="))
    }
  }
}
