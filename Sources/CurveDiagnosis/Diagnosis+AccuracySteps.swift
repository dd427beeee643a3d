extension AccuracySteps {
  /// Reads the step structure of accuracy values.
  ///
  /// Accuracy on N examples can only be k/N, so every value times the right N is a whole
  /// number. The smallest N that makes every value whole (within the rounding a log applies)
  /// is the set size the curve implies; when no N up to ``largestSetSize`` fits, the values are
  /// not visibly quantized.
  static func read(_ values: [Double]) -> AccuracySteps? {
    let finite = values.filter { $0.isFinite && $0 >= 0 && $0 <= 1 }
    let distinct = Array(Set(finite)).sorted()
    guard distinct.count >= 2 else { return nil }
    let smallest = zip(distinct, distinct.dropFirst()).map { $1 - $0 }.min()
    // First as written (exact fractions); then allowing for the rounding the log applied,
    // since logs often keep 4 to 6 decimals.
    // An exact fit at a divisor of 10^d, for values written with d >= 3 decimals, only
    // reflects the rounding (every 4-decimal value is a multiple of 1/10000).
    let decimals = decimalPlaces(of: finite)
    var size = smallestFittingSize(finite, tolerance: 1e-9)
    if let exact = size, decimals >= 3, decimals < 12, Int(pow10(decimals)) % exact == 0 {
      size = nil
    }
    if size == nil, decimals < 12 {
      size = smallestFittingSize(finite, tolerance: 0.5 * pow10(-decimals))
    }
    return AccuracySteps(isQuantized: size != nil, impliedSetSize: size, smallestStep: smallest)
  }

  /// The smallest N for which every value lies within `tolerance` of some k/N.
  private static func smallestFittingSize(_ values: [Double], tolerance: Double) -> Int? {
    for candidate in 1...largestSetSize {
      let n = Double(candidate)
      // Past this N the tolerance could fit any value: the test says nothing.
      if n * tolerance > 0.25 { return nil }
      if values.allSatisfy({ abs($0 * n - ($0 * n).rounded()) <= n * tolerance }) {
        return candidate
      }
    }
    return nil
  }

  /// Sets larger than this move accuracy in steps too small to see.
  static let largestSetSize = 20_000

  /// The most decimal places any value needs (12 or more means full precision).
  private static func decimalPlaces(of values: [Double]) -> Int {
    var decimals = 0
    for value in values {
      var scaled = value
      var places = 0
      while places < 12 && abs(scaled - scaled.rounded()) > 1e-9 * max(1, abs(scaled)) {
        scaled *= 10
        places += 1
      }
      decimals = max(decimals, places)
    }
    return decimals
  }

  private static func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    for _ in 0..<abs(exponent) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}
