public import CurveCore
public import CurveExercises

/// A checkable statement about what a change does to a run, compared with the same run without
/// the change: `final-val-loss:lower`, `swing:lower`.
///
/// Predictions in lessons carry claims for their right answer, and `curvelab check` verifies
/// them on the run the lesson shows and on ordinary seeds of the same setup, so a lesson never
/// keys a prediction on a lucky run.
///
/// ```swift
/// let claim = try RunClaim(text: "final-val-loss:lower")
/// claim.holds(changed: remedied.log, baseline: baseline.log)  // true
/// ```
public struct RunClaim: Sendable, Equatable, CustomStringConvertible {
  /// What is measured on each run.
  public enum Measure: String, Sendable, CaseIterable {
    /// The validation loss at the last evaluation.
    case finalValidationLoss = "final-val-loss"
    /// The lowest validation loss of the run.
    case bestValidationLoss = "best-val-loss"
    /// How far validation loss ends above its lowest point.
    case validationLossClimb = "val-loss-climb"
    /// The validation accuracy at the last evaluation.
    case finalValidationAccuracy = "final-val-accuracy"
    /// The step training ended at.
    case steps
    /// The mean change in validation loss from one evaluation to the next.
    case swing
  }

  /// Which way the changed run differs.
  public enum Direction: String, Sendable, CaseIterable {
    case lower, higher
  }

  /// The measure.
  public var measure: Measure
  /// The direction the change moves it.
  public var direction: Direction

  /// Reads `measure:direction`.
  public init(text: String) throws(RunRecipe.Problem) {
    let parts = text.split(separator: ":").map(String.init)
    guard parts.count == 2, let measure = Measure(rawValue: parts[0]),
      let direction = Direction(rawValue: parts[1])
    else {
      throw RunRecipe.Problem(
        message: "expect=\(text): expected MEASURE:lower or MEASURE:higher, with MEASURE one of "
          + Measure.allCases.map(\.rawValue).joined(separator: ", "))
    }
    self.measure = measure
    self.direction = direction
  }

  public var description: String { "\(measure.rawValue):\(direction.rawValue)" }

  /// Whether the changed run's measure differs from the baseline's in the claimed direction;
  /// `false` when either run lacks the measure.
  public func holds(changed: TrainingLog, baseline: TrainingLog) -> Bool {
    guard let new = measure.value(in: changed), let old = measure.value(in: baseline) else {
      return false
    }
    return direction == .lower ? new < old : new > old
  }
}

extension RunClaim.Measure {
  /// The measure on a run, `nil` when the run does not have it.
  func value(in log: TrainingLog) -> Double? {
    let losses = log.evaluationEntries.compactMap(\.loss).filter(\.isFinite)
    switch self {
    case .finalValidationLoss: return losses.last
    case .bestValidationLoss: return losses.min()
    case .validationLossClimb:
      guard let last = losses.last, let best = losses.min() else { return nil }
      return last - best
    case .finalValidationAccuracy:
      return log.evaluationEntries.last { $0.accuracy != nil }?.accuracy
    case .steps:
      let steps = log.trainingEntries.map(\.step) + log.evaluationEntries.map(\.step)
      return steps.max().map(Double.init)
    case .swing:
      guard losses.count > 1 else { return nil }
      let changes = zip(losses, losses.dropFirst()).map { abs($1 - $0) }
      return changes.reduce(0, +) / Double(changes.count)
    }
  }
}
