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
    let overfit = overfitting
    if validation.count >= T.minimumEvaluations, overfit.evaluationsAfterBest > 0 {
      items.append(
        Evidence(
          key: "validation_rise", value: overfit.rise,
          meaning: "validation loss ends \(Format.percent(overfit.rise)) above its minimum, "
            + "\(overfit.evaluationsAfterBest) evaluation\(overfit.evaluationsAfterBest == 1 ? "" : "s") later"))
    }
    if let trainingSide = trainingAtEvaluations, let bestIndex = validation.indexOfMinimum {
      let atBest = validation.values[bestIndex] - trainingSide[bestIndex]
      let atEnd = validation.values.last! - trainingSide.last!
      items.append(
        Evidence(
          key: "loss_gap_at_best", value: atBest,
          meaning: "validation minus training loss at the best evaluation: \(Format.number(atBest))"))
      items.append(
        Evidence(
          key: "loss_gap_at_end", value: atEnd,
          meaning: "validation minus training loss at the end: \(Format.number(atEnd))"))
    }
    if let gap = overfit.accuracyGapAtEnd {
      items.append(
        Evidence(
          key: "accuracy_gap_at_end", value: gap,
          meaning: "training minus validation accuracy at the end: \(Format.percent(gap)) points"))
    }
    let curve = fitCurve
    if curve.count >= 3, curve.start > 0 {
      let learned = learnedShare(of: curve)
      let which = curve.series == training.series ? "training" : "validation"
      let reference = max(curve.start, trivialLoss ?? 0)
      items.append(
        Evidence(
          key: "loss_removed", value: learned,
          meaning: "\(which) loss ended at \(Format.number(curve.end)), "
            + (learned >= 0 ? "down \(Format.percent(learned))" : "up \(Format.percent(-learned))")
            + " from \(Format.number(reference))"
            + (reference == trivialLoss ? " (an untrained model's ln 2)" : " (its first level)")))
      if trivialLoss != nil {
        let ratio = curve.end / T.binaryTrivialLoss
        items.append(
          Evidence(
            key: "loss_vs_trivial", value: ratio,
            meaning: "final \(which) loss is \(Format.percent(ratio)) of ln 2, the loss of a "
              + "coin-flip predictor on balanced binary classes"))
      }
    }
    if let stretch = training.lastStretch {
      let state =
        stretch.change <= -T.stillImprovingChange && stretch.z <= -T.trendSignificance
        ? "still improving" : abs(stretch.change) < T.stillImprovingChange ? "flat" : "moving"
      items.append(
        Evidence(
          key: "training_last_stretch", value: stretch.change,
          meaning: "training loss over the last \(Format.percent(T.lastStretchShare)) of the run: "
            + "\(state) (trend change \(Format.percent(stretch.change)) of its scale)"))
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
    if let step = convergence {
      items.append(
        Evidence(
          key: "convergence_step", value: Double(step),
          meaning: "the curves level off from \(position(step))"))
    }
    return items
  }

  // MARK: Findings

  func findings(accuracySteps: AccuracySteps?) -> [Finding] {
    var found: [Finding] = []
    let nonFinite = curves.trainingLoss.nonFiniteSteps + curves.validationLoss.nonFiniteSteps
    if let first = nonFinite.min() {
      found.append(
        Finding(
          kind: .nonFinite, step: Int(clamping: first),
          message: "\(nonFinite.count) loss value\(nonFinite.count == 1 ? " is" : "s are") NaN or infinite, the first at \(position(Int(clamping: first)))."))
    }
    found += spikes()
    if let plateau = plateau() { found.append(plateau) }
    found += leakage()
    if let noisy = noisyEvaluation(accuracySteps) { found.append(noisy) }
    if let disagreement = lossAccuracyDisagreement() { found.append(disagreement) }
    if let stretch = training.lastStretch,
      stretch.change <= -T.stillImprovingChange && stretch.z <= -T.trendSignificance
    {
      found.append(
        Finding(
          kind: .stillImproving, step: nil,
          message: "Training loss is still falling at the end (\(Format.percent(-stretch.change)) "
            + "of its scale over the last stretch): more training could still help it."))
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
          + "evaluations (by \(Format.percent(median)) points typically): check that validation "
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
        + "\(Format.percent(spread)) points, within the ±\(Format.percent(2 * standardError)) "
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
}
