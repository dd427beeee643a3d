public import CurveCore

/// The rest of the table: the other changes that also treat a cause (partial credit in the
/// keys), and the changes that would not help it (the distractors of every remedy question),
/// each with its reason.
extension CauseKnowledge {
  /// Changes that also treat `cause`, less directly than its ``treatment(for:)``, most useful
  /// first.
  public static func secondaryTreatments(for cause: Cause) -> [Treatment] {
    switch cause {
    case .lowLearningRate:
      [moreEpochs("more passes let small steps add up, though slowly")]
    case .tooFewSteps:
      [
        Treatment(
          action: .higherLearningRate, changes: [.scale(.learningRate, by: 3)],
          reason: "larger steps cover more ground in the same number of updates")
      ]
    case .smallModel, .heavyWeightDecay, .nothingLearnable, .converged, .stillImproving,
      .smallEvalSet:
      []
    case .smallData:
      [keepBest, weightDecay, dropout, smallerModel]
    case .bigModel:
      [keepBest, weightDecay, dropout, moreData]
    case .labelNoise:
      [keepBest, weightDecay, moreData, dropout]
    case .tooLittleRegularization:
      [dropout, keepBest, moreData, smallerModel]
    case .highLearningRate:
      [
        clipping,
        Treatment(
          action: .warmup, changes: [.set(.warmupSteps, to: 100)],
          reason: "a ramp to the peak rate keeps the first, largest gradients from overshooting"),
        Treatment(
          action: .biggerBatch, changes: [.scale(.batchSize, by: 4)],
          reason: "a larger batch averages the noise the large steps amplify"),
      ]
    case .tinyBatch:
      [
        Treatment(
          action: .lowerLearningRate, changes: [.scale(.learningRate, by: 0.3)],
          reason: "smaller steps take less of each noisy gradient"),
        clipping,
      ]
    case .warmupInstability:
      [
        Treatment(
          action: .warmup, changes: [.scale(.warmupSteps, by: 3)],
          reason: "a longer ramp gives the model time to settle before the peak rate"),
        clipping,
      ]
    case .badBatches:
      [
        Treatment(
          action: .checkData, changes: [.checkData],
          reason: "batches that throw huge gradients often hold broken or mislabelled examples"),
        Treatment(
          action: .lowerLearningRate, changes: [.scale(.learningRate, by: 0.3)],
          reason: "smaller steps make each bad batch do less harm"),
      ]
    }
  }

  /// The treatment for `cause`, sized for a run whose settings are known.
  ///
  /// A learning rate far below the usual range of a small network's optimizer (1e-3 for Adam
  /// and its kin, 1e-2 for plain SGD; ten times that for a network of a few thousand
  /// weights) is raised to reach that range, by a round factor (3, 10,
  /// 30, 100...), never by less than the table's factor. A rate far above it is lowered to
  /// it the same way, never by less than the table's tenth, with ten times the epochs when it
  /// falls thirtyfold or more. The usual range is only
  /// known for small networks (a known parameter count up to a million): a pretrained model
  /// is fine-tuned at 1e-5 to 5e-5 on purpose, so there the table's factor stands.
  ///
  /// ```swift
  /// CauseKnowledge.treatment(for: .lowLearningRate, learningRate: 8e-6, isAdaptive: true,
  ///   parameters: 120_000).changes   // [.scale(.learningRate, by: 100)]
  /// CauseKnowledge.treatment(for: .highLearningRate, learningRate: 0.3, isAdaptive: true,
  ///   parameters: 600).changes       // [.scale(.learningRate, by: 1.0 / 30), .scale(.epochs, by: 10)]
  /// ```
  public static func treatment(
    for cause: Cause, learningRate: Double?, isAdaptive: Bool?, parameters: Int?
  ) -> Treatment {
    var treatment = treatment(for: cause)
    guard cause == .lowLearningRate || cause == .highLearningRate, let rate = learningRate,
      rate > 0, let parameters, parameters <= smallNetworkParameters,
      case .scale(.learningRate, let factor)? = treatment.changes.first
    else { return treatment }
    // Tiny networks (a few thousand weights) train well at ten times those rates (the
    // simulator's sound runs use AdamW at 5e-3 to 1.5e-2; at 3e-3 a crawl raised there
    // stays short on the curved tasks).
    let usual = (isAdaptive == false ? 1e-2 : 1e-3) * (parameters <= tinyNetworkParameters ? 10 : 1)
    if cause == .lowLearningRate {
      let needed = roundFactor(usual / rate)
      if needed > factor {
        treatment.changes[0] = .scale(.learningRate, by: needed)
        treatment.reason = "steps this small barely move the weights; this raises the rate to the "
          + "optimizer's usual range for a network this size"
      }
    } else {
      // A rate dozens of times past the usual one comes down to it (a tenth would still
      // overshoot), by a round factor, never by less than the table's tenth.
      let needed = roundFactor(rate / usual)
      if 1 / needed < factor {
        treatment.changes[0] = .scale(.learningRate, by: 1 / needed)
        // Steps dozens of times smaller travel that much less: the run needs more of them.
        if needed >= 30, let index = treatment.changes.firstIndex(where: {
          if case .scale(.epochs, _) = $0 { true } else { false }
        }) {
          treatment.changes[index] = .scale(.epochs, by: 10)
        }
        treatment.reason = "the updates overshoot; this brings the rate down to the optimizer's "
          + "usual range for a network this size, and the slower run needs more epochs to arrive"
      }
    }
    return treatment
  }

  /// The treatment for `cause` as it shows in `pattern`, sized for a run whose settings are
  /// known: ``treatment(for:showing:)`` with a too-small learning rate raised to the usual
  /// range as ``treatment(for:learningRate:isAdaptive:parameters:)`` does. What the engine's
  /// first remedy makes, and what the course's `treat=` and the remedies benchmark apply.
  public static func treatment(
    for cause: Cause, showing pattern: Pattern, learningRate: Double?, isAdaptive: Bool?,
    parameters: Int?
  ) -> Treatment {
    cause == .lowLearningRate || (cause == .highLearningRate && pattern == .erratic)
      ? treatment(for: cause, learningRate: learningRate, isAdaptive: isAdaptive, parameters: parameters)
      : treatment(for: cause, showing: pattern)
  }

  /// Networks up to this many parameters train with the optimizers' textbook rates...
  static let smallNetworkParameters = 1_000_000
  /// ... and up to this many, at about ten times them.
  static let tinyNetworkParameters = 10_000

  /// The round factor (1, 3, 10, 30, 100, ...) nearest to `ratio` on a log scale.
  package static func roundFactor(_ ratio: Double) -> Double {
    guard ratio.isFinite, ratio > 1 else { return 1 }
    var best = 1.0
    var candidate = 1.0
    while candidate <= ratio * 10 {
      for step in [candidate, 3 * candidate] where abs(logRatio(step, ratio)) < abs(logRatio(best, ratio)) {
        best = step
      }
      candidate *= 10
    }
    return best
  }

  private static func logRatio(_ a: Double, _ b: Double) -> Double {
    TaskBaseline.logarithm(a) - TaskBaseline.logarithm(b)
  }

  /// Every change that treats `cause`: its treatment first, then the secondary ones.
  public static func treatments(for cause: Cause) -> [Treatment] {
    [treatment(for: cause)] + secondaryTreatments(for: cause)
  }

  /// Changes that would not help a run whose pattern has `cause` behind it, the most tempting
  /// first.
  public static func unhelpful(for cause: Cause) -> [Remedy.Action] {
    switch cause {
    case .lowLearningRate:
      [.biggerModel, .lowerLearningRate, .smallerModel, .earlyStopping, .weightDecay, .dropout, .nothing]
    case .tooFewSteps:
      [.earlyStopping, .lowerLearningRate, .smallerModel, .weightDecay, .dropout, .nothing]
    case .smallModel:
      [.moreEpochs, .smallerModel, .dropout, .earlyStopping, .weightDecay, .nothing]
    case .heavyWeightDecay:
      [.weightDecay, .moreEpochs, .dropout, .smallerModel, .earlyStopping, .nothing]
    case .nothingLearnable:
      [.moreEpochs, .biggerModel, .smallerModel, .dropout, .earlyStopping, .nothing]
    case .smallData, .bigModel, .labelNoise, .tooLittleRegularization:
      [.biggerModel, .moreEpochs, .higherLearningRate, .lessRegularization, .nothing]
    case .highLearningRate, .tinyBatch, .warmupInstability, .badBatches:
      [.higherLearningRate, .moreEpochs, .biggerModel, .smallerModel, .nothing]
    case .smallEvalSet:
      [.higherLearningRate, .moreEpochs, .biggerModel, .smallerModel, .nothing]
    case .converged:
      [.higherLearningRate, .moreEpochs, .smallerModel, .dropout, .weightDecay]
    case .stillImproving:
      [.earlyStopping, .higherLearningRate, .smallerModel, .dropout, .weightDecay, .nothing]
    }
  }

  /// Changes that would not help `pattern` whatever its cause: those unhelpful for every cause
  /// of the pattern, the most tempting first.
  public static func unhelpful(for pattern: Pattern) -> [Remedy.Action] {
    let causes = causes(of: pattern)
    guard let first = causes.first else {
      return [.higherLearningRate, .smallerModel, .dropout]  // insufficient data: nothing fits
    }
    if pattern == .diverged { return [.higherLearningRate, .moreEpochs, .biggerModel, .nothing] }
    return unhelpful(for: first).filter { action in
      causes.allSatisfy { unhelpful(for: $0).contains(action) }
    }
  }

  /// Why `action` would not help a run showing `pattern`, in a sentence.
  public static func whyNot(_ action: Remedy.Action, for pattern: Pattern, cause: Cause? = nil)
    -> String
  {
    switch (action, pattern, cause) {
    case (.biggerModel, .underfitting, .lowLearningRate?):
      "the model is not short of capacity: its steps are too small to use what it has."
    case (.moreEpochs, .underfitting, .smallModel?), (.moreEpochs, .underfitting, .heavyWeightDecay?),
      (.moreEpochs, .underfitting, .nothingLearnable?):
      "the loss has already levelled off; more of the same training leaves it there."
    case (.lowerLearningRate, .underfitting, _):
      "the run is learning too little already; smaller steps slow it further."
    case (.biggerModel, .underfitting, .nothingLearnable?):
      "there is no signal for more capacity to find."
    case (.higherLearningRate, .erratic, _), (.higherLearningRate, .diverged, _):
      "a higher rate makes every update overshoot further."
    case (.higherLearningRate, _, _): "the run is not crawling; a higher rate only adds instability."
    case (.biggerModel, .overfitting, _): "more capacity memorizes the training set even faster."
    case (.moreEpochs, .overfitting, _): "validation loss is already rising; more epochs make it worse."
    case (.moreEpochs, .healthy, .converged?): "the curves have levelled off; more epochs add nothing."
    case (.lessRegularization, _, _): "weaker regularization lets the model memorize more."
    case (.smallerModel, .underfitting, _): "the model already learns too little; less capacity makes it worse."
    case (.dropout, .underfitting, _), (.weightDecay, .underfitting, _):
      "more regularization holds back a model that is already learning too little."
    case (.earlyStopping, .underfitting, _):
      "stopping sooner cuts short a run that has not learned enough."
    case (.earlyStopping, .healthy, .stillImproving?):
      "validation loss is still falling; stopping sooner keeps a worse model."
    case (.moreEpochs, .erratic, _): "more epochs of the same swings do not settle them."
    case (.biggerModel, .erratic, _), (.smallerModel, .erratic, _):
      "model size is not what makes the updates jump."
    case (.nothing, .healthy, .stillImproving?):
      "validation loss is still falling; more training would keep improving it."
    case (.nothing, _, _): "the curves show a problem worth fixing."
    case (_, .healthy, _): "the run is already healthy; this change fixes nothing it shows."
    default: "it does not address what the curves show."
    }
  }

  private static func moreEpochs(_ reason: String) -> Treatment {
    Treatment(action: .moreEpochs, changes: [.scale(.epochs, by: 3)], reason: reason)
  }

  private static let keepBest = Treatment(
    action: .earlyStopping, changes: [.set(.earlyStoppingPatience, to: 3)],
    reason: "the best checkpoint came before the model started memorizing; keep it")
  private static let weightDecay = Treatment(
    action: .weightDecay, changes: [.set(.weightDecay, to: 0.1)],
    reason: "a pull towards small weights leaves less room to memorize")
  private static let dropout = Treatment(
    action: .dropout, changes: [.set(.dropout, to: 0.3)],
    reason: "dropping units at random keeps any one of them from memorizing examples")
  private static let smallerModel = Treatment(
    action: .smallerModel, changes: [.scale(.hiddenWidth, by: 0.25)],
    reason: "fewer parameters have less room to memorize")
  private static let moreData = Treatment(
    action: .moreData, changes: [.scale(.trainSize, by: 4)],
    reason: "more examples leave less to memorize")
  private static let clipping = Treatment(
    action: .gradientClipping, changes: [.set(.maxGradNorm, to: 1)],
    reason: "clipping caps the few updates that overshoot most")
}
