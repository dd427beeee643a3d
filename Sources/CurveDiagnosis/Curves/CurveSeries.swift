import CurveCore

/// One curve of a log: its finite points in step order, and where it was not finite.
struct CurveSeries: Sendable, Equatable {
  /// Positions along the run (steps, or epochs when the log counts epochs).
  var steps: [Double] = []
  /// The finite values at those positions.
  var values: [Double] = []
  /// Steps where the logged value was NaN or infinite, in order.
  var nonFiniteSteps: [Double] = []

  var count: Int { values.count }
  var isEmpty: Bool { values.isEmpty }

  /// Builds a series from `(step, value)` pairs, sorted by step; a repeated step keeps its last
  /// value (a duplicated final evaluation counts once).
  init(_ points: [(step: Int, value: Double?)]) {
    // Logs are almost always in step order already; sort only when they are not.
    var present = points.compactMap { point in point.value.map { (step: point.step, value: $0) } }
    if zip(present, present.dropFirst()).contains(where: { $0.step > $1.step }) {
      present = present.enumerated().sorted {
        ($0.element.step, $0.offset) < ($1.element.step, $1.offset)
      }.map(\.element)
    }
    for (index, point) in present.enumerated() {
      if index + 1 < present.count && present[index + 1].step == point.step { continue }
      if point.value.isFinite {
        steps.append(Double(point.step))
        values.append(point.value)
      } else {
        nonFiniteSteps.append(Double(point.step))
      }
    }
  }

  init() {}
}

/// The curves of a log that the engine reads.
struct RunCurves: Sendable {
  var trainingLoss: CurveSeries
  var validationLoss: CurveSeries
  var validationAccuracy: CurveSeries
  var trainingAccuracy: CurveSeries
  /// Loss on the whole training set at evaluation time, when the log has it.
  var trainingLossAtEvaluation: CurveSeries
  /// The monitored metric for early stopping.
  var monitored: CurveSeries
  /// Steps of every evaluation, in order, including ones without the monitored metric.
  var evaluationSteps: [Int]
  /// The monitored value at each evaluation (`nil` when missing), in the same order.
  var monitoredByEvaluation: [Double?]
  /// Learning rates, for the warmup check.
  var learningRates: CurveSeries

  init(_ log: TrainingLog, monitor: MonitoredMetric) {
    let evaluations = log.evaluationEntries.sorted { $0.step < $1.step }
    trainingLoss = CurveSeries(log.trainingEntries.map { ($0.step, $0.loss) })
    validationLoss = CurveSeries(evaluations.map { ($0.step, $0.loss) })
    validationAccuracy = CurveSeries(evaluations.map { ($0.step, $0.accuracy) })
    trainingAccuracy = CurveSeries(evaluations.map { ($0.step, $0.trainingAccuracy) })
    trainingLossAtEvaluation = CurveSeries(evaluations.map { ($0.step, $0.trainingLoss) })
    learningRates = CurveSeries(log.trainingEntries.map { ($0.step, $0.learningRate) })
    // One value per evaluation step: a duplicated final evaluation counts once.
    var seen = Set<Int>()
    var steps: [Int] = []
    var values: [Double?] = []
    for entry in evaluations.reversed() where seen.insert(entry.step).inserted {
      steps.append(entry.step)
      values.append(monitor.value(in: entry))
    }
    evaluationSteps = steps.reversed()
    monitoredByEvaluation = values.reversed()
    monitored = CurveSeries(zip(evaluationSteps, monitoredByEvaluation).map { ($0, $1) })
  }
}

/// Which evaluation metric ranks checkpoints and drives early stopping.
public struct MonitoredMetric: Sendable, Equatable, CustomStringConvertible {
  /// The metric's name as logs write it: `eval_loss`, `eval_accuracy`, `eval_f1`.
  public var name: String
  /// Whether larger values are better (accuracy, F1) or smaller (loss, WER).
  public var greaterIsBetter: Bool
  /// The name exactly as given, looked up first: a log's metric keeps its spelling
  /// (`test FID_B`), which the normalised ``name`` loses.
  var spelling: String

  /// Validation loss, lower is better (the Trainer's default).
  public static let validationLoss = MonitoredMetric(name: "eval_loss", greaterIsBetter: false)

  /// Creates a metric; when `greaterIsBetter` is `nil` it is guessed from the name (losses and
  /// error rates lower, everything else higher), as `metric_for_best_model` users expect.
  public init(name: String, greaterIsBetter: Bool? = nil) {
    var normalized = name.lowercased()
    if !normalized.hasPrefix("eval_") && normalized != "loss" && normalized != "accuracy" {
      normalized = "eval_" + normalized
    }
    if normalized == "loss" { normalized = "eval_loss" }
    if normalized == "accuracy" { normalized = "eval_accuracy" }
    self.name = normalized
    self.spelling = name
    let lowerIsBetter = ["loss", "wer", "cer", "error", "perplexity", "mae", "mse", "rmse"]
      .contains { normalized.hasSuffix($0) }
    self.greaterIsBetter = greaterIsBetter ?? !lowerIsBetter
  }

  /// The metric's value in an evaluation, if it has it.
  func value(in entry: EvaluationEntry) -> Double? {
    switch name {
    case "eval_loss": entry.loss
    case "eval_accuracy": entry.accuracy
    default:
      entry.metrics[spelling] ?? entry.metrics[name]
        ?? entry.metrics[String(name.dropFirst("eval_".count))]
    }
  }

  /// `eval_loss (lower is better)`.
  public var description: String {
    "\(name) (\(greaterIsBetter ? "higher" : "lower") is better)"
  }
}
