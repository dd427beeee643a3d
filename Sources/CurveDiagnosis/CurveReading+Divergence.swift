import CurveCore

/// Runs that blew up, and runs that fell apart after learning.
extension CurveReading {
  /// A diverged run's headline and its key number.
  struct Divergence {
    let sentence: String
    let evidence: Evidence
  }

  /// The divergence, when the run diverged: a loss that went NaN or infinite, climbed far
  /// above where it started, or sits at a level no classifier reaches unless its weights blew
  /// up.
  func divergence() -> Divergence? {
    for (name, series) in [("training", curves.trainingLoss), ("validation", curves.validationLoss)] {
      guard let step = series.nonFiniteSteps.first else { continue }
      let before = Array(zip(series.steps, series.values)).last { $0.0 < step }
      var sentence = "Diverged: the \(name) loss became NaN or infinite at \(position(Int(clamping: step)))"
      if let before {
        sentence += " (it was \(Format.number(before.1)) at \(position(Int(before.0))))"
      }
      return Divergence(
        sentence: sentence + ".",
        evidence: Evidence(
          key: "non_finite_step", value: step,
          meaning: "the \(name) loss is NaN or infinite from \(position(Int(clamping: step)))"
            + " (\(series.nonFiniteSteps.count) value\(series.nonFiniteSteps.count == 1 ? "" : "s"))"
            + (before.map { "; its last finite value was \(Format.number($0.1))" } ?? "")))
    }
    // Validation climbing while training falls is overfitting, however far it climbs: only a
    // run without a training curve is judged by its validation curve here.
    if let climb = explosion(of: training, name: "training") { return climb }
    if training.count < T.minimumTrainingPoints,
      let climb = explosion(of: validation, name: "validation")
    {
      return climb
    }
    return absurdLevel() ?? blowUpToChance()
  }

  /// A classifier's loss that blew up to a level no classifier reaches unless its weights
  /// exploded, then came back only to a model that learns nothing: the loss at the chance level
  /// or, when the class count is unknown, an accuracy that no longer moves. The network died in
  /// the blow-up. (One that came back and went on learning had a spike, not a divergence.)
  private func blowUpToChance() -> Divergence? {
    let curve = training.count >= T.minimumTrainingPoints ? training : validation
    let name = curve.series == training.series ? "training" : "validation"
    let accuracy = curves.validationAccuracy.isEmpty ? curves.trainingAccuracy : curves.validationAccuracy
    guard trivialLoss != nil || !accuracy.isEmpty, curve.count >= 3,
      let peak = curve.values.indices.max(by: { curve.values[$0] < curve.values[$1] }),
      peak < curve.count - 2,
      curve.values[peak] >= T.absurdLossMultiple * (trivialLoss ?? T.largestPlausibleTrivialLoss)
    else { return nil }
    let peakStep = curve.steps[peak]
    let after = zip(accuracy.steps, accuracy.values).filter { $0.0 > peakStep }.map(\.1)
    let isDead: Bool
    if let trivial = trivialLoss {
      isDead = curve.end >= T.chanceLossRatio * trivial
    } else if after.count >= T.minimumEvaluations, let low = after.min(), let high = after.max() {
      isDead = high - low <= 0.02
    } else {
      isDead = false
    }
    guard isDead else { return nil }
    let height = curve.values[peak]
    let step = Int(clamping: peakStep)
    return Divergence(
      sentence: "Diverged: the \(name) loss blew up to \(Format.number(height)) at \(position(step)) "
        + "and the model never learned again: it ends at \(Format.number(curve.end))"
        + (trivialLoss != nil ? ", the level of a model that ignores its input." : ", its accuracy fixed."),
      evidence: Evidence(
        key: "blow_up", value: height,
        meaning: "the \(name) loss peaked at \(Format.number(height)) at \(position(step)); after it, "
          + (trivialLoss != nil ? "the loss stayed at the chance level" : "accuracy moved by 2 points or less")))
  }

  /// A loss whose trend climbs steadily from its low to several times where it started.
  private func explosion(of curve: CurveProfile, name: String) -> Divergence? {
    let needed = name == "training" ? T.minimumTrainingPoints : T.minimumEvaluations + 2
    guard curve.count >= needed,
      let lowIndex = curve.trend.indices.min(by: { curve.trend[$0] < curve.trend[$1] }),
      lowIndex < curve.count - 2
    else { return nil }
    let low = curve.trend[lowIndex]
    let end = curve.end
    let reference = max(curve.start, low, trivialLoss ?? 0)
    let climb = RobustStatistics.mannKendallZ(Array(curve.values[lowIndex...]))
    guard reference > 0, end > T.explosionFactor * reference, climb >= T.explosionTrendZ else {
      return nil
    }
    let times = end / reference
    return Divergence(
      sentence: "Diverged: the \(name) loss climbed from \(Format.number(low)) at "
        + "\(position(Int(clamping: curve.steps[lowIndex]))) to \(Format.number(end)) and kept rising.",
      evidence: Evidence(
        key: "explosion", value: times,
        meaning: "the \(name) loss climbed from its low of \(Format.number(low)) to end at "
          + "\(Format.number(end)), \(Format.number(times)) times "
          + (reference == curve.start ? "its first level" : reference == low ? "its low" : "the trivial loss")
          + " (\(Format.number(reference)))"))
  }

  /// A classifier's loss far above what guessing scores, for most of the run.
  private func absurdLevel() -> Divergence? {
    let isClassifier = !curves.validationAccuracy.isEmpty || !curves.trainingAccuracy.isEmpty
      || trivialLoss != nil
    guard isClassifier else { return nil }
    let curve = training.count >= T.minimumTrainingPoints ? training : validation
    let name = curve.series == training.series ? "training" : "validation"
    guard let level = RobustStatistics.median(curve.values) else { return nil }
    let reference = trivialLoss ?? T.largestPlausibleTrivialLoss
    guard level >= T.absurdLossMultiple * reference else { return nil }
    // Every logged loss must be absurd: a sane validation loss beside a huge training loss is
    // a summed (not averaged) training loss, not a model that blew up.
    for other in [training, validation] where other.count >= 2 {
      guard let otherLevel = RobustStatistics.median(other.values),
        otherLevel >= T.absurdLossMultiple * reference
      else { return nil }
    }
    let times = level / reference
    let what = trivialLoss != nil
      ? "the \(Format.number(reference)) (\(baseline.trivialLossName ?? "ln K")) of a classifier "
        + "that ignores its input"
      : "the \(Format.number(reference)) (ln 1000) of guessing among a thousand classes"
    return Divergence(
      sentence: "Diverged: the \(name) loss sits around \(Format.number(level)), "
        + "\(Format.number(times)) times \(what): the weights blew up.",
      evidence: Evidence(
        key: "loss_vs_trivial", value: times,
        meaning: "the \(name) loss's median, \(Format.number(level)), is \(Format.number(times)) "
          + "times \(what)"))
  }

  // MARK: Collapse

  /// The loss fell, then jumped back most of the way to where it started: the run fell apart
  /// (after warmup reached the peak rate, typically). Three courses, all instability:
  /// it stayed there, it climbed back down later, or (with no task baseline to jump back to)
  /// training and validation loss both climbed back from their minimum together.
  struct CollapseAnalysis {
    /// What the curve did after the jump.
    enum Course: Equatable {
      /// Stayed up to the end of the log.
      case stayed
      /// Came back down below half-way at `recoveryStep` and stayed below.
      case recovered
      /// Training and validation loss both rose from their minimum and stayed up: what
      /// overfitting never does (its training loss keeps falling).
      case bothClimbed
    }
    var course = Course.stayed
    /// The lowest level before the jump, and where.
    var low: Double
    var lowStep: Int
    /// The first step back above half-way.
    var jumpStep: Int
    /// The level the curve stays at after the jump (for a recovered collapse, the height of
    /// the episode: its highest smoothed level).
    var level: Double
    /// The level it started from.
    var start: Double
    /// Which curve.
    var curveName: String
    /// Whether the jump came as warmup reached the peak rate.
    var followsWarmup: Bool
    /// The learning rate at the jump, when logged.
    var rateAtJump: Double?
    /// A recovered collapse: the first step back below half-way, and the level the curve ends at.
    var recoveryStep: Int?
    var end: Double?
    /// Both climbed: validation's minimum, where, and the level it ends at.
    var validationLow: Double?
    var validationLowStep: Int?
    var validationLevel: Double?
  }

  func computeCollapse() -> CollapseAnalysis? {
    if training.count >= T.collapseMinimumPoints, let found = collapse(of: training, name: "training") {
      return found
    }
    // Validation alone cannot tell a collapse from overfitting, except back at chance level.
    guard training.count < T.minimumTrainingPoints, validation.count >= T.collapseMinimumPoints - 2,
      let found = collapse(of: validation, name: "validation"), let trivial = trivialLoss,
      found.level >= (1 - T.trivialStartTolerance) * trivial
    else { return nil }
    return found
  }

  private func collapse(of curve: CurveProfile, name: String) -> CollapseAnalysis? {
    guard
      let found = lastingCollapse(of: curve, name: name)
        ?? recoveredCollapse(of: curve, name: name)
    else { return nil }
    if let trivial = trivialLoss, found.level < T.collapseMinimumTrivialShare * trivial {
      return nil
    }
    return found
  }

  /// A fall, then a jump back that stays up to the end of the log.
  private func lastingCollapse(of curve: CurveProfile, name: String) -> CollapseAnalysis? {
    let trend = curve.trend
    guard let lowIndex = trend.indices.min(by: { trend[$0] < trend[$1] }), lowIndex >= 1,
      lowIndex <= curve.count - T.collapsePointsAfter - 1
    else { return nil }
    let low = trend[lowIndex]
    let start = curve.start
    let fall = start - low
    // A curve that never moved (a run of zeros the Trainer logs after NaN) neither fell nor
    // came back: both must be real movements.
    guard fall > 0, fall >= max(T.collapseRiseOverNoise * curve.noise, T.collapseMinimumFall * start) else {
      return nil
    }
    let after = Array(curve.values[(lowIndex + 1)...])
    let tail = Array(after.suffix(max(3, after.count / 2)))
    guard let level = RobustStatistics.median(tail) else { return nil }
    let rise = level - low
    let halfway = low + rise / 2
    let stayedUp = Double(after.filter { $0 >= halfway }.count) / Double(after.count)
    guard rise > 0, rise >= T.collapseReturnShare * fall, rise >= T.collapseRiseOverNoise * curve.noise,
      stayedUp >= T.collapseStayShare,
      let jumpOffset = after.firstIndex(where: { $0 >= halfway })
    else { return nil }
    let jumpStep = Int(clamping: curve.steps[lowIndex + 1 + jumpOffset])
    let timing = warmupTiming(ofJumpAt: jumpStep)
    return CollapseAnalysis(
      low: low, lowStep: Int(clamping: curve.steps[lowIndex]), jumpStep: jumpStep, level: level,
      start: start, curveName: name, followsWarmup: timing.followsWarmup, rateAtJump: timing.rate)
  }

  /// A fall, then a jump back most of the way to the start that lasts a stretch of records
  /// (``DiagnosisThresholds/collapsePointsAfter`` or more on the smoothed curve, so one bad
  /// batch or one odd evaluation does not count), then a climb back down that holds. The run
  /// fell apart and found its way back: instability an expert reports even when the end is
  /// good, since those records were lost and the next run at the same rate may not recover.
  private func recoveredCollapse(of curve: CurveProfile, name: String) -> CollapseAnalysis? {
    let trend = curve.trend
    let count = trend.count
    guard count >= T.collapseMinimumPoints else { return nil }
    // The largest climb above the lowest level reached so far.
    var runningLow = 0
    var (lowIndex, peakIndex, rise) = (0, 0, 0.0)
    for index in 1..<count {
      if trend[index - 1] < trend[runningLow] { runningLow = index - 1 }
      if trend[index] - trend[runningLow] > rise {
        (lowIndex, peakIndex, rise) = (runningLow, index, trend[index] - trend[runningLow])
      }
    }
    let low = trend[lowIndex]
    let start = curve.start
    let fall = start - low
    guard lowIndex >= 1, fall > 0,
      fall >= max(T.collapseRiseOverNoise * curve.noise, T.collapseMinimumFall * start),
      rise >= T.collapseReturnShare * fall, rise >= T.collapseRiseOverNoise * curve.noise
    else { return nil }
    let halfway = low + rise / 2
    guard let jump = (lowIndex + 1...peakIndex).first(where: { trend[$0] >= halfway }) else { return nil }
    var last = peakIndex
    while last + 1 < count, trend[last + 1] >= halfway { last += 1 }
    // Came back down (an episode that lasts to the end is a lasting collapse, above), after a
    // stretch, and stayed down.
    // The episode must be long, a good share of the run (a spike of a few records in a run
    // that memorizes its data is a finding, not the run's shape), and for a classifier a jump
    // back toward chance, not a wobble far below it.
    let afterwards = trend[(last + 1)...]
    let span = curve.steps[count - 1] - curve.steps[0]
    guard last - jump + 1 >= T.collapsePointsAfter, afterwards.count >= 2,
      curve.steps[last + 1] - curve.steps[jump] >= T.recoveredEpisodeShare * span,
      trivialLoss.map({ trend[peakIndex] >= T.recoveredChanceShare * $0 }) ?? true,
      Double(afterwards.filter { $0 < halfway }.count) / Double(afterwards.count) >= T.collapseStayShare
    else { return nil }
    let jumpStep = Int(clamping: curve.steps[jump])
    let timing = warmupTiming(ofJumpAt: jumpStep)
    return CollapseAnalysis(
      course: .recovered, low: low, lowStep: Int(clamping: curve.steps[lowIndex]), jumpStep: jumpStep,
      level: trend[peakIndex], start: start, curveName: name, followsWarmup: timing.followsWarmup,
      rateAtJump: timing.rate, recoveryStep: Int(clamping: curve.steps[last + 1]), end: curve.end)
  }

  /// Training and validation loss both climbed back from their minimum and stayed up: the
  /// shape of instability when the loss has no chance level to jump back to (CTC, detection,
  /// regression and language-model losses). Overfitting never looks like this: its training
  /// loss keeps falling while validation rises. Needs validation's rise to be significant and
  /// lasting (as overfitting measures it) and the training loss to sit, over most records after
  /// its own minimum, well above it: by a quarter of the minimum, four noise widths and a
  /// twentieth of the curve's scale, so a training loss jittering near 0 does not count.
  func bothClimbed() -> CollapseAnalysis? {
    guard overfitting.isSignificant, overfitting.isPersistent,
      training.count >= T.minimumTrainingPoints
    else { return nil }
    // With few records each one is already a mean over a logging window: read them as logged.
    let curve = training.count >= T.collapseMinimumPoints ? training.trend : training.values
    guard let lowIndex = curve.indices.min(by: { curve[$0] < curve[$1] }),
      lowIndex <= training.count - T.collapsePointsAfter - 1
    else { return nil }
    let low = curve[lowIndex]
    let after = Array(training.values[(lowIndex + 1)...])
    guard let level = RobustStatistics.median(Array(after.suffix(max(2, after.count / 2)))) else { return nil }
    let rise = level - low
    let halfway = low + rise / 2
    guard rise >= max(T.climbBackShare * abs(low), T.collapseRiseOverNoise * training.noise,
      T.climbBackShareOfScale * training.scale),
      Double(after.filter { $0 >= halfway }.count) / Double(after.count) >= T.collapseStayShare,
      let jumpOffset = after.firstIndex(where: { $0 >= halfway }),
      let validationLow = validation.indexOfMinimum
    else { return nil }
    let jumpStep = Int(clamping: training.steps[lowIndex + 1 + jumpOffset])
    let timing = warmupTiming(ofJumpAt: jumpStep)
    return CollapseAnalysis(
      course: .bothClimbed, low: low, lowStep: Int(clamping: training.steps[lowIndex]),
      jumpStep: jumpStep, level: level, start: training.start, curveName: "training",
      followsWarmup: timing.followsWarmup, rateAtJump: timing.rate,
      validationLow: overfitting.minimum, validationLowStep: Int(clamping: validation.steps[validationLow]),
      validationLevel: overfitting.endLevel)
  }

  /// The learning rate at a jump, and whether the jump came as warmup reached the peak rate.
  private func warmupTiming(ofJumpAt jumpStep: Int) -> (followsWarmup: Bool, rate: Double?) {
    guard let schedule else { return (false, nil) }
    let rate = RobustStatistics.interpolate(
      x: curves.learningRates.steps, y: curves.learningRates.values, at: Double(jumpStep))
    let last = Double(log.lastStep ?? jumpStep)
    let peak = Double(schedule.peakStep)
    let follows = schedule.hasWarmup && Double(jumpStep) >= 0.5 * peak
      && Double(jumpStep) <= peak + max(peak, T.lastStretchShare * last)
    return (follows, rate)
  }
}
