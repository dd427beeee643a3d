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
      let warmup = collapse.followsWarmup
        ? collapse.rateAtJump.map { ", as warmup brought the learning rate to \(Format.number($0))" } ?? ""
        : ""
      switch collapse.course {
      case .stayed:
        return "erratic: the \(collapse.curveName) loss fell to \(Format.number(collapse.low)) "
          + "by \(position(collapse.lowStep)), then jumped back to about \(Format.number(collapse.level)) "
          + "at \(position(collapse.jumpStep)) and stayed there\(warmup): the run fell apart."
      case .recovered:
        let end = collapse.end ?? collapse.low
        let against = Format.number(end) == Format.number(collapse.low)
          ? "back at its earlier low" : end < collapse.low ? "below its earlier low" : "above its earlier low"
        return "erratic: the \(collapse.curveName) loss fell to \(Format.number(collapse.low)) "
          + "by \(position(collapse.lowStep)), then jumped back to about \(Format.number(collapse.level)) "
          + "at \(position(collapse.jumpStep))\(warmup); it only came back down from "
          + "\(position(collapse.recoveryStep ?? collapse.jumpStep)) and ends at \(Format.number(end)), "
          + "\(against): the run recovered, but it fell apart on the way."
      case .bothClimbed:
        var text = "erratic: training and validation loss both climbed back after their minimum "
          + "and stayed up: training from \(Format.number(collapse.low)) at \(position(collapse.lowStep)) "
          + "to about \(Format.number(collapse.level))"
        if let low = collapse.validationLow, let level = collapse.validationLevel {
          text += ", validation from \(Format.number(low)) to about \(Format.number(level))"
        }
        return text + "\(warmup); overfitting never raises the training loss: "
          + "the updates became unstable."
      }
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
        + "its level from one evaluation to the next, "
        + (training.count < T.minimumTrainingPoints
          ? "and the log has no training curve to read the run by instead."
          : "while training loss is smooth.")
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
      let against = gapTrainingReference
      if gap < 0 {
        text += ", with validation ending \(Format.number(-gap)) below \(against ?? "training")"
      } else if gap <= 0.3 * max(abs(validation.end), T.tinyScale) {
        text += against.map { ", with validation a small \(Format.number(gap)) above \($0)" }
          ?? ", with a small gap (\(Format.number(gap)))"
      } else {
        text += ", though validation ends \(Format.number(gap)) above \(against ?? "training")"
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

  /// The training level the end gap is measured from: the full-set training loss at the
  /// evaluations when the log records one (the fair match for validation), otherwise the end
  /// level of the logged training curve, the very number the headline and the evidence print
  /// beside validation's, so the gap is always the difference of the two printed levels.
  var gapTrainingEnd: (level: Double, isAtEvaluations: Bool)? {
    guard validation.count > 0 else { return nil }
    let atEvaluations = curves.trainingLossAtEvaluation
    if atEvaluations.count == curves.validationLoss.count, !atEvaluations.isEmpty {
      let values = atEvaluations.values
      let edge = max(1, min(3, values.count / 8))
      return (RobustStatistics.median(Array(values.suffix(edge))) ?? values.last!, true)
    }
    return training.count >= 2 ? (training.end, false) : nil
  }

  /// Validation minus training loss at the end, each taken as the level of its last stretch.
  var endGap: Double? { gapTrainingEnd.map { validation.end - $0.level } }

  /// The end gap is wide: validation ends above training by more than 30% of its own level
  /// (where the headline says "though validation ends ... above training") and by at least
  /// ``DiagnosisThresholds/wideGapShareOfScale`` of the largest validation level, so two losses
  /// that both reached near 0 (0.023 beside 0.013, after starting at 0.32) are not a wide gap.
  var isEndGapWide: Bool {
    guard let gap = endGap else { return false }
    return gap > 0.3 * max(abs(validation.end), T.tinyScale) && gap >= T.wideGapShareOfScale * validation.scale
  }

  /// "the training loss measured at the evaluations (0.09)" when the gap's training level is
  /// not the one the headline printed for the training curve; `nil` otherwise.
  private var gapTrainingReference: String? {
    guard let reference = gapTrainingEnd, reference.isAtEvaluations,
      Format.number(reference.level) != Format.number(training.end)
    else { return nil }
    return "the training loss measured at the evaluations (\(Format.number(reference.level)))"
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
