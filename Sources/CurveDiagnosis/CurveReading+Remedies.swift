import CurveCore

/// The remedies: each cause's treatment from ``CauseKnowledge``, ranked by the evidence for the
/// cause and said for this run, with its change as data.
extension CurveReading {
  func remedies(for pattern: Pattern, diagnosis: Diagnosis) -> [Remedy] {
    let s = settings
    let assessments = diagnosis.causes
    guard let top = assessments.first else { return [] }
    var list: [Remedy] = []
    func add(_ remedy: Remedy) {
      if !list.contains(where: { $0.action == remedy.action }) { list.append(remedy) }
    }

    // The causes still in the running: the top one alone when the evidence singles it out,
    // else every cause close to it.
    let remaining = diagnosis.openCauses
    // Keeping the best checkpoint helps only an overfit run whose best checkpoint beats guessing.
    let keepsBest = pattern == .overfitting && isBestCheckpointUseful
    let openNote = top.isDetermined || remaining.count < 2 || diagnosis.unknowns.isEmpty
      ? nil
      : "The log does not record \(Self.list(diagnosis.unknowns)), so the cause is open between "
        + Self.list(remaining.map(\.rawValue)) + "."

    // Changes right under every remaining cause come first, in the order of the likeliest.
    var ordered: [(cause: Cause, treatment: CauseKnowledge.Treatment)] = []
    for cause in remaining {
      for treatment in treatments(for: cause, showing: pattern, settings: s)
      where treatment.action != .earlyStopping || keepsBest {
        ordered.append((cause, treatment))
      }
    }
    var universal = ordered.filter { item in
      remaining.allSatisfy { cause in
        treatments(for: cause, showing: pattern, settings: s).contains { $0.action == item.treatment.action }
      }
    }
    // Among the changes right under every cause, keeping the best checkpoint comes first: it
    // needs no new run.
    if let keep = universal.firstIndex(where: { $0.treatment.action == .earlyStopping }) {
      universal.insert(universal.remove(at: keep), at: 0)
    }
    let first = universal.first ?? ordered.first
    if let first {
      var remedy = remedy(first.treatment, for: first.cause, primary: true, settings: s, diagnosis: diagnosis)
      if let openNote { remedy.text = openNote + " " + remedy.text }
      add(remedy)
    }
    // Overfitting: keeping the best checkpoint is the immediate fix, when it is worth keeping.
    if keepsBest, let keep = keepCheckpoint(diagnosis) {
      add(keep)
    }
    for item in universal.dropFirst() {
      add(remedy(item.treatment, for: item.cause, primary: false, settings: s, diagnosis: diagnosis))
    }
    // The top cause's own treatments, then the other candidates' main ones.
    for (index, treatment) in treatments(for: top.cause, showing: pattern, settings: s).enumerated()
    where treatment.action != .earlyStopping || keepsBest {
      add(remedy(treatment, for: top.cause, primary: index == 0, settings: s, diagnosis: diagnosis))
    }
    for other in assessments.dropFirst() where other.weight >= T.causeConsideredWeight {
      add(remedy(treatments(for: other.cause, showing: pattern, settings: s)[0], for: other.cause, primary: true, settings: s, diagnosis: diagnosis))
    }
    if pattern == .diverged {
      add(
        Remedy(
          action: .checkData, text: "Check the inputs for NaN values, infinities and unscaled features.",
          changes: [.checkData]))
    }
    return list
  }

  /// A cause's treatments, the first sized for this run's settings and for the pattern it
  /// shows (a rate that makes a run diverge is cut far more than one that makes it erratic).
  private func treatments(
    for cause: Cause, showing pattern: Pattern, settings s: RunSettings
  ) -> [CauseKnowledge.Treatment] {
    var list = CauseKnowledge.treatments(for: cause)
    list[0] = CauseKnowledge.treatment(
      for: cause, showing: pattern, learningRate: s.learningRate, isAdaptive: s.isAdaptive,
      parameters: s.parameters)
    return list
  }

  // MARK: One remedy

  private func remedy(
    _ treatment: CauseKnowledge.Treatment, for cause: Cause, primary: Bool, settings s: RunSettings,
    diagnosis: Diagnosis
  ) -> Remedy {
    if treatment.action == .earlyStopping, let keep = keepCheckpoint(diagnosis) {
      var remedy = keep
      remedy.cause = cause
      return remedy
    }
    let size = Self.size(of: treatment.changes, settings: s)
    let sized = size.isEmpty ? "" : " (\(size))"
    let text: String
    switch (cause, treatment.action) {
    case (.lowLearningRate, .higherLearningRate):
      let rate = s.learningRate.map { "The learning rate was \(Format.number($0)) and the " } ?? "The "
      text = rate + "\(fit.curveName) loss fell steadily but slowly (\(Format.number(fit.start)) → "
        + "\(Format.number(fit.end))): raise the learning rate\(sized); steps this small barely move the weights."
    case (.tooFewSteps, .moreEpochs):
      var why = "the \(progress.isStillImproving ? progress.curveName : fit.curveName) loss was still falling when the run ended"
      if progress.flattensWithDecay, let schedule {
        why += " (the learning rate had decayed to \(Format.percent(schedule.finalShare)) of its peak)"
      }
      text = "Train longer\(sized): \(why)."
    case (.smallModel, .biggerModel):
      let what = s.hiddenWidths.map { $0.isEmpty ? "a linear model" : "hidden width \($0.map(String.init).joined(separator: ","))" }
        ?? s.parameters.map { "\($0) parameters" }
      text = "A bigger model\(sized): the \(fit.curveName) loss levelled off at \(Format.number(fit.end))"
        + (what.map { " with \($0)" } ?? "") + ", too little capacity for the pattern."
    case (.heavyWeightDecay, .lessRegularization):
      let decay = s.weightDecay.map { "Weight decay \(Format.number($0)) pins the weights near zero" }
        ?? "Regularization this strong pins the weights near zero"
      text = "\(decay): both losses sit high and close together. Weaken it\(sized)."
    case (.nothingLearnable, .checkData):
      text = "Check the data: the model stays at chance (\(fit.trivialRatio.map { "\(Format.percent($0)) of the trivial loss" } ?? "accuracy at guessing level")), "
        + "so the inputs or labels may carry no signal it can find (shuffled labels, a broken preprocessing step)."
    case (.smallData, .moreData):
      let n = s.trainingSetSize.map { "the model trained on only \($0) examples" } ?? "the training set is small for the model"
      text = "More, or more varied, training data\(sized): \(n); augmentation counts."
    case (.bigModel, .smallerModel):
      let p = s.parameters.map { "\($0) parameters" } ?? "this much capacity"
      text = "A smaller model\(sized): \(p) can memorize every training example."
    case (.labelNoise, .checkData):
      let share = s.labelNoise.map { " (about \(Format.percent($0)) are wrong)" } ?? ""
      text = "Clean the training labels\(share): the model is learning the wrong ones by heart."
    case (.tooLittleRegularization, .weightDecay):
      text = "Regularize: weight decay\(sized) with AdamW, or dropout 0.1 to 0.3"
        + (s.weightDecay == 0 ? "; this run used none." : ".")
    case (.highLearningRate, .lowerLearningRate):
      let rate = s.learningRate.map { "The learning rate \(Format.number($0)) is" } ?? "The learning rate is"
      text = "\(rate) past what the model tolerates: lower it\(sized), and give the slower run the epochs it needs."
    case (.tinyBatch, .biggerBatch):
      let batch = s.batchSize.map { "Batches of \($0)" } ?? "Small batches"
      text = "\(batch) make each gradient mostly noise (the training loss swings by about "
        + "\(Format.percent(erratic.trainingSwing)) of its level): use a bigger batch\(sized)."
    case (.smallEvalSet, .largerEvaluationSet):
      let n = s.evaluationSetSize.map { " (about \($0) examples)" } ?? ""
      text = "Evaluate on a larger set\(sized): the evaluation set is small\(n), so validation "
        + "jumps by whole examples while training is smooth."
    case (.warmupInstability, .lowerLearningRate):
      let when = collapse.map { " at \(position($0.jumpStep))" } ?? ""
      text = "The run fell apart\(when), as warmup reached the peak learning rate: lower the peak\(sized)."
    case (.badBatches, .gradientClipping):
      text = "Clip gradients\(sized): a few batches throw huge gradients; clipping caps them without slowing the rest."
    case (.converged, .nothing):
      text = convergedText(diagnosis)
    case (.stillImproving, .moreEpochs):
      var why = "the \(progress.curveName) loss was still falling at the end"
      if progress.flattensWithDecay, let schedule {
        why += " (per unit of learning rate; the rate decayed to \(Format.percent(schedule.finalShare)) of its peak)"
      }
      text = "Train longer\(sized): \(why); let early stopping (patience 3) end it once it stops improving."
    default:
      text = Self.sentence(treatment.action.title) + sized + ": " + treatment.reason + "."
    }
    return Remedy(action: treatment.action, text: text, changes: treatment.changes, cause: cause)
  }

  private func convergedText(_ diagnosis: Diagnosis) -> String {
    var text = "Nothing to fix: the run learned and levelled off."
    if let step = diagnosis.convergenceStep, let last = log.lastStep, last > 0,
      Double(step) < 0.8 * Double(last)
    {
      let saved = 1 - Double(step) / Double(last)
      text += " It had levelled off by \(position(step)); stopping there would have saved about "
        + "\(Format.percent(saved)) of the run."
    }
    return text
  }

  /// Keep the best checkpoint the run could hand back, with where early stopping would have
  /// stopped, in the words of the framework whose rules are replayed.
  private func keepCheckpoint(_ diagnosis: Diagnosis) -> Remedy? {
    guard let best = diagnosis.best, let outcome = diagnosis.earlyStopping else { return nil }
    let keep = restorableBest() ?? best.step
    var text = "Keep the checkpoint from \(position(keep))"
    if keep != best.step {
      text += " (the lowest \(best.metric), at \(position(best.step)), \(whyNotRestorable(best.step)))"
    } else if let onset = diagnosis.overfittingOnset, onset.rise >= T.overfitMinimumRelativeRise,
      onset.step == best.step
    {
      text = "Validation loss rose \(Format.percent(onset.rise)) after \(position(onset.step)): keep "
        + "that checkpoint"
    }
    if let stop = outcome.stopStep {
      text += ". Early stopping with patience \(outcome.policy.patience) would stop at \(position(stop))"
      if let restored = outcome.restoredStep {
        text += " and restore \(position(restored))"
      } else {
        text += " and end with that step's weights (nothing is restored unless asked)"
      }
      if outcome.evaluationsSaved > 0 {
        text += ", skipping the last \(outcome.evaluationsSaved) evaluation\(outcome.evaluationsSaved == 1 ? "" : "s")"
      }
    }
    text += " (\(Self.keepingSetup(outcome.policy, metric: best.metric)))."
    return Remedy(
      action: .earlyStopping, text: text,
      changes: [.keepCheckpoint(step: keep), .set(.earlyStoppingPatience, to: Double(outcome.policy.patience))])
  }

  /// The step of the best checkpoint the whole run could restore under the replayed
  /// framework's rules: transformers writes none at an evaluation before training (step 0) and
  /// only at multiples of `save_steps`; Lightning's `ModelCheckpoint` keeps a plain strict
  /// improvement; Keras snapshots each improvement by `min_delta`. `nil` when the log has no
  /// monitored values.
  func restorableBest() -> Int? {
    guard curves.monitoredByEvaluation.contains(where: { $0 != nil }) else { return nil }
    var policy = options.earlyStopping
    policy.patience = curves.evaluationSteps.count + 1
    policy.restoresBest = true
    policy.stoppingThreshold = nil
    policy.divergenceThreshold = nil
    return policy.replay(
      values: curves.monitoredByEvaluation, steps: curves.evaluationSteps,
      endStep: log.metadata.maxSteps
    ).restoredStep
  }

  /// Why the best evaluation at `step` is not a checkpoint the run can restore.
  private func whyNotRestorable(_ step: Int) -> String {
    let policy = options.earlyStopping
    switch policy.framework {
    case .transformers:
      if step == 0 { return "was evaluated before training and wrote no checkpoint" }
      if let save = policy.saveSteps { return "wrote no checkpoint: save_steps is \(save)" }
      return "wrote no checkpoint"
    case .keras:
      return "does not beat the earlier best by min_delta, so Keras keeps the earlier weights"
    case .lightning:
      return "is not a strict improvement for ModelCheckpoint, which keeps the earlier one"
    }
  }

  /// How to keep the best checkpoint in the framework whose rules are replayed.
  static func keepingSetup(_ policy: EarlyStoppingPolicy, metric: String) -> String {
    let mode = policy.greaterIsBetter ? "max" : "min"
    switch policy.framework {
    case .transformers:
      return "EarlyStoppingCallback(early_stopping_patience=\(policy.patience)) with "
        + "load_best_model_at_end=True, metric_for_best_model=\"\(metric)\""
    case .keras:
      return "keras.callbacks.EarlyStopping(monitor=\"\(metric)\", patience=\(policy.patience), "
        + "restore_best_weights=True); without restore_best_weights Keras keeps the last epoch's weights"
    case .lightning:
      return "EarlyStopping(monitor=\"\(metric)\", patience=\(policy.patience), mode=\"\(mode)\") with a "
        + "ModelCheckpoint(monitor=\"\(metric)\", mode=\"\(mode)\"), then load its best_model_path; "
        + "Lightning restores nothing by itself"
    }
  }

  // MARK: Wording

  /// `learning rate ×10: 5e-06 → 5e-05; epochs ×3: 20 → 60`, `learning rate ÷30: 0.3 → 0.01`,
  /// `weight decay 0.01`.
  static func size(of changes: [RemedyChange], settings s: RunSettings) -> String {
    changes.compactMap { change -> String? in
      switch change {
      case .scale(let setting, let factor):
        let current: Double? =
          switch setting {
          case .learningRate: s.learningRate
          case .epochs: s.epochs
          case .batchSize: s.batchSize.map(Double.init)
          case .trainSize: s.trainingSetSize.map(Double.init)
          case .evalSize: s.evaluationSetSize.map(Double.init)
          case .hiddenWidth: s.hiddenWidths.flatMap { $0.max() }.map(Double.init)
          case .weightDecay: s.weightDecay
          default: nil
          }
        // A cut by a whole factor reads as a division: ÷30, not ×0.03333.
        let divisor = (1 / factor).rounded()
        let isDivision = factor < 1 && divisor >= 2 && abs(1 / factor - divisor) < 1e-6 * divisor
        var text = "\(name(of: setting)) " + (isDivision ? "÷\(Format.number(divisor))" : "×\(Format.number(factor))")
        if let current {
          let next = current * factor
          let isCount = setting != .learningRate && setting != .weightDecay
          text += ": \(Format.number(current)) → \(isCount ? Format.number(max(1, next.rounded())) : Format.number(next))"
        }
        return text
      case .set(let setting, let value):
        return "\(name(of: setting)) \(Format.number(value))"
      case .keepCheckpoint(let step): return "the step-\(step) checkpoint"
      case .checkData: return nil
      }
    }.joined(separator: "; ")
  }

  private static func name(of setting: RemedyChange.Setting) -> String {
    switch setting {
    case .learningRate: "learning rate"
    case .epochs: "epochs"
    case .batchSize: "batch"
    case .weightDecay: "weight decay"
    case .dropout: "dropout"
    case .maxGradNorm: "max_grad_norm"
    case .warmupSteps: "warmup steps"
    case .warmupRatio: "warmup ratio"
    case .hiddenWidth: "hidden width"
    case .trainSize: "training set"
    case .evalSize: "evaluation set"
    case .earlyStoppingPatience: "early-stopping patience"
    }
  }

  static func sentence(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  /// `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    default: items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
  }
}
