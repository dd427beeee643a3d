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
  /// The cap on confidence for a healthy or underfitting verdict when the log shows no task
  /// baseline (no class count, no accuracy): "high" and "low" loss are then only the curve's
  /// own shape.
  static let unknownBaselineConfidenceCap = 0.75

  // MARK: Divergence

  /// A loss whose trend ends above this multiple of both its start and its low has exploded...
  static let explosionFactor = 3.0
  /// ... when the climb from the low is steady (Mann–Kendall z), not a swing.
  static let explosionTrendZ = 3.0
  /// A classifier whose typical loss is this many times the trivial loss has blown up: a
  /// model that is confidently wrong on every example scores about 5 to 10 times ln 2 (the
  /// erratic runs of plain SGD at a rate past 1 reach 10 to 25 times); 30 times puts the
  /// typical example's probability of its own class below e^-20, which only exploded weights
  /// reach.
  static let absurdLossMultiple = 30.0
  /// The trivial loss assumed when the class count is unknown: ln 1000 (a thousand classes),
  /// the largest a typical classifier log has.
  static let largestPlausibleTrivialLoss = 6.907_755_278_982_137

  // MARK: Collapse (instability after learning)

  /// Points a curve needs before a fall and a lasting jump back can both be seen.
  static let collapseMinimumPoints = 8
  /// Points after the low needed to call the jump lasting.
  static let collapsePointsAfter = 3
  /// The fall before the jump must be at least this share of the curve's first level...
  static let collapseMinimumFall = 0.15
  /// ... and both the fall and the jump at least this many noise widths.
  static let collapseRiseOverNoise = 4.0
  /// The jump takes back at least this share of what the fall had gained...
  static let collapseReturnShare = 0.6
  /// ... and at least this share of the points after the low stay above half-way.
  static let collapseStayShare = 0.6
  /// Where the task's trivial loss is known (ln K), the level a collapse jumps back to must be
  /// at least this share of it: a model whose loss climbs from 0.005 to 0.015 against ln 6 ≈
  /// 1.8 is still nearly perfect on its training set and has not fallen apart, however large
  /// the ratio (a collapse goes back toward chance, most of the way to ln K).
  static let collapseMinimumTrivialShare = 0.1
  /// A collapse outranks every other shape but a divergence.
  static let collapseScore = 0.97
  /// A collapse the run recovered from, and a climb back of both curves, outrank every
  /// healthy and underfitting score (at most 0.8; overfitting is capped at 0.4 beside any
  /// collapse) while staying below a collapse that lasted: instability is the finding even
  /// when the end is good.
  static let recoveredCollapseScore = 0.9
  /// Both curves climbed back: the training loss must end at least this share of its own
  /// minimum above it (a memorizing run's training loss only falls) ...
  static let climbBackShare = 0.25
  /// ... and at least this share of its scale, so a loss of 0.001 doubling is not a climb.
  static let climbBackShareOfScale = 0.05
  /// A recovered collapse lasts at least this share of the logged run (jump to recovery): the
  /// runs that fall apart at the peak rate take many epochs to climb back, while an overfitting
  /// run's loss spikes near 0 last a percent or two of it (simulated big-model runs: 1.7%).
  static let recoveredEpisodeShare = 0.08
  /// ... and, for a classifier, jumps back to at least this share of the trivial loss (toward
  /// chance; an epoch's mean blurs the level, so not all the way).
  static let recoveredChanceShare = 0.7

  // MARK: Overfitting

  /// Evaluations after the validation minimum needed to call a rise lasting, not an uptick.
  static let overfitPointsAfterBest = 3
  /// The rise from the minimum to the end, as a share of the minimum, that counts as clear:
  /// field logs show 25-50% rises; 5% is still visible above a flat line.
  static let overfitMinimumRelativeRise = 0.05
  /// ... and as a share of what the model learned (from the largest of the validation curve's
  /// first value, its highest smoothed value and the trivial loss, down to its minimum), so a
  /// loss creeping from 0.066 to 0.076 after falling from 0.7 does not count, while one that
  /// falls from 0.51 to 0.465 (ln 2 = 0.69 for the task) and climbs back to 0.50 does.
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
  /// ... or this share when the evaluation set is known to be tiny
  /// (``smallEvaluationSetForJitter`` examples or fewer).
  static let erraticSmallSetValidationStepToLevel = 0.08
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
  /// The score of swings in one curve alone (training loss with tiny batches, validation loss
  /// on a tiny evaluation set): above the best healthy score, since either swing makes the
  /// run's checkpoints and trend unreliable.
  static let erraticOneCurveScore = 0.85
  /// Training-loss moves this large a share of its level count on their own, validation
  /// smooth or not: a mean over a logging window of batches that jumps by a quarter of itself
  /// each record comes from batches of a handful of examples (or overshooting updates).
  static let erraticTrainingLargeSwing = 0.25
  /// ... provided they are also a good share of everything the curve did: a loss that has
  /// reached 0.03 can jitter by its own size without the run being unstable.
  static let erraticTrainingNoiseToTrend = 0.3
  /// Validation swinging while training is calm counts on its own when its noise is at least
  /// this share of its trend's whole movement (or the evaluation set is known to be tiny): a
  /// validation curve that wanders ±10% around a clear descent is noisy, not erratic.
  static let erraticValidationNoiseToTrend = 0.2
  /// Both curves swinging count as erratic when one's noise is at least this share of
  /// everything it did: its trend's whole movement, or its fall from the task's trivial loss
  /// when that is known and larger (jitter of 0.02 near 0.03, after a fall from ln 2, is not).
  static let erraticBothNoiseToTrend = 0.05

  /// A validation curve logged with no training curve, moving by this share of its level
  /// between evaluations (twice the jumpy threshold), is erratic on its own: nothing else in
  /// the log says where the run is going.
  static let erraticValidationAloneStepToLevel = 0.3

  // MARK: Underfitting

  /// Share of the starting loss a run must remove to have learned something real. The start is
  /// the trivial predictor's loss when the task is known to be binary, else the first logged
  /// loss. Healthy runs on the simulator remove 64-99% of ln 2; underfit ones 0-45% (a linear
  /// boundary under heavy weight decay still removes about 40% on two moons).
  static let underfitMaximumLearned = 0.45
  /// The trivial predictor's loss for balanced binary classes (ln 2): a loss near it means the
  /// model predicts about as well as a coin.
  static let binaryTrivialLoss = 0.693_147_180_559_945_3
  /// A first loss within this share of ln K, with a first accuracy near 1/K, marks a run that
  /// starts from an untrained classifier (or a pretrained one with a new head) on K classes.
  /// Adjacent ln K differ by at least 12% for K up to 6, so below that the K is unambiguous.
  static let trivialStartTolerance = 0.12
  /// ... "near 1/K": at most this far above it (a first record averages the first steps).
  static let untrainedAccuracyMargin = 0.25
  /// With no trivial loss known, accuracy at or above this shows the model learned the task...
  static let learnedAccuracy = 0.8
  /// ... and at or below this, that it did not (on the training side it also means the model
  /// cannot fit the examples it sees).
  static let littleAccuracy = 0.5
  /// A loss at this share of the trivial loss or more is at chance: the model learned nothing.
  static let chanceLossRatio = 0.95
  /// Crawling: the second half of the run (by summed learning rate) removes at least this share
  /// of what the first half did. A curve that converges removes most of its loss early; one
  /// held back by tiny steps keeps its pace.
  static let crawlPaceShare = 0.4
  /// With no baseline, a loss (and validation loss) that moved less than this share of its
  /// first level over the whole run learned nothing the log can see.
  static let noLearningShare = 0.05
  /// A run this short in optimizer updates that is still falling steadily never got going: no
  /// network fits a task in a few dozen updates.
  static let fewUpdates = 100

  // MARK: Shape of the end

  /// The final share of the run that counts as its "last stretch".
  static let lastStretchShare = 0.3
  /// A last stretch that still moves the trend by this share of scale is still improving...
  static let stillImprovingChange = 0.05
  /// ... or still accounts for this share of everything the curve's trend moved (a curve far
  /// from zero falling steadily: a converged curve's last stretch holds a few percent of its
  /// movement, a steady line's last 30% holds 30%) ...
  static let stillMovingShare = 0.2
  /// ... if its Mann–Kendall z says the fall is real.
  static let trendSignificance = 1.64
  /// A last stretch whose every pair of points falls, nearly (z this low, p < 0.001), is still
  /// falling however small the fall: noise around a level never lines up like that.
  static let steadyTrendZ = 3.1
  /// Convergence: the trend stays within this share of its total movement of its final level.
  static let convergenceBand = 0.05
  /// A rate decayed to this share of its peak or less flattens any curve: flat by steps then
  /// says nothing about convergence.
  static let decayedRateShare = 0.25
  /// A validation loss ending above training by this share of its largest level or more (and
  /// by 30% of its own end level) is a wide gap: healthy is then said with at most
  /// ``wideGapHealthyConfidenceCap`` and overfitting named as the runner-up, since an expert
  /// would call the same curves mildly overfit as readily as healthy.
  static let wideGapShareOfScale = 0.15
  package static let wideGapHealthyConfidenceCap = 0.6
  /// A healthy verdict never stands beside validation loss ending this far above its minimum
  /// (a clear, significant rise of half the minimum is overfitting or instability).
  static let healthyMaximumRise = 0.5

  // MARK: Causes

  /// A cause this strongly supported, and this far ahead of the next, is named as the cause.
  static let causeDeterminedWeight = 0.6
  static let causeMargin = 0.15
  /// Causes at least this strongly supported get their treatment listed.
  static let causeConsideredWeight = 0.3
  /// When no cause is singled out, the causes within this margin of the likeliest are open.
  static let causeOpenMargin = 0.25
  /// ... and above this floor (below it the evidence speaks against the cause).
  static let causeOpenFloor = 0.15
  /// Hidden layers this narrow (or none) cannot bend a boundary around curved classes.
  static let tinyHiddenWidth = 2
  /// A model with this few parameters is tiny (a linear model on a handful of features).
  static let tinyModelParameters = 20
  /// Weight decay this strong pins weights near zero (AdamW decoupled decay or an L2 factor);
  /// common settings are 0 to 0.1.
  static let heavyWeightDecay = 0.5
  /// Weight decay worth mentioning as a possible contributor.
  static let notableWeightDecay = 0.1
  /// A training set this small is small for any network with hidden layers.
  static let smallTrainingSet = 300
  /// A model with this many parameters per training example can memorize the set.
  static let bigModelParametersPerExample = 10
  /// Label noise at this share or more is enough to learn by heart.
  static let notableLabelNoise = 0.05
  /// Batches this small give gradients that are mostly noise.
  static let tinyBatch = 4
  /// Evaluation sets this small move accuracy in steps of 1% or more and make validation loss
  /// jump by whole examples.
  static let smallEvaluationSetForJitter = 100

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
