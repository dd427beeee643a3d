import CurveCore

/// Why the run shows its pattern: each candidate cause weighed on the curves and on the
/// settings the log records.
extension CurveReading {
  struct CauseWeighing {
    var assessments: [CauseAssessment]
    /// What the log lacks that would tell the leading candidates apart.
    var unknowns: [String]
  }

  var settings: RunSettings {
    RunSettings(
      log: log, schedule: schedule,
      impliedEvaluationSetSize: accuracySteps?.impliedSetSize)
  }

  func causes(for pattern: Pattern) -> CauseWeighing {
    var candidates: [Candidate]
    var unknowns: [String] = []
    let s = settings
    switch pattern {
    case .underfitting: candidates = underfittingCauses(s, unknowns: &unknowns)
    case .overfitting: candidates = overfittingCauses(s, unknowns: &unknowns)
    case .erratic: candidates = erraticCauses(s, unknowns: &unknowns)
    case .diverged: candidates = divergedCauses(s, unknowns: &unknowns)
    case .healthy: candidates = healthyCauses()
    case .insufficientData: return CauseWeighing(assessments: [], unknowns: [])
    }
    candidates = candidates.map { var c = $0; c.weight = min(1, max(0, c.weight)); return c }
    // Stable order: by weight, then by the table's order.
    let order = Cause.allCases
    candidates.sort {
      $0.weight != $1.weight
        ? $0.weight > $1.weight
        : order.firstIndex(of: $0.cause)! < order.firstIndex(of: $1.cause)!
    }
    var assessments = candidates.map {
      CauseAssessment(cause: $0.cause, weight: $0.weight, evidence: $0.evidence)
    }
    if let first = candidates.first {
      let second = candidates.count > 1 ? candidates[1].weight : 0
      assessments[0].isDetermined =
        first.weight >= T.causeDeterminedWeight && first.weight - second >= T.causeMargin
    }
    if assessments.first?.isDetermined == true { unknowns = [] }
    return CauseWeighing(assessments: assessments, unknowns: unknowns)
  }

  /// A cause being weighed.
  struct Candidate {
    var cause: Cause
    var weight: Double
    var evidence: [String] = []

    init(_ cause: Cause, _ weight: Double, _ evidence: [String] = []) {
      self.cause = cause
      self.weight = weight
      self.evidence = evidence
    }

    mutating func add(_ amount: Double, _ reason: String? = nil) {
      weight += amount
      if let reason { evidence.append(reason) }
    }
  }

  // MARK: Underfitting

  private func underfittingCauses(_ s: RunSettings, unknowns: inout [String]) -> [Candidate] {
    let falling = progress.isStillImproving || fit.isCrawling
    let curve = "\(fit.curveName) loss"
    var lowRate = Candidate(.lowLearningRate, fit.isCrawling ? 0.45 : falling ? 0.3 : 0.05)
    var fewSteps = Candidate(.tooFewSteps, falling ? 0.4 : 0.05)
    var smallModel = Candidate(.smallModel, falling ? 0.1 : 0.4)
    var heavyDecay = Candidate(.heavyWeightDecay, falling ? 0.05 : 0.35)
    var nothing = Candidate(.nothingLearnable, 0)
    if fit.isCrawling {
      lowRate.evidence.append(
        "the \(curve) fell steadily but slowly (\(Format.number(fit.start)) → "
          + "\(Format.number(fit.end))) without levelling off")
    } else if falling {
      fewSteps.evidence.append("the \(curve) was still falling at the end")
    } else {
      smallModel.evidence.append("the \(curve) levelled off high, at \(Format.number(fit.end))")
    }
    if let rate = s.learningRate {
      if rate < s.lowRate {
        lowRate.add(0.4, "the learning rate was \(Format.number(rate)), below the \(Format.number(s.lowRate)) where \(s.optimizer ?? "the optimizer")'s steps start to count")
        fewSteps.add(-0.1)
      } else {
        lowRate.add(-0.3)
        if falling { fewSteps.add(0.25, "the learning rate, \(Format.number(rate)), is not small") }
      }
    } else {
      unknowns.append("the learning rate")
    }
    let rateIsLow = s.learningRate.map { $0 < s.lowRate } ?? false
    if progress.flattensWithDecay, !rateIsLow, let schedule {
      fewSteps.add(
        0.3,
        "the learning rate decayed to \(Format.percent(schedule.finalShare)) of its peak while the loss was still falling")
    }
    if let updates, updates < T.fewUpdates, falling {
      fewSteps.add(0.35, "the run made only \(updates) optimizer updates")
    }
    if let epochs = s.epochs, epochs <= 3, falling {
      fewSteps.add(0.1, "the run lasted \(Format.number(epochs)) epoch\(epochs == 1 ? "" : "s")")
    }
    // Capacity.
    if let widths = s.hiddenWidths {
      if widths.isEmpty || widths.min()! <= T.tinyHiddenWidth {
        let described = widths.isEmpty ? "a linear model (no hidden layer)" : "a hidden layer of \(widths.min()!) unit\(widths.min()! == 1 ? "" : "s")"
        smallModel.add(falling ? 0.7 : 0.45, "the model is \(described)")
        fewSteps.add(-0.2)
      } else if widths.min()! >= 16 {
        smallModel.add(-0.25)
      }
    } else if let parameters = s.parameters {
      if parameters <= T.tinyModelParameters {
        smallModel.add(0.4, "the model has only \(parameters) parameters")
      }
    } else if !falling {
      unknowns.append("the model's size")
    }
    // Regularization.
    if let decay = s.weightDecay {
      if decay >= T.heavyWeightDecay {
        // Decay this strong explains a high loss on its own; a tail still easing down is the
        // decay's pull weakening with the rate, not a run short of steps.
        heavyDecay.add(falling ? 0.8 : 0.5, "weight decay was \(Format.number(decay)), strong enough to pin the weights near zero")
        smallModel.add(-0.1)
        fewSteps.add(-0.3)
        lowRate.add(-0.2)
      } else if decay >= T.notableWeightDecay {
        heavyDecay.add(0.15, "weight decay was \(Format.number(decay))")
      } else {
        heavyDecay.add(-0.3)
      }
    } else if !falling {
      unknowns.append("the weight decay")
    }
    // At chance with nothing in the settings to blame: nothing to learn.
    let atChance = (fit.trivialRatio ?? 0) >= T.chanceLossRatio || (fit.accuracyAboveChance ?? 1) <= 0.05
    if atChance && !falling {
      let others = [smallModel.weight, heavyDecay.weight, lowRate.weight].max() ?? 0
      nothing.add(
        others >= 0.6 ? 0.1 : 0.45,
        fit.trivialRatio.map { "the loss stayed at \(Format.percent($0)) of the trivial loss" }
          ?? "accuracy stayed at chance")
    }
    return [lowRate, fewSteps, smallModel, heavyDecay, nothing]
  }

  // MARK: Overfitting

  private func overfittingCauses(_ s: RunSettings, unknowns: inout [String]) -> [Candidate] {
    var smallData = Candidate(.smallData, 0.3)
    var bigModel = Candidate(.bigModel, 0.25)
    var labelNoise = Candidate(.labelNoise, 0.2)
    var regularization = Candidate(.tooLittleRegularization, 0.25)
    if let n = s.trainingSetSize {
      if n <= T.smallTrainingSet {
        smallData.add(0.4, "the model trained on only \(n) examples")
      } else {
        smallData.add(-0.15)
      }
      if let p = s.parameters, p >= T.bigModelParametersPerExample * n {
        let ratio = Double(p) / Double(max(1, n))
        // On a small set, a network trained from scratch with twice the parameters per
        // example that already makes a model big is the more extreme of the two: the same set
        // would not be memorized by a model of a few parameters per example.
        let farTooBig = n <= T.smallTrainingSet && p <= CauseKnowledge.smallNetworkParameters
          && p >= 2 * T.bigModelParametersPerExample * n
        bigModel.add(
          n > T.smallTrainingSet || farTooBig ? 0.45 : 0.2,
          "the model has \(p) parameters, \(Format.number(ratio.rounded())) per training example")
        if farTooBig { smallData.add(-0.2) }
      } else if s.parameters != nil {
        bigModel.add(-0.1)
      }
    } else {
      unknowns.append("the training-set size")
      if s.parameters == nil { unknowns.append("the model's size") }
    }
    if let noise = s.labelNoise {
      if noise >= T.notableLabelNoise {
        // A recorded share of wrong labels is direct evidence; one label in ten or more is
        // enough for a network to learn wrong answers by heart on a set of any size, so it
        // outweighs a small set (inferred from the size alone).
        labelNoise.add(
          noise >= 2 * T.notableLabelNoise ? 0.75 : 0.55,
          "\(Format.percent(noise)) of the training labels are wrong (the run's label_noise)")
      } else {
        labelNoise.add(-0.15)
      }
    }
    if let decay = s.weightDecay {
      if decay == 0 && (s.dropout ?? 0) == 0 {
        regularization.add(0.25, "the run used no weight decay" + (s.dropout == 0 ? " and no dropout" : ""))
      } else if decay >= T.notableWeightDecay || (s.dropout ?? 0) >= 0.1 {
        regularization.add(-0.2)
      }
    } else {
      unknowns.append("the weight decay")
    }
    return [smallData, bigModel, labelNoise, regularization]
  }

  /// Whether the best checkpoint is worth keeping: better than guessing by a clear margin.
  var isBestCheckpointUseful: Bool {
    if let trivial = trivialLoss, overfitting.minimum >= T.chanceLossRatio * trivial { return false }
    if let chance = baseline.chanceAccuracy, let best = curves.validationAccuracy.values.max(),
      (best - chance) / (1 - chance) <= 0.1
    {
      return false
    }
    return true
  }

  // MARK: Erratic

  private func erraticCauses(_ s: RunSettings, unknowns: inout [String]) -> [Candidate] {
    var highRate = Candidate(.highLearningRate, 0.35)
    var tinyBatch = Candidate(.tinyBatch, 0.2)
    var smallEval = Candidate(.smallEvalSet, 0.1)
    var warmup = Candidate(.warmupInstability, 0)
    let badBatches = Candidate(.badBatches, 0.05)
    if let collapse {
      let rate = collapse.rateAtJump.map { " at a learning rate of \(Format.number($0))" } ?? ""
      let reason = "the \(collapse.curveName) loss fell to \(Format.number(collapse.low)), then "
        + "jumped back to \(Format.number(collapse.level)) at \(position(collapse.jumpStep))\(rate)"
      if collapse.followsWarmup {
        warmup.add(0.85, reason + ", as warmup reached the peak")
      } else {
        highRate.add(0.45, reason)
      }
      tinyBatch.weight = 0.05
      smallEval.weight = 0
      return [highRate, tinyBatch, smallEval, warmup, badBatches]
    }
    let trainingOnly = erratic.isTrainingJumpy && !erratic.isValidationJumpy
    let validationOnly = erratic.isValidationJumpy && !erratic.isTrainingJumpy
    if erratic.isTrainingJumpy && erratic.isValidationJumpy {
      highRate.add(0.2, "both curves swing as much as they trend")
    }
    if trainingOnly {
      tinyBatch.add(0.3, "the training loss swings by about \(Format.percent(erratic.trainingSwing)) of its level while validation is smoother")
    }
    if validationOnly {
      smallEval.add(0.4, "validation loss swings by about \(Format.percent(erratic.validationSwing)) of its level while training is smooth")
      highRate.add(-0.25)
      tinyBatch.add(-0.15)
    }
    if let batch = s.batchSize {
      if batch <= T.tinyBatch {
        tinyBatch.add(validationOnly ? 0.1 : 0.45, "each update saw only \(batch) example\(batch == 1 ? "" : "s")")
      } else if batch >= 16 {
        tinyBatch.add(-0.2)
      }
    } else if !validationOnly {
      unknowns.append("the batch size")
    }
    if let rate = s.learningRate {
      if rate >= s.highRate {
        highRate.add(0.35, "the learning rate was \(Format.number(rate)), past the \(Format.number(s.highRate)) where \(s.optimizer ?? "the optimizer")'s updates usually overshoot")
        if let batch = s.batchSize, batch <= T.tinyBatch, rate < 4 * s.highRate { tinyBatch.add(0.1) }
      } else {
        highRate.add(-0.2)
      }
    } else if !validationOnly {
      unknowns.append("the learning rate")
    }
    if let n = s.evaluationSetSize {
      if n <= T.smallEvaluationSetForJitter {
        smallEval.add(validationOnly ? 0.35 : 0.1, "the evaluation set has about \(n) examples")
      } else if n >= 4 * T.smallEvaluationSetForJitter {
        smallEval.add(-0.3)
      }
    } else if validationOnly {
      unknowns.append("the evaluation-set size")
    }
    return [highRate, tinyBatch, smallEval, warmup, badBatches]
  }

  // MARK: Diverged

  private func divergedCauses(_ s: RunSettings, unknowns: inout [String]) -> [Candidate] {
    var highRate = Candidate(.highLearningRate, 0.6, ["the loss blew up"])
    var warmup = Candidate(.warmupInstability, 0.05)
    let badBatches = Candidate(.badBatches, 0.1)
    if let rate = s.learningRate {
      if rate >= s.highRate {
        highRate.add(0.3, "the learning rate was \(Format.number(rate))")
      }
    } else {
      unknowns.append("the learning rate")
    }
    let blowUp = curves.trainingLoss.nonFiniteSteps.first ?? curves.validationLoss.nonFiniteSteps.first
    if let schedule, schedule.hasWarmup, let blowUp,
      blowUp >= 0.5 * Double(schedule.peakStep), blowUp <= 2 * Double(schedule.peakStep)
    {
      warmup.add(0.7, "the loss blew up at \(position(Int(blowUp))), as warmup reached the peak rate")
      highRate.add(-0.2)
    }
    return [highRate, warmup, badBatches]
  }

  // MARK: Healthy

  private func healthyCauses() -> [Candidate] {
    if progress.isStillImproving {
      var reason = "the \(progress.curveName) loss was still falling at the end"
      if progress.flattensWithDecay { reason += " per unit of learning rate, though the decaying rate flattens it" }
      return [Candidate(.stillImproving, 0.85, [reason]), Candidate(.converged, 0.1)]
    }
    return [
      Candidate(.converged, 0.85, ["the \(progress.curveName) loss has levelled off"]),
      Candidate(.stillImproving, 0.1),
    ]
  }
}
