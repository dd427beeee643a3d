extension Int {
  /// The whole number `value` rounds to, or `nil` when there is none: NaN, an infinity, or a
  /// value beyond `Int`'s range.
  ///
  /// A number read from a file can be anything (`Infinity` is what Python's `json.dump` writes
  /// for an overflowed float, and 2^63 is one more than `Int.max`), and `Int(_:)` traps on
  /// all of those. Every conversion of such a number to an integer goes through this
  /// initializer instead, so a hostile file gets a message, never a crash.
  ///
  /// ```swift
  /// Int(checked: 12.6)                     // 13
  /// Int(checked: 12.6, rounding: .down)    // 12
  /// Int(checked: .infinity)                // nil
  /// Int(checked: 9.3e18)                   // nil: beyond Int.max
  /// Int(checked: Double(Int.max))          // nil: Double(Int.max) is 2^63
  /// ```
  ///
  /// - Parameters:
  ///   - value: Any double.
  ///   - rule: How to round a value with a fraction; schoolbook rounding by default, as
  ///     `rounded()` does.
  package init?(
    checked value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
  ) {
    guard let whole = Int(exactly: value.rounded(rule)) else { return nil }
    self = whole
  }

  /// A whole number that went through `Double` on its way (a step in a curve of doubles)
  /// back as an integer, clamped to `Int.min...Int.max` and rounded toward zero.
  ///
  /// `Double(Int.max)` is 2^63, one past `Int.max`: `Int(_:)` traps on it, this gives
  /// `Int.max` back. NaN, which no integer becomes, gives 0. For numbers that come from a
  /// file, use ``init(checked:rounding:)`` and say what is wrong when it fails.
  ///
  /// ```swift
  /// Int(clamping: Double(Int.max))  // Int.max
  /// Int(clamping: -.infinity)       // Int.min
  /// Int(clamping: 320.0)            // 320
  /// ```
  package init(clamping value: Double) {
    if value >= 0x1p63 {
      self = .max
    } else if value < -0x1p63 {
      self = .min
    } else {
      self = Int(checked: value, rounding: .towardZero) ?? 0
    }
  }
}
