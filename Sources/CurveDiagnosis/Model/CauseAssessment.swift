public import CurveCore

/// One candidate reason for a run's pattern, with what speaks for it.
///
/// ```swift
/// let diagnosis = Diagnoser().diagnose(log)
/// diagnosis.causes.first?.cause      // .lowLearningRate
/// diagnosis.causes.first?.evidence   // ["the learning rate was 5e-06, ..."]
/// ```
public struct CauseAssessment: Sendable, Equatable {
  /// The cause.
  public var cause: Cause
  /// How strongly the curves and the log's settings point to it, from 0 to 1.
  public var weight: Double
  /// Whether the evidence singles this cause out from the other candidates (only ever true
  /// for the first in ``Diagnosis/causes``).
  public var isDetermined: Bool
  /// What speaks for it, in sentence fragments with their numbers.
  public var evidence: [String]

  /// Creates an assessment.
  public init(cause: Cause, weight: Double, isDetermined: Bool = false, evidence: [String] = []) {
    self.cause = cause
    self.weight = weight
    self.isDetermined = isDetermined
    self.evidence = evidence
  }
}

/// What a model that ignores its input scores on the run's task: the baseline a loss or an
/// accuracy is judged against, as far as the log lets the engine know it.
///
/// A fine-tune's first logged loss is already low, so "how much of the first loss was removed"
/// says little; the loss of predicting the class frequencies (ln K for K balanced classes) and
/// chance accuracy (1/K) do.
public struct TaskBaseline: Sendable, Equatable {
  /// Classes, when known or inferred.
  public var classes: Int?
  /// The loss of a predictor that ignores its input (ln K for K balanced classes).
  public var trivialLoss: Double?
  /// The accuracy of guessing (1/K).
  public var chanceAccuracy: Double?
  /// How the engine knows: `"the log's settings"`, `"the first loss and accuracy"`.
  public var basis: String?

  /// An unknown baseline.
  public init() {}

  /// A baseline of `classes` balanced classes.
  public init(classes: Int, basis: String) {
    self.classes = classes
    self.trivialLoss = TaskBaseline.logarithm(Double(classes))
    self.chanceAccuracy = 1 / Double(classes)
    self.basis = basis
  }

  /// Whether anything is known.
  public var isKnown: Bool { trivialLoss != nil || chanceAccuracy != nil }

  /// `ln 2`, `ln 10`: how the trivial loss is written.
  public var trivialLossName: String? {
    classes.map { "ln \($0)" }
  }

  /// The natural logarithm, for whole numbers of classes (no Foundation in the engine).
  static func logarithm(_ x: Double) -> Double {
    precondition(x > 0, "logarithm of a non-positive number")
    // ln x = 2 atanh((x-1)/(x+1)) after scaling into [0.5, 1] by powers of 2.
    var value = x
    var twos = 0.0
    while value > 1 { value /= 2; twos += 1 }
    while value < 0.5 { value *= 2; twos -= 1 }
    let y = (value - 1) / (value + 1)
    let y2 = y * y
    var term = y
    var sum = 0.0
    var k = 1.0
    while abs(term) > 1e-18 {
      sum += term / k
      term *= y2
      k += 2
    }
    return 2 * sum + twos * 0.693_147_180_559_945_3
  }
}

/// The learning-rate schedule as the log records it (the Trainer's `learning_rate` series).
///
/// With the Trainer's default linear decay every curve flattens as the rate nears 0,
/// converged or not; the schedule tells the two apart.
public struct ScheduleReading: Sendable, Equatable {
  /// The highest rate logged.
  public var peak: Double
  /// The step where the rate first reached its peak (the end of warmup, when there is one).
  public var peakStep: Int
  /// The last rate logged.
  public var final: Double
  /// Whether the rate ramps up from near 0 to its peak (warmup).
  public var hasWarmup: Bool
  /// Whether the rate falls well below its peak by the end (linear, cosine, step decay).
  public var decays: Bool

  /// The last rate as a share of the peak (0.03 = 3%).
  public var finalShare: Double { peak > 0 ? final / peak : 1 }
}
