/// Every threshold the engine uses, each with the reason for its value.
///
/// All are relative to the run's own scale (its largest smoothed loss), its own noise, or its
/// own number of evaluations, so they hold for losses near 0.05 and near 5.
public enum DiagnosisThresholds {
  /// Below this a scale counts as zero (avoids dividing by nothing when a loss reaches 0.0).
  static let tinyScale = 1e-9

  // MARK: Data needed

  /// Evaluations needed before a rise after the minimum can be told from noise.
  static let minimumEvaluations = 3
  /// Training-loss records needed to read a trend from the training curve alone.
  static let minimumTrainingPoints = 4
  /// With fewer evaluations than this, confidence is capped (published runs often have 3-10).
  static let evaluationsForFullConfidence = 8
  /// The cap on confidence for a short run.
  static let shortRunConfidenceCap = 0.7

  // MARK: Divergence

  /// A loss whose trend ends above this multiple of both its start and its low has exploded...
  static let explosionFactor = 3.0
  /// ... when the climb from the low is steady (Mann–Kendall z), not a swing.
  static let explosionTrendZ = 3.0

  // MARK: Overfitting

  /// Evaluations after the validation minimum needed to call a rise lasting, not an uptick.
  static let overfitPointsAfterBest = 3
  /// The rise from the minimum to the end, as a share of the minimum, that counts as clear:
  /// field logs show 25-50% rises; 5% is still visible above a flat line.
  static let overfitMinimumRelativeRise = 0.05
  /// ... and as a share of the validation curve's own scale (its first value, its highest
  /// smoothed value, or the trivial loss, whichever is largest), so a loss creeping from 0.066
  /// to 0.076 after falling from 0.7 does not count.
  static let overfitMinimumRiseOfScale = 0.1
  /// The rise must also stand out from the evaluation noise by this many noise widths.
  static let overfitRiseOverNoise = 3.0
  /// Share of evaluations after the minimum that must sit above it (by one noise width, and at
  /// least 2% of the minimum) for the rise to be persistent.
  static let overfitPersistentShare = 0.6
  /// A training-to-validation accuracy gap this large (in accuracy points), and growing,
  /// counts as overfitting even while validation loss only flattens.
  static let overfitAccuracyGap = 0.1
  /// ... provided validation loss is then at least this multiple of training loss.
  static let overfitLossRatio = 2.0

  // MARK: Erratic

  /// Validation loss moving by this share of its level between consecutive evaluations
  /// (median move): healthy, overfitting and underfitting runs on the simulator stay under 0.07
  /// at the 95th percentile; erratic ones exceed 0.3 at the 5th.
  static let erraticValidationStepToLevel = 0.15
  /// Training loss: the median move as a share of the curve's whole range. Smooth curves stay
  /// below 0.04; erratic ones mostly exceed 0.1.
  static let erraticTrainingStepToRange = 0.08
  /// ... and as a share of its level, so a flat curve's tiny jitter does not count (flat
  /// underfit curves stay under 0.02).
  static let erraticTrainingStepToLevel = 0.1
  /// When the training loss is jumpy, validation moves this large (share of level) count as
  /// jumpy too: the two curves usually swing together.
  static let erraticValidationStepToLevelWithTraining = 0.07
  /// ... provided the curve wanders: its net change is at most this share of the distance it
  /// travels (a clean descent scores near 1).
  static let erraticMaximumEfficiency = 0.3
  /// Levels below this share of the starting loss are floored there when judging jitter.
  static let levelFloorShare = 0.1
  /// Share of moves that reverse direction: a trend reverses rarely, noise about 2/3 of the time.
  static let erraticReversalRate = 0.4

  // MARK: Underfitting

  /// Share of the starting loss a run must remove to have learned something real. The start is
  /// the trivial predictor's loss when the task is known to be binary, else the first logged
  /// loss. Healthy runs on the simulator remove 64-99% of ln 2; underfit ones 0-45% (a linear
  /// boundary under heavy weight decay still removes about 40% on two moons).
  static let underfitMaximumLearned = 0.45
  /// The trivial predictor's loss for balanced binary classes (ln 2): a loss near it means the
  /// model predicts about as well as a coin.
  static let binaryTrivialLoss = 0.693_147_180_559_945_3
  /// A first logged loss within this share of ln 2, with accuracy logged, marks a run as binary
  /// classification started from scratch.
  static let binaryStartTolerance = 0.15

  // MARK: Shape of the end

  /// The final share of the run that counts as its "last stretch".
  static let lastStretchShare = 0.3
  /// A last stretch that still moves the trend by this share of scale is still improving...
  static let stillImprovingChange = 0.05
  /// ... if its Mann–Kendall z says the fall is real.
  static let trendSignificance = 1.64
  /// Convergence: the trend stays within this share of its total movement of its final level.
  static let convergenceBand = 0.05

  // MARK: Findings

  /// Robust z-score beyond which a point is a spike.
  static let spikeZ = 6.0
  /// Evaluation sets up to this size (accuracy steps of 0.5% or more) are small enough for
  /// sampling noise to blur the ranking of checkpoints.
  static let smallEvaluationSet = 200
  /// Validation accuracy this far above training accuracy (points) suggests leakage.
  static let leakageGap = 0.05
  /// Two runner-up scores within this margin of the winner are reported.
  static let runnerUpMargin = 0.2
}
