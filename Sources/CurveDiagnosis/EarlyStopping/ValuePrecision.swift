/// The floating-point width a framework compares a monitored value in.
///
/// Lightning's `EarlyStopping` subtracts `min_delta` from the metric tensor, so the subtraction
/// and the comparison happen in the tensor's type, float32 for a float32 model. Keras 3 computes
/// `current - min_delta` in Python (float64) but compares with `keras.ops.less`/`greater`,
/// which convert both sides to float32 tensors on the TensorFlow, JAX and PyTorch backends (not
/// on the NumPy backend, and not in tf.keras 2, which compares with NumPy in float64). An
/// improvement within float32 rounding of `min_delta` then counts differently than in float64.
///
/// The log tells which: a value a float32 framework logged is a float32 number written out in
/// full (`0.6931471824645996`), and survives a round trip through 32-bit floating point
/// unchanged; a value computed in float64, or rounded for printing (`0.6931`), almost never
/// does. ``inferred(from:)`` calls a series float32 when every finite value survives that
/// round trip.
///
/// ```swift
/// ValuePrecision.inferred(from: [0.6931471824645996, 0.5])  // .float32
/// ValuePrecision.inferred(from: [0.6931, 0.5])              // .float64
/// ```
public enum ValuePrecision: String, Sendable, Equatable, CaseIterable, Codable {
  /// 32-bit IEEE floating point (`torch.float32`, Keras' default `floatx`).
  case float32
  /// 64-bit IEEE floating point (Python's `float`, NumPy's default).
  case float64

  /// `.float32` when the series has a finite value and every finite value is exactly a float32
  /// number; `.float64` otherwise.
  public static func inferred(from values: [Double?]) -> ValuePrecision {
    let finite = values.compactMap { $0 }.filter(\.isFinite)
    guard !finite.isEmpty, finite.allSatisfy({ Double(Float($0)) == $0 }) else { return .float64 }
    return .float32
  }
}

/// Comparisons of monitored values as a framework makes them, in a given precision.
struct MonitorComparison {
  var precision: ValuePrecision
  var greaterIsBetter: Bool

  /// Whether `value` is strictly better than `reference` (`torch.lt`/`gt`, `np.less`/`greater`).
  func isBetter(_ value: Double, than reference: Double) -> Bool {
    switch precision {
    case .float64: return greaterIsBetter ? value > reference : value < reference
    case .float32:
      let (a, b) = (Float(value), Float(reference))
      return greaterIsBetter ? a > b : a < b
    }
  }

  /// Keras 3 `MonitorCallback._is_improvement`: `current - min_delta` (with `min_delta`
  /// negated for a metric to minimise) is computed in float64, then compared with `ops.less` or
  /// `ops.greater`, which round both sides to the precision.
  func kerasImproves(_ value: Double, over reference: Double, minDelta: Double) -> Bool {
    isBetter(greaterIsBetter ? value - minDelta : value + minDelta, than: reference)
  }

  /// Lightning `EarlyStopping`: `current - min_delta` on the metric tensor, so in the
  /// precision itself (`min_delta` rounded to it first), then `torch.lt`/`gt` with the best.
  func lightningImproves(_ value: Double, over best: Double, minDelta: Double) -> Bool {
    switch precision {
    case .float64:
      return isBetter(greaterIsBetter ? value - minDelta : value + minDelta, than: best)
    case .float32:
      let shifted =
        greaterIsBetter ? Float(value) - Float(minDelta) : Float(value) + Float(minDelta)
      return isBetter(Double(shifted), than: best)
    }
  }
}
