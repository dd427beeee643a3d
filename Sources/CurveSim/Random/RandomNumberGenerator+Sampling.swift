/// Samplers built only from `next()`, so their output never depends on the standard library's
/// algorithms.
extension RandomNumberGenerator {
  /// A double in `0..<1` made from the top 53 bits of `next()`.
  public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A double in `range`, uniformly.
  public mutating func nextDouble(in range: ClosedRange<Double>) -> Double {
    range.lowerBound + (range.upperBound - range.lowerBound) * nextUnit()
  }

  /// A double whose logarithm is uniform in `range`'s logarithms: for rates such as `1e-4...1e-2`.
  public mutating func nextLogUniform(in range: ClosedRange<Double>) -> Double {
    precondition(range.lowerBound > 0, "a log-uniform range must be positive")
    return PortableMath.exp(
      nextDouble(in: PortableMath.log(range.lowerBound)...PortableMath.log(range.upperBound)))
  }

  /// A whole number in `0..<bound`, without modulo bias (Lemire's method).
  public mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "the bound must be positive")
    let limit = UInt64(bound)
    var product = next().multipliedFullWidth(by: limit)
    if product.low < limit {
      let threshold = (0 &- limit) % limit
      while product.low < threshold {
        product = next().multipliedFullWidth(by: limit)
      }
    }
    return Int(product.high)
  }

  /// A whole number in `range`, uniformly.
  public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + nextIndex(below: range.upperBound - range.lowerBound + 1)
  }

  /// One element of a non-empty array, uniformly.
  public mutating func pick<T>(_ choices: [T]) -> T {
    precondition(!choices.isEmpty, "nothing to pick from")
    return choices[nextIndex(below: choices.count)]
  }

  /// A standard normal deviate (Box–Muller; uses two draws, keeps one).
  public mutating func nextNormal() -> Double {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    let u1 = 1 - nextUnit()
    let u2 = nextUnit()
    return (-2 * PortableMath.log(u1)).squareRoot() * PortableMath.cos(2 * Double.pi * u2)
  }

  /// Whether an event of probability `p` happens.
  public mutating func nextBernoulli(_ p: Double) -> Bool { nextUnit() < p }
}

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
  /// Shuffles in place (Fisher–Yates) with draws from `generator`.
  public mutating func seededShuffle(using generator: inout some RandomNumberGenerator) {
    guard count > 1 else { return }
    for offset in stride(from: count - 1, to: 0, by: -1) {
      let other = generator.nextIndex(below: offset + 1)
      swapAt(startIndex + offset, startIndex + other)
    }
  }
}
