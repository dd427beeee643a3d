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
      Score(pattern: .erratic, score: erratic.score),
      Score(pattern: .underfitting, score: underfitting.score),
      Score(pattern: .healthy, score: healthyScore),
    ]
  }

  // MARK: Overfitting

  struct OverfittingAnalysis {
    var score = 0.0
    var onset: OverfittingOnset?
    /// Relative rise of validation loss from its minimum to the end of the run.
    var rise = 0.0
    var evaluationsAfterBest = 0
    var isPersistent = false
    var isTrainingFalling = false
    /// Training minus validation accuracy at the end, and at the validation-loss minimum.
    var accuracyGapAtEnd: Double?
    var accuracyGapAtBest: Double?
    var byAccuracyGap = false
  }

  func computeOverfitting() -> OverfittingAnalysis {
    var analysis = OverfittingAnalysis()
    let v = validation
    guard v.count >= T.minimumEvaluations, let best = v.indexOfMinimum else { return analysis }
    let minimum = v.values[best]
    let after = Array(v.values[(best + 1)...])
    analysis.evaluationsAfterBest = after.count
    let tail = Array(v.values.suffix(max(2, min(after.count, v.count / 4))))
    let endLevel = RobustStatistics.median(tail) ?? minimum
    let rise = (endLevel - minimum) / max(abs(minimum), T.tinyScale)
    analysis.rise = max(0, rise)
    let noise = v.noise
    let isSignificant =
      rise >= T.overfitMinimumRelativeRise && endLevel - minimum >= T.overfitRiseOverNoise * noise
      && endLevel - minimum
        >= T.overfitMinimumRiseOfScale * max(v.scale, v.values[0], trivialLoss ?? 0)
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
      let stalled = (v.lastStretch?.change ?? 0) > -T.stillImprovingChange
      analysis.byAccuracyGap = end >= T.overfitAccuracyGap && growing && lossGap && stalled
    }

    if isSignificant && analysis.isPersistent && analysis.isTrainingFalling {
      analysis.score = 0.75 + 0.2 * min(1, analysis.rise / 0.3)
    } else if analysis.byAccuracyGap {
      analysis.score = 0.7
    } else if isSignificant && analysis.isTrainingFalling && after.count >= 2 {
      analysis.score = 0.45
    } else if isSignificant && analysis.isPersistent {
      analysis.score = 0.4
    }
    // Swings as large as the rise make the rise itself unreliable.
    if erratic.isValidationJumpy { analysis.score = min(analysis.score, 0.5) }
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
  }

  func computeErratic() -> ErraticAnalysis {
    var analysis = ErraticAnalysis()
    let t = training
    let v = validation
    let reference = max(t.values.first ?? 0, v.values.first ?? 0, trivialLoss ?? 0)
    analysis.isTrainingJumpy =
      t.count >= 6 && t.stepToRange >= T.erraticTrainingStepToRange
      && t.stepToLevel(reference: reference) >= T.erraticTrainingStepToLevel
      && t.reversalRate >= T.erraticReversalRate
    let validationStep = v.stepToLevel(reference: reference)
    let alone = validationStep >= T.erraticValidationStepToLevel
      && v.reversalRate >= T.erraticReversalRate
    let withTraining = analysis.isTrainingJumpy
      && validationStep >= T.erraticValidationStepToLevelWithTraining
      && v.efficiency <= T.erraticMaximumEfficiency
    analysis.isValidationJumpy = v.count >= 5 && (alone || withTraining)
    switch (analysis.isTrainingJumpy, analysis.isValidationJumpy) {
    case (true, true): analysis.score = 0.95
    case (false, true): analysis.score = t.count >= 6 ? 0.6 : 0.7
    case (true, false): analysis.score = v.count >= 5 ? 0.3 : 0.65
    case (false, false): analysis.score = 0
    }
    return analysis
  }

  // MARK: Underfitting

  struct UnderfittingAnalysis {
    var score = 0.0
    /// Share of the starting loss the run removed.
    var learned = 0.0
    var isStillFalling = false
    var isFlat = false
  }

  /// The loss curve that speaks for the model's fit: training when logged, else validation.
  var fitCurve: CurveProfile { training.count >= T.minimumTrainingPoints ? training : validation }

  func computeUnderfitting() -> UnderfittingAnalysis {
    var analysis = UnderfittingAnalysis()
    let curve = fitCurve
    guard curve.count >= 3, curve.start > 0 else { return analysis }
    analysis.learned = learnedShare(of: curve)
    if let stretch = curve.lastStretch {
      analysis.isStillFalling =
        stretch.change <= -T.stillImprovingChange * 0.5 && stretch.z <= -T.trendSignificance
      analysis.isFlat = abs(stretch.change) < T.stillImprovingChange
    }
    // Validation must tell the same story: also high, not far below where it started.
    var validationAgrees = true
    if validation.count >= T.minimumEvaluations, validation.start > 0 {
      let validationLearned = (validation.start - (validation.values.min() ?? validation.end))
        / validation.start
      validationAgrees = validationLearned <= T.underfitMaximumLearned + 0.1
    }
    guard validationAgrees else { return analysis }
    if analysis.learned <= T.underfitMaximumLearned * 0.6 {
      analysis.score = 0.8
    } else if analysis.learned <= T.underfitMaximumLearned {
      analysis.score = 0.6
    }
    return analysis
  }

  // MARK: Healthy

  var healthyScore: Double {
    let curve = fitCurve
    guard curve.count >= 3, curve.start > 0 else { return 0.3 }
    let learned = learnedShare(of: curve)
    guard learned > T.underfitMaximumLearned else { return 0.2 }
    var score = 0.6 + 0.2 * min(1, (learned - T.underfitMaximumLearned) / 0.4)
    if let stretch = validation.lastStretch, stretch.change > T.stillImprovingChange {
      score -= 0.2  // validation drifting up at the end
    }
    // A clear, lasting rise in validation loss is not what a healthy run looks like.
    if overfitting.score >= 0.7 { score -= 0.3 }
    return score
  }

  // MARK: Shared measurements

  /// The loss of predicting without looking at the input, when the log lets us know it: ln 2
  /// for a simulated (binary) run, or for a run that starts near ln 2 and logs accuracy.
  func computeTrivialLoss() -> Double? {
    if log.metadata.configuration["dataset"] != nil { return T.binaryTrivialLoss }
    let first = curves.trainingLoss.values.first ?? curves.validationLoss.values.first
    if let first, !curves.validationAccuracy.isEmpty,
      abs(first - T.binaryTrivialLoss) <= T.binaryStartTolerance * T.binaryTrivialLoss
    {
      return T.binaryTrivialLoss
    }
    return nil
  }

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
    if let stretch = curve.lastStretch,
      abs(stretch.change) >= T.stillImprovingChange && abs(stretch.z) >= T.trendSignificance
    {
      return nil
    }
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
