/// A multilayer perceptron with one sigmoid output, for binary classification.
///
/// All weights and biases live in one flat array, layer after layer (each layer's weights
/// grouped by input unit, then its biases), so the optimizer, weight decay and gradient clipping
/// work on the whole network at once. With no hidden layers it is logistic regression.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let network = Network(inputs: 2, hidden: [8], activation: .tanh, using: &rng)
/// network.probability(of: [0.5, -1.0])  // in (0, 1)
/// ```
public struct Network: Sendable, Equatable {
  /// Units per layer, from the inputs to the single output.
  public let layerSizes: [Int]
  /// Nonlinearity of the hidden layers.
  public let activation: Activation
  /// Every weight and bias, in layer order.
  public var parameters: [Double]

  /// Creates a network initialised as PyTorch's `nn.Linear` does: every weight and bias uniform
  /// in `±1/√fan_in`.
  public init(
    inputs: Int, hidden: [Int], activation: Activation,
    using generator: inout some RandomNumberGenerator
  ) {
    precondition(inputs > 0 && hidden.allSatisfy { $0 > 0 }, "layer sizes must be positive")
    layerSizes = [inputs] + hidden + [1]
    self.activation = activation
    let shapes = LayerShape.shapes(for: layerSizes)
    var parameters = [Double](repeating: 0, count: shapes.last.map { $0.biasOffset + $0.outputs } ?? 0)
    for shape in shapes {
      let bound = 1 / Double(shape.inputs).squareRoot()
      for index in shape.weightOffset..<(shape.biasOffset + shape.outputs) {
        parameters[index] = generator.nextDouble(in: -bound...bound)
      }
    }
    self.parameters = parameters
  }

  /// Where each layer's weights and biases sit in ``parameters``.
  var shapes: [LayerShape] { LayerShape.shapes(for: layerSizes) }

  /// The network's probability that `input` belongs to class 1.
  ///
  /// Computed in single precision with the training kernel's operations in its order, so a
  /// prediction here agrees with the one the simulator scored.
  public func probability(of input: some Collection<Double>) -> Double {
    precondition(input.count == layerSizes[0], "the input has the wrong number of features")
    var current = input.map(Float.init)
    for (index, shape) in shapes.enumerated() {
      var next = [Float](repeating: 0, count: shape.outputs)
      for output in 0..<shape.outputs {
        var sum = Float(parameters[shape.biasOffset + output])
        for input in 0..<shape.inputs {
          sum += Float(parameters[shape.weightOffset + input * shape.outputs + output]) * current[input]
        }
        next[output] = index == shapes.count - 1 ? sum : activation.apply(sum)
      }
      current = next
    }
    return Double(1 / (1 + PortableMath.exp(-current[0])))
  }
}

/// One fully connected layer's place in the flat parameter array.
struct LayerShape: Sendable, Equatable {
  let inputs: Int
  let outputs: Int
  let weightOffset: Int
  let biasOffset: Int

  static func shapes(for sizes: [Int]) -> [LayerShape] {
    var shapes: [LayerShape] = []
    var offset = 0
    for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
      shapes.append(
        LayerShape(
          inputs: inputs, outputs: outputs, weightOffset: offset,
          biasOffset: offset + inputs * outputs))
      offset += inputs * outputs + outputs
    }
    return shapes
  }
}

extension Activation {
  /// The nonlinearity applied to `x`.
  @inline(__always)
  func apply(_ x: Float) -> Float {
    switch self {
    case .relu: x > 0 ? x : 0
    case .tanh: PortableMath.tanh(x)
    }
  }
}
