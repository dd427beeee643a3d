extension EarlyStoppingPolicy {
  /// Keras 3 `EarlyStopping.on_epoch_end`, with the epoch the evaluation's index.
  ///
  /// Epochs before `start_from_epoch` and epochs without the metric are skipped. Each counted
  /// epoch adds one to `wait`; an improvement (the first counted epoch always is one) moves the
  /// best and resets `wait` only if it also beats `baseline`, and returns before the stop
  /// check, which never fires at epoch 0. `restore_best_weights` snapshots the first counted
  /// epoch, then each improvement, and restores the snapshot when training ends, stopped or not.
  func replayKeras(_ values: [Double?], _ steps: [Int]) -> EarlyStoppingOutcome {
    let precision = precision ?? .inferred(from: values)
    let compare = MonitorComparison(precision: precision, greaterIsBetter: greaterIsBetter)
    var wait = 0
    var best: Double?
    var bestIndex: Int?
    var snapshot: Int?
    for (epoch, value) in values.enumerated() {
      guard let current = value, epoch >= startFrom else { continue }
      if snapshot == nil { snapshot = epoch }
      wait += 1
      if best.map({ compare.kerasImproves(current, over: $0, minDelta: threshold) }) ?? true {
        best = current
        bestIndex = epoch
        snapshot = epoch
        if baseline.map({ compare.kerasImproves(current, over: $0, minDelta: threshold) }) ?? true {
          wait = 0
        }
        continue
      }
      if wait >= patience && epoch > 0 {
        return outcome(
          stop: epoch, steps, best: bestIndex.map { steps[$0] },
          restored: snapshot.map { steps[$0] },
          reason: .patience, precision: precision)
      }
    }
    return outcome(
      stop: nil, steps, best: bestIndex.map { steps[$0] }, restored: snapshot.map { steps[$0] },
      reason: nil, precision: precision)
  }
}
