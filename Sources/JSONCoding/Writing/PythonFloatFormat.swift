/// Formats doubles exactly as Python's `repr(float)` does.
///
/// Swift's `description` and Python's `repr` both produce the shortest digit string that reads
/// back to the same double, but lay it out differently between 2^53 and 10^16: Swift writes
/// `9.007199254740994e+15` where Python writes `9007199254740994.0`. This takes Swift's digits
/// and applies Python's layout: positional notation when the decimal exponent is between -5
/// and 15, scientific notation with at least two exponent digits otherwise.
enum PythonFloatFormat {
  /// Appends the `repr` of a finite double to `output`.
  static func append(_ value: Double, to output: inout [UInt8]) {
    if value == 0 {
      output.append(contentsOf: (value.sign == .minus ? "-0.0" : "0.0").utf8)
      return
    }
    // Python writes positional notation exactly for 1e-4 <= |value| < 1e16 (both bounds are
    // doubles whose shortest digits are `1`). Swift's text is kept when it agrees.
    var text = value.description
    let isPositionalInPython = value.magnitude >= 1e-4 && value.magnitude < 1e16
    let isPositionalInSwift = text.withUTF8 { !$0.contains(UInt8(ascii: "e")) }
    if isPositionalInPython == isPositionalInSwift {
      text.withUTF8 { output.append(contentsOf: $0) }
      return
    }
    let (isNegative, digits, decimalPoint) = shortestDigits(text)
    if isNegative { output.append(.minus) }
    if decimalPoint > -4 && decimalPoint <= 16 {
      if decimalPoint <= 0 {
        output.append(.zero)
        output.append(.dot)
        output.append(contentsOf: repeatElement(.zero, count: -decimalPoint))
        output.append(contentsOf: digits)
      } else if decimalPoint >= digits.count {
        output.append(contentsOf: digits)
        output.append(contentsOf: repeatElement(.zero, count: decimalPoint - digits.count))
        output.append(.dot)
        output.append(.zero)
      } else {
        output.append(contentsOf: digits[..<decimalPoint])
        output.append(.dot)
        output.append(contentsOf: digits[decimalPoint...])
      }
    } else {
      output.append(digits[0])
      if digits.count > 1 {
        output.append(.dot)
        output.append(contentsOf: digits[1...])
      }
      let exponent = decimalPoint - 1
      output.append(UInt8(ascii: "e"))
      output.append(exponent < 0 ? .minus : .plus)
      if abs(exponent) < 10 { output.append(.zero) }
      output.append(contentsOf: String(abs(exponent)).utf8)
    }
  }

  /// The sign, the significant digits without leading or trailing zeros, and the position of
  /// the decimal point of a number's text, so that `|value| = 0.digits × 10^decimalPoint`.
  private static func shortestDigits(_ text: String) -> (Bool, [UInt8], Int) {
    var digits: [UInt8] = []
    var decimalPoint = 0
    var exponent = 0
    var isNegative = false
    var seenDot = false
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case .minus:
        isNegative = true
      case .dot:
        seenDot = true
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if digits.isEmpty && byte == .zero {
          if seenDot { decimalPoint -= 1 }
        } else {
          digits.append(byte)
          if !seenDot { decimalPoint += 1 }
        }
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        var sign = 1
        var magnitude = 0
        while let next = bytes.next() {
          if next == .minus {
            sign = -1
          } else if next != .plus {
            magnitude = magnitude * 10 + Int(next - .zero)
          }
        }
        exponent = sign * magnitude
      default:
        break
      }
    }
    while digits.count > 1 && digits.last == .zero { digits.removeLast() }
    return (isNegative, digits, decimalPoint + exponent)
  }
}
