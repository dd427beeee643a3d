import CurveCore

/// One pass over a run's curves: measures, scores each pattern, and assembles the diagnosis.
struct CurveReading {
  typealias T = DiagnosisThresholds

  let curves: RunCurves
  let log: TrainingLog
  let options: DiagnosisOptions
  let training: CurveProfile
  let validation: CurveProfile
  /// Loss on the training side at evaluation steps: the full-set loss when logged, otherwise
  /// the logged training loss interpolated at each evaluation step.
  let trainingAtEvaluations: [Double]?
  /// The loss of a model that ignores its input, when the log lets us know it.
  private(set) var trivialLoss: Double?
  /// Each pattern's measurements, computed once.
  private(set) var erratic = ErraticAnalysis()
  private(set) var overfitting = OverfittingAnalysis()
  private(set) var underfitting = UnderfittingAnalysis()

  init(curves: RunCurves, log: TrainingLog, options: DiagnosisOptions) {
    self.curves = curves
    self.log = log
    self.options = options
    let training = CurveProfile(curves.trainingLoss)
    let validation = CurveProfile(curves.validationLoss)
    self.training = training
    self.validation = validation
    if curves.trainingLossAtEvaluation.count == curves.validationLoss.count,
      !curves.trainingLossAtEvaluation.isEmpty
    {
      trainingAtEvaluations = curves.trainingLossAtEvaluation.values
    } else if training.count >= 2, !validation.series.isEmpty {
      trainingAtEvaluations = validation.steps.map {
        RobustStatistics.interpolate(x: training.steps, y: training.trend, at: $0)!
      }
    } else {
      trainingAtEvaluations = nil
    }
    // In dependency order: the erratic reading tempers the overfitting one.
    trivialLoss = computeTrivialLoss()
    erratic = computeErratic()
    overfitting = computeOverfitting()
    underfitting = computeUnderfitting()
  }

  // MARK: Assembly

  func diagnosis() -> Diagnosis {
    var result = Diagnosis(
      pattern: .insufficientData, confidence: 0, runnerUp: nil, headline: "", isInProgress: false,
      missing: [], evidence: [], findings: [], earlyStopping: nil, accuracySteps: nil,
      remedies: [], best: bestEvaluation(), overfittingOnset: nil, convergenceStep: nil)
    result.isInProgress = isInProgress
    result.accuracySteps = AccuracySteps.read(curves.validationAccuracy.values)
    result.earlyStopping = earlyStoppingOutcome()
    result.convergenceStep = convergenceStep()
    result.evidence = evidence(best: result.best, convergence: result.convergenceStep)
    result.findings = findings(accuracySteps: result.accuracySteps)

    if let missing = missingData() {
      result.missing = missing
      result.headline = "Not enough data to judge: " + missing.joined(separator: "; ") + "."
      result.remedies = [
        Remedy(
          action: .nothing,
          text: "Log more: training loss every few steps and an evaluation at least every epoch.")
      ]
      return result
    }
    if let divergence = divergence() {
      result.pattern = .diverged
      result.confidence = 0.95
      result.headline = divergence
      result.remedies = remedies(for: .diverged, diagnosis: result)
      return result
    }

    let scores = patternScores()
    let ranked = scores.sorted { $0.score > $1.score }
    let winner = ranked[0]
    result.pattern = winner.pattern
    if ranked.count > 1, winner.score - ranked[1].score <= T.runnerUpMargin, ranked[1].score > 0.3 {
      result.runnerUp = ranked[1].pattern
    }
    let margin = ranked.count > 1 ? winner.score - ranked[1].score : winner.score
    var confidence = min(0.99, 0.5 + margin * 0.6 + (winner.score - 0.5) * 0.4)
    if curves.validationLoss.count < T.evaluationsForFullConfidence {
      confidence = min(confidence, T.shortRunConfidenceCap)
    }
    result.confidence = max(0.3, confidence)
    if winner.pattern == .overfitting { result.overfittingOnset = overfitting.onset }
    result.headline = headline(for: winner.pattern, diagnosis: result)
    result.remedies = remedies(for: winner.pattern, diagnosis: result)
    return result
  }

  // MARK: Data sufficiency

  func missingData() -> [String]? {
    let trainingCount = training.count + curves.trainingLoss.nonFiniteSteps.count
    let validationCount = validation.count + curves.validationLoss.nonFiniteSteps.count
    if trainingCount == 0 && validationCount == 0 {
      return ["the log has no loss values, training or validation"]
    }
    if !curves.trainingLoss.nonFiniteSteps.isEmpty || !curves.validationLoss.nonFiniteSteps.isEmpty {
      return nil  // a NaN is a finding in itself
    }
    if training.count < T.minimumTrainingPoints && validation.count < T.minimumEvaluations {
      return [
        "only \(training.count) training-loss record\(training.count == 1 ? "" : "s") and "
          + "\(validation.count) evaluation\(validation.count == 1 ? "" : "s") "
          + "(at least \(T.minimumTrainingPoints) or \(T.minimumEvaluations) are needed)"
      ]
    }
    return nil
  }

  /// The log stops before its planned end, without having stopped early.
  var isInProgress: Bool {
    guard let planned = log.metadata.maxSteps, let last = log.lastStep else { return false }
    let stoppedEarly = log.metadata.bestCheckpoint?.stoppedEarly ?? false
    return last < planned && log.metadata.summary == nil && !stoppedEarly
  }

  // MARK: Divergence

  /// A sentence when the run diverged, otherwise `nil`.
  func divergence() -> String? {
    if let step = curves.trainingLoss.nonFiniteSteps.first {
      return "Diverged: the training loss became NaN or infinite at step \(Int(clamping: step))."
    }
    if let step = curves.validationLoss.nonFiniteSteps.first {
      return "Diverged: the validation loss became NaN or infinite at step \(Int(clamping: step))."
    }
    if training.count >= T.minimumTrainingPoints,
      let lowIndex = training.trend.indices.min(by: { training.trend[$0] < training.trend[$1] }),
      lowIndex < training.count - 2
    {
      let low = training.trend[lowIndex]
      let end = training.end
      let climb = RobustStatistics.mannKendallZ(Array(training.values[lowIndex...]))
      if end > T.explosionFactor * max(training.start, low) && climb >= T.explosionTrendZ {
        return "Diverged: the training loss climbed from \(Format.number(low)) at "
          + "\(position(Int(clamping: training.steps[lowIndex]))) to \(Format.number(end)) and kept rising."
      }
    }
    return nil
  }
}
