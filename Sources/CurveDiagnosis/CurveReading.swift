import CurveCore

/// One pass over a run's curves: measures, scores each pattern, weighs the causes, and
/// assembles the diagnosis.
///
/// Every sentence of the report is written from the measurements made here, once: the headline,
/// the evidence, the findings and the remedies quote the same numbers.
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
  /// What a model that ignores its input would score, as far as the log shows.
  let baseline: TaskBaseline
  /// The learning-rate schedule, when the log records the rate.
  let schedule: ScheduleReading?
  /// Training time in summed learning rate, when the log records the rate.
  let clock: RateClock?
  /// How validation accuracy moves: in steps of 1/N when it counts N examples.
  let accuracySteps: AccuracySteps?
  /// What the engine changed in the log before reading it (accuracy in percent).
  let unitNotes: [String]
  /// Each measurement, computed once, in dependency order.
  private(set) var erratic = ErraticAnalysis()
  private(set) var collapse: CollapseAnalysis?
  private(set) var overfitting = OverfittingAnalysis()
  private(set) var fit = FitAnalysis()
  private(set) var progress = ProgressAnalysis()

  init(curves: RunCurves, log: TrainingLog, options: DiagnosisOptions, unitNotes: [String] = []) {
    self.curves = curves
    self.log = log
    self.options = options
    self.unitNotes = unitNotes
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
    baseline = TaskBaseline(log: log, curves: curves)
    accuracySteps = AccuracySteps.read(curves.validationAccuracy.values)
    let schedule = ScheduleReading(rates: curves.learningRates)
    self.schedule = schedule
    clock = schedule.flatMap { RateClock(rates: curves.learningRates, warmsUp: $0.hasWarmup) }
    erratic = computeErratic()
    collapse = computeCollapse()
    overfitting = computeOverfitting()
    if collapse == nil, let climb = bothClimbed() {
      // A training loss that itself climbed back up is instability, not memorization.
      collapse = climb
      overfitting.score = min(overfitting.score, 0.4)
    }
    progress = computeProgress()
    fit = computeFit()
  }

  /// The loss of predicting without looking at the input, when the log lets us know it.
  var trivialLoss: Double? { baseline.trivialLoss }

  // MARK: Assembly

  func diagnosis() -> Diagnosis {
    var result = Diagnosis(
      pattern: .insufficientData, confidence: 0, runnerUp: nil, headline: "", isInProgress: false,
      missing: [], evidence: [], findings: [], earlyStopping: nil, accuracySteps: nil,
      remedies: [], best: bestEvaluation(), overfittingOnset: nil, convergenceStep: nil)
    result.baseline = baseline
    result.schedule = schedule
    result.validationNoise = validation.count >= 5 ? validation.noise : nil
    result.isInProgress = isInProgress
    result.accuracySteps = accuracySteps
    result.earlyStopping = earlyStoppingOutcome()
    result.convergenceStep = convergenceStep()
    result.findings = findings(accuracySteps: result.accuracySteps)

    if let missing = missingData() {
      result.evidence = evidence(best: result.best, convergence: result.convergenceStep)
      result.missing = missing
      result.headline = "Not enough data to judge: " + missing.joined(separator: "; ") + "."
      result.remedies = [
        Remedy(
          action: .nothing,
          text: "Log more: training loss every few steps and an evaluation at least every epoch.")
      ]
      return result
    }
    if isSingleMetric {
      return singleMetricDiagnosis(result)
    }
    if let divergence = divergence() {
      result.pattern = .diverged
      result.confidence = 0.95
      result.headline = divergence.sentence
      result.evidence = evidence(best: result.best, convergence: result.convergenceStep)
      result.evidence.insert(divergence.evidence, at: 0)
      return withCauses(result)
    }

    // Validation loss climbing with no training curve beside it: overfitting if training kept
    // falling, instability if it did not; the log cannot say which.
    if trainingAtEvaluations == nil, overfitting.isSignificant, overfitting.isPersistent,
      collapse == nil, !erratic.isValidationJumpy
    {
      result.evidence = evidence(best: result.best, convergence: result.convergenceStep)
      result.missing = [
        "a training curve: validation loss rose \(Format.percent(overfitting.rise)) from its "
          + "minimum, which is overfitting if training loss kept falling and instability if it did not"
      ]
      result.headline = "Not enough data to judge: " + result.missing[0] + "."
      result.remedies = [
        Remedy(
          action: .nothing,
          text: "Log the training loss beside the validation loss; meanwhile keep the best checkpoint.")
      ]
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
    if !baseline.isKnown && (winner.pattern == .healthy || winner.pattern == .underfitting) {
      confidence = min(confidence, T.unknownBaselineConfidenceCap)
    }
    if winner.pattern == .healthy, isEndGapWide {
      confidence = min(confidence, T.wideGapHealthyConfidenceCap)
      if result.runnerUp == nil { result.runnerUp = .overfitting }
    }
    result.confidence = max(0.3, confidence)
    if winner.pattern == .overfitting { result.overfittingOnset = overfitting.onset }
    // A run whose curve is still falling (per unit of learning rate, when the rate is logged)
    // has not levelled off, whatever its last few points look like.
    if progress.isStillImproving || (winner.pattern == .underfitting && fit.isCrawling) {
      result.convergenceStep = nil
    }
    result.evidence = evidence(best: result.best, convergence: result.convergenceStep)
    result.headline = headline(for: winner.pattern, diagnosis: result)
    return withCauses(result)
  }

  /// The causes weighed and the remedies ranked for the pattern already chosen.
  private func withCauses(_ diagnosis: Diagnosis) -> Diagnosis {
    var result = diagnosis
    let weighed = causes(for: result.pattern)
    result.causes = weighed.assessments
    result.unknowns = weighed.unknowns
    result.remedies = remedies(for: result.pattern, diagnosis: result)
    return result
  }

  // MARK: Data sufficiency

  func missingData() -> [String]? {
    let trainingCount = training.count + curves.trainingLoss.nonFiniteSteps.count
    let validationCount = validation.count + curves.validationLoss.nonFiniteSteps.count
    if trainingCount == 0 && validationCount == 0 {
      if curves.monitored.count + curves.monitored.nonFiniteSteps.count >= T.minimumEvaluations
        && options.monitor.name != MonitoredMetric.validationLoss.name
      {
        return nil  // one metric alone: read as a single curve
      }
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
}
