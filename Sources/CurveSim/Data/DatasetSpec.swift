/// What data to draw: the task, the set sizes and how noisy it is.
public struct DatasetSpec: Sendable, Equatable, Codable {
  /// The task.
  public var kind: DatasetKind
  /// Training examples.
  public var trainSize: Int
  /// Validation examples.
  public var evalSize: Int
  /// Standard deviation of Gaussian noise added to the inputs, in the task's own units.
  public var inputNoise: Double
  /// Share of labels flipped at random, in both sets.
  public var labelNoise: Double

  /// Creates a data specification.
  public init(
    kind: DatasetKind, trainSize: Int, evalSize: Int, inputNoise: Double, labelNoise: Double
  ) {
    self.kind = kind
    self.trainSize = trainSize
    self.evalSize = evalSize
    self.inputNoise = inputNoise
    self.labelNoise = labelNoise
  }

  /// Draws the training and validation sets for `seed`, inputs standardized with the training
  /// set's mean and spread.
  ///
  /// The two sets come from separate random streams, so a larger training set leaves the
  /// validation set as it was and runs stay comparable.
  public func makeSplit(seed: UInt64) -> DataSplit {
    var trainingGenerator = SeededGenerator(seed: seed, stream: "data.training")
    var validationGenerator = SeededGenerator(seed: seed, stream: "data.validation")
    var training = draw(count: trainSize, using: &trainingGenerator)
    var validation = draw(count: evalSize, using: &validationGenerator)
    let scaling = Standardization(fittedTo: training)
    scaling.apply(to: &training)
    scaling.apply(to: &validation)
    return DataSplit(training: training, validation: validation, scaling: scaling)
  }

  /// A fresh validation sample of `evalSize` examples for evaluation number `index` (from 0)
  /// of the run for `seed`, scaled as `split`'s sets are.
  ///
  /// Each evaluation has its own random stream, so a sample does not depend on how many came
  /// before it.
  public func freshValidation(seed: UInt64, evaluation index: Int, scaledLike split: DataSplit)
    -> Dataset
  {
    var generator = SeededGenerator(seed: seed, stream: "data.validation.fresh.\(index)")
    var sample = draw(count: evalSize, using: &generator)
    split.scaling.apply(to: &sample)
    return sample
  }

  /// Draws `count` examples, balanced between the classes, with noise and flipped labels.
  func draw(count: Int, using generator: inout SeededGenerator) -> Dataset {
    let featureCount = kind.featureCount
    var features = [Double]()
    features.reserveCapacity(count * featureCount)
    var labels = [Double]()
    labels.reserveCapacity(count)
    var point = [Double](repeating: 0, count: featureCount)
    for index in 0..<count {
      let label = index % 2  // alternate the classes so the sets stay balanced
      kind.samplePoint(label: label, into: &point, using: &generator)
      for feature in 0..<featureCount {
        features.append(point[feature] + inputNoise * generator.nextNormal())
      }
      let flipped = generator.nextBernoulli(labelNoise)
      labels.append(Double(flipped ? 1 - label : label))
    }
    // Shuffle example order so that batches mix the classes the way a real loader's do.
    var order = Array(0..<count)
    order.seededShuffle(using: &generator)
    var shuffledFeatures = [Double]()
    shuffledFeatures.reserveCapacity(features.count)
    for index in order {
      shuffledFeatures.append(contentsOf: features[(index * featureCount)..<((index + 1) * featureCount)])
    }
    return Dataset(
      features: shuffledFeatures, labels: order.map { labels[$0] }, featureCount: featureCount)
  }
}

extension DatasetKind {
  /// Writes one noise-free point of class `label` into `point`.
  func samplePoint(label: Int, into point: inout [Double], using generator: inout SeededGenerator) {
    switch self {
    case .moons:
      let angle = Double.pi * generator.nextUnit()
      if label == 0 {
        point[0] = PortableMath.cos(angle)
        point[1] = PortableMath.sin(angle)
      } else {
        point[0] = 1 - PortableMath.cos(angle)
        point[1] = 0.5 - PortableMath.sin(angle)
      }
    case .circles:
      let angle = 2 * Double.pi * generator.nextUnit()
      let radius = label == 0 ? 1.0 : 0.5
      point[0] = radius * PortableMath.cos(angle)
      point[1] = radius * PortableMath.sin(angle)
    case .xor:
      // Opposite quadrants share a class; keep a small margin around the axes.
      let signX: Double = generator.nextBernoulli(0.5) ? 1 : -1
      let signY: Double = label == 1 ? signX : -signX
      point[0] = signX * (0.1 + 0.9 * generator.nextUnit())
      point[1] = signY * (0.1 + 0.9 * generator.nextUnit())
    case .spirals:
      let t = generator.nextUnit()
      let angle = 3 * Double.pi * t + (label == 1 ? Double.pi : 0)
      let radius = 0.15 + t
      point[0] = radius * PortableMath.cos(angle)
      point[1] = radius * PortableMath.sin(angle)
    case .blobs:
      let center: Double = label == 1 ? 1 : -1
      point[0] = center + 0.6 * generator.nextNormal()
      point[1] = center + 0.6 * generator.nextNormal()
    case .gaussian:
      // The informative features are shifted by ±shift; the rest are pure noise.
      let shift = label == 1 ? DatasetKind.gaussianShift : -DatasetKind.gaussianShift
      for feature in 0..<point.count {
        let signal = feature < DatasetKind.gaussianInformativeCount ? shift : 0
        point[feature] = signal + generator.nextNormal()
      }
    }
  }

  /// Class separation of the informative features of the high-dimensional task: with five such
  /// features the Bayes-optimal accuracy is about 90%, so there is something to learn and room
  /// to overfit.
  static let gaussianShift = 0.4
}

/// Per-feature mean and spread, fitted to the training set and applied to both sets.
struct Standardization: Sendable, Equatable {
  var means: [Double]
  var scales: [Double]

  init(fittedTo data: Dataset) {
    let featureCount = data.featureCount
    means = [Double](repeating: 0, count: featureCount)
    scales = [Double](repeating: 1, count: featureCount)
    guard data.count > 1 else { return }
    for feature in 0..<featureCount {
      var sum = 0.0
      for index in 0..<data.count { sum += data.features[index * featureCount + feature] }
      let mean = sum / Double(data.count)
      var squares = 0.0
      for index in 0..<data.count {
        let d = data.features[index * featureCount + feature] - mean
        squares += d * d
      }
      let spread = (squares / Double(data.count)).squareRoot()
      means[feature] = mean
      scales[feature] = spread > 1e-12 ? 1 / spread : 1
    }
  }

  func apply(to data: inout Dataset) {
    let featureCount = data.featureCount
    for index in 0..<data.count {
      for feature in 0..<featureCount {
        let position = index * featureCount + feature
        data.features[position] = (data.features[position] - means[feature]) * scales[feature]
      }
    }
  }
}
