import CurveCore

/// Hand-built logs with every number written out, so the snapshots never depend on the
/// simulator.
enum SampleLogs {
  /// A small overfitting run: training loss decays, validation loss falls then rises (a U),
  /// accuracy moves in steps of 1/50; 40 steps per epoch; early stopping ended it at step 400.
  static let overfitting: TrainingLog = {
    let trainingLosses = [
      2.31, 1.72, 1.31, 1.02, 0.83, 0.69, 0.58, 0.50, 0.44, 0.39,
      0.35, 0.31, 0.28, 0.25, 0.23, 0.21, 0.19, 0.17, 0.16, 0.15,
    ]
    let validationLosses = [1.62, 1.05, 0.78, 0.66, 0.61, 0.63, 0.68, 0.75, 0.83, 0.92]
    let validationCorrect = [21, 30, 35, 38, 39, 39, 38, 38, 37, 36]
    let trainingCorrect = [22, 31, 37, 41, 43, 45, 46, 47, 48, 49]
    var log = TrainingLog(
      metadata: RunMetadata(
        source: "hand-built", stepsPerEpoch: 40,
        bestCheckpoint: BestCheckpoint(
          metric: "eval_loss", value: 0.61, step: 200, stoppedEarly: true)))
    for (index, loss) in trainingLosses.enumerated() {
      let step = 20 * (index + 1)
      log.trainingEntries.append(TrainingEntry(step: step, epoch: Double(step) / 40, loss: loss))
    }
    for index in validationLosses.indices {
      let step = 40 * (index + 1)
      log.evaluationEntries.append(
        EvaluationEntry(
          step: step, epoch: Double(step) / 40, loss: validationLosses[index],
          accuracy: Double(validationCorrect[index]) / 50,
          trainingAccuracy: Double(trainingCorrect[index]) / 50))
    }
    return log
  }()

  /// A run that diverges: the training loss shoots up to infinity and then NaN.
  static let diverging = TrainingLog(
    metadata: RunMetadata(source: "hand-built"),
    trainingEntries: [
      TrainingEntry(step: 10, loss: 0.69), TrainingEntry(step: 20, loss: 0.71),
      TrainingEntry(step: 30, loss: 3.9), TrainingEntry(step: 40, loss: 250),
      TrainingEntry(step: 50, loss: .infinity), TrainingEntry(step: 60, loss: .nan),
    ],
    evaluationEntries: [
      EvaluationEntry(step: 30, loss: 1.4, accuracy: 0.5),
      EvaluationEntry(step: 60, loss: .nan, accuracy: 0.5),
    ])
}
