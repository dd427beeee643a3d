@testable import CurveSim
import Testing

/// The backward pass is checked against finite differences of the forward pass, for every
/// architecture the simulator offers.
@Suite struct TrainingKernelTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let hidden: [Int]
    let activation: Activation
    var testDescription: String { "\(hidden) \(activation)" }
  }

  static let cases = [
    Case(hidden: [], activation: .tanh), Case(hidden: [5], activation: .tanh),
    Case(hidden: [4, 3], activation: .tanh), Case(hidden: [6], activation: .relu),
    Case(hidden: [3, 5], activation: .relu),
  ]

  @Test(arguments: cases)
  func gradientsMatchFiniteDifferences(_ architecture: Case) {
    var generator = SeededGenerator(seed: 4)
    let network = Network(
      inputs: 3, hidden: architecture.hidden, activation: architecture.activation,
      using: &generator)
    let features = (0..<18).map { _ in generator.nextNormal() }
    let labels: [Double] = [1, 0, 1, 1, 0, 0]
    let indices = Array(0..<6)[...]
    let kernel = TrainingKernel(network: network, batchSize: 6)
    var unused = SeededGenerator(seed: 0)

    func loss() -> Double {
      features.withUnsafeBufferPointer { x in
        labels.withUnsafeBufferPointer { y in
          kernel.accumulateBatch(
            features: x.baseAddress!, labels: y.baseAddress!, indices: indices, dropout: 0,
            generator: &unused)
        }
      }
    }
    _ = loss()
    let analytic = Array(UnsafeBufferPointer(start: kernel.gradients, count: kernel.parameterCount))
    // The kernel works in single precision, so the step is large enough for the difference to
    // stand above rounding (about 1e-7 of a loss near 0.7, so 1e-4 in the slope), small enough
    // for the curvature to stay far below the tolerance and for no ReLU to cross its kink.
    let step: Float = 1e-3
    for index in 0..<kernel.parameterCount {
      let original = kernel.parameters[index]
      kernel.parameters[index] = original + step
      let up = loss()
      kernel.parameters[index] = original - step
      let down = loss()
      kernel.parameters[index] = original
      let numeric = (up - down) / (2 * Double(step))
      #expect(abs(numeric - Double(analytic[index])) < 5e-4, "parameter \(index)")
    }
  }

  @Test func evaluationCountsThresholdedPredictions() {
    var generator = SeededGenerator(seed: 2)
    let network = Network(inputs: 2, hidden: [4], activation: .tanh, using: &generator)
    let data = DatasetSpec(kind: .moons, trainSize: 37, evalSize: 10, inputNoise: 0.1, labelNoise: 0)
      .makeSplit(seed: 2).training
    let kernel = TrainingKernel(network: network, batchSize: 8)
    let result = kernel.evaluate(data)
    let expected = (0..<data.count).filter { index in
      let probability = network.probability(of: data.example(index))
      return (probability > 0.5 ? 1.0 : 0.0) == data.labels[index]
    }.count
    #expect(result.correct == expected)
  }
}
