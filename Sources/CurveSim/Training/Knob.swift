/// One setting of a run, by the name `curvelab simulate` gives its flag.
///
/// Lessons, quiz questions and exercise sets describe runs as text (`eval-size=25`); a knob
/// turns such a value into a change of the ``TrainingConfiguration`` and back into text, so a
/// run written anywhere in the course can be rerun with the same flags.
///
/// ```swift
/// var configuration = Scenario.erratic.configuration(seed: 3)
/// try Knob.batchSize.apply("8", to: &configuration)
/// Knob.batchSize.value(in: configuration)   // "8"
/// ```
public enum Knob: String, CaseIterable, Sendable {
  case dataset
  case trainSize = "train-size"
  case evalSize = "eval-size"
  case inputNoise = "input-noise"
  case labelNoise = "label-noise"
  case hidden
  case activation
  case dropout
  case optimizer
  case learningRate = "learning-rate"
  case schedule = "lr-schedule"
  case warmupSteps = "warmup-steps"
  case batchSize = "batch-size"
  case epochs
  case weightDecay = "weight-decay"
  case maxGradNorm = "max-grad-norm"
  case loggingSteps = "logging-steps"
  case evalSteps = "eval-steps"
  case evaluationSampling = "eval-sampling"
  case earlyStoppingPatience = "early-stopping-patience"

  /// A knob value that could not be used.
  public struct InvalidValue: Error, Sendable, Equatable, CustomStringConvertible {
    /// The knob.
    public var knob: Knob
    /// The text given.
    public var value: String
    /// What a valid value looks like.
    public var requirement: String

    public var description: String {
      "\(knob.rawValue)=\(value) is not valid: expected \(requirement)"
    }
  }

  /// What a valid value looks like, for error messages (worded as the command line's are).
  public var requirement: String {
    func oneOf(_ names: [String]) -> String { "one of " + names.map { "'\($0)'" }.joined(separator: ", ") }
    switch self {
    case .dataset: return oneOf(DatasetKind.allCases.map(\.rawValue))
    case .trainSize, .evalSize, .batchSize, .epochs, .loggingSteps, .earlyStoppingPatience:
      return "a positive whole number"
    case .warmupSteps: return "a whole number, 0 or more"
    case .inputNoise, .weightDecay, .maxGradNorm: return "a number, 0 or more"
    case .labelNoise: return "a number from 0.0 to 0.5"
    case .dropout: return "a number from 0 up to (not including) 1"
    case .learningRate: return "a number greater than 0"
    case .hidden: return "positive widths separated by commas, such as 32 or 64,64, or 0"
    case .activation: return oneOf(Activation.allCases.map(\.rawValue))
    case .optimizer: return oneOf(OptimizerKind.allCases.map(\.rawValue))
    case .schedule: return oneOf(LearningRateSchedule.allCases.map(\.rawValue))
    case .evaluationSampling: return oneOf(EvaluationSampling.allCases.map(\.rawValue))
    case .evalSteps: return "a positive whole number of steps, or 'epoch'"
    }
  }

  /// Sets this knob in `configuration` from its text form.
  public func apply(_ text: String, to configuration: inout TrainingConfiguration)
    throws(InvalidValue)
  {
    let invalid = InvalidValue(knob: self, value: text, requirement: requirement)
    func integer(minimum: Int) throws(InvalidValue) -> Int {
      guard let value = Int(text), value >= minimum else { throw invalid }
      return value
    }
    func number(_ isValid: (Double) -> Bool) throws(InvalidValue) -> Double {
      guard let value = Double(text), value.isFinite, isValid(value) else { throw invalid }
      return value
    }
    switch self {
    case .dataset:
      guard let kind = DatasetKind(rawValue: text.lowercased()) else { throw invalid }
      configuration.data.kind = kind
    case .trainSize: configuration.data.trainSize = try integer(minimum: 1)
    case .evalSize: configuration.data.evalSize = try integer(minimum: 1)
    case .inputNoise: configuration.data.inputNoise = try number { $0 >= 0 }
    case .labelNoise: configuration.data.labelNoise = try number { (0...0.5).contains($0) }
    case .hidden:
      guard let widths = Self.hiddenWidths(text) else { throw invalid }
      configuration.hidden = widths
    case .activation:
      guard let value = Activation(rawValue: text.lowercased()) else { throw invalid }
      configuration.activation = value
    case .dropout: configuration.dropout = try number { $0 >= 0 && $0 < 1 }
    case .optimizer:
      guard let value = OptimizerKind(rawValue: text.lowercased()) else { throw invalid }
      configuration.optimizer = value
    case .learningRate: configuration.learningRate = try number { $0 > 0 }
    case .schedule:
      guard let value = LearningRateSchedule(rawValue: text.lowercased()) else { throw invalid }
      configuration.schedule = value
    case .warmupSteps: configuration.warmupSteps = try integer(minimum: 0)
    case .batchSize: configuration.batchSize = try integer(minimum: 1)
    case .epochs: configuration.epochs = try integer(minimum: 1)
    case .weightDecay: configuration.weightDecay = try number { $0 >= 0 }
    case .maxGradNorm: configuration.maxGradNorm = try number { $0 >= 0 }
    case .loggingSteps: configuration.loggingSteps = try integer(minimum: 1)
    case .evalSteps:
      if text.lowercased() == "epoch" {
        configuration.evalSteps = nil
      } else {
        configuration.evalSteps = try integer(minimum: 1)
      }
    case .evaluationSampling:
      guard let value = EvaluationSampling(rawValue: text.lowercased()) else { throw invalid }
      configuration.evaluationSampling = value
    case .earlyStoppingPatience: configuration.earlyStoppingPatience = try integer(minimum: 1)
    }
  }

  /// This knob's value in `configuration`, as text that ``apply(_:to:)`` reads back.
  public func value(in configuration: TrainingConfiguration) -> String? {
    let c = configuration
    switch self {
    case .dataset: return c.data.kind.rawValue
    case .trainSize: return String(c.data.trainSize)
    case .evalSize: return String(c.data.evalSize)
    case .inputNoise: return Self.format(c.data.inputNoise)
    case .labelNoise: return Self.format(c.data.labelNoise)
    case .hidden: return c.hidden.isEmpty ? "0" : c.hidden.map(String.init).joined(separator: ",")
    case .activation: return c.activation.rawValue
    case .dropout: return Self.format(c.dropout)
    case .optimizer: return c.optimizer.rawValue
    case .learningRate: return Self.format(c.learningRate)
    case .schedule: return c.schedule.rawValue
    case .warmupSteps: return String(c.warmupSteps)
    case .batchSize: return String(c.batchSize)
    case .epochs: return String(c.epochs)
    case .weightDecay: return Self.format(c.weightDecay)
    case .maxGradNorm: return Self.format(c.maxGradNorm)
    case .loggingSteps: return String(c.loggingSteps)
    case .evalSteps: return c.evalSteps.map(String.init) ?? "epoch"
    case .evaluationSampling: return c.evaluationSampling.rawValue
    case .earlyStoppingPatience: return c.earlyStoppingPatience.map(String.init)
    }
  }

  /// The knobs whose values differ between two configurations, in declaration order, with the
  /// value in `configuration`: the flags that turn `base` into `configuration`.
  public static func differences(
    of configuration: TrainingConfiguration, from base: TrainingConfiguration
  ) -> [(knob: Knob, value: String)] {
    allCases.compactMap { knob in
      guard let value = knob.value(in: configuration), value != knob.value(in: base) else {
        return nil
      }
      return (knob, value)
    }
  }

  /// Widths from `64,64`, or none from `0` or `none`; `nil` when not valid.
  public static func hiddenWidths(_ text: String) -> [Int]? {
    let text = text.lowercased()
    if text == "0" || text == "none" { return [] }
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int(String($0.filter { $0 != " " }))
    }
    guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
    return parts.map { $0! }
  }

  /// A whole number as such, a number of 1e-4 or more with at most six decimals and no
  /// trailing zeros (0.001, 2.5), anything smaller as Swift prints it (1e-05).
  static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    if abs(value) >= 1e-4 {
      var text = String(format6: value)
      while text.hasSuffix("0") { text.removeLast() }
      return text
    }
    return "\(value)"
  }
}

extension String {
  /// `value` with six decimals, without Foundation.
  fileprivate init(format6 value: Double) {
    let scaled = (abs(value) * 1_000_000).rounded()
    let whole = Int(scaled) / 1_000_000
    let fraction = Int(scaled) % 1_000_000
    var digits = String(fraction)
    digits = String(repeating: "0", count: 6 - digits.count) + digits
    self = (value < 0 ? "-" : "") + "\(whole).\(digits)"
  }
}
