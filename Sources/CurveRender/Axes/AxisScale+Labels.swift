import Foundation

extension AxisScale {
  /// A short label for a tick, with just the decimals the tick spacing needs.
  ///
  /// Labels on one axis share a notation: scientific (`2e-3`) when every tick is below 0.01,
  /// otherwise decimals with a `k`, `M`, `G` or `T` suffix from a thousand up.
  ///
  /// ```swift
  /// let scale = AxisScale(covering: 0...1)
  /// scale.ticks.map(scale.label)  // ["0", "0.25", "0.5", "0.75", "1"]
  /// ```
  public func label(for value: Double) -> String {
    let magnitude = max(abs(bounds.lowerBound), abs(bounds.upperBound))
    return Self.format(value, spacing: tickSpacing > 0 ? tickSpacing : nil, magnitude: magnitude)
  }

  /// A short label for any value, to three significant digits.
  ///
  /// ```swift
  /// AxisScale.compactLabel(for: 0.25)     // "0.25"
  /// AxisScale.compactLabel(for: 0.00123)  // "1.23e-3"
  /// AxisScale.compactLabel(for: 1500)     // "1.5k"
  /// AxisScale.compactLabel(for: .nan)     // "nan"
  /// ```
  public static func compactLabel(for value: Double) -> String {
    format(value, spacing: nil, magnitude: abs(value))
  }

  static func format(_ value: Double, spacing: Double?, magnitude: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == 0 || abs(value) < (spacing ?? 0) * 1e-6 { return "0" }
    if magnitude < 0.01 || magnitude >= 1e15 {
      return scientific(value, spacing: spacing)
    }
    let units: [(scale: Double, suffix: String)] = [
      (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"), (1, ""),
    ]
    var unitIndex = units.firstIndex { abs(value) >= $0.scale } ?? units.count - 1
    while true {
      let unit = units[unitIndex]
      let scaled = value / unit.scale
      let decimals =
        spacing.map { decimalsNeeded(for: $0 / unit.scale) }
        ?? significantDecimals(for: scaled)
      let text = fixed(scaled, decimals: decimals)
      if unitIndex > 0, abs(scaled).rounded() >= 1000, let number = Double(text),
        abs(number) >= 1000
      {
        unitIndex -= 1
        continue
      }
      return text + unit.suffix
    }
  }

  private static func scientific(_ value: Double, spacing: Double?) -> String {
    var exponent = log10(abs(value)).rounded(.down)
    var mantissa = value / pow(10, exponent)
    var decimals =
      spacing.map { decimalsNeeded(for: $0 / pow(10, exponent)) }
      ?? significantDecimals(for: mantissa)
    if Double(fixed(mantissa, decimals: decimals)).map({ abs($0) >= 10 }) ?? false {
      exponent += 1
      mantissa = value / pow(10, exponent)
      decimals = max(0, decimals - 1)
    }
    return fixed(mantissa, decimals: decimals) + "e" + String(Int(exponent))
  }

  /// Decimals that show `step` exactly (up to 6), so that ticks `step` apart stay distinct.
  private static func decimalsNeeded(for step: Double) -> Int {
    for decimals in 0...6 {
      let scaled = abs(step) * pow(10, Double(decimals))
      if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return decimals }
    }
    return 6
  }

  /// Decimals that show three significant digits of `value`.
  private static func significantDecimals(for value: Double) -> Int {
    guard value != 0, value.isFinite else { return 0 }
    return min(6, max(0, 2 - Int(log10(abs(value)).rounded(.down))))
  }

  /// `value` rounded to `decimals` places (at most 6), without trailing zeros unless
  /// `trimmingZeros` is false (for columns of a table).
  package static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = true) -> String {
    let decimals = min(6, max(0, decimals))
    let power = pow(10, Double(decimals))
    let magnitude = (abs(value) * power).rounded()
    guard magnitude < 1e15 else { return String(value) }
    let units = Int64(magnitude)
    let divisor = Int64(power)
    let whole = units / divisor
    var fraction = String(units % divisor)
    if decimals > 0 {
      fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
      while trimmingZeros, fraction.hasSuffix("0") { fraction.removeLast() }
    } else {
      fraction = ""
    }
    let sign = value < 0 && units != 0 ? "-" : ""
    return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
  }
}
