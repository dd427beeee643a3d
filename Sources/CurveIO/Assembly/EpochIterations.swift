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

extension EpochIterations {
  /// Places evaluation records whose `step` counts epochs at the end of their epoch.
  ///
  /// MMEngine's `LoggerHook` (mmdetection 3.x, mmsegmentation 1.x, mmpretrain) writes
  /// `vis_data/scalars.json`: training records `{"lr": ..., "loss": ..., "epoch": 2, "iter":
  /// 600, "memory": ..., "step": 600}` at the global iteration, and, with
  /// `log_metric_by_epoch` (the default), validation records `{"coco/bbox_mAP": ..., "step":
  /// 2}` whose step is the number of epochs done. Read as they stand, the second sends the
  /// step back to 2 and looks like a restarted run. When every record without `iter` and
  /// `epoch` has a step that names an epoch the training records reached, and some of them
  /// go back, the log gets a `global_step` column that puts each at the last training step of
  /// its epoch.
  static func placeEpochRecords(
    _ numeric: inout NumericCSV, file: String, warnings: inout [String]
  ) {
    let names = numeric.header.map(MetricNames.normalizedText)
    guard let stepColumn = names.firstIndex(of: "step"),
      let iterColumn = names.firstIndex(where: { ["iter", "iteration"].contains($0) }),
      let epochColumn = numeric.header.firstIndex(where: { MetricNames.role(of: $0) == .epoch }),
      !names.contains("global_step")
    else { return }
    var endOfEpoch: [Double: Double] = [:]
    var highest = -Double.infinity
    var goesBack = false
    var firstLine: Int?
    var count = 0
    for (row, line) in zip(numeric.rows, numeric.lines) {
      guard let step = row[stepColumn] else { continue }
      if let epoch = row[epochColumn], row[iterColumn] != nil {
        endOfEpoch[epoch] = max(endOfEpoch[epoch] ?? step, step)
      } else if row[iterColumn] == nil, row[epochColumn] == nil {
        count += 1
        if firstLine == nil { firstLine = line }
        if step < highest { goesBack = true }
      }
      highest = max(highest, step)
    }
    guard goesBack, let firstLine else { return }
    // Every such record must name an epoch the training reached.
    for row in numeric.rows where row[iterColumn] == nil && row[epochColumn] == nil {
      if let step = row[stepColumn], endOfEpoch[step] == nil { return }
    }
    numeric.appendColumn("global_step") { row in
      guard let step = row[stepColumn] else { return nil }
      if row[iterColumn] == nil, row[epochColumn] == nil { return endOfEpoch[step] }
      return step
    }
    warnings.append(
      "\(file): \(count) record\(count == 1 ? "" : "s") without 'iter' (the first at line "
        + "\(firstLine)) \(count == 1 ? "counts" : "count") epochs in 'step', as MMEngine writes "
        + "validation metrics; placed at the last training step of \(count == 1 ? "its" : "their") "
        + "epoch")
  }
}
