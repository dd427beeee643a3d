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

  /// The change that treats `cause` when it shows as `pattern`, with its size and the reason.
  ///
  /// The same cause can call for a different size in a different pattern: a rate that makes a
  /// run erratic is a little too high, one that makes it diverge is far too high.
  public static func treatment(for cause: Cause, showing pattern: Pattern) -> Treatment {
    switch (cause, pattern) {
    case (.highLearningRate, .diverged):
      Treatment(
        action: .lowerLearningRate, changes: [.scale(.learningRate, by: 0.001), .scale(.epochs, by: 3)],
        reason: "a rate that blows the loss up to infinity is far past the stable range: a "
          + "thousandth of it is a rate such a network trains at, and the slower run needs more "
          + "epochs to arrive")
    default:
      treatment(for: cause)
    }
  }

  /// The change that treats `cause`, with its size and the reason it works.
  public static func treatment(for cause: Cause) -> Treatment {
    switch cause {
    case .lowLearningRate:
      Treatment(
        action: .higherLearningRate, changes: [.scale(.learningRate, by: 30)],
        reason: "steps this small barely move the weights; thirty times the rate lets it learn "
          + "(a rate 100 times too small needs more than the usual tenfold step)")
    case .tooFewSteps:
      Treatment(
        action: .moreEpochs, changes: [.scale(.epochs, by: 3)],
        reason: "the loss was still falling when the run (or its learning rate) ran out")
    case .smallModel:
      Treatment(
        action: .biggerModel, changes: [.scale(.hiddenWidth, by: 8)],
        reason: "the model levels off high because it cannot represent the pattern; one or two "
          + "units need eight times as many")
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
        action: .moreData, changes: [.scale(.trainSize, by: 8), .scale(.epochs, by: 0.125), .set(.earlyStoppingPatience, to: 3)],
        reason: "with more examples per parameter there is less to memorize and more to learn; "
          + "eight times the data for the same number of updates (an eighth of the epochs), with "
          + "early stopping to catch what memorizing is left")
    case .bigModel:
      Treatment(
        action: .smallerModel, changes: [.scale(.hiddenWidth, by: 1.0 / 32), .set(.earlyStoppingPatience, to: 3)],
        reason: "a model this big has room to memorize every training example; a thirty-second "
          + "of the width still fits the pattern, and early stopping catches what memorizing is "
          + "left on a small set")
    case .labelNoise:
      Treatment(
        action: .checkData, changes: [.checkData, .set(.earlyStoppingPatience, to: 3)],
        reason: "the model is learning wrong labels by heart; clean labels remove what it memorizes, "
          + "and early stopping catches what a small set still lets it memorize")
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
        action: .biggerBatch, changes: [.scale(.batchSize, by: 16), .scale(.epochs, by: 4)],
        reason: "a gradient from a handful of examples is mostly noise; averaging sixteen times as "
          + "many (gradient accumulation, when memory is short) calms it, and with a sixteenth of "
          + "the updates per epoch the run needs more epochs")
    case .smallEvalSet:
      Treatment(
        action: .largerEvaluationSet, changes: [.scale(.evalSize, by: 64)],
        reason: "a few dozen examples (or a few random batches drawn afresh at each evaluation) "
          + "make validation jump by whole examples; training is calm. Sixty-four times as many "
          + "average the jumps out")
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

  /// The change each kind of remedy makes when it is named without a cause (a lesson's
  /// `remedy=lower-learning-rate`, an exercise's worked solution): the course's standard sizes.
  ///
  /// ```swift
  /// CauseKnowledge.changes(for: .biggerBatch)   // [.scale(.batchSize, by: 4)]
  /// ```
  public static func changes(for action: Remedy.Action) -> [RemedyChange] {
    switch action {
    case .earlyStopping: [.set(.earlyStoppingPatience, to: 3)]
    case .weightDecay: [.set(.weightDecay, to: 0.1)]
    case .dropout: [.set(.dropout, to: 0.3)]
    case .moreData: [.scale(.trainSize, by: 4)]
    case .smallerModel: [.scale(.hiddenWidth, by: 0.25)]
    case .biggerModel: [.scale(.hiddenWidth, by: 4)]
    case .moreEpochs: [.scale(.epochs, by: 3)]
    case .higherLearningRate: [.scale(.learningRate, by: 10)]
    case .lowerLearningRate: [.scale(.learningRate, by: 0.1)]
    case .biggerBatch: [.scale(.batchSize, by: 4)]
    case .gradientClipping: [.set(.maxGradNorm, to: 1)]
    case .warmup: [.set(.warmupRatio, to: 0.1)]
    case .lessRegularization: [.scale(.weightDecay, by: 0.01), .set(.dropout, to: 0)]
    case .checkData: [.checkData]
    case .largerEvaluationSet: [.scale(.evalSize, by: 4)]
    case .nothing: []
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
