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

  /// Markers for the chart: the best evaluation, where early stopping would stop, and the
  /// checkpoint it restores when that is neither (a best that wrote no checkpoint).
  var markerSteps: [(step: Int, label: String)] {
    var markers: [(Int, String)] = []
    if let best = diagnosis.best { markers.append((best.step, "best")) }
    if let stop = diagnosis.earlyStopping?.stopStep, stop != diagnosis.best?.step {
      markers.append((stop, "stop p\(diagnosis.earlyStopping!.policy.patience)"))
    }
    if let kept = diagnosis.earlyStopping?.restoredStep, !markers.contains(where: { $0.0 == kept }) {
      markers.append((kept, "kept"))
    }
    return markers
  }

  /// The early-stopping result in a sentence: the rule, where it stops, and the weights the
  /// run ends with (the restored checkpoint, or the last weights when none is restored).
  var earlyStoppingSentence: String? {
    guard let outcome = diagnosis.earlyStopping else { return nil }
    let policy = outcome.policy
    var text = "Early stopping, \(policy.framework.rawValue) rules ("
      + Self.settings(of: policy, precision: outcome.precision).joined(separator: ", ") + "): "
    if let stop = outcome.stopStep, let index = outcome.stopIndex {
      text += "stops after the evaluation at \(place(stop)), evaluation \(index + 1) of "
        + "\(outcome.evaluationCount)"
      if let reason = outcome.reason, reason != .patience { text += ", because \(reason.rawValue)" }
    } else {
      text += "never fires in this run"
    }
    return text + "; " + keptClause(outcome) + "."
  }

  /// The rule's settings as the framework names them: `patience 3`, `min_delta 0.01`.
  private static func settings(of policy: EarlyStoppingPolicy, precision: ValuePrecision)
    -> [String]
  {
    var parts = ["patience \(policy.patience)"]
    let number = { (value: Double) in Format.number(value) }
    switch policy.framework {
    case .transformers:
      if policy.threshold > 0 { parts.append("threshold \(number(policy.threshold))") }
      if let steps = policy.saveSteps { parts.append("save_steps \(steps)") }
      parts.append("as in \(policy.trainerVersion.releases)")
    case .keras:
      if policy.threshold > 0 { parts.append("min_delta \(number(policy.threshold))") }
      if let baseline = policy.baseline { parts.append("baseline \(number(baseline))") }
      if policy.startFrom > 0 { parts.append("start_from_epoch \(policy.startFrom)") }
      if policy.restoresBest { parts.append("restore_best_weights") }
    case .lightning:
      if policy.threshold > 0 { parts.append("min_delta \(number(policy.threshold))") }
      if let value = policy.stoppingThreshold { parts.append("stopping_threshold \(number(value))") }
      if let value = policy.divergenceThreshold {
        parts.append("divergence_threshold \(number(value))")
      }
      if policy.restoresBest { parts.append("with a ModelCheckpoint") }
    }
    if policy.framework != .transformers { parts.append("compared in \(precision.rawValue)") }
    return parts
  }

  /// What the run ends with, and why when it is not the rule's own best.
  private func keptClause(_ outcome: EarlyStoppingOutcome) -> String {
    let policy = outcome.policy
    if let restored = outcome.restoredStep {
      guard let best = outcome.bestStep, best != restored else {
        switch policy.framework {
        case .transformers: return "it keeps the checkpoint at \(place(restored))"
        case .keras: return "it restores the weights of \(place(restored))"
        case .lightning: return "ModelCheckpoint keeps \(place(restored))"
        }
      }
      switch policy.framework {
      case .lightning:
        return "ModelCheckpoint keeps \(place(restored)), its last strict improvement "
          + "(EarlyStopping's own best, with min_delta, is \(place(best)))"
      case .transformers, .keras:
        return "the best evaluation, at \(place(best)), wrote no checkpoint; it keeps the one "
          + "written at \(place(restored))"
      }
    }
    guard let last = outcome.lastStep else { return "nothing is kept" }
    let ending = "the run ends with the weights of \(place(last))"
    switch policy.framework {
    case .keras:
      return "without restore_best_weights \(ending)"
    case .lightning:
      return "with no ModelCheckpoint on the metric \(ending)"
    case .transformers:
      guard policy.restoresBest else { return "without load_best_model_at_end \(ending)" }
      guard let best = outcome.bestStep else { return ending }
      return "the best evaluation, at \(place(best)), wrote no checkpoint, so "
        + "load_best_model_at_end loads none and \(ending)"
    }
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
