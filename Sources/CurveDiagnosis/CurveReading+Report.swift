import CurveCore

/// Evidence, findings, the headline and the remedies, each tied to the measurements.
extension CurveReading {
  var unit: StepUnit { log.metadata.stepUnit }

  func position(_ step: Int) -> String {
    Format.position(step: step, epoch: epoch(atStep: step), unit: unit)
  }

  // MARK: Evidence

  func evidence(best: BestEvaluation?, convergence: Int?) -> [Evidence] {
    var items: [Evidence] = []
    if let best {
      items.append(
        Evidence(
          key: "best_\(best.metric)", value: best.value,
          meaning: "best \(best.metric) \(Format.number(best.value)) at \(position(best.step))"))
    }
    for (name, curve) in [("training", training), ("validation", validation)] where curve.count >= 2 {
      items.append(
        Evidence(
          key: "\(name)_loss_levels", value: curve.end,
          meaning: "\(name) loss \(Self.movement(from: curve.start, to: curve.end)) (the levels of "
            + "its first and last stretch)"))
    }
    let overfit = overfitting
    if validation.count >= T.minimumEvaluations, overfit.evaluationsAfterBest > 0 {
      let later = "\(overfit.evaluationsAfterBest) evaluation\(overfit.evaluationsAfterBest == 1 ? "" : "s") later"
      items.append(
        Evidence(
          key: "validation_rise", value: overfit.rise,
          meaning: overfit.rise > 0
            ? "validation loss ends \(Format.percent(overfit.rise)) above its minimum "
              + "(\(Format.number(overfit.minimum)) → \(Format.number(overfit.endLevel))), \(later)"
            : "validation loss ends at its minimum, \(Format.number(overfit.minimum)), though the minimum came \(later)"))
    }
    if let trainingSide = trainingAtEvaluations, let bestIndex = validation.indexOfMinimum,
      let atEnd = endGap
    {
      let atBest = validation.values[bestIndex] - trainingSide[bestIndex]
      items.append(
        Evidence(
          key: "loss_gap_at_best", value: atBest,
          meaning: "validation minus training loss at the best evaluation: \(Format.number(atBest))"))
      let trainingEnd = gapTrainingEnd.map { Format.number($0.level) } ?? ""
      items.append(
        Evidence(
          key: "loss_gap_at_end", value: atEnd,
          meaning: "validation minus training loss at the end: \(Format.number(atEnd)) "
            + "(\(Format.number(validation.end)) against \(trainingEnd)"
            + (gapTrainingEnd?.isAtEvaluations == true ? ", training measured at the evaluations)" : ")")))
    }
    if let gap = overfit.accuracyGapAtEnd {
      items.append(
        Evidence(
          key: "accuracy_gap_at_end", value: gap,
          meaning: "training minus validation accuracy at the end: \(Format.points(gap))"))
    }
    items += fitEvidence()
    if let schedule {
      var meaning = "the learning rate peaks at \(Format.number(schedule.peak))"
        + (schedule.hasWarmup ? " after warmup, at \(position(schedule.peakStep))," : "")
      meaning += schedule.decays
        ? " and decays to \(Format.number(schedule.final)), \(Format.percent(schedule.finalShare)) of its peak"
        : " and ends at \(Format.number(schedule.final))"
      items.append(Evidence(key: "learning_rate_final_share", value: schedule.finalShare, meaning: meaning))
    }
    if let trend = progress.byStep {
      // When the rate decays, the rate clock decides whether the curve is still improving; a
      // fall by steps that the rate clock reads as level is a dip, not progress left to make.
      var state = Self.state(of: trend)
      if trend.isFalling, let byRate = progress.byRate, !byRate.isFalling {
        state = "down \(Format.percent(abs(trend.change))) of its scale, a dip: on the learning "
          + "rate spent it is not falling (below)"
      }
      items.append(
        Evidence(
          key: "end_trend", value: trend.change,
          meaning: "\(progress.curveName) loss from \(position(trend.startStep)) to the end: " + state))
    }
    if let trend = progress.byRate {
      items.append(
        Evidence(
          key: "end_trend_per_rate", value: trend.change,
          meaning: "\(progress.curveName) loss over the last \(Format.percent(T.lastStretchShare)) of "
            + "the learning rate spent (from \(position(trend.startStep))): " + Self.state(of: trend)))
    }
    if progress.curveName != "training", let trend = training.endTrend() {
      items.append(
        Evidence(
          key: "training_last_stretch", value: trend.change,
          meaning: "training loss from \(position(trend.startStep)) to the end: "
            + "\(trend.change < 0 ? "down" : "up") \(Format.percent(abs(trend.change))) of its scale"))
    }
    if training.count >= 5 {
      items.append(
        Evidence(
          key: "training_noise", value: training.noiseToTrend,
          meaning: "training-loss swings are \(Format.percent(training.noiseToTrend)) of its trend's movement"))
    }
    if validation.count >= 5 {
      items.append(
        Evidence(
          key: "validation_noise", value: validation.noiseToTrend,
          meaning: "validation-loss swings are \(Format.percent(validation.noiseToTrend)) of its trend's movement"))
    }
    if erratic.isTrainingJumpy || erratic.isValidationJumpy {
      if erratic.isTrainingJumpy {
        items.append(
          Evidence(
            key: "training_swing", value: erratic.trainingSwing,
            meaning: "the training loss moves by about \(Format.percent(erratic.trainingSwing)) of its level from one record to the next"))
      }
      if erratic.isValidationJumpy {
        items.append(
          Evidence(
            key: "validation_swing", value: erratic.validationSwing,
            meaning: "validation loss moves by about \(Format.percent(erratic.validationSwing)) of its level from one evaluation to the next"))
      }
    }
    if let collapse {
      items.append(Evidence(key: "collapse_level", value: collapse.level, meaning: collapseEvidence(collapse)))
    }
    if let step = convergence {
      items.append(
        Evidence(
          key: "convergence_step", value: Double(step),
          meaning: "the curves level off from \(position(step))"))
    }
    return items
  }

  /// How much the run learned, against the task's baseline when the log shows one.
  private func fitEvidence() -> [Evidence] {
    let curve = fitCurve
    guard curve.count >= 3, curve.start > 0 else { return [] }
    var items: [Evidence] = []
    let name = "\(fit.curveName) loss"
    let removed = fit.removedOfStart
    items.append(
      Evidence(
        key: "loss_removed", value: removed,
        meaning: "\(name) ended at \(Format.number(fit.end)), "
          + (removed >= 0 ? "down \(Format.percent(removed))" : "up \(Format.percent(-removed))")
          + " from its first level, \(Format.number(fit.start))"))
    if let ratio = fit.trivialRatio, let trivial = trivialLoss {
      items.append(
        Evidence(
          key: "loss_vs_trivial", value: ratio,
          meaning: "final \(name) \(Format.number(fit.end)) is \(Format.percent(ratio)) of "
            + "\(baseline.trivialLossName ?? "the trivial loss") = \(Format.number(trivial)), the loss "
            + "of a model that ignores its input (from \(baseline.basis ?? "the log"))"))
    }
    if let accuracy = fit.accuracy {
      var meaning = "\(fit.accuracyName) ends at \(Format.percent(accuracy))"
      if let chance = baseline.chanceAccuracy { meaning += " (chance: \(Format.percent(chance)))" }
      items.append(Evidence(key: "accuracy_level", value: accuracy, meaning: meaning))
    }
    if !baseline.isKnown && fit.accuracy == nil {
      items.append(
        Evidence(
          key: "baseline_unknown", value: fit.end,
          meaning: "the log shows no class count or accuracy, so whether \(Format.number(fit.end)) "
            + "is a high loss for this task cannot be judged; only the curve's shape can"))
    }
    return items
  }

  /// `still falling (-12% of its scale)`, `level (-1.2% of its scale)`, `rising (+8%)`.
  static func state(of trend: EndTrend) -> String {
    let amount = Format.percent(abs(trend.change)) + " of its scale"
    if trend.isFalling { return "still falling, down \(amount)" }
    if trend.isRising { return "rising, up \(amount)" }
    if trend.isFlat { return "level, moving \(amount)" }
    return trend.change < 0 ? "drifting down \(amount)" : "drifting up \(amount)"
  }

  // MARK: Findings

  func findings(accuracySteps: AccuracySteps?) -> [Finding] {
    var found: [Finding] = unitNotes.map { Finding(kind: .units, step: nil, message: $0) }
    let nonFinite = curves.trainingLoss.nonFiniteSteps + curves.validationLoss.nonFiniteSteps
    if let first = nonFinite.min() {
      found.append(
        Finding(
          kind: .nonFinite, step: Int(clamping: first),
          message: "\(nonFinite.count) loss value\(nonFinite.count == 1 ? " is" : "s are") NaN or infinite, the first at \(position(Int(clamping: first)))."))
    }
    if let collapse {
      var message: String
      switch collapse.course {
      case .stayed:
        message = "The \(collapse.curveName) loss jumped from \(Format.number(collapse.low)) back to "
          + "about \(Format.number(collapse.level)) at \(position(collapse.jumpStep)) and stayed there"
      case .recovered:
        message = "The \(collapse.curveName) loss jumped from \(Format.number(collapse.low)) back to "
          + "about \(Format.number(collapse.level)) at \(position(collapse.jumpStep)) and only came back "
          + "down from \(position(collapse.recoveryStep ?? collapse.jumpStep))"
      case .bothClimbed:
        message = "The training loss climbed back from \(Format.number(collapse.low)) to about "
          + "\(Format.number(collapse.level)) from \(position(collapse.jumpStep)) while validation loss rose too"
      }
      message += (collapse.followsWarmup ? ", as warmup reached the peak learning rate" : "")
        + (collapse.rateAtJump.map { " (the rate was then \(Format.number($0)))" } ?? "") + "."
      found.append(Finding(kind: .collapse, step: collapse.jumpStep, message: message))
    }
    found += spikes()
    if let plateau = plateau() { found.append(plateau) }
    found += leakage()
    if let noisy = noisyEvaluation(accuracySteps) { found.append(noisy) }
    if let disagreement = lossAccuracyDisagreement() { found.append(disagreement) }
    let fellApart = collapse.map { $0.course != .recovered } ?? false
    if fellApart, progress.isStillImproving, let schedule, schedule.decays {
      // After a collapse, a loss easing down as the rate decays is the run steadying at a
      // lower rate, the sign the peak was too high, not progress that more epochs would extend.
      found.append(
        Finding(
          kind: .collapse, step: progress.byRate?.startStep,
          message: "The losses ease down only as the learning rate decays to "
            + "\(Format.percent(schedule.finalShare)) of its peak: the lower rate steadies the run, "
            + "a sign the peak was too high; more epochs at the same peak would not help."))
    } else if progress.flattensWithDecay, let schedule, let byRate = progress.byRate {
      found.append(
        Finding(
          kind: .decayingRate, step: byRate.startStep,
          message: "The curves flatten as the learning rate decays to "
            + "\(Format.percent(schedule.finalShare)) of its peak, not because the model is done: per "
            + "unit of learning rate, the \(progress.curveName) loss was still falling from "
            + "\(position(byRate.startStep)). More epochs (or a slower decay) would let it keep improving."))
    } else if progress.isStillImproving, let trend = progress.byRate ?? progress.byStep {
      found.append(
        Finding(
          kind: .stillImproving, step: nil,
          message: "The \(progress.curveName) loss is still falling at the end (down "
            + "\(Format.percent(-trend.change)) of its scale over the last stretch): more training could still help."))
    }
    if let warmup = missingWarmup() { found.append(warmup) }
    return found
  }

  /// Upward spikes in the training loss: local peaks far above their running median, judged
  /// against the curve's own noise (floored at 1% of its scale, so a smooth curve's tiny
  /// residuals do not make every wiggle a spike). Points near the ends, where the window is
  /// not centred, are skipped.
  private func spikes() -> [Finding] {
    let t = training
    guard t.count >= 10 else { return [] }
    let window = 7
    let local = RobustStatistics.runningMedian(t.values, window: window)
    let residuals = zip(t.values, local).map { $0 - $1 }
    let spread = max(RobustStatistics.scaledMAD(residuals), 0.01 * t.scale)
    var found: [Finding] = []
    for index in (window / 2)..<(t.count - window / 2) {
      let z = residuals[index] / spread
      guard z >= T.spikeZ, t.values[index] > t.values[index - 1],
        t.values[index] > t.values[index + 1]
      else { continue }
      found.append(
        Finding(
          kind: .spike, step: Int(clamping: t.steps[index]),
          message: "Training loss spiked to \(Format.number(t.values[index])) at "
            + "\(position(Int(clamping: t.steps[index]))), \(Format.number(z.rounded())) noise widths above its running median."))
      if found.count == 3 { break }
    }
    return found
  }

  /// A long flat stretch in the training trend that later gives way to further progress.
  private func plateau() -> Finding? {
    let t = training
    guard t.count >= 10 else { return nil }
    let trend = t.trend
    let scale = t.scale
    var bestStart = 0
    var bestLength = 0
    var start = 0
    for index in 1..<trend.count {
      if abs(trend[index] - trend[start]) > 0.02 * scale {
        start = index
      } else if index - start + 1 > bestLength {
        bestStart = start
        bestLength = index - start + 1
      }
    }
    let end = bestStart + bestLength - 1
    guard bestLength >= max(4, trend.count / 5), end < trend.count - 2 else { return nil }
    let later = trend[(end + 1)...].min()!
    guard trend[end] - later >= 0.15 * scale else { return nil }
    return Finding(
      kind: .plateau, step: Int(clamping: t.steps[bestStart]),
      message: "Training loss sat on a plateau near \(Format.number(trend[bestStart])) from "
        + "\(position(Int(clamping: t.steps[bestStart]))) to \(position(Int(clamping: t.steps[end]))), then fell again.")
  }

  /// Validation accuracy above training accuracy at most evaluations.
  private func leakage() -> [Finding] {
    let va = curves.validationAccuracy
    let ta = curves.trainingAccuracy
    guard va.count >= T.minimumEvaluations, ta.count == va.count else { return [] }
    let gaps = zip(va.values, ta.values).map { $0 - $1 }
    let above = gaps.filter { $0 >= T.leakageGap }.count
    guard Double(above) / Double(gaps.count) >= 0.6 else { return [] }
    let median = RobustStatistics.median(gaps) ?? 0
    return [
      Finding(
        kind: .possibleLeakage, step: nil,
        message: "Validation accuracy is above training accuracy at \(above) of \(gaps.count) "
          + "evaluations (by \(Format.points(median)) typically): check that validation "
          + "examples are not also in the training set, or that training is not scored with "
          + "dropout or augmentation on.")
    ]
  }

  /// The best checkpoints differ by less than the evaluation set's own sampling noise.
  private func noisyEvaluation(_ steps: AccuracySteps?) -> Finding? {
    let va = curves.validationAccuracy
    guard let n = steps?.impliedSetSize, n <= T.smallEvaluationSet, va.count >= 5 else {
      return nil
    }
    let top = va.values.sorted(by: >).prefix(max(3, va.count / 4))
    let spread = top.first! - top.last!
    let p = RobustStatistics.median(Array(top)) ?? 0.5
    let standardError = (p * (1 - p) / Double(n)).squareRoot()
    // Identical top values say nothing about noise; differences inside the noise do.
    guard standardError > 0, spread > 0, spread < 2 * standardError else { return nil }
    return Finding(
      kind: .noisyEvaluation, step: nil,
      message: "The evaluation set looks small (about \(n) examples, so accuracy moves in steps "
        + "of \(Format.percent(1 / Double(n)))): the best \(top.count) evaluations differ by "
        + "\(Format.points(spread)), within the ±\(Format.percent(2 * standardError)) "
        + "sampling noise, too close to rank checkpoints by accuracy.")
  }

  /// Validation loss rises while validation accuracy holds or improves.
  private func lossAccuracyDisagreement() -> Finding? {
    let va = curves.validationAccuracy
    guard let best = validation.indexOfMinimum, va.count == validation.count,
      validation.count >= 4, best < validation.count - 2
    else { return nil }
    let rise = overfitting.rise
    let accuracyAtBest = va.values[best]
    let accuracyAtEnd = RobustStatistics.median(Array(va.values.suffix(3))) ?? va.values.last!
    guard rise >= 0.1, accuracyAtEnd >= accuracyAtBest - 0.005 else { return nil }
    return Finding(
      kind: .lossAccuracyDisagreement, step: Int(clamping: validation.steps[best]),
      message: "Validation loss rose \(Format.percent(rise)) after \(position(Int(clamping: validation.steps[best]))) "
        + "while validation accuracy held (\(Format.percent(accuracyAtBest)) → "
        + "\(Format.percent(accuracyAtEnd))): the model is growing over-confident on the "
        + "examples it gets wrong. Loss and accuracy disagree; pick the checkpoint by the metric "
        + "you care about.")
  }

  /// The learning rate starts at its peak and the start of training is unsettled.
  private func missingWarmup() -> Finding? {
    let rates = curves.learningRates.values
    guard rates.count >= 3, let peak = rates.max(), peak > 0, rates[0] >= 0.9 * peak else {
      return nil
    }
    let early = training.values.prefix(max(3, training.count / 10))
    guard early.count >= 3, let first = early.first,
      early.contains(where: { $0 > first * 1.1 }) || erratic.isTrainingJumpy
    else { return nil }
    return Finding(
      kind: .noWarmup, step: nil,
      message: "The learning rate starts at its peak (\(Format.number(rates[0]))) with no warmup, "
        + "and the first steps are unsettled: a short warmup (a few hundred steps, or 5-10% of "
        + "the run) often steadies them.")
  }
  /// The collapse in numbers: every value its headline quotes.
  private func collapseEvidence(_ collapse: CollapseAnalysis) -> String {
    switch collapse.course {
    case .stayed:
      return "the \(collapse.curveName) loss fell from \(Format.number(collapse.start)) to "
        + "\(Format.number(collapse.low)), then went back to \(Format.number(collapse.level)) "
        + "from \(position(collapse.jumpStep))"
    case .recovered:
      return "the \(collapse.curveName) loss fell from \(Format.number(collapse.start)) to "
        + "\(Format.number(collapse.low)), went back up to \(Format.number(collapse.level)) "
        + "from \(position(collapse.jumpStep)), came back down from "
        + "\(position(collapse.recoveryStep ?? collapse.jumpStep)) and ends at "
        + Format.number(collapse.end ?? collapse.low)
        + (collapse.rateAtJump.map { "; the learning rate at the jump was \(Format.number($0))" } ?? "")
    case .bothClimbed:
      var text = "the training loss climbed from its minimum \(Format.number(collapse.low)) at "
        + "\(position(collapse.lowStep)) to about \(Format.number(collapse.level))"
      if let low = collapse.validationLow, let level = collapse.validationLevel,
        let step = collapse.validationLowStep
      {
        text += "; validation loss from \(Format.number(low)) at \(position(step)) to about \(Format.number(level))"
      }
      return text + (collapse.rateAtJump.map { "; the learning rate at the climb was \(Format.number($0))" } ?? "")
    }
  }
}
