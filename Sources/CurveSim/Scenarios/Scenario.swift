public import CurveCore

/// A named recipe for one learning-curve pattern.
///
/// A scenario is a range of knobs, not one setting: each seed draws its own data set, model
/// and optimizer settings from the ranges, so one pattern shows up as endless different-looking
/// runs. Every scenario but ``healthy`` has several causes (``causes``), the mechanisms real
/// runs show it for; the seed picks one unless one is asked for, and the run is drawn from that
/// cause's ranges. A draw whose run does not show the pattern (``PatternCheck``) is drawn
/// again (see ``draw(seed:cause:)``). Any knob can be overridden after drawing.
///
/// ```swift
/// var configuration = Scenario.erratic.configuration(seed: 3, cause: .tinyBatch)
/// configuration.batchSize *= 16   // the cure for this cause
/// let run = Simulator(configuration: configuration, seed: 3, scenario: .erratic, cause: .tinyBatch).run()
/// ```
public enum Scenario: String, CaseIterable, Sendable, Codable {
  /// Both losses fall and level off with a small, steady gap.
  case healthy
  /// Validation loss bottoms out early and then climbs while training loss keeps falling.
  case overfitting
  /// Both losses stay high: a crawling learning rate, too few steps, too little capacity, or
  /// heavy weight decay.
  case underfitting
  /// Swings as large as the trend: a rate above the stable range, tiny batches, or an
  /// evaluation set too small to measure with.
  case erratic
  /// The loss blows up to infinity and then NaN: a rate far too high, without clipping.
  case diverged

  /// The causes this scenario can be drawn with, in the order of ``Cause``; empty for
  /// ``healthy``.
  public var causes: [Cause] {
    switch self {
    case .healthy: []
    case .overfitting: [.smallData, .bigModel, .labelNoise]
    case .underfitting: [.lowLearningRate, .tooFewSteps, .smallModel, .heavyWeightDecay]
    case .erratic: [.highLearningRate, .tinyBatch, .smallEvalSet]
    case .diverged: [.highLearningRate]
    }
  }

  /// The cause `seed` picks when none is asked for (`nil` for ``healthy``).
  public func cause(seed: UInt64) -> Cause? {
    guard !causes.isEmpty else { return nil }
    var g = SeededGenerator(seed: seed, stream: "scenario.\(rawValue).cause")
    return g.pick(causes)
  }

  /// This scenario's knobs for `seed`, from the ranges of `cause` (the seed's own pick when
  /// `nil`): the first of the seed's draws whose run shows the scenario's pattern (see
  /// ``draw(seed:cause:)``).
  ///
  /// The same seed and cause always give the same knobs, and asking for the cause a seed
  /// would pick gives exactly the run the seed gives alone. Checking a draw trains it, so the
  /// first call for a seed trains one run or more (underfitting: none); later calls remember
  /// the answer, and `Simulator(scenario, seed:cause:)` reuses the checked run.
  ///
  /// - Precondition: `cause` is `nil` or one of ``causes``.
  public func configuration(seed: UInt64, cause: Cause? = nil) -> TrainingConfiguration {
    draw(seed: seed, cause: cause).configuration
  }

  /// The knobs of one of `seed`'s draws, before any run is checked: draw 0 is the seed's
  /// first, and each later draw picks every range afresh (the task, the set sizes and the
  /// noise too); the examples, the initial weights and the batches are still sampled with
  /// the seed.
  ///
  /// - Precondition: `cause` is `nil` or one of ``causes``.
  public func configuration(seed: UInt64, cause: Cause? = nil, draw: Int) -> TrainingConfiguration {
    precondition(
      cause.map(causes.contains) ?? true,
      "\(cause?.rawValue ?? "") is not a cause of the \(rawValue) scenario")
    let suffix = draw == 0 ? "" : ".draw\(draw)"
    guard let cause = cause ?? self.cause(seed: seed) else {
      var g = SeededGenerator(seed: seed, stream: "scenario.\(rawValue)\(suffix)")
      return Self.healthyConfiguration(using: &g)
    }
    var g = SeededGenerator(seed: seed, stream: "scenario.\(rawValue).\(cause.rawValue)\(suffix)")
    switch self {
    case .healthy: return Self.healthyConfiguration(using: &g)
    case .overfitting: return Self.overfittingConfiguration(cause, using: &g)
    case .underfitting: return Self.underfittingConfiguration(cause, using: &g)
    case .erratic: return Self.erraticConfiguration(cause, using: &g)
    case .diverged: return Self.divergedConfiguration(using: &g)
    }
  }

  /// Input noise that keeps each 2-D task learnable but not trivial.
  static func typicalInputNoise(for kind: DatasetKind, using g: inout SeededGenerator) -> Double {
    switch kind {
    case .moons: g.nextDouble(in: 0.1...0.2)
    case .circles: g.nextDouble(in: 0.04...0.1)
    case .xor: g.nextDouble(in: 0.05...0.15)
    case .spirals: g.nextDouble(in: 0.0...0.05)
    case .blobs: g.nextDouble(in: 0.0...0.2)
    case .gaussian: 0
    }
  }

  /// Input noise that makes the classes of a 2-D task overlap: some examples of each class sit
  /// on the other side of the boundary, as in real data.
  static func overlappingInputNoise(for kind: DatasetKind, using g: inout SeededGenerator)
    -> Double
  {
    switch kind {
    case .moons: g.nextDouble(in: 0.2...0.3)
    case .circles: g.nextDouble(in: 0.1...0.2)
    default: g.nextDouble(in: 0.15...0.25)
    }
  }

  /// An evaluation interval, in steps, that gives a run about `evaluations` evaluations,
  /// rounded to a number a person would choose (as `eval_steps` usually is).
  static func evaluationInterval(
    for configuration: TrainingConfiguration, evaluations: ClosedRange<Int> = 20...40,
    using g: inout SeededGenerator
  ) -> Int {
    let target = Double(configuration.maxSteps) / Double(g.nextInt(in: evaluations))
    let roundNumbers = [1, 2, 5, 10, 20, 25, 40, 50, 100, 200, 250, 500, 1000]
    return roundNumbers.last { Double($0) <= target } ?? 1
  }
}
