import CurveCore
import CurveDiagnosis

/// One run as `diagnose` reports it: where it came from, what reading it noticed, and the
/// engine's diagnosis.
struct DiagnosedRun {
  /// The path given on the command line.
  let path: String
  let log: TrainingLog
  let diagnosis: Diagnosis
  /// Oddities the reader noticed (duplicated evaluations, appended runs).
  let warnings: [String]

  /// The confidence as a whole percentage, `?%` if the engine could not say.
  var confidenceText: String {
    Int(checked: diagnosis.confidence * 100).map { "\($0)%" } ?? "?%"
  }

  /// `trainer_state.json (trainer-state): 120 training records, 30 evaluations`.
  var sourceLine: String {
    let format = log.metadata.format.map { " (\($0))" } ?? ""
    let training = log.trainingEntries.count
    let evaluations = log.evaluationEntries.count
    return "\(path)\(format): \(training) training record\(training == 1 ? "" : "s"), "
      + "\(evaluations) evaluation\(evaluations == 1 ? "" : "s")"
  }

  /// Markers for the chart: the best evaluation, and where early stopping would stop.
  var markerSteps: [(step: Int, label: String)] {
    var markers: [(Int, String)] = []
    if let best = diagnosis.best { markers.append((best.step, "best")) }
    if let stop = diagnosis.earlyStopping?.stopStep, stop != diagnosis.best?.step {
      markers.append((stop, "stop p\(diagnosis.earlyStopping!.policy.patience)"))
    }
    return markers
  }

  /// The early-stopping result in a sentence.
  var earlyStoppingSentence: String? {
    guard let outcome = diagnosis.earlyStopping else { return nil }
    let policy = outcome.policy
    var text = "Early stopping, \(policy.framework.rawValue) rules with patience \(policy.patience)"
    if policy.threshold > 0 { text += " and threshold \(policy.threshold)" }
    text += ": "
    if let stop = outcome.stopStep, let index = outcome.stopIndex {
      text += "stops after the evaluation at \(place(stop)), evaluation \(index + 1) of "
        + "\(outcome.evaluationCount)"
      if let reason = outcome.reason, reason != .patience { text += ", because \(reason.rawValue)" }
    } else {
      text += "never fires in this run"
    }
    if let kept = outcome.restoredStep { text += "; it keeps the checkpoint at \(place(kept))" }
    return text + "."
  }

  /// The accuracy-step reading in a sentence.
  var accuracySentence: String? {
    guard let steps = diagnosis.accuracySteps else { return nil }
    guard steps.isQuantized, let n = steps.impliedSetSize else {
      return "Accuracy does not sit on a visible grid of 1/N values (a large set, or averaged)."
    }
    var text = "Accuracy moves in steps of 1/\(n): the evaluation set has about \(n) examples"
    if let known = log.metadata.evaluationSetSize {
      text += known == n ? " (the log says \(known))" : " (or a multiple; the log says \(known))"
    }
    return text + "."
  }

  func place(_ step: Int) -> String {
    if log.metadata.stepUnit == .epoch { return "epoch \(step)" }
    if let entry = log.evaluationEntries.first(where: { $0.step == step }), let epoch = entry.epoch {
      // The epoch is a number from the file: Int(_:) would trap on Infinity or 1e300.
      let rounded = (epoch * 100).rounded() / 100
      let text = Int(checked: rounded).flatMap { Double($0) == rounded ? String($0) : nil }
      return "step \(step) (epoch \(text ?? String(rounded)))"
    }
    return "step \(step)"
  }
}
