import CurveCore

/// The verdict sentence, written from the same numbers as the evidence.
extension CurveReading {
  func headline(for pattern: Pattern, diagnosis: Diagnosis) -> String {
    let prefix = diagnosis.isInProgress ? "So far, " : ""
    let sentence: String
    switch pattern {
    case .overfitting: sentence = overfittingSentence()
    case .underfitting: sentence = underfittingSentence(diagnosis)
    case .erratic: sentence = erraticSentence()
    case .healthy: sentence = healthySentence(diagnosis)
    case .diverged, .insufficientData: sentence = ""
    }
    let capitalized = prefix.isEmpty ? sentence.prefix(1).uppercased() + sentence.dropFirst() : sentence
    return prefix + capitalized
  }

  private func overfittingSentence() -> String {
    let analysis = overfitting
    if let onset = analysis.onset, analysis.rise >= T.overfitMinimumRelativeRise {
      return "overfitting: validation loss rose \(Format.percent(analysis.rise)) after its "
        + "minimum at \(position(onset.step)) (\(Format.number(analysis.minimum)) → "
        + "\(Format.number(analysis.endLevel))) while training loss kept falling."
    }
    if let gap = analysis.accuracyGapAtEnd {
      return "overfitting: training accuracy ends \(Format.points(gap)) above "
        + "validation accuracy and the gap keeps growing while validation loss has stopped improving."
    }
    return "overfitting: validation loss stopped improving while training loss kept falling."
  }

  private func underfittingSentence(_ diagnosis: Diagnosis) -> String {
    let curve = "\(fit.curveName) loss"
    var text = "underfitting: "
    if let ratio = fit.trivialRatio, let trivial = trivialLoss {
      text += "the \(curve) ends at \(Format.number(fit.end)), \(Format.percent(ratio)) of "
        + "\(baseline.trivialLossName ?? "the trivial loss") = \(Format.number(trivial)), the loss "
        + "of a model that ignores its input"
    } else if let accuracy = fit.accuracy, fit.level == .little {
      text += "\(fit.accuracyName) ends at \(Format.percent(accuracy)) and the \(curve) at "
        + Format.number(fit.end)
    } else {
      let movement = Self.movement(from: fit.start, to: fit.end)
      text += "the \(curve) \(movement.hasPrefix("fell") ? "fell only" + movement.dropFirst(4) : movement)"
    }
    if validation.count > 0, fit.curveName == "training" {
      text += ", validation loss at \(Format.number(validation.end))"
    }
    if fit.isCrawling || progress.isStillImproving {
      text += "; still creeping down."
    } else if let step = diagnosis.convergenceStep {
      text += "; level since \(position(step))."
    } else {
      text += "."
    }
    return text
  }

  private func erraticSentence() -> String {
    if let collapse {
      var text = "erratic: the \(collapse.curveName) loss fell to \(Format.number(collapse.low)) "
        + "by \(position(collapse.lowStep)), then jumped back to about \(Format.number(collapse.level)) "
        + "at \(position(collapse.jumpStep)) and stayed there"
      if collapse.followsWarmup, let rate = collapse.rateAtJump {
        text += ", as warmup brought the learning rate to \(Format.number(rate))"
      }
      return text + ": the run fell apart."
    }
    switch (erratic.isTrainingJumpy, erratic.isValidationJumpy) {
    case (true, true):
      return "erratic: both curves swing by about \(Format.percent(max(erratic.trainingSwing, erratic.validationSwing))) "
        + "of their level from one point to the next, as large as the trend itself."
    case (true, false):
      return "erratic: the training loss swings by about \(Format.percent(erratic.trainingSwing)) of "
        + "its level from one record to the next, while validation loss is smoother."
    default:
      return "erratic: validation loss swings by about \(Format.percent(erratic.validationSwing)) of "
        + "its level from one evaluation to the next, while training loss is smooth."
    }
  }

  private func healthySentence(_ diagnosis: Diagnosis) -> String {
    var parts: [String] = []
    if training.count >= 2 {
      parts.append("training loss " + Self.movement(from: training.start, to: training.end))
    }
    if validation.count >= 2 {
      let verb = Self.verb(from: validation.start, to: validation.end)
      let sameVerb = training.count >= 2 && verb != "stayed"
        && verb == Self.verb(from: training.start, to: training.end)
      let movement = Self.movement(from: validation.start, to: validation.end)
      parts.append("validation loss " + (sameVerb ? String(movement.dropFirst(verb.count + 1)) : movement))
    }
    var text = "healthy: " + parts.joined(separator: " and ")
    if let gap = endGap {
      if gap < 0 {
        text += ", with validation ending \(Format.number(-gap)) below training"
      } else if gap <= 0.3 * max(abs(validation.end), T.tinyScale) {
        text += ", with a small gap (\(Format.number(gap)))"
      } else {
        text += ", though validation ends \(Format.number(gap)) above training"
      }
    }
    if progress.flattensWithDecay, let schedule {
      text += "; the curves flatten as the learning rate decays to "
        + "\(Format.percent(schedule.finalShare)) of its peak, but the \(progress.curveName) loss "
        + "was still falling at \(position(progress.byRate?.startStep ?? 0))."
    } else if progress.isStillImproving {
      text += "; still improving at the end."
    } else if let step = diagnosis.convergenceStep {
      text += "; they level off from \(position(step))."
    } else {
      text += "."
    }
    return text
  }

  /// Validation minus training loss at the end, each taken as the level of its last stretch.
  var endGap: Double? {
    guard let trainingSide = trainingAtEvaluations, !trainingSide.isEmpty, validation.count > 0
    else { return nil }
    let edge = max(1, min(3, trainingSide.count / 8))
    let trainingEnd = RobustStatistics.median(Array(trainingSide.suffix(edge))) ?? trainingSide.last!
    return validation.end - trainingEnd
  }

  /// `fell`, `rose` or `stayed`, as the numbers say once printed.
  static func verb(from start: Double, to end: Double) -> String {
    let (a, b) = (Format.number(start), Format.number(end))
    return a == b ? "stayed" : end < start ? "fell" : "rose"
  }

  /// `fell from 0.7 to 0.2`, `rose from 0.2 to 0.7`, `stayed at 0.69`.
  static func movement(from start: Double, to end: Double) -> String {
    let verb = verb(from: start, to: end)
    return verb == "stayed"
      ? "stayed at \(Format.number(start))"
      : "\(verb) from \(Format.number(start)) to \(Format.number(end))"
  }
}
