public import CurveCore

/// What a run shows, with the numbers behind it: the engine's whole answer.
///
/// A finding is not an error: the engine never throws. A log with too little in it comes back
/// as ``Pattern/insufficientData`` with ``missing`` saying what is lacking.
///
/// ```swift
/// let diagnosis = Diagnoser().diagnose(log)
/// diagnosis.pattern          // .overfitting
/// diagnosis.headline         // "Overfitting: validation loss rose 31% after step 320 ..."
/// diagnosis.remedies.first   // keep the step-320 checkpoint (early stopping, patience 3)
/// ```
public struct Diagnosis: Sendable, Equatable {
  /// The overall pattern.
  public var pattern: Pattern
  /// How sure the engine is, from 0 to 1. Few evaluations lower it.
  public var confidence: Double
  /// The second most likely pattern, when it came close.
  public var runnerUp: Pattern?
  /// One sentence: the verdict with its key number.
  public var headline: String
  /// Whether the run looks unfinished (still improving, or the log stops before its planned
  /// end), so the verdict is about the run so far.
  public var isInProgress: Bool
  /// For ``Pattern/insufficientData``: what the log lacks.
  public var missing: [String]
  /// The numbers behind the verdict, most important first.
  public var evidence: [Evidence]
  /// Secondary observations: spikes, plateaus, possible leakage, a noisy evaluation set.
  public var findings: [Finding]
  /// Where early stopping would stop and which checkpoint it keeps.
  public var earlyStopping: EarlyStoppingOutcome?
  /// Whether accuracy moves in steps of 1/N, and the N it implies.
  public var accuracySteps: AccuracySteps?
  /// What to change, most useful first.
  public var remedies: [Remedy]
  /// The best evaluation by the monitored metric.
  public var best: BestEvaluation?
  /// Where validation loss started to rise for good, for overfitting.
  public var overfittingOnset: OverfittingOnset?
  /// The step after which the curves stay level, when they do.
  public var convergenceStep: Int?
  /// Why the run shows its pattern: each candidate cause with the evidence for it, the
  /// likeliest first. Empty for ``Pattern/insufficientData``.
  public var causes: [CauseAssessment] = []
  /// What the log lacks that would tell its candidate causes apart (the learning rate, the
  /// batch size...), empty when nothing is missing.
  public var unknowns: [String] = []
  /// What a model that ignores its input would score on this task, as far as the log shows.
  public var baseline: TaskBaseline = TaskBaseline()
  /// The learning-rate schedule the log records, when it records the rate.
  public var schedule: ScheduleReading?
  /// The typical size of an evaluation's random deviation from the validation-loss trend, in
  /// loss units (a robust standard deviation); `nil` with fewer than five evaluations.
  public var validationNoise: Double?

  /// The likeliest cause, when the evidence singles one out.
  public var cause: Cause? { causes.first.flatMap { $0.isDetermined ? $0.cause : nil } }
}

/// The overall shape of a run.
public enum Pattern: String, CaseIterable, Sendable, Codable {
  /// Both losses fall and level off with a small gap.
  case healthy
  /// Validation loss turns up (or stalls while the gap grows) as training loss keeps falling.
  case overfitting
  /// Both losses stay high: the model learns little.
  case underfitting
  /// Swings as large as the trend, in both curves.
  case erratic
  /// The loss became NaN or infinite, or exploded.
  case diverged
  /// The log has too little to judge.
  case insufficientData = "insufficient-data"

  /// The name as a learner would say it.
  public var title: String {
    switch self {
    case .healthy: "Healthy"
    case .overfitting: "Overfitting"
    case .underfitting: "Underfitting"
    case .erratic: "Erratic"
    case .diverged: "Diverged"
    case .insufficientData: "Insufficient data"
    }
  }
}

/// One number and what it means.
public struct Evidence: Sendable, Equatable {
  /// A stable identifier, for JSON and for grading (`validation_rise`, `gap_at_end`).
  public var key: String
  /// The value.
  public var value: Double
  /// What it says, in a sentence fragment with the value in it.
  public var meaning: String

  /// Creates evidence.
  public init(key: String, value: Double, meaning: String) {
    self.key = key
    self.value = value
    self.meaning = meaning
  }
}

/// A secondary observation.
public struct Finding: Sendable, Equatable {
  /// What kind of observation.
  public var kind: Kind
  /// Where in the run, when it has a place.
  public var step: Int?
  /// The observation in a sentence.
  public var message: String

  /// Creates a finding.
  public init(kind: Kind, step: Int?, message: String) {
    self.kind = kind
    self.step = step
    self.message = message
  }

  /// Kinds of secondary observations.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// A single point far off the running median.
    case spike
    /// A long flat stretch followed by more progress.
    case plateau
    /// Validation accuracy well above training accuracy.
    case possibleLeakage = "possible-leakage"
    /// Evaluation noise larger than the differences between checkpoints.
    case noisyEvaluation = "noisy-evaluation"
    /// A high learning rate from the first step.
    case noWarmup = "no-warmup"
    /// Validation loss and accuracy tell different stories.
    case lossAccuracyDisagreement = "loss-accuracy-disagreement"
    /// The training loss is still clearly falling at the end.
    case stillImproving = "still-improving"
    /// NaN or infinite values.
    case nonFinite = "non-finite"
    /// A metric logged in other units than the engine reads (accuracy in percent).
    case units
    /// The curve flattens because the learning rate decays, not because the model is done.
    case decayingRate = "decaying-rate"
    /// The loss fell, then jumped back toward its starting level (and stayed there, or
    /// recovered later), or training and validation loss both climbed back; also what the run
    /// did after (easing down only as the rate decayed).
    case collapse
  }
}

/// The best evaluation by the monitored metric.
public struct BestEvaluation: Sendable, Equatable {
  /// The metric's name.
  public var metric: String
  /// Its value there.
  public var value: Double
  /// The step of that evaluation.
  public var step: Int
  /// Its epoch, when known.
  public var epoch: Double?
  /// Its position among the evaluations, from 0.
  public var index: Int
}

/// Where validation loss began its lasting rise.
public struct OverfittingOnset: Sendable, Equatable {
  /// The step of the validation minimum, after which the rise begins.
  public var step: Int
  /// Its epoch, when known.
  public var epoch: Double?
  /// How far validation loss rose from its minimum to the end of the run, as a fraction
  /// (0.31 = 31%).
  public var rise: Double
}

/// A concrete change to make, tied to the evidence.
public struct Remedy: Sendable, Equatable {
  /// The kind of change.
  public var action: Action
  /// The change, said concretely for this run.
  public var text: String
  /// The change as data, with its size (see ``CauseKnowledge``), for tools that apply it.
  public var changes: [RemedyChange]
  /// The cause this remedy treats, when it treats one.
  public var cause: Cause?

  /// Creates a remedy.
  public init(action: Action, text: String, changes: [RemedyChange] = [], cause: Cause? = nil) {
    self.action = action
    self.text = text
    self.changes = changes
    self.cause = cause
  }

  /// Kinds of change, as the course names them.
  public enum Action: String, Sendable, CaseIterable, Codable {
    case earlyStopping = "early-stopping"
    case weightDecay = "weight-decay"
    case dropout
    case moreData = "more-data"
    case smallerModel = "smaller-model"
    case biggerModel = "bigger-model"
    case moreEpochs = "more-epochs"
    case higherLearningRate = "higher-learning-rate"
    case lowerLearningRate = "lower-learning-rate"
    case biggerBatch = "bigger-batch"
    case gradientClipping = "gradient-clipping"
    case warmup
    case lessRegularization = "less-regularization"
    case checkData = "check-data"
    case largerEvaluationSet = "larger-evaluation-set"
    case nothing

    /// A short name for menus and answer keys.
    public var title: String {
      switch self {
      case .earlyStopping: "stop early (keep the best checkpoint)"
      case .weightDecay: "add weight decay"
      case .dropout: "add dropout"
      case .moreData: "more or augmented data"
      case .smallerModel: "a smaller model"
      case .biggerModel: "a bigger model"
      case .moreEpochs: "train for more epochs"
      case .higherLearningRate: "raise the learning rate"
      case .lowerLearningRate: "lower the learning rate"
      case .biggerBatch: "use a bigger batch"
      case .gradientClipping: "clip gradients"
      case .warmup: "add learning-rate warmup"
      case .lessRegularization: "weaken the regularization"
      case .checkData: "check the data and its preprocessing"
      case .largerEvaluationSet: "use a larger evaluation set"
      case .nothing: "nothing: keep the setup"
      }
    }
  }
}

/// Whether accuracy moves in steps of 1/N.
public struct AccuracySteps: Sendable, Equatable {
  /// Whether every accuracy value sits on a multiple of 1/N.
  public var isQuantized: Bool
  /// The evaluation-set size the steps imply (the smallest N that fits every value).
  public var impliedSetSize: Int?
  /// The smallest change between distinct accuracy values.
  public var smallestStep: Double?
}
