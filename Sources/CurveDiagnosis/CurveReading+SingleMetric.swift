import CurveCore

/// A log of one metric and nothing else (a W&B panel of `test FID_B`, say): only what a single
/// curve can show, its best point, its trend, its noise and early stopping, never a pattern that
/// needs a training curve beside it.
extension CurveReading {
  /// No loss at all, only the monitored metric.
  var isSingleMetric: Bool {
    curves.trainingLoss.isEmpty && curves.trainingLoss.nonFiniteSteps.isEmpty
      && curves.validationLoss.isEmpty && curves.validationLoss.nonFiniteSteps.isEmpty
      && curves.monitored.count + curves.monitored.nonFiniteSteps.count >= T.minimumEvaluations
  }

  func singleMetricDiagnosis(_ base: Diagnosis) -> Diagnosis {
    var result = base
    let metric = options.monitor
    let series = curves.monitored
    let curve = CurveProfile(series)
    let direction = metric.greaterIsBetter ? "higher" : "lower"
    var items: [Evidence] = []
    if let best = result.best {
      items.append(
        Evidence(
          key: "best_\(best.metric)", value: best.value,
          meaning: "best \(best.metric) \(Format.number(best.value)) at \(position(best.step))"))
    }
    if curve.count >= 2 {
      items.append(
        Evidence(
          key: "metric_levels", value: curve.end,
          meaning: "\(metric.name) \(Self.movement(from: curve.start, to: curve.end)) (the levels "
            + "of its first and last stretch; \(direction) is better)"))
    }
    let trend = curve.endTrend()
    let improving = trend.map { metric.greaterIsBetter ? $0.isRising : $0.isFalling } ?? false
    let worsening = trend.map { metric.greaterIsBetter ? $0.isFalling : $0.isRising } ?? false
    if let trend {
      items.append(
        Evidence(
          key: "end_trend", value: trend.change,
          meaning: "\(metric.name) from \(position(trend.startStep)) to the end: "
            + (improving ? "still improving" : worsening ? "getting worse" : "level")
            + ", \(trend.change < 0 ? "down" : "up") \(Format.percent(abs(trend.change))) of its scale"))
    }
    if curve.count >= 5 {
      items.append(
        Evidence(
          key: "metric_noise", value: curve.noiseToTrend,
          meaning: "\(metric.name) swings are \(Format.percent(curve.noiseToTrend)) of its trend's movement"))
    }
    result.evidence = items

    let swing = curve.stepToLevel()
    let isJumpy = curve.count >= 5 && swing >= T.erraticValidationStepToLevel
      && curve.reversalRate >= T.erraticReversalRate && curve.efficiency <= T.erraticMaximumEfficiency
    let needs = "over- or underfitting needs a training curve beside it"
    if let step = series.nonFiniteSteps.first {
      result.pattern = .diverged
      result.confidence = 0.9
      result.headline = "Diverged: \(metric.name), the only metric in the log, became NaN or "
        + "infinite at \(position(Int(step)))."
    } else if isJumpy {
      result.pattern = .erratic
      result.confidence = 0.6
      result.headline = "Erratic: \(metric.name), the only metric in the log, swings by about "
        + "\(Format.percent(swing)) of its level from one evaluation to the next, as much as it "
        + "trends; \(needs)."
    } else {
      result.pattern = .insufficientData
      result.missing = ["a training curve: one metric shows its best point, trend and noise, but \(needs)"]
      var text = "One metric only (\(metric.name), \(direction) is better)"
      if let best = result.best {
        text += ": best \(Format.number(best.value)) at \(position(best.step))"
      }
      text += improving ? "; still improving at the end" : worsening ? "; getting worse at the end" : "; level at the end"
      result.headline = text + ". Telling \(needs)."
    }
    var remedies: [Remedy] = []
    if worsening, let best = result.best, let outcome = result.earlyStopping {
      let keep = restorableBest() ?? best.step
      let what = keep == best.step ? "the best \(metric.name)" : "the best checkpoint the run wrote"
      remedies.append(
        Remedy(
          action: .earlyStopping,
          text: "Keep the checkpoint from \(position(keep)), \(what)"
            + (outcome.stopStep.map { "; early stopping with patience \(outcome.policy.patience) would stop at \(position($0))" } ?? "")
            + " (\(Self.keepingSetup(outcome.policy, metric: metric.name))).",
          changes: [.keepCheckpoint(step: keep)]))
    }
    if improving {
      remedies.append(
        Remedy(
          action: .moreEpochs,
          text: "Train longer: \(metric.name) was still improving at the end.",
          changes: [.scale(.epochs, by: 3)]))
    }
    remedies.append(
      Remedy(
        action: .nothing,
        text: "Log the training and validation loss beside \(metric.name), so the curves can say "
          + "whether the model over- or underfits."))
    result.remedies = remedies
    return result
  }
}
