/// The hot loop: forward and backward passes and optimizer updates over raw buffers.
///
/// A block of examples goes through the network together, stored unit-major (one row of
/// `blockCapacity` values per unit), so every inner loop runs over contiguous examples and the
/// compiler can vectorize it. Sums are accumulated in a fixed order, so results do not depend on
/// how the work is blocked beyond the batch itself.
///
/// Weights, activations, gradients and optimizer state are single precision (`Float`), as in
/// PyTorch's default: twice the values per vector instruction, and the overflow to infinity of
/// a diverging run comes where real runs meet it. The optimizer's scalars (rate, bias
/// corrections) are worked out in `Double` and rounded once, as PyTorch does with Python
/// floats. Losses are summed in single precision too, so a diverging run's loss overflows to
/// infinity where PyTorch's would.
///
/// One kernel serves one run on one thread. It owns its memory and frees it in `deinit`;
/// it is a class only so that memory has one owner and no copy is ever made of it.
final class TrainingKernel {
  /// The layers, in a plain buffer: the hot loop reads them without reference counting.
  private let shapes: UnsafeMutablePointer<LayerShape>
  private let layerCount: Int
  private let inputCount: Int
  let activation: Activation
  let parameterCount: Int
  /// Row of each layer's first unit in the per-unit scratch buffers (layer 0 = the inputs).
  private let unitOffsets: UnsafeMutablePointer<Int>
  private let outputRow: Int
  /// Examples per block; the stride of a row in the scratch buffers.
  let blockCapacity: Int

  let parameters: UnsafeMutablePointer<Float>
  let gradients: UnsafeMutablePointer<Float>
  /// 1 for weights (decayed), 0 for biases (never decayed, as in the Trainer).
  private let decayMask: UnsafeMutablePointer<Float>
  private let firstMoment: UnsafeMutablePointer<Float>
  private let secondMoment: UnsafeMutablePointer<Float>
  /// Unit values per example: inputs, hidden activations (after dropout), and the output logit.
  private let values: UnsafeMutablePointer<Float>
  /// d(activation)/d(sum) times the dropout multiplier, per hidden unit and example.
  private let slopes: UnsafeMutablePointer<Float>
  /// Loss gradient with respect to each unit's sum, per example.
  private let deltas: UnsafeMutablePointer<Float>
  /// Labels of the examples in the current block.
  private let blockLabels: UnsafeMutablePointer<Float>
  /// β₁ᵗ and β₂ᵗ for Adam's bias correction, kept as running products.
  private var beta1Power = 1.0
  private var beta2Power = 1.0

  /// Examples evaluated together when scoring a whole set.
  static let evaluationBlock = 64

  init(network: Network, batchSize: Int) {
    let layers = network.shapes
    layerCount = layers.count
    inputCount = network.layerSizes[0]
    shapes = .allocate(capacity: layers.count)
    shapes.initialize(from: layers, count: layers.count)
    activation = network.activation
    parameterCount = network.parameters.count
    var offsets: [Int] = []
    var total = 0
    for size in network.layerSizes {
      offsets.append(total)
      total += size
    }
    unitOffsets = .allocate(capacity: offsets.count)
    unitOffsets.initialize(from: offsets, count: offsets.count)
    outputRow = offsets[offsets.count - 1]
    blockCapacity = max(batchSize, Self.evaluationBlock)
    func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
      let pointer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
      pointer.initialize(repeating: 0, count: max(count, 1))
      return pointer
    }
    parameters = buffer(parameterCount)
    gradients = buffer(parameterCount)
    decayMask = buffer(parameterCount)
    firstMoment = buffer(parameterCount)
    secondMoment = buffer(parameterCount)
    values = buffer(total * blockCapacity)
    slopes = buffer(total * blockCapacity)
    deltas = buffer(total * blockCapacity)
    blockLabels = buffer(blockCapacity)
    for (index, value) in network.parameters.enumerated() { parameters[index] = Float(value) }
    for shape in layers {
      for index in shape.weightOffset..<shape.biasOffset { decayMask[index] = 1 }
    }
  }

  deinit {
    shapes.deallocate()
    unitOffsets.deallocate()
    for pointer in [
      parameters, gradients, decayMask, firstMoment, secondMoment, values, slopes, deltas,
      blockLabels,
    ] {
      pointer.deallocate()
    }
  }

  /// The current parameters as an array (each exactly representable, so ``load(_:)`` gives
  /// them back bit for bit).
  var parameterArray: [Double] {
    UnsafeBufferPointer(start: parameters, count: parameterCount).map(Double.init)
  }

  /// Overwrites the parameters (restoring a checkpoint).
  func load(_ newValues: [Double]) {
    for (index, value) in newValues.enumerated() { parameters[index] = Float(value) }
  }

  // MARK: Forward

  /// Copies `count` examples (rows `example(0)`, `example(1)`, ...) into the input rows, then
  /// runs the forward pass; the logits end up in the output row. With `dropout > 0` hidden
  /// units are zeroed with that probability and survivors scaled by `1/(1-dropout)`.
  @inline(__always)
  private func forward(
    count: Int, features: UnsafePointer<Double>, labels: UnsafePointer<Double>,
    example: (Int) -> Int, dropout: Double, generator: inout SeededGenerator
  ) {
    let stride = blockCapacity
    for column in 0..<count {
      let index = example(column)
      let row = features + index * inputCount
      for input in 0..<inputCount { values[input * stride + column] = Float(row[input]) }
      blockLabels[column] = Float(labels[index])
    }
    let keepScale = Float(dropout > 0 ? 1 / (1 - dropout) : 1)
    let lastLayer = layerCount - 1
    for layer in 0...lastLayer {
      let shape = shapes[layer]
      let source = values + unitOffsets[layer] * stride
      let target = values + unitOffsets[layer + 1] * stride
      let weights = parameters + shape.weightOffset
      let outputs = shape.outputs
      for output in 0..<outputs {
        let sums = target + output * stride
        let bias = parameters[shape.biasOffset + output]
        for column in 0..<count { sums[column] = bias }
        for input in 0..<shape.inputs {
          Self.addScaled(
            source + input * stride, by: weights[input * outputs + output], into: sums,
            count: count)
        }
      }
      if layer == lastLayer { break }
      let layerSlopes = slopes + unitOffsets[layer + 1] * stride
      for output in 0..<outputs {
        let row = target + output * stride
        let slopeRow = layerSlopes + output * stride
        switch activation {
        case .relu:
          for column in 0..<count {
            let positive = row[column] > 0
            row[column] = positive ? row[column] : 0
            slopeRow[column] = positive ? 1 : 0
          }
        case .tanh:
          for column in 0..<count {
            let value = PortableMath.tanh(row[column])
            row[column] = value
            slopeRow[column] = 1 - value * value
          }
        }
        if dropout > 0 {
          for column in 0..<count {
            let multiplier: Float = generator.nextUnit() < dropout ? 0 : keepScale
            row[column] *= multiplier
            slopeRow[column] *= multiplier
          }
        }
      }
    }
  }

  // MARK: Backward

  /// Runs one mini-batch: writes the mean-loss gradient into ``gradients`` and returns the
  /// mean binary cross-entropy of the batch.
  func accumulateBatch(
    features: UnsafePointer<Double>, labels: UnsafePointer<Double>, indices: ArraySlice<Int>,
    dropout: Double, generator: inout SeededGenerator
  ) -> Double {
    let count = indices.count
    let first = indices.startIndex
    forward(
      count: count, features: features, labels: labels, example: { indices[first + $0] },
      dropout: dropout, generator: &generator)
    let stride = blockCapacity
    let scale = 1 / Float(count)
    let logits = values + outputRow * stride
    let outputDeltas = deltas + outputRow * stride
    var totalLoss: Float = 0
    for column in 0..<count {
      let logit = logits[column]
      let label = blockLabels[column]
      totalLoss += Self.crossEntropy(logit: logit, label: label)
      outputDeltas[column] = (Self.sigmoid(logit) - label) * scale
    }
    var layer = layerCount
    while layer > 0 {
      layer -= 1
      let shape = shapes[layer]
      let outputs = shape.outputs
      let source = values + unitOffsets[layer] * stride
      let layerDeltas = deltas + unitOffsets[layer + 1] * stride
      let weights = parameters + shape.weightOffset
      for output in 0..<outputs {
        let deltaRow = layerDeltas + output * stride
        gradients[shape.biasOffset + output] = Self.sum(deltaRow, count: count)
        for input in 0..<shape.inputs {
          gradients[shape.weightOffset + input * outputs + output] = Self.dot(
            deltaRow, source + input * stride, count: count)
        }
      }
      guard layer > 0 else { break }
      let previous = deltas + unitOffsets[layer] * stride
      let previousSlopes = slopes + unitOffsets[layer] * stride
      for input in 0..<shape.inputs {
        let row = previous + input * stride
        for column in 0..<count { row[column] = 0 }
        for output in 0..<outputs {
          Self.addScaled(
            layerDeltas + output * stride, by: weights[input * outputs + output], into: row,
            count: count)
        }
        let slopeRow = previousSlopes + input * stride
        for column in 0..<count { row[column] *= slopeRow[column] }
      }
    }
    return Double(totalLoss / Float(count))
  }

  @inline(__always)
  private static func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inline(__always)
  private static func store(_ value: SIMD8<Float>, to pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
  }

  /// target[i] += scale · source[i] for `count` values (the rows never overlap).
  @inline(__always)
  private static func addScaled(
    _ source: UnsafePointer<Float>, by scale: Float, into target: UnsafeMutablePointer<Float>,
    count: Int
  ) {
    var index = 0
    let factor = SIMD8<Float>(repeating: scale)
    while index + 8 <= count {
      store(load(target + index) + factor * load(source + index), to: target + index)
      index += 8
    }
    while index < count {
      target[index] += scale * source[index]
      index += 1
    }
  }

  /// Σ x[i] over `count` values, in eight interleaved lanes.
  @inline(__always)
  private static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var lanes = SIMD8<Float>(repeating: 0)
    var index = 0
    while index + 8 <= count {
      lanes += load(x + index)
      index += 8
    }
    var total = reduced(lanes)
    while index < count {
      total += x[index]
      index += 1
    }
    return total
  }

  /// Σ x[i]·y[i] over `count` values, in eight interleaved lanes.
  @inline(__always)
  private static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int)
    -> Float
  {
    var lanes = SIMD8<Float>(repeating: 0)
    var index = 0
    while index + 8 <= count {
      lanes += load(x + index) * load(y + index)
      index += 8
    }
    var total = reduced(lanes)
    while index < count {
      total += x[index] * y[index]
      index += 1
    }
    return total
  }

  /// The lanes' sum in a fixed pairwise order.
  @inline(__always)
  private static func reduced(_ lanes: SIMD8<Float>) -> Float {
    let half = lanes.lowHalf + lanes.highHalf
    return (half[0] + half[1]) + (half[2] + half[3])
  }

  // MARK: Updates

  /// Global L2 norm of ``gradients`` (in single precision, as `clip_grad_norm_` computes it;
  /// +∞ or NaN once the gradients are).
  func gradientNorm() -> Double {
    Double(Self.dot(gradients, gradients, count: parameterCount).squareRoot())
  }

  /// Scales ``gradients`` so their norm is at most `maximum`, as `clip_grad_norm_` does
  /// (a non-finite norm makes every gradient NaN there too).
  func clipGradients(norm: Double, to maximum: Double) {
    let coefficient = Float(maximum / (norm + 1e-6))
    guard !(coefficient >= 1) else { return }
    for index in 0..<parameterCount { gradients[index] *= coefficient }
  }

  /// One optimizer update with rate `rate`, in PyTorch's formulation.
  func update(optimizer: OptimizerKind, rate: Double, momentum: Double, weightDecay: Double) {
    switch optimizer {
    case .sgd:
      // torch.optim.SGD: L2 decay added to the gradient, then the momentum buffer.
      let decay = Float(weightDecay)
      let friction = Float(momentum)
      let step = Float(rate)
      for index in 0..<parameterCount {
        let gradient = gradients[index] + decay * decayMask[index] * parameters[index]
        let velocity = friction * firstMoment[index] + gradient
        firstMoment[index] = velocity
        parameters[index] -= step * velocity
      }
    case .adamW:
      // torch.optim.AdamW with betas (0.9, 0.999) and eps 1e-8, the Trainer's defaults.
      let beta1: Float = 0.9
      let beta2: Float = 0.999
      let epsilon: Float = 1e-8
      beta1Power *= 0.9
      beta2Power *= 0.999
      let correction2Root = Float((1 - beta2Power).squareRoot())
      let stepSize = Float(rate / (1 - beta1Power))
      let shrink = Float(1 - rate * weightDecay)
      for index in 0..<parameterCount {
        parameters[index] *= decayMask[index] != 0 ? shrink : 1
        let gradient = gradients[index]
        let m = beta1 * firstMoment[index] + (1 - beta1) * gradient
        let v = beta2 * secondMoment[index] + (1 - beta2) * gradient * gradient
        firstMoment[index] = m
        secondMoment[index] = v
        parameters[index] -= stepSize * m / (v.squareRoot() / correction2Root + epsilon)
      }
    }
  }

  // MARK: Evaluation

  /// Mean loss and the number of correctly classified examples over a whole set, no dropout;
  /// with `recordingLogits`, also every example's logit, in order.
  func evaluate(_ data: Dataset, recordingLogits: Bool = false)
    -> (loss: Double, correct: Int, logits: [Double])
  {
    var unusedGenerator = SeededGenerator(seed: 0)
    var totalLoss: Float = 0
    var correct = 0
    var recorded: [Double] = []
    if recordingLogits { recorded.reserveCapacity(data.count) }
    let logits = values + outputRow * blockCapacity
    data.features.withUnsafeBufferPointer { features in
      data.labels.withUnsafeBufferPointer { labels in
        guard let featureBase = features.baseAddress, let labelBase = labels.baseAddress else {
          return
        }
        var start = 0
        while start < data.count {
          let count = min(Self.evaluationBlock, data.count - start)
          let offset = start
          forward(
            count: count, features: featureBase, labels: labelBase, example: { offset + $0 },
            dropout: 0, generator: &unusedGenerator)
          for column in 0..<count {
            let logit = logits[column]
            let label = blockLabels[column]
            if recordingLogits { recorded.append(Double(logit)) }
            totalLoss += Self.crossEntropy(logit: logit, label: label)
            // A thresholded prediction: class 1 when the probability exceeds 0.5.
            if (logit > 0 ? 1 : 0) == label { correct += 1 }
          }
          start += count
        }
      }
    }
    return (data.count == 0 ? .nan : Double(totalLoss / Float(data.count)), correct, recorded)
  }

  /// Binary cross-entropy from a logit, stable for large |logit| (PyTorch's
  /// `binary_cross_entropy_with_logits`); NaN for an infinite logit, as there.
  @inline(__always)
  static func crossEntropy(logit: Float, label: Float) -> Float {
    max(logit, 0) - logit * label + PortableMath.log1p(PortableMath.exp(-abs(logit)))
  }

  @inline(__always)
  static func sigmoid(_ x: Float) -> Float { 1 / (1 + PortableMath.exp(-x)) }

  /// The probability of class 1 for a recorded logit.
  static func sigmoid(_ x: Double) -> Double { 1 / (1 + PortableMath.exp(-x)) }
}
