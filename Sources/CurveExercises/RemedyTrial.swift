public import CurveDiagnosis
public import CurveSim

/// What a remedy changes in a simulated run, with the sizes the course uses.
///
/// The same table drives the lessons' "same run, remedied" charts, the worked solutions and
/// the instructor's sets, so a remedy always means the same change:
///
/// | Remedy | Change |
/// |---|---|
/// | lower-learning-rate | learning rate ÷ 10 |
/// | higher-learning-rate | learning rate × 10 |
/// | bigger-batch | batch × 4 (at least 16) |
/// | weight-decay | weight decay 1 (× 10 when already 1 or more) |
/// | dropout | dropout 0.3 (+0.2 when already 0.3 or more, at most 0.7) |
/// | early-stopping | patience 3 on validation loss |
/// | more-data | training set × 4 |
/// | smaller-model | hidden widths ÷ 4 (at least 2) |
/// | bigger-model | hidden widths × 4, or one layer of 32 when there is none or it is tiny |
/// | more-epochs | epochs × 3 |
/// | gradient-clipping | gradient norm clipped at 1 |
/// | warmup | linear warmup over the first 10% of steps |
/// | less-regularization | weight decay ÷ 100, no dropout |
/// | check-data | no flipped labels, input noise halved |
/// | larger-evaluation-set | evaluation set × 4 |
public enum RemedyTrial {
  /// `configuration` with `action` applied. An invalid configuration comes back unchanged, so
  /// its problems are reported rather than multiplied.
  public static func apply(_ action: Remedy.Action, to configuration: TrainingConfiguration)
    -> TrainingConfiguration
  {
    guard configuration.problems.isEmpty else { return configuration }
    var c = configuration
    switch action {
    case .lowerLearningRate: c.learningRate /= 10
    case .higherLearningRate: c.learningRate *= 10
    case .biggerBatch: c.batchSize = max(16, c.batchSize * 4)
    case .weightDecay: c.weightDecay = c.weightDecay >= 1 ? c.weightDecay * 10 : 1
    case .dropout: c.dropout = c.dropout >= 0.3 ? min(0.7, c.dropout + 0.2) : 0.3
    case .earlyStopping: c.earlyStoppingPatience = 3
    case .moreData: c.data.trainSize = min(TrainingConfiguration.maximumExamples, c.data.trainSize * 4)
    case .smallerModel: c.hidden = c.hidden.map { max(2, $0 / 4) }
    case .biggerModel:
      c.hidden = c.hidden.allSatisfy { $0 < 8 } ? [32] : c.hidden.map { min(512, $0 * 4) }
    case .moreEpochs: c.epochs *= 3
    case .gradientClipping: c.maxGradNorm = 1
    case .warmup: c.warmupSteps = max(1, c.maxSteps / 10)
    case .lessRegularization:
      c.weightDecay /= 100
      c.dropout = 0
    case .checkData:
      c.data.labelNoise = 0
      c.data.inputNoise /= 2
    case .largerEvaluationSet:
      c.data.evalSize = min(TrainingConfiguration.maximumExamples, c.data.evalSize * 4)
    case .nothing: break
    }
    return c
  }

  /// Whether the simulator can show `action`: every action but ``Remedy/Action/nothing``.
  public static func canSimulate(_ action: Remedy.Action) -> Bool { action != .nothing }
}
