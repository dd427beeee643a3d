import CurveCore

extension TaskBaseline {
  /// The baseline of the task a log comes from, as far as the log shows it.
  ///
  /// In order: the simulator's own log (its tasks are binary); a class count in the log's
  /// settings (`num_labels`, `num_classes`, which the simulator also records, so its exported
  /// logs carry it); or, when accuracy is logged, a first loss within
  /// ``DiagnosisThresholds/trivialStartTolerance`` of ln K with a first accuracy near 1/K (an
  /// untrained model, or a pretrained one with a new classification head, starts there).
  init(log: TrainingLog, curves: RunCurves) {
    self.init()
    let settings = log.metadata.configuration
    if settings["dataset"] != nil && log.metadata.source == "simulator" {
      self = TaskBaseline(classes: 2, basis: "the simulator's tasks, which have two classes")
      return
    }
    for key in ["num_labels", "num_classes", "n_classes", "classes"] {
      if let text = settings[key], let count = Int(text), count >= 2, count <= 1_000_000 {
        self = TaskBaseline(classes: count, basis: "the log's \(key) setting")
        return
      }
    }
    let accuracies = curves.trainingAccuracy.values.prefix(1) + curves.validationAccuracy.values.prefix(1)
    guard let firstAccuracy = accuracies.min() else { return }
    let firstLosses = Array(curves.trainingLoss.values.prefix(2)) + curves.validationLoss.values.prefix(1)
    guard let first = firstLosses.max(), first > 0 else { return }
    var best: (classes: Int, error: Double)?
    for classes in 2...1000 {
      let trivial = TaskBaseline.logarithm(Double(classes))
      if trivial > first * 2 { break }
      let error = abs(first - trivial) / trivial
      guard error <= DiagnosisThresholds.trivialStartTolerance,
        firstAccuracy <= 1 / Double(classes) + DiagnosisThresholds.untrainedAccuracyMargin
      else { continue }
      if best == nil || error < best!.error { best = (classes, error) }
    }
    if let best {
      self = TaskBaseline(
        classes: best.classes,
        basis: "a first loss of \(Format.number(first)) near ln \(best.classes) with a first "
          + "accuracy of \(Format.percent(firstAccuracy))")
    }
  }
}
