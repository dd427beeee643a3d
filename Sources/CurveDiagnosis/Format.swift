import CurveCore

/// Numbers as the reports print them.
package enum Format {
  /// Four significant digits, no trailing zeros: 0.6931, 12.35, 1.2e-05.
  package static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude < 1e-3 || magnitude >= 1e6 {
      var exponent = 0
      var mantissa = magnitude
      while mantissa >= 10 { mantissa /= 10; exponent += 1 }
      while mantissa < 1 { mantissa *= 10; exponent -= 1 }
      let digits = trimmed((mantissa * 100).rounded() / 100)
      return (value < 0 ? "-" : "") + digits + "e" + (exponent < 0 ? "-" : "+")
        + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
    }
    var scale = 1.0
    while magnitude * scale < 1000 { scale *= 10 }
    while magnitude * scale >= 10000 { scale /= 10 }
    return trimmed((value * scale).rounded() / scale)
  }

  /// A fraction as a whole percentage: 0.312 → "31%".
  package static func percent(_ fraction: Double) -> String {
    guard fraction.isFinite else { return "?%" }
    let percent = fraction * 100
    if percent != 0 && abs(percent) < 1 { return percent < 0 ? "-<1%" : "<1%" }
    if abs(percent) < 10 && abs(percent) >= 1 { return trimmed((percent * 10).rounded() / 10) + "%" }
    // Past a million percent a whole number of percent stops being readable (and would not
    // fit an Int for absurd values): fall back to the compact number format.
    guard abs(percent) < 1e6, let whole = Int(checked: percent) else { return number(percent) + "%" }
    return String(whole) + "%"
  }

  /// A difference of two shares as accuracy points: 0.12 → "12 points", -0.03 → "-3 points".
  /// Shares outside -1...1 cannot come from accuracies; they are shown as numbers, never as
  /// thousands of points.
  package static func points(_ difference: Double) -> String {
    guard difference.isFinite, abs(difference) <= 1 + 1e-9 else { return number(difference) }
    let text = String(percent(difference).dropLast())
    let one = text == "1" || text == "-1" || text.hasPrefix("<") || text.hasPrefix("-<")
    return text + (one ? " point" : " points")
  }

  /// `step 320 (epoch 10)` or `epoch 12` for epoch-counted logs.
  static func position(step: Int, epoch: Double?, unit: StepUnit) -> String {
    if unit == .epoch { return "epoch \(step)" }
    guard let epoch else { return "step \(step)" }
    return "step \(step) (epoch \(number(epoch)))"
  }

  private static func trimmed(_ value: Double) -> String {
    let text = "\(value)"
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }
}
