extension EarlyStoppingPolicy {
  /// Lightning `EarlyStopping._evaluate_stopping_criteria`, and beside it the
  /// `ModelCheckpoint(monitor=..., save_top_k=1)` that keeps the checkpoint.
  ///
  /// EarlyStopping checks, in order: a non-finite value (`check_finite`), the
  /// `stopping_threshold`, the `divergence_threshold`, then an improvement of more than
  /// `min_delta` over its best (which starts at ±infinity), else one more in `wait_count`.
  /// ModelCheckpoint runs at the same validation, stopping or not: it saves the first value
  /// (a NaN as the worst score, ±infinity) and then any strict improvement, with no `min_delta`.
  /// An evaluation without the metric is skipped (`strict=False`; with the default
  /// `strict=True` Lightning raises instead).
  func replayLightning(_ values: [Double?], _ steps: [Int]) -> EarlyStoppingOutcome {
    let precision = precision ?? .inferred(from: values)
    let compare = MonitorComparison(precision: precision, greaterIsBetter: greaterIsBetter)
    let worst = greaterIsBetter ? -Double.infinity : Double.infinity
    var best = worst
    var bestIndex: Int?
    var wait = 0
    var checkpoint: (score: Double, index: Int)?
    for (index, value) in values.enumerated() {
      guard let current = value else { continue }
      var reason: EarlyStoppingOutcome.Reason?
      if checkFinite && !current.isFinite {
        reason = .notFinite
      } else if let threshold = stoppingThreshold, compare.isBetter(current, than: threshold) {
        reason = .reachedThreshold
      } else if let divergence = divergenceThreshold, compare.isBetter(divergence, than: current) {
        reason = .diverged
      } else if compare.lightningImproves(current, over: best, minDelta: threshold) {
        best = current
        bestIndex = index
        wait = 0
      } else {
        wait += 1
        if wait >= patience { reason = .patience }
      }
      if let kept = checkpoint {
        if compare.isBetter(current, than: kept.score) { checkpoint = (current, index) }
      } else {
        checkpoint = (current.isNaN ? worst : current, index)
      }
      if let reason {
        return outcome(
          stop: index, steps, best: bestIndex.map { steps[$0] },
          restored: checkpoint.map { steps[$0.index] }, reason: reason, precision: precision)
      }
    }
    return outcome(
      stop: nil, steps, best: bestIndex.map { steps[$0] },
      restored: checkpoint.map { steps[$0.index] }, reason: nil, precision: precision)
  }
}
