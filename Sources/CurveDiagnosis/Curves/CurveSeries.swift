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
  /// A validation metric that, like accuracy, runs from 0 (nothing right) to 1 (all right),
  /// when the log has no accuracy: F1, mAP50, AUC, IoU... Named as in the log.
  var validationScore: CurveSeries
  var validationScoreName: String?

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
    validationScoreName = Self.scoreMetric(in: evaluations)
    validationScore = validationScoreName.map { name in
      CurveSeries(evaluations.map { ($0.step, $0.metrics[name]) })
    } ?? CurveSeries()
  }

  /// The bounded, higher-is-better metric that says most about how much a model got right:
  /// F1, then mAP at 0.5 IoU, then any mAP, AUC, IoU, Dice. Only metrics whose values all lie
  /// in 0...1 and that are not training-side; `nil` when there is none.
  private static func scoreMetric(in evaluations: [EvaluationEntry]) -> String? {
    var names = Set<String>()
    for entry in evaluations { names.formUnion(entry.metrics.keys) }
    let ranked: [(String) -> Bool] = [
      { $0.contains("f1") },
      { $0.contains("map50") && !$0.contains("95") },
      { $0.contains("map") },
      { $0.contains("auc") },
      { $0.contains("iou") },
      { $0.contains("dice") },
    ]
    for matches in ranked {
      for name in names.sorted() {
        let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
        guard matches(key), !key.hasPrefix("train"), !key.contains("test") else { continue }
        let values = evaluations.compactMap { $0.metrics[name] }.filter(\.isFinite)
        if values.count >= 2, values.allSatisfy({ (0...1).contains($0) }) { return name }
      }
    }
    return nil
  }
}

/// Which evaluation metric ranks checkpoints and drives early stopping.
public struct MonitoredMetric: Sendable, Equatable, CustomStringConvertible {
  /// The metric's name as logs write it: `eval_loss`, `eval_accuracy`, `eval_f1`, `test FID_B`.
  public var name: String
  /// Whether larger values are better (accuracy, F1) or smaller (loss, WER).
  public var greaterIsBetter: Bool

  /// Validation loss, lower is better (the Trainer's default).
  public static let validationLoss = MonitoredMetric(name: "eval_loss", greaterIsBetter: false)

  /// Creates a metric; when `greaterIsBetter` is `nil` it is inferred from the name (see
  /// ``isLowerBetter(_:)``), as `metric_for_best_model` users expect.
  ///
  /// A bare Trainer-style name gets the `eval_` prefix the Trainer adds (`f1` → `eval_f1`);
  /// names with spaces, slashes or another split's prefix (`test FID_B`, `val/ssim`) are kept
  /// as written.
  ///
  /// ```swift
  /// MonitoredMetric(name: "test FID_B").greaterIsBetter   // false
  /// MonitoredMetric(name: "f1").name                      // "eval_f1"
  /// ```
  public init(name: String, greaterIsBetter: Bool? = nil) {
    var normalized = name
    let lowered = name.lowercased()
    if lowered == "loss" || lowered == "eval_loss" {
      normalized = "eval_loss"
    } else if lowered == "accuracy" || lowered == "eval_accuracy" {
      normalized = "eval_accuracy"
    } else if Self.isBareIdentifier(name) {
      normalized = "eval_" + name
    }
    self.name = normalized
    self.greaterIsBetter = greaterIsBetter ?? !Self.isLowerBetter(normalized)
  }

  /// Whether smaller values of the metric `name` are better, from the words in it: losses,
  /// errors and distances (loss, error, WER, CER, FID, KID, perplexity, MAE, MSE, RMSE, NLL,
  /// LPIPS) are; accuracy, F1, AUC, SSIM, PSNR, BLEU, ROUGE, mAP, IoU, precision and recall,
  /// and anything unrecognised, are not.
  public static func isLowerBetter(_ name: String) -> Bool {
    let words = words(of: name)
    let lower = ["loss", "error", "err", "wer", "cer", "ter", "fid", "kid", "perplexity", "ppl",
      "mae", "mse", "rmse", "nll", "lpips", "distance", "dist", "bpc", "bpb", "cost"]
    let higher = ["accuracy", "acc", "f1", "auc", "auroc", "roc", "ssim", "psnr", "bleu", "rouge",
      "map", "iou", "miou", "dice", "precision", "recall", "r2", "em", "exact", "top1", "top5",
      "mcc", "kappa", "meteor", "chrf", "sacrebleu", "score", "fitness"]
    for word in words.reversed() {
      if lower.contains(word) || lower.contains(where: { word.hasSuffix($0) && word.count > $0.count + 1 && $0.count >= 3 }) {
        return true
      }
      if higher.contains(word) || ["rouge", "map", "top", "acc", "bleu"].contains(where: { word.hasPrefix($0) }) {
        return false
      }
    }
    return false
  }

  /// Lowercased runs of letters and digits: `test FID_B` → `test`, `fid`, `b`.
  private static func words(of name: String) -> [String] {
    var words: [String] = []
    var current = ""
    for character in name.lowercased() {
      if character.isLetter || character.isNumber {
        current.append(character)
      } else if !current.isEmpty {
        words.append(current)
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  private static func isBareIdentifier(_ name: String) -> Bool {
    let lowered = name.lowercased()
    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return false }
    return !["eval_", "val_", "valid_", "validation_", "test_", "train_", "training_"]
      .contains { lowered.hasPrefix($0) }
  }

  /// The metric's value in an evaluation, if it has it: by its name, then ignoring case and
  /// the `eval_` prefix.
  func value(in entry: EvaluationEntry) -> Double? {
    switch name {
    case "eval_loss": return entry.loss
    case "eval_accuracy": return entry.accuracy
    default: break
    }
    if let value = entry.metrics[name] { return value }
    let wanted = Self.key(name)
    for key in entry.metrics.keys.sorted() where Self.key(key) == wanted {
      return entry.metrics[key]
    }
    return nil
  }

  private static func key(_ name: String) -> String {
    let lowered = name.lowercased()
    return lowered.hasPrefix("eval_") ? String(lowered.dropFirst(5)) : lowered
  }

  /// `eval_loss (lower is better)`.
  public var description: String {
    "\(name) (\(greaterIsBetter ? "higher" : "lower") is better)"
  }
}
