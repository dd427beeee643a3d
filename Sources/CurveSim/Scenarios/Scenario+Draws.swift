import CurveCore

// Each cause's ranges. They were tuned with `curvelab bench --only patterns,diagnosis,remedies`
// so that the run shows its pattern and the cause's treatment in the remedies table
// (CurveDiagnosis.CauseKnowledge) cures it, over hundreds of seeds: change a range here and
// rerun those sections.
//
// Several draws size a run by its learning budget: the mean learning rate times the number of
// updates, about how far AdamW can move each weight. A sound run on these tasks has a budget of
// 3 to 8; below about 0.03 (two moons) to 0.3 (circles) a run has barely started.

extension Scenario {
  static func healthyConfiguration(using g: inout SeededGenerator) -> TrainingConfiguration {
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

  /// A sound setup on a 2-D task, with a learning budget of 3 to 8: what each underfitting
  /// cause then spoils in one way.
  static func soundConfiguration(kinds: [DatasetKind], using g: inout SeededGenerator)
    -> TrainingConfiguration
  {
    let kind = g.pick(kinds)
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: 400...1500), evalSize: g.nextInt(in: 100...500),
      inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: 0)
    var c = TrainingConfiguration(
      data: data, hidden: [g.pick([16, 32, 64])], activation: g.pick([.tanh, .relu]),
      optimizer: .adamW, learningRate: g.nextLogUniform(in: 0.005...0.015), schedule: .linear,
      batchSize: g.pick([16, 32, 64]), epochs: 1, weightDecay: 0.01,
      loggingSteps: g.pick([5, 10, 20]))
    let budget = g.nextDouble(in: 3...8)
    c.epochs = max(5, Int((budget / (0.5 * c.learningRate * Double(c.stepsPerEpoch))).rounded()))
    return c
  }

  static func underfittingConfiguration(_ cause: Cause, using g: inout SeededGenerator)
    -> TrainingConfiguration
  {
    switch cause {
    case .lowLearningRate:
      // A rate 100 to 1,000 times too small for the run's length: the loss falls, slowly and
      // steadily, and is still falling at the end. The easier the task, the smaller the rate
      // has to be to leave it unlearned.
      var c = soundConfiguration(kinds: [.moons, .circles, .xor], using: &g)
      let ceiling: Double =
        switch c.data.kind {
        case .moons: 0.025
        case .circles: 0.25
        default: 0.08
        }
      let budget = g.nextLogUniform(in: (ceiling / 3)...ceiling)
      // And a rate a reader of the log sees as tiny: at most 1e-4, 100 to 1,000 times below
      // the 1e-2 a network this small trains well at with AdamW. A short run on a hard task
      // could otherwise stay unlearned at 3e-4, a rate nobody would call too small.
      c.learningRate = min(budget / (0.5 * Double(c.maxSteps)), g.nextLogUniform(in: 1e-5...9e-5))
      return c
    case .tooFewSteps:
      // A sound rate, but one to three epochs of a small set, with the rate decayed to 0 by
      // the end: the loss was falling fast when the run ran out. Curved tasks only (two moons
      // are learned in a few dozen updates).
      let kind = g.pick([DatasetKind.circles, .xor])
      let activation = g.pick([Activation.tanh, .relu])
      let window: ClosedRange<Double> =
        switch (kind, activation) {
        case (.circles, .tanh): 0.5...0.9
        case (.xor, .relu): 0.1...0.19
        default: 0.24...0.38
        }
      let budget = g.nextDouble(in: window)
      let rate = g.nextLogUniform(in: 0.005...0.015)
      let epochs = g.nextInt(in: 1...3)
      let batchSize = 32
      let stepsPerEpoch = max(4, Int((2 * budget / rate / Double(epochs)).rounded()))
      let data = DatasetSpec(
        kind: kind, trainSize: stepsPerEpoch * batchSize, evalSize: g.nextInt(in: 100...500),
        inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: 0)
      var c = TrainingConfiguration(
        data: data, hidden: [32], activation: activation, optimizer: .adamW, learningRate: rate,
        schedule: .linear, batchSize: batchSize, epochs: epochs, weightDecay: 0.01)
      c.loggingSteps = max(1, c.maxSteps / 30)
      c.evalSteps = max(1, c.maxSteps / 20)
      return c
    case .smallModel:
      // Logistic regression, or one or two hidden units, on classes no straight line (or two)
      // separates: the loss levels off early and high however long it trains.
      var c = soundConfiguration(kinds: [.circles, .xor], using: &g)
      c.hidden = c.data.kind == .xor ? g.pick([[], [1]]) : g.pick([[], [1], [2]])
      return c
    default:  // .heavyWeightDecay
      // Decoupled decay so strong that each update shrinks the weights by 5% to 45%: they stay
      // near zero, and both losses stay flat, high and close together.
      var c = soundConfiguration(kinds: [.moons, .circles, .xor], using: &g)
      c.weightDecay = g.nextLogUniform(in: 10...30)
      return c
    }
  }

  static func overfittingConfiguration(_ cause: Cause, using g: inout SeededGenerator)
    -> TrainingConfiguration
  {
    // A 2-D task whose classes overlap, a wide network, no weight decay, and thousands of
    // updates: what differs is which ingredient is extreme.
    let kind = g.pick([DatasetKind.moons, .circles, .xor])
    var trainSize: ClosedRange<Int>
    var widths: [[Int]]
    var labelNoise: ClosedRange<Double>
    var inputNoise: Double
    var steps: ClosedRange<Int>
    switch cause {
    case .smallData:
      // A few dozen examples: the network learns them one by one.
      trainSize = 20...40
      widths = [[64], [128]]
      labelNoise = 0...0.03
      inputNoise = overlappingInputNoise(for: kind, using: &g)
      steps = 2000...4000
    case .bigModel:
      // Hundreds of units per example: room to carve out every training point, given 2,500
      // to 4,000 updates at a calm rate (with 1,500 to 2,500, one run in eight had not yet
      // learned its examples by heart). (512 or 768 units on 60 to 100 examples in batches
      // of 32 separate the cause from small-data cleanly, but double the quiz's preparation
      // time.)
      trainSize = 60...120
      widths = [[256], [512]]
      labelNoise = 0...0.04
      inputNoise = overlappingInputNoise(for: kind, using: &g)
      steps = 2500...4000
    default:  // .labelNoise
      // One label in eight or so flipped: the network learns the wrong ones by heart.
      trainSize = 30...60
      widths = [[64], [128]]
      labelNoise = 0.1...0.15
      inputNoise = typicalInputNoise(for: kind, using: &g)
      steps = 1500...3000
    }
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: trainSize), evalSize: g.nextInt(in: 200...500),
      inputNoise: inputNoise, labelNoise: g.nextDouble(in: labelNoise))
    var c = TrainingConfiguration(
      data: data, hidden: g.pick(widths), activation: g.pick([.tanh, .relu]), optimizer: .adamW,
      learningRate: g.nextLogUniform(in: 0.01...0.03), schedule: g.pick([.linear, .constant]),
      batchSize: g.pick([8, 16]), epochs: 1, weightDecay: 0, dropout: 0, maxGradNorm: 1,
      loggingSteps: g.pick([5, 10]))
    if cause == .bigModel || cause == .smallData {
      // Calm updates, so that the only thing wrong is the size of the model or of the data.
      // A wide network's per-batch loss on a handful of examples jumps by its own size, and
      // at AdamW's usual 0.01 and above its weights swing with it; a few dozen examples
      // memorize either way, but small data's treated run (eight times the data) swung with
      // batches of 8 at up to 0.03 (30% of treated seeds read erratic; 5% with these).
      c.batchSize = 16
      c.learningRate = g.nextLogUniform(in: 0.005...0.01)
    }
    if cause == .bigModel {
      // The rate stays at its peak, so that the network has the updates to learn every example.
      c.schedule = .constant
    }
    c.epochs = max(1, g.nextInt(in: steps) / c.stepsPerEpoch)
    c.evalSteps = evaluationInterval(for: c, using: &g)
    return c
  }

  static func erraticConfiguration(_ cause: Cause, using g: inout SeededGenerator)
    -> TrainingConfiguration
  {
    // A few labels flipped, as in most real data: a flipped example's gradient never
    // vanishes, and the model cannot grow so confident that a swing costs more than a few
    // times ln 2.
    let kind = g.pick([DatasetKind.moons, .circles, .xor])
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: 300...800), evalSize: g.nextInt(in: 200...500),
      inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: g.nextDouble(in: 0.02...0.05))
    var c = TrainingConfiguration(
      data: data, hidden: [g.pick([16, 32, 64])], activation: .tanh, optimizer: .adamW,
      learningRate: 0.01, schedule: .constant, batchSize: 32, epochs: g.nextInt(in: 5...15),
      weightDecay: 0.1, maxGradNorm: 1, loggingSteps: g.pick([5, 10]))
    var evaluations = 15...30
    switch cause {
    case .highLearningRate:
      // AdamW at 10 to 40 times the rate these networks train well at: every update
      // overshoots, and both curves swing around a level that never settles. Clipping at 1
      // (the Trainer's default) does not help: AdamW's step size does not depend on the
      // gradient's size.
      // One label in twenty flipped keeps the swings bounded (4% to 8%).
      c.data.labelNoise = g.nextDouble(in: 0.04...0.08)
      c.learningRate = g.nextLogUniform(in: 0.15...0.4)
      c.batchSize = g.pick([8, 16])
      c.epochs = g.nextInt(in: 10...20)
      evaluations = 15...25
    case .tinyBatch:
      // One or two examples per update with momentum SGD at an ordinary rate: the gradient of
      // one example is mostly noise, the weights wander with it, and both curves swing. (AdamW
      // divides each step by the gradient's recent size, so its steps hardly grow with the
      // noise: at an ordinary rate only the logged training loss jumps, and past 0.01 the
      // cause is the rate.)
      c.data.trainSize = g.nextInt(in: 200...400)
      c.optimizer = .sgd
      c.momentum = 0.9
      c.weightDecay = 0
      c.learningRate = g.nextLogUniform(in: 0.08...0.16)
      c.batchSize = g.pick([1, 2])
      c.epochs = g.nextInt(in: 3...6)
      c.loggingSteps = g.pick([10, 20])
    default:  // .smallEvalSet
      // Sound training at an ordinary rate, judged each time on eight to twenty examples
      // drawn afresh (a loop that estimates validation loss from a couple of random batches):
      // validation loss and accuracy jump by sampling error alone while training is calm.
      // (A fixed set that small is as smooth as the weights' path: it only jumps when the
      // weights do, and then the cause is the updates.) Long enough to level off: after that
      // the trend is flat and the jumps are all there is.
      c.data.evalSize = g.nextInt(in: 8...20)
      c.evaluationSampling = .fresh
      // Classes that overlap, so some examples of every sample cost a lot and some nothing;
      // clean labels, batches of 32 and a log every few hundred examples keep the training
      // curve calm: only the evaluation is noisy.
      c.data.inputNoise = overlappingInputNoise(for: kind, using: &g)
      c.data.labelNoise = g.nextDouble(in: 0...0.01)
      c.learningRate = g.nextLogUniform(in: 0.006...0.012)
      c.weightDecay = 0.01
      c.batchSize = 32
      c.loggingSteps = g.pick([20, 25])
      c.epochs = g.nextInt(in: 25...40)
      evaluations = 25...40
    }
    c.evalSteps = evaluationInterval(for: c, evaluations: evaluations, using: &g)
    return c
  }

  static func divergedConfiguration(using g: inout SeededGenerator) -> TrainingConfiguration {
    // Momentum SGD at a rate far past the stable range, without gradient clipping, on a
    // three-layer ReLU network: weights and activations grow by a factor at each update until
    // they overflow single precision, and the loss turns to infinity, then NaN. At 4 to 10,
    // 8 seeds in 100 kill every unit of a layer first and hover at chance instead; at 8 to 16
    // nearly every seed overflows within a dozen updates, so the run logs every second or fifth
    // step (as a short run is often logged) to show the blow-up rising from a finite start.
    let kind = g.pick([DatasetKind.moons, .circles, .xor])
    let data = DatasetSpec(
      kind: kind, trainSize: g.nextInt(in: 300...800), evalSize: g.nextInt(in: 200...500),
      inputNoise: typicalInputNoise(for: kind, using: &g), labelNoise: 0)
    let width = g.pick([48, 64])
    var c = TrainingConfiguration(
      data: data, hidden: [width, width, width], activation: .relu, optimizer: .sgd,
      momentum: 0.9, learningRate: g.nextLogUniform(in: 8...16), schedule: .constant,
      batchSize: g.pick([32, 64]), epochs: 1, weightDecay: 0, dropout: 0, maxGradNorm: 0,
      loggingSteps: g.pick([2, 5]))
    c.epochs = max(2, g.nextInt(in: 200...400) / c.stepsPerEpoch)
    c.evalSteps = evaluationInterval(for: c, evaluations: 15...30, using: &g)
    return c
  }
}
