/// A global step for logs whose iteration counter restarts every epoch.
///
/// OpenMMLab's by-epoch runners (mmcv's `TextLoggerHook`, which writes mmdetection's and
/// mmsegmentation's `*.log.json`) log `{"mode": "train", "epoch": 3, "iter": 50, ...}`: `iter`
/// counts the iterations of the epoch in progress, from `interval` up to the epoch's length,
/// and starts again in the next epoch. Read as a step, it goes back at every epoch, which looks
/// like a run appended to another and keeps only the last epoch. When `iter` restarts as
/// `epoch` rises, the log gets a `global_step` column instead: a training record's step is
/// `(epoch - first epoch) × P + iter`, `P` being the most iterations logged by training
/// records in one epoch, and an evaluation record (`"mode": "val"`) sits at the end of its
/// epoch, `(epoch - first epoch + 1) × P`.
///
/// ```swift
/// // epoch 1: iter 50, 100; val    ->  steps 50, 100, 100
/// // epoch 2: iter 50, 100; val    ->  steps 150, 200, 200
/// ```
enum EpochIterations {
  /// Adds a `global_step` column to `numeric` when its `iter` column restarts every epoch.
  ///
  /// - Parameter isTraining: Whether each row is a training record.
  static func makeGlobal(
    _ numeric: inout NumericCSV, isTraining: [Bool], file: String, warnings: inout [String]
  ) {
    let names = numeric.header.map(MetricNames.normalizedText)
    guard let iterColumn = names.firstIndex(where: { ["iter", "iteration"].contains($0) }),
      let epochColumn = numeric.header.firstIndex(where: { MetricNames.role(of: $0) == .epoch }),
      !names.contains(where: { ["step", "global_step", "steps"].contains($0) })
    else { return }
    var restarts = false
    var previous: (epoch: Double, iter: Double)?
    var firstEpoch = Double.infinity
    var perEpoch = 0.0
    for (position, row) in numeric.rows.enumerated() {
      guard let epoch = row[epochColumn], let iter = row[iterColumn], epoch.isFinite,
        iter.isFinite
      else { continue }
      firstEpoch = min(firstEpoch, epoch)
      if position < isTraining.count, isTraining[position] {
        perEpoch = max(perEpoch, iter)
        if let previous, epoch > previous.epoch, iter < previous.iter { restarts = true }
        previous = (epoch, iter)
      }
    }
    guard restarts, perEpoch > 0 else { return }
    var position = -1
    numeric.appendColumn("global_step") { row in
      position += 1
      guard let epoch = row[epochColumn], epoch.isFinite, epoch >= firstEpoch else { return nil }
      let completed = (epoch - firstEpoch).rounded(.down)
      if position < isTraining.count, !isTraining[position] {
        return (completed + 1) * perEpoch
      }
      return row[iterColumn].map { completed * perEpoch + $0 }
    }
    let epochs = Int(exactly: perEpoch).map(String.init) ?? String(perEpoch)
    warnings.append(
      "\(file): '\(numeric.header[iterColumn])' counts the iterations of each epoch (it starts "
        + "again as '\(numeric.header[epochColumn])' rises, as OpenMMLab's by-epoch logs do); "
        + "steps are read as (epoch - \(Int(firstEpoch))) × \(epochs) + iteration, \(epochs) "
        + "being the most iterations logged in an epoch, and evaluations at their epoch's end")
  }
}
