/// A named recipe for one learning-curve pattern.
///
/// A scenario is a range of knobs, not one setting: each seed draws its own data set, model
/// and optimizer settings from the ranges, so one pattern shows up as endless different-looking
/// runs. Any knob can be overridden after drawing.
///
/// ```swift
/// var configuration = Scenario.erratic.configuration(seed: 3)
/// configuration.learningRate /= 10   // the usual remedy
/// let run = Simulator(configuration: configuration, seed: 3, scenario: .erratic).run()
/// ```
public enum Scenario: String, CaseIterable, Sendable, Codable {
  /// Both losses fall and level off with a small, steady gap.
  case healthy
  /// Validation loss bottoms out early and then climbs while training loss keeps falling.
  case overfitting
  /// Both losses stay high: too little capacity, a crawling learning rate, or heavy decay.
  case underfitting
  /// Large trendless swings in both curves from a high learning rate and tiny batches.
  case erratic

  /// Draws this scenario's knobs for `seed`.
  public func configuration(seed: UInt64) -> TrainingConfiguration {
    var g = SeededGenerator(seed: seed, stream: "scenario.\(rawValue)")
    switch self {
    case .healthy: return Self.healthyConfiguration(using: &g)
    case .overfitting: return Self.overfittingConfiguration(using: &g)
    case .underfitting: return Self.underfittingConfiguration(using: &g)
    case .erratic: return Self.erraticConfiguration(using: &g)
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

  private static func healthyConfiguration(using g: inout SeededGenerator) -> TrainingConfiguration {
    let kind = g.pick([DatasetKind.moons, .circles, .blobs, .xor])
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: 300...900), evalSize: g.nextInt(in: 100...400),
      inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: 0)
    return TrainingConfiguration(
      data: data, hidden: [g.pick([24, 32, 48, 64])], activation: g.pick([.tanh, .relu]),
      optimizer: .adamW, learningRate: g.nextLogUniform(in: 0.006...0.02), schedule: .linear,
      warmupSteps: g.pick([0, 0, 20, 50]), batchSize: g.pick([16, 32, 64]),
      epochs: g.nextInt(in: 20...40), weightDecay: 0.01, dropout: 0, maxGradNorm: 1,
      loggingSteps: g.pick([5, 10, 20]))
  }

  private static func overfittingConfiguration(using g: inout SeededGenerator)
    -> TrainingConfiguration
  {
    let data = DatasetSpec(
      kind: .gaussian, trainSize: g.nextInt(in: 50...150), evalSize: g.nextInt(in: 100...250),
      inputNoise: 0, labelNoise: g.nextDouble(in: 0.05...0.2))
    var configuration = TrainingConfiguration(
      data: data, hidden: [g.pick([48, 64, 96])], activation: g.pick([.tanh, .relu]),
      optimizer: .adamW, learningRate: g.nextLogUniform(in: 0.001...0.004),
      schedule: g.pick([.linear, .constant]), batchSize: g.pick([8, 16]),
      epochs: g.nextInt(in: 60...120), weightDecay: 0, dropout: 0, maxGradNorm: 1,
      loggingSteps: g.pick([5, 10]))
    configuration.evalSteps = evaluationInterval(for: configuration, using: &g)
    return configuration
  }

  private static func underfittingConfiguration(using g: inout SeededGenerator)
    -> TrainingConfiguration
  {
    // Three faces of underfitting, as seen on real runs. Moons are nearly separable by a line,
    // so the capacity and weight-decay faces use the curved tasks, where they clearly fail.
    let face = g.nextIndex(below: 3)
    let kind = face == 0 ? g.pick([DatasetKind.moons, .circles, .xor]) : g.pick([.circles, .xor])
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: 400...1500), evalSize: g.nextInt(in: 100...500),
      inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: 0)
    var configuration = TrainingConfiguration(
      data: data, hidden: [g.pick([16, 32, 64])], activation: g.pick([.tanh, .relu]),
      optimizer: .adamW, learningRate: g.nextLogUniform(in: 0.004...0.015), schedule: .linear,
      batchSize: g.pick([16, 32, 64]), epochs: g.nextInt(in: 15...40), weightDecay: 0.01,
      loggingSteps: g.pick([5, 10, 20]))
    switch face {
    case 0:  // a learning rate so small that learning crawls
      configuration.learningRate = g.nextLogUniform(in: 0.000_005...0.000_03)
    case 1:  // too little capacity: a linear model, or a single hidden unit, on curved classes
      configuration.hidden = g.pick([[], [1]])
    default:  // weight decay far too strong
      configuration.weightDecay = g.nextDouble(in: 5...15)
      configuration.learningRate = g.nextLogUniform(in: 0.01...0.03)
    }
    return configuration
  }

  private static func erraticConfiguration(using g: inout SeededGenerator) -> TrainingConfiguration
  {
    // Not blobs: nearly every point there sits far from the boundary, so even wild updates
    // leave the loss small and calm. A few flipped labels keep single-example gradients from
    // ever vanishing, so the swings last the whole run instead of settling.
    let kind = g.pick([DatasetKind.moons, .circles, .xor])
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: 200...600), evalSize: g.nextInt(in: 100...300),
      inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: g.nextDouble(in: 0.05...0.15))
    // Plain SGD (no momentum) with one or two examples per update and a rate past what the
    // task tolerates: updates overshoot, and both curves swing without a trend. A tenth of the
    // rate and twice the batch calm it, as the course teaches.
    var configuration = TrainingConfiguration(
      data: data, hidden: [g.pick([16, 32, 64])], activation: .tanh, optimizer: .sgd,
      momentum: 0, learningRate: g.nextLogUniform(in: 1...2.5), schedule: .constant,
      batchSize: g.pick([1, 2]), epochs: g.nextInt(in: 3...6), weightDecay: 0, dropout: 0,
      maxGradNorm: 0, loggingSteps: g.pick([5, 10]))
    configuration.evalSteps = evaluationInterval(for: configuration, using: &g)
    return configuration
  }

  /// An evaluation interval, in steps, that gives a run between 20 and 40 evaluations, rounded
  /// to a number a person would choose (as `eval_steps` usually is).
  static func evaluationInterval(
    for configuration: TrainingConfiguration, using g: inout SeededGenerator
  ) -> Int {
    let target = Double(configuration.maxSteps) / Double(g.nextInt(in: 20...40))
    let roundNumbers = [1, 2, 5, 10, 20, 25, 40, 50, 100, 200, 250, 500, 1000]
    return roundNumbers.last { Double($0) <= target } ?? 1
  }
}
