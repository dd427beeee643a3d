public import CurveCore

/// What the kit knows about each cause: the pattern it produces, the change that treats it
/// (with its size) and why. The one table every part reads: the engine's ranked remedies, the
/// simulator's remedies benchmark, the quiz, the exercises and the generated keys.
///
/// The sizes are the ones the simulator shows working over ordinary seeds (`curvelab bench
/// --only remedies` measures each); change a size here and the benchmark, the keys and the
/// lessons follow.
///
/// ```swift
/// let treatment = CauseKnowledge.treatment(for: .lowLearningRate)
/// treatment.action    // .higherLearningRate
/// treatment.changes   // [.scale(.learningRate, by: 10)]
/// ```
public enum CauseKnowledge {
  /// The patterns a cause can produce, the usual one first.
  public static func patterns(of cause: Cause) -> [Pattern] {
    switch cause {
    case .lowLearningRate, .tooFewSteps, .smallModel, .heavyWeightDecay, .nothingLearnable:
      [.underfitting]
    case .smallData, .bigModel, .labelNoise, .tooLittleRegularization: [.overfitting]
    case .highLearningRate: [.erratic, .diverged]
    case .tinyBatch, .smallEvalSet, .badBatches: [.erratic]
    case .warmupInstability: [.erratic, .diverged]
    case .converged, .stillImproving: [.healthy]
    }
  }

  /// The causes that can lie behind `pattern`, in the table's order.
  public static func causes(of pattern: Pattern) -> [Cause] {
    Cause.allCases.filter { patterns(of: $0).contains(pattern) }
  }

  /// The change that treats `cause`, with its size and the reason it works.
  public static func treatment(for cause: Cause) -> Treatment {
    switch cause {
    case .lowLearningRate:
      Treatment(
        action: .higherLearningRate, changes: [.scale(.learningRate, by: 10)],
        reason: "steps this small barely move the weights; ten times the rate lets it learn")
    case .tooFewSteps:
      Treatment(
        action: .moreEpochs, changes: [.scale(.epochs, by: 3)],
        reason: "the loss was still falling when the run (or its learning rate) ran out")
    case .smallModel:
      Treatment(
        action: .biggerModel, changes: [.scale(.hiddenWidth, by: 4)],
        reason: "the model levels off high because it cannot represent the pattern")
    case .heavyWeightDecay:
      Treatment(
        action: .lessRegularization, changes: [.set(.weightDecay, to: 0.01)],
        reason: "decay this strong pins the weights near zero whatever the data says")
    case .nothingLearnable:
      Treatment(
        action: .checkData, changes: [.checkData],
        reason: "at chance level, the labels or inputs carry no signal the model can find")
    case .smallData:
      Treatment(
        action: .moreData, changes: [.scale(.trainSize, by: 4)],
        reason: "with more examples per parameter there is less to memorize and more to learn")
    case .bigModel:
      Treatment(
        action: .smallerModel, changes: [.scale(.hiddenWidth, by: 0.25)],
        reason: "a model this big has room to memorize every training example")
    case .labelNoise:
      Treatment(
        action: .checkData, changes: [.checkData],
        reason: "the model is learning wrong labels by heart; clean labels remove what it memorizes")
    case .tooLittleRegularization:
      Treatment(
        action: .weightDecay, changes: [.set(.weightDecay, to: 0.1)],
        reason: "nothing holds the weights back from fitting the training set's quirks")
    case .highLearningRate:
      Treatment(
        action: .lowerLearningRate, changes: [.scale(.learningRate, by: 0.1), .scale(.epochs, by: 3)],
        reason: "the updates overshoot; a tenth of the rate settles them, and the slower run needs "
          + "more epochs to arrive")
    case .tinyBatch:
      Treatment(
        action: .biggerBatch, changes: [.scale(.batchSize, by: 8)],
        reason: "a gradient from a handful of examples is mostly noise; averaging more calms it")
    case .smallEvalSet:
      Treatment(
        action: .largerEvaluationSet, changes: [.scale(.evalSize, by: 4)],
        reason: "a few dozen examples make validation jump by whole examples; training is calm")
    case .warmupInstability:
      Treatment(
        action: .lowerLearningRate, changes: [.scale(.learningRate, by: 0.3)],
        reason: "the run broke when warmup reached the peak rate: the peak is too high")
    case .badBatches:
      Treatment(
        action: .gradientClipping, changes: [.set(.maxGradNorm, to: 1)],
        reason: "a few batches throw huge gradients; clipping caps them without slowing the rest")
    case .converged:
      Treatment(
        action: .nothing, changes: [],
        reason: "both curves have levelled off with a small gap: nothing here needs fixing")
    case .stillImproving:
      Treatment(
        action: .moreEpochs, changes: [.scale(.epochs, by: 3)],
        reason: "both curves were still falling at the end; more training would keep going")
    }
  }

  /// A change that treats a cause: what kind, how much, and why.
  public struct Treatment: Sendable, Equatable {
    /// The kind of change, as the course names it.
    public var action: Remedy.Action
    /// The change as data, with its size.
    public var changes: [RemedyChange]
    /// Why it works, in a sentence fragment.
    public var reason: String
  }
}
