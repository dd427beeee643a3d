import JSONCoding
import Testing

/// Checks the parser's fast number paths against the standard library's correctly rounded
/// `Double(String)`, bit for bit.
@Suite struct DecimalConversionTests {
  /// xorshift64*, local to these tests so that the cases never change.
  private struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 0x2545_F491_4F6C_DD1D
    }
  }

  /// The numbers in `texts` whose parsed bits differ from `Double(text)`.
  private func mismatches(_ texts: [String]) throws -> [String] {
    let document = try JSONDocument(parsing: "[" + texts.joined(separator: ",") + "]")
    return zip(document.root.elements, texts).compactMap { node, text in
      guard let parsed = node.doubleValue, let expected = Double(text) else { return text }
      return parsed.bitPattern == expected.bitPattern ? nil : text
    }
  }

  @Test func convertsBoundaryValuesExactly() throws {
    let texts = [
      "0.1", "0.2", "0.30000000000000004", "1e-05", "4.9e-05", "1.2345678901234567",
      "9007199254740993", "9007199254740993.0", "9007199254740992.5", "2.2250738585072011e-308",
      "2.2250738585072014e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
      "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308",
      "1.7976931348623159e308", "8.98846567431158e307", "1e23", "1e22", "1e-22", "1e-23",
      "7.2057594037927933e16", "3.0517578125e-05", "0.000000000000000000001234567890123456789",
      "123456789012345678901234567890", "1.00000000000000011102230246251565404236316680908203125",
      "1.00000000000000011102230246251565404236316680908203124", "1e-400", "1e400", "-0.0",
      "0e-500", "0.0008100445524503848", "4.999995000005e-05", "18446744073709551615",
      "18446744073709551616e-10", "9999999999999999999", "0.9999999999999999999",
    ]
    #expect(try mismatches(texts) == [])
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func convertsRandomNumbersExactly(seed: UInt64) throws {
    var generator = Generator(state: 0x9E37_79B9_7F4A_7C15 &+ seed &* 0x1000_0001)
    var texts: [String] = []
    for _ in 0..<5_000 {
      let digitCount = Int(generator.next() % 19) + 1
      var digits = String(generator.next() % 9 + 1)
      for _ in 1..<digitCount { digits += String(generator.next() % 10) }
      switch generator.next() % 3 {
      case 0:
        // Shortest representations of arbitrary finite doubles.
        let value = Double(bitPattern: generator.next())
        texts.append(value.isFinite ? "\(value)" : "1.5")
      case 1:
        // Up to 19 significant digits with any exponent.
        texts.append(digits + "e" + String(Int(generator.next() % 700) - 350))
      default:
        // Positional notation with the point anywhere.
        let point = Int(generator.next() % UInt64(digitCount + 1))
        let index = digits.index(digits.startIndex, offsetBy: point)
        let text = point == 0 ? "0." + digits : digits[..<index] + "." + digits[index...]
        texts.append(text.hasSuffix(".") ? text + "0" : text)
      }
    }
    #expect(try mismatches(texts) == [])
  }
}
