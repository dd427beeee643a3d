public import CurveCore

extension ChartMarker {
  /// A green "best" line at the evaluation with the lowest validation loss (the first, on a
  /// tie), with `x` in steps; `nil` when no evaluation has a finite loss.
  ///
  /// This is the checkpoint the Trainer keeps with `metric_for_best_model="eval_loss"`.
  ///
  /// ```swift
  /// let chart = TrainingLogChart(log, markers: [ChartMarker.best(in: log)].compactMap { $0 })
  /// ```
  public static func best(in log: TrainingLog, label: String = "best") -> ChartMarker? {
    TrainingLogSummary(log).bestEvaluation.map {
      ChartMarker(x: Double($0.step), label: label, color: .green)
    }
  }

  /// A red "stop" line at the last evaluation, with `x` in steps, when the log's metadata says
  /// early stopping ended the run; otherwise `nil`.
  public static func earlyStop(in log: TrainingLog, label: String = "stop") -> ChartMarker? {
    guard log.metadata.bestCheckpoint?.stoppedEarly == true,
      let step = log.evaluationEntries.last?.step ?? log.lastStep
    else { return nil }
    return ChartMarker(x: Double(step), label: label, color: .red)
  }
}
