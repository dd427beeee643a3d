public import CurveDiagnosis

/// Which changes do not help a pattern, and why: the distractors of every remedy question.
///
/// A change that treats the pattern (dropout for overfitting, say) is never offered as a wrong
/// answer, even when the engine did not list it for this run; only changes that leave the
/// problem alone or make it worse are.
public enum RemedyFit {
  /// Changes that do not help `pattern`, the most tempting first.
  public static func unhelpful(for pattern: Pattern) -> [Remedy.Action] {
    switch pattern {
    case .overfitting: [.biggerModel, .moreEpochs, .higherLearningRate, .lessRegularization, .nothing]
    case .underfitting: [.smallerModel, .dropout, .earlyStopping, .weightDecay, .nothing]
    case .erratic: [.higherLearningRate, .moreEpochs, .biggerModel, .smallerModel, .nothing]
    case .healthy: [.higherLearningRate, .smallerModel, .dropout, .weightDecay]
    case .diverged: [.higherLearningRate, .moreEpochs, .biggerModel, .nothing]
    case .insufficientData: [.higherLearningRate, .smallerModel, .dropout]
    }
  }

  /// Distractors for a remedy question: unhelpful changes, leaving out every action in
  /// `listed` (the engine's own remedies, which earn credit).
  public static func distractors(for pattern: Pattern, excluding listed: [Remedy.Action])
    -> [Remedy.Action]
  {
    unhelpful(for: pattern).filter { !listed.contains($0) }
  }

  /// Why `action` does not help `pattern`, in a sentence.
  public static func whyNot(_ action: Remedy.Action, for pattern: Pattern) -> String {
    switch (action, pattern) {
    case (.higherLearningRate, .erratic), (.higherLearningRate, .diverged):
      "a higher rate makes every update overshoot further."
    case (.higherLearningRate, _): "the run is not crawling; a higher rate only adds instability."
    case (.biggerModel, .overfitting): "more capacity memorizes the training set even faster."
    case (.moreEpochs, .overfitting): "validation loss is already rising; more epochs make it worse."
    case (.lessRegularization, _): "weaker regularization lets the model memorize more."
    case (.smallerModel, .underfitting): "the model already cannot capture the pattern."
    case (.dropout, .underfitting), (.weightDecay, .underfitting):
      "more regularization holds back a model that is already learning too little."
    case (.earlyStopping, .underfitting):
      "stopping sooner cuts short a run that has not learned enough."
    case (.moreEpochs, .erratic): "more epochs of the same swings do not settle them."
    case (.biggerModel, .erratic), (.smallerModel, .erratic):
      "model size is not what makes the updates jump."
    case (.nothing, _): "the curves show a problem worth fixing."
    case (_, .healthy): "the run is already healthy; this change fixes nothing it shows."
    default: "it does not address what the curves show."
    }
  }
}
