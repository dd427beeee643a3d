import CurveCore

/// The measurements behind each pattern, and a score from 0 to 1 for each.
extension CurveReading {
  struct Score {
    let pattern: Pattern
    let score: Double
  }

  func patternScores() -> [Score] {
    [
      Score(pattern: .overfitting, score: overfitting.score),
      Score(pattern: .erratic, score: collapseScore ?? erratic.score),
      Score(pattern: .underfitting, score: collapse != nil ? min(fit.score, 0.5) : fit.score),
      Score(pattern: .healthy, score: healthyScore),
    ]
  }

  /// The erratic score a collapse earns: a lasting one outranks everything but a divergence;
  /// one the run recovered from, or a climb back of both curves, outranks the other shapes.
  var collapseScore: Double? {
    guard let collapse else { return nil }
    return collapse.course == .stayed ? T.collapseScore : T.recoveredCollapseScore
  }

  // MARK: Overfitting

  struct OverfittingAnalysis {
    var score = 0.0
    var onset: OverfittingOnset?
    /// Relative rise of validation loss from its minimum to the end of the run.
    var rise = 0.0
    /// The validation minimum and the level the curve ends at (median of its last stretch).
    var minimum = 0.0
    var endLevel = 0.0
    var evaluationsAfterBest = 0
    var isSignificant = false
    var isPersistent = false
    var isTrainingFalling = false
    /// Training minus validation accuracy at the end, and at the validation-loss minimum.
    var accuracyGapAtEnd: Double?
    var accuracyGapAtBest: Double?
    var byAccuracyGap = false
    var hasWideGap = false
  }

  func computeOverfitting() -> OverfittingAnalysis {
    var analysis = OverfittingAnalysis()
    let v = validation
    guard v.count >= T.minimumEvaluations, let best = v.indexOfMinimum else { return analysis }
    let minimum = v.values[best]
    let after = Array(v.values[(best + 1)...])
    analysis.evaluationsAfterBest = after.count
    let tail = Array(v.values.suffix(max(2, min(after.count, v.count / 4))))
    let endLevel = max(minimum, RobustStatistics.median(tail) ?? minimum)
    analysis.minimum = minimum
    analysis.endLevel = endLevel
    let rise = (endLevel - minimum) / max(abs(minimum), T.tinyScale)
    analysis.rise = max(0, rise)
    let noise = v.noise
    // The rise is weighed against what the model learned: the ground from the highest of its
    // first level, its highest smoothed level and the task's trivial loss, down to its minimum.
    // Not against the level itself: a run that starts low (a fine-tune, pretrained embeddings)
    // and climbs back a good part of what it learned is overfitting.
    let covered = max(v.scale, v.values[0], trivialLoss ?? 0) - minimum
    let isSignificant =
      rise >= T.overfitMinimumRelativeRise && endLevel - minimum >= T.overfitRiseOverNoise * noise
      && endLevel - minimum >= T.overfitMinimumRiseOfScale * max(covered, T.tinyScale)
    analysis.isSignificant = isSignificant
    // Persistent: most evaluations after the minimum sit clearly above it. (No trend test from
    // the minimum to the end: a fast rise followed by a long, slow partial recovery is still
    // overfitting, and the slow part would outvote the rise.)
    let above = after.filter { $0 > minimum + max(noise, 0.02 * abs(minimum)) }.count
    analysis.isPersistent =
      after.count >= T.overfitPointsAfterBest
      && Double(above) / Double(after.count) >= T.overfitPersistentShare
    // Training loss keeps falling after the validation minimum (or is already far below).
    if let trainingSide = trainingAtEvaluations {
      let atBest = trainingSide[best]
      let atEnd = trainingSide[trainingSide.count - 1]
      analysis.isTrainingFalling = atEnd < atBest * 0.95 || atEnd < endLevel * 0.5
    }
    // The accuracy form: the gap between training and validation accuracy is large and growing.
    let va = curves.validationAccuracy
    let ta = curves.trainingAccuracy
    if va.count >= T.minimumEvaluations, ta.count == va.count {
      let gaps = zip(ta.values, va.values).map { $0 - $1 }
      let end = RobustStatistics.median(Array(gaps.suffix(max(1, gaps.count / 5)))) ?? gaps.last!
      analysis.accuracyGapAtEnd = end
      if let bestIndex = va.steps.firstIndex(of: v.steps[best]) {
        analysis.accuracyGapAtBest = gaps[bestIndex]
      }
      let growing = end >= (analysis.accuracyGapAtBest ?? gaps[0]) + 0.02
      let lossGap = trainingAtEvaluations.map { endLevel >= T.overfitLossRatio * $0.last! } ?? false
      let stalled = !(v.endTrend()?.isFalling ?? false)
      analysis.byAccuracyGap = end >= T.overfitAccuracyGap && growing && lossGap && stalled
      // Training fits its examples far better than validation, in accuracy and in loss, and
      // validation has stopped improving: memorization, even if the gap stopped growing.
      analysis.hasWideGap = end >= T.overfitAccuracyGap && stalled
        && (lossGap || end >= 2 * T.overfitAccuracyGap)
        && (ta.values.last ?? 0) >= T.learnedAccuracy
    }

    if isSignificant && analysis.isPersistent && analysis.isTrainingFalling {
      analysis.score = 0.75 + 0.2 * min(1, analysis.rise / 0.3)
    } else if analysis.byAccuracyGap {
      analysis.score = 0.7
    } else if analysis.hasWideGap {
      analysis.score = 0.55
    } else if analysis.rise >= T.healthyMaximumRise && analysis.isTrainingFalling && after.count >= 2
      && endLevel - minimum >= T.overfitRiseOverNoise * noise
    {
      analysis.score = 0.55
    } else if isSignificant && analysis.isTrainingFalling && after.count >= 2 {
      analysis.score = 0.45
    } else if isSignificant && analysis.isPersistent {
      analysis.score = 0.4
    }
    // Swings as large as the rise make the rise itself unreliable.
    if erratic.isValidationJumpy { analysis.score = min(analysis.score, 0.5) }
    // A training loss that itself climbed back up is instability, not memorization.
    if collapse != nil { analysis.score = min(analysis.score, 0.4) }
    if analysis.score > 0 {
      analysis.onset = OverfittingOnset(
        step: Int(clamping: v.steps[best]), epoch: epoch(atStep: Int(clamping: v.steps[best])), rise: analysis.rise)
    }
    return analysis
  }

  // MARK: Erratic

  struct ErraticAnalysis {
    var score = 0.0
    var isTrainingJumpy = false
    var isValidationJumpy = false
    /// Typical move between consecutive points as a share of the curve's level.
    var trainingSwing = 0.0
    var validationSwing = 0.0
  }

  func computeErratic() -> ErraticAnalysis {
    var analysis = ErraticAnalysis()
    let t = training
    let v = validation
    // Where the losses started: training's first record (a mean over the first logging
    // window), validation's first three (one evaluation is a snapshot, and the first, of an
    // untrained or blown-up model, can sit orders of magnitude off the curve: 8e12 before
    // 6e8, 7e7, ... must not make every later swing look tiny).
    let reference = max(
      t.values.first ?? 0, RobustStatistics.median(Array(v.values.prefix(3))) ?? 0, trivialLoss ?? 0)
    analysis.trainingSwing = t.stepToLevel(reference: reference)
    analysis.validationSwing = v.stepToLevel(reference: reference)
    analysis.isTrainingJumpy =
      t.count >= 6 && t.stepToRange >= T.erraticTrainingStepToRange
      && analysis.trainingSwing >= T.erraticTrainingStepToLevel
      && t.reversalRate >= T.erraticReversalRate
    // An evaluation set known to be tiny (from the log, or from accuracy's step size) explains
    // smaller swings: a few examples more or less decide them.
    let smallSet = (log.metadata.evaluationSetSize ?? accuracySteps?.impliedSetSize)
      .map { $0 <= T.smallEvaluationSetForJitter } ?? false
    let alone = analysis.validationSwing
      >= (smallSet ? T.erraticSmallSetValidationStepToLevel : T.erraticValidationStepToLevel)
      && v.reversalRate >= T.erraticReversalRate
    let withTraining = analysis.isTrainingJumpy
      && analysis.validationSwing >= T.erraticValidationStepToLevelWithTraining
      && v.efficiency <= T.erraticMaximumEfficiency
    analysis.isValidationJumpy = v.count >= 5 && (alone || withTraining)
    switch (analysis.isTrainingJumpy, analysis.isValidationJumpy) {
    case (true, true):
      // Swings are instability when they are a fair share of everything the curves did,
      // counting the fall from the task's trivial loss when it is known: a run that fell from
      // chance to near zero and jitters by a few hundredths there is noisy, not erratic,
      // however large the jitter is beside so low a level.
      let start = trivialLoss ?? 0
      analysis.score =
        max(t.noiseToTrend(from: start), v.noiseToTrend(from: start)) >= T.erraticBothNoiseToTrend
        ? 0.95 : 0.5
    case (false, true):
      // Validation alone: its swings must be a good share of everything the curve did, or the
      // evaluation set known to be tiny; otherwise it is a noisy but readable curve.
      // With no training curve beside it, validation is all there is: swings of a good share
      // of its level make its trend unreadable.
      let alone = t.count < T.minimumTrainingPoints
        && analysis.validationSwing >= T.erraticValidationAloneStepToLevel
      analysis.score = v.noiseToTrend >= T.erraticValidationNoiseToTrend || smallSet || alone
        ? T.erraticOneCurveScore : 0.6
    case (true, false):
      // Swings in the logged training loss as large as a good share of its level (batches of
      // a handful of examples) are instability even while validation, averaged over the whole
      // set, stays smooth.
      if analysis.trainingSwing >= T.erraticTrainingLargeSwing
        && t.noiseToTrend >= T.erraticTrainingNoiseToTrend
      {
        analysis.score = T.erraticOneCurveScore
      } else {
        analysis.score = v.count >= 5 ? 0.3 : 0.65
      }
    case (false, false): analysis.score = 0
    }
    return analysis
  }

  // MARK: Fit: learned or not, judged against the task

  struct FitAnalysis {
    /// What the run learned, judged against the task's baseline when the log shows one.
    enum Level { case learned, little, unknown }
    var level = Level.unknown
    /// The underfitting score.
    var score = 0.0
    /// The curve judged: training when logged, else validation.
    var curveName = "training"
    /// Robust first and last levels of that curve.
    var start = 0.0
    var end = 0.0
    /// Its last level as a share of the trivial loss, when known (0.9 = barely learned).
    var trivialRatio: Double?
    /// The accuracy the verdict leaned on, and which one.
    var accuracy: Double?
    var accuracyName = ""
    /// That accuracy above chance, as a share of the way from chance to perfect.
    var accuracyAboveChance: Double?
    /// How much of its own first level the curve removed.
    var removedOfStart = 0.0
    /// Falling steadily to the end with no sign of levelling off.
    var isCrawling = false
    /// Level over its last stretch.
    var isFlat = false
    /// Never moved from its first level, with no baseline to judge that level by.
    var isUnmoved = false
  }

  /// Optimizer updates the run made, when the log counts updates.
  var updates: Int? {
    log.metadata.stepUnit == .update ? log.lastStep : nil
  }

  /// The loss curve that speaks for the model's fit: training when logged, else validation.
  var fitCurve: CurveProfile { training.count >= T.minimumTrainingPoints ? training : validation }

  func computeFit() -> FitAnalysis {
    var analysis = FitAnalysis()
    let curve = fitCurve
    guard curve.count >= 3, curve.start > 0 else { return analysis }
    analysis.curveName = curve.series == training.series ? "training" : "validation"
    analysis.start = curve.start
    analysis.end = curve.end
    analysis.removedOfStart = (curve.start - curve.end) / curve.start
    analysis.isFlat = curve.endTrend()?.isFlat ?? false
    analysis.isCrawling = isCrawling(curve)
    // The accuracy that says most about fit: training accuracy when logged, else validation.
    let trainingAccuracy = curves.trainingAccuracy.values
    let validationAccuracy = curves.validationAccuracy.values
    var (accuracies, name) = trainingAccuracy.count >= 3
      ? (trainingAccuracy, "training accuracy") : (validationAccuracy, "validation accuracy")
    if accuracies.count < 2, let score = curves.validationScoreName {
      (accuracies, name) = (curves.validationScore.values, "validation \(score)")
    }
    if accuracies.count >= 2 {
      analysis.accuracy = RobustStatistics.median(Array(accuracies.suffix(max(1, accuracies.count / 5))))
      analysis.accuracyName = name
    }
    if let chance = baseline.chanceAccuracy, let accuracy = analysis.accuracy, chance < 1 {
      analysis.accuracyAboveChance = (accuracy - chance) / (1 - chance)
    }
    if let trivial = trivialLoss {
      let ratio = curve.end / trivial
      analysis.trivialRatio = ratio
      analysis.level = ratio >= 1 - T.underfitMaximumLearned ? .little : .learned
    } else if let accuracy = analysis.accuracy {
      if accuracy >= T.learnedAccuracy {
        analysis.level = .learned
      } else if accuracy <= T.littleAccuracy {
        analysis.level = .little
      } else {
        analysis.level = analysis.removedOfStart > T.underfitMaximumLearned ? .learned : .unknown
      }
    } else if analysis.removedOfStart > T.underfitMaximumLearned {
      analysis.level = .learned
    }
    // With no baseline at all, a loss that never moved from its first level (nor did
    // validation) learned nothing the log can see.
    if analysis.level == .unknown, analysis.isFlat, abs(analysis.removedOfStart) < T.noLearningShare,
      validation.count < T.minimumEvaluations
        || abs(validation.start - validation.end) < T.noLearningShare * abs(validation.start)
    {
      analysis.level = .little
      analysis.isUnmoved = true
    }
    // Validation must tell the same story: a validation curve far below where it started says
    // the model learned, whatever the training side shows.
    if analysis.level == .little, analysis.curveName == "training", validation.count >= T.minimumEvaluations {
      let validationLow = validation.values.min() ?? validation.end
      let validationLearned = trivialLoss.map { validationLow <= (1 - T.underfitMaximumLearned - 0.1) * $0 }
        ?? ((validation.start - validationLow) / validation.start > T.underfitMaximumLearned + 0.1)
      if validationLearned { analysis.level = .unknown }
    }
    switch analysis.level {
    case .little:
      let deep = (analysis.trivialRatio ?? 0) >= 1 - 0.6 * T.underfitMaximumLearned
        || (analysis.accuracyAboveChance ?? 1) <= 0.2
      analysis.score = deep ? 0.8 : 0.65
    case .unknown:
      // With no baseline, only a curve that is still crawling down with little removed shows
      // a model held back: one that levelled off may simply have started low (a fine-tune).
      // A steady fall cut off after very few updates is a run that never got going.
      if analysis.isCrawling && analysis.removedOfStart <= T.underfitMaximumLearned
        && (updates.map { $0 < T.fewUpdates } ?? false)
      {
        analysis.score = 0.65
      }
    case .learned:
      analysis.score = 0
    }
    return analysis
  }

  /// Falling to the end at a pace that has not slowed much: the second half of the run (by
  /// summed learning rate, when logged) removes at least ``DiagnosisThresholds/crawlPaceShare``
  /// as much as the first half, and the last stretch is still falling.
  private func isCrawling(_ curve: CurveProfile) -> Bool {
    // Still falling: by a visible share of the scale, or so steadily that the fall is beyond
    // doubt however small (a rate so low that the loss moves in a straight line).
    guard let stretch = curve.endTrend(), curve.count >= 6,
      stretch.isFalling || stretch.z <= -T.steadyTrendZ
    else { return false }
    let times = curve.steps.map { clock?.time(at: $0) ?? $0 }
    let middleTime = (times.first! + times.last!) / 2
    let middle = times.firstIndex { $0 >= middleTime } ?? curve.count / 2
    let trend = curve.trend
    let firstHalf = trend[0] - trend[middle]
    let secondHalf = trend[middle] - trend[trend.count - 1]
    return secondHalf > 0 && secondHalf >= T.crawlPaceShare * max(firstHalf, 0)
  }

  // MARK: Progress at the end

  /// Whether the curve that measures generalization is still improving at the end, read
  /// against the learning-rate schedule when the log records it.
  struct ProgressAnalysis {
    /// `validation` when evaluated at least five times, else `training`.
    var curveName = "validation"
    /// The last stretch by steps.
    var byStep: EndTrend?
    /// The last stretch by summed learning rate.
    var byRate: EndTrend?
    /// Still falling at the end, by summed rate when the rate decays, else by steps.
    var isStillImproving = false
    /// Flat by steps only because the rate decayed: still falling per unit of rate.
    var flattensWithDecay = false
    /// The training loss's own last stretch is falling.
    var isTrainingFalling = false
  }

  func computeProgress() -> ProgressAnalysis {
    var analysis = ProgressAnalysis()
    let curve = validation.count >= 5 ? validation : training
    analysis.curveName = curve.series == validation.series && validation.count >= 5 ? "validation" : "training"
    analysis.byStep = curve.endTrend()
    if let clock, let schedule, schedule.decays {
      analysis.byRate = curve.endTrend(on: clock)
    }
    let stepFalling = analysis.byStep?.isFalling ?? false
    if let byRate = analysis.byRate {
      analysis.isStillImproving = byRate.isFalling
      analysis.flattensWithDecay = byRate.isFalling && !stepFalling
        && (schedule?.finalShare ?? 1) <= T.decayedRateShare
    } else {
      analysis.isStillImproving = stepFalling
    }
    analysis.isTrainingFalling = training.endTrend()?.isFalling ?? false
    return analysis
  }

  // MARK: Healthy

  var healthyScore: Double {
    let curve = fitCurve
    guard curve.count >= 3, curve.start > 0 else { return 0.3 }
    var score: Double
    switch fit.level {
    case .little: return 0.2
    case .unknown: score = fit.isCrawling ? 0.5 : 0.6
    case .learned:
      let strength: Double
      if let ratio = fit.trivialRatio {
        strength = min(1, (1 - T.underfitMaximumLearned - ratio) / 0.4)
      } else if let accuracy = fit.accuracy {
        strength = min(1, max(0, (accuracy - T.littleAccuracy) / (1 - T.littleAccuracy)))
      } else {
        strength = min(1, (fit.removedOfStart - T.underfitMaximumLearned) / 0.4)
      }
      score = 0.6 + 0.2 * max(0, strength)
    }
    if validation.endTrend()?.isRising ?? false {
      score -= 0.2  // validation drifting up at the end
    }
    // A clear, lasting rise in validation loss is not what a healthy run looks like.
    if overfitting.score >= 0.7 { score -= 0.3 }
    // Nor is validation ending far above its minimum, lasting or not, or far below training
    // in accuracy.
    if overfitting.rise >= T.healthyMaximumRise { score -= 0.4 }
    if overfitting.hasWideGap { score -= 0.3 }
    return score
  }

  // MARK: Shared measurements

  /// Share of the starting loss the curve removed; the start is the larger of its first level
  /// and the trivial loss, since a log's first record already comes after some training.
  func learnedShare(of curve: CurveProfile) -> Double {
    let reference = max(curve.start, trivialLoss ?? 0)
    return reference > 0 ? (reference - curve.end) / reference : 0
  }

  func epoch(atStep step: Int) -> Double? {
    if let entry = log.evaluationEntries.first(where: { $0.step == step }), let epoch = entry.epoch {
      return epoch
    }
    if log.metadata.stepUnit == .epoch { return Double(step) }
    if let perEpoch = log.metadata.stepsPerEpoch, perEpoch > 0 {
      return Double(step) / Double(perEpoch)
    }
    return nil
  }

  func bestEvaluation() -> BestEvaluation? {
    let monitored = curves.monitored
    guard !monitored.isEmpty else { return nil }
    let greater = options.monitor.greaterIsBetter
    var bestIndex = 0
    for index in monitored.values.indices
    where greater
      ? monitored.values[index] > monitored.values[bestIndex]
      : monitored.values[index] < monitored.values[bestIndex]
    {
      bestIndex = index
    }
    let step = Int(clamping: monitored.steps[bestIndex])
    let evaluationIndex = curves.evaluationSteps.firstIndex(of: step) ?? bestIndex
    return BestEvaluation(
      metric: options.monitor.name, value: monitored.values[bestIndex], step: step,
      epoch: epoch(atStep: step), index: evaluationIndex)
  }

  func earlyStoppingOutcome() -> EarlyStoppingOutcome? {
    guard curves.monitoredByEvaluation.contains(where: { $0 != nil }) else { return nil }
    return options.earlyStopping.replay(
      values: curves.monitoredByEvaluation, steps: curves.evaluationSteps,
      endStep: log.metadata.maxSteps)
  }

  /// The first step after which the fit curve's trend stays within a narrow band of its final
  /// level; `nil` while it is still moving.
  func convergenceStep() -> Int? {
    let curve = validation.count >= 5 ? validation : training
    guard curve.count >= 5 else { return nil }
    if let stretch = curve.endTrend(), stretch.isFalling || stretch.isRising { return nil }
    let trend = curve.trend
    let movement = (trend.max() ?? 0) - (trend.min() ?? 0)
    guard movement > T.tinyScale else { return Int(clamping: curve.steps[0]) }
    let final = trend[trend.count - 1]
    let band = max(T.convergenceBand * movement, 2 * curve.noise)
    var first = trend.count - 1
    while first > 0 && abs(trend[first - 1] - final) <= band { first -= 1 }
    guard first < trend.count - 1 else { return nil }
    return Int(clamping: curve.steps[first])
  }
}
