public import CurveCore

/// Plain, explicit checks that a simulated run shows the pattern its scenario promises.
///
/// These are the simulator's own acceptance tests, written without the diagnosis engine so the
/// two can check each other. Each reads the evaluation curves (validation loss, and the loss on
/// the whole training set at the same steps) and the logged training loss, and returns the
/// measured figures with a pass or fail.
public enum PatternCheck {
  /// The outcome of one check: whether it passed, and the figures behind the answer.
  public struct Outcome: Sendable, Equatable, CustomStringConvertible {
    /// Whether the run shows the pattern.
    public var passed: Bool
    /// The measured figures, by name, in the order they were computed.
    public var figures: [(String, Double)]
    /// The first failed condition, when one failed.
    public var failure: String?

    /// Compares pass/fail and failure text only; figures are diagnostics.
    public static func == (a: Outcome, b: Outcome) -> Bool {
      a.passed == b.passed && a.failure == b.failure
    }

    /// `pass (gap 0.03, ...)` or `fail: <reason> (...)`.
    public var description: String {
      let numbers = figures.map { "\($0.0) \(formatted($0.1))" }.joined(separator: ", ")
      return (passed ? "pass" : "fail: \(failure ?? "")") + " (\(numbers))"
    }
  }

  /// Checks `log` against the pattern of `scenario`.
  ///
  /// - Parameter reference: for underfitting, the log of a healthy run on the same data, whose
  ///   losses the underfit run must stay far above.
  public static func check(_ log: TrainingLog, shows scenario: Scenario, reference: TrainingLog? = nil)
    -> Outcome
  {
    switch scenario {
    case .healthy: healthy(log)
    case .overfitting: overfitting(log)
    case .underfitting: underfitting(log, reference: reference)
    case .erratic: erratic(log)
    case .diverged: diverged(log)
    }
  }

  // MARK: Thresholds

  /// Overfitting: the validation minimum must come in the first 70% of evaluations...
  static let overfitLatestMinimum = 0.7
  /// ...validation loss must end at least 15% above that minimum...
  static let overfitMinimumRise = 0.15
  /// ...and the training loss must have fallen to at most 70% of its value at the minimum.
  static let overfitTrainingFall = 0.7
  /// The rise must also take this share of what the model learned (from ln 2 down to the
  /// minimum): on a chart whose axis spans the fall, a smaller rise looks flat.
  static let overfitRiseOfFall = 0.12
  /// Validation loss rises without jumping (roughness, see ``erraticRoughness``, below this):
  /// a run whose validation swings as it climbs shows instability as much as overfitting.
  static let overfitRoughness = 0.035
  /// Underfitting: both best losses must exceed the healthy run's by at least this much (nats).
  static let underfitMargin = 0.15
  /// Underfitting, flat early: the second half of the run moves the loss less than this share
  /// of the trivial predictor's loss (ln 2).
  static let underfitLateChange = 0.15
  /// Erratic: typical distance from a running median, relative to the curve's median level.
  /// Healthy runs stay below 0.02; runs of the erratic preset mostly swing by 10% to 40%.
  /// It is the validation curve that must swing, the curve a run is judged by: tiny batches
  /// shake the logged training loss more, but a jumpy training loss beside a steady
  /// validation curve is noise, not instability.
  static let erraticRoughness = 0.08
  /// Erratic runs stay in a realistic range: no loss above this multiple of ln 2 (the loss of
  /// a coin flip), the way real unstable runs swing around a level near chance.
  static let erraticLossCeiling = 6.0
  /// Diverged: a loss above this (in nats, about 150 times ln 2) has blown up, finite or not;
  /// no learning run of a binary task comes near it.
  static let divergedLoss = 100.0
  /// Healthy: both losses end below this share of the untrained model's loss (ln 2)...
  static let healthyFall = 0.6
  /// ...the final gap is at most this share of the untrained model's loss...
  static let healthyGap = 0.15
  /// ...the last fifth of the run moves validation loss by at most this share of its fall...
  static let healthyEndMovement = 0.15
  /// ...and the roughness (see ``erraticRoughness``) of validation loss stays below this.
  static let healthyRoughness = 0.05

  // MARK: Checks

  static func overfitting(_ log: TrainingLog) -> Outcome {
    let curves = Curves(log)
    guard curves.count >= 5 else { return .insufficient }
    let best = curves.validation.indices.min { curves.validation[$0] < curves.validation[$1] }!
    let position = Double(best) / Double(curves.count - 1)
    let rise = curves.validation.last! / curves.validation[best] - 1
    let trainingRatio = curves.training.last! / max(curves.training[best], 1e-12)
    let fall = log2Nats - curves.validation[best]
    let riseOfFall = fall > 0 ? (curves.validation.last! - curves.validation[best]) / fall : 0
    let validationRoughness = roughness(curves.validation)
    return Outcome.judging(
      [("minimum at", position), ("rise", rise), ("rise / fall", riseOfFall),
       ("training ratio", trainingRatio), ("roughness", validationRoughness)],
      [
        (fall > 0, "validation loss never falls below chance (ln 2)"),
        (position <= overfitLatestMinimum, "validation minimum comes too late"),
        (rise >= overfitMinimumRise, "validation loss does not rise enough after its minimum"),
        (riseOfFall >= overfitRiseOfFall, "the rise is small beside the fall before it"),
        (trainingRatio <= overfitTrainingFall, "training loss does not keep falling"),
        (validationRoughness < overfitRoughness, "validation loss is jumpy"),
      ])
  }

  static func underfitting(_ log: TrainingLog, reference: TrainingLog?) -> Outcome {
    let curves = Curves(log)
    guard curves.count >= 4, let reference else { return .insufficient }
    let healthy = Curves(reference)
    guard healthy.count >= 1 else { return .insufficient }
    let validationExcess = curves.validation.min()! - healthy.validation.min()!
    let trainingExcess = curves.training.min()! - healthy.training.min()!
    let half = curves.count / 2
    let lateChange =
      max(
        abs(curves.validation[half] - curves.validation.last!),
        abs(curves.training[half] - curves.training.last!)) / log2Nats
    return Outcome.judging(
      [("validation excess", validationExcess), ("training excess", trainingExcess),
       ("late change", lateChange)],
      [
        (validationExcess >= underfitMargin, "validation loss gets close to a healthy run's"),
        (trainingExcess >= underfitMargin, "training loss gets close to a healthy run's"),
        (lateChange <= underfitLateChange, "the losses are still moving a lot late in the run"),
      ])
  }

  static func erratic(_ log: TrainingLog) -> Outcome {
    let curves = Curves(log)
    let logged = log.trainingEntries.map(\.loss).filter(\.isFinite)
    guard curves.count >= 6 else { return .insufficient }
    let validationRoughness = roughness(curves.validation)
    let trainingRoughness = roughness(logged)
    let largest = largestLoss(in: log) / log2Nats
    return Outcome.judging(
      [("validation roughness", validationRoughness), ("training roughness", trainingRoughness),
       ("largest loss / ln 2", largest)],
      [
        (validationRoughness >= erraticRoughness, "validation loss is too smooth"),
        (largest <= erraticLossCeiling, "a loss leaves the realistic range (over 6 x ln 2)"),
      ])
  }

  static func diverged(_ log: TrainingLog) -> Outcome {
    let losses = allLosses(in: log)
    guard !losses.isEmpty else { return .insufficient }
    let nonFinite = losses.filter { !$0.isFinite }.count
    let largest = largestLoss(in: log)
    return Outcome.judging(
      [("non-finite values", Double(nonFinite)), ("largest finite loss", largest)],
      [(nonFinite > 0 || largest > divergedLoss, "the loss never blows up")])
  }

  /// Every loss the log holds: logged training losses, validation and training-set losses.
  static func allLosses(in log: TrainingLog) -> [Double] {
    log.trainingEntries.map(\.loss)
      + log.evaluationEntries.flatMap { [$0.loss, $0.trainingLoss].compactMap { $0 } }
  }

  /// The largest finite loss in the log (0 when there is none): logged training losses,
  /// validation and training-set losses.
  public static func largestLoss(in log: TrainingLog) -> Double {
    allLosses(in: log).filter(\.isFinite).max() ?? 0
  }

  static func healthy(_ log: TrainingLog) -> Outcome {
    let curves = Curves(log)
    guard curves.count >= 5 else { return .insufficient }
    let v = curves.validation
    let t = curves.training
    let validationFall = v.last! / log2Nats
    let trainingFall = t.last! / log2Nats
    let drop = max(v[0] - v.min()!, 1e-12)
    let gap = (v.last! - t.last!) / log2Nats
    let tail = v.suffix(max(2, v.count / 5))
    let endMovement = (tail.max()! - tail.min()!) / drop
    let validationRoughness = roughness(v)
    return Outcome.judging(
      [("validation fall", validationFall), ("training fall", trainingFall), ("gap", gap),
       ("end movement", endMovement), ("roughness", validationRoughness)],
      [
        (validationFall <= healthyFall, "validation loss does not fall enough"),
        (trainingFall <= healthyFall, "training loss does not fall enough"),
        (gap <= healthyGap, "the gap between training and validation loss is large"),
        (endMovement <= healthyEndMovement, "validation loss is still moving at the end"),
        (validationRoughness < healthyRoughness, "validation loss is jumpy"),
      ])
  }

  // MARK: Helpers

  static let log2Nats = 0.693_147_180_559_945_3

  /// Median distance of each point from the median of its five neighbours, over the median
  /// level of the curve: about 0 for a smooth curve, 0.1 for one that swings by 10%.
  static func roughness(_ values: [Double]) -> Double {
    guard values.count >= 5 else { return 0 }
    var deviations: [Double] = []
    for index in values.indices {
      let window = values[max(0, index - 2)...min(values.count - 1, index + 2)]
      deviations.append(abs(values[index] - median(Array(window))))
    }
    let level = median(values)
    return level > 0 ? median(deviations) / level : 0
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// The evaluation curves with any non-finite point dropped.
  struct Curves {
    var validation: [Double] = []
    var training: [Double] = []
    var count: Int { validation.count }

    init(_ log: TrainingLog) {
      for entry in log.evaluationEntries {
        guard let v = entry.loss, let t = entry.trainingLoss, v.isFinite, t.isFinite else {
          continue
        }
        validation.append(v)
        training.append(t)
      }
    }
  }
}

extension PatternCheck.Outcome {
  static let insufficient = Self(passed: false, figures: [], failure: "too few evaluations")

  static func judging(_ figures: [(String, Double)], _ conditions: [(Bool, String)]) -> Self {
    let failed = conditions.first { !$0.0 }
    return Self(passed: failed == nil, figures: figures, failure: failed?.1)
  }
}

private func formatted(_ value: Double) -> String {
  let rounded = (value * 1000).rounded() / 1000
  return "\(rounded)"
}
