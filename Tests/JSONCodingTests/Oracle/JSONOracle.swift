import Foundation
import JSONCoding

/// Differential testing of the JSON parser against Foundation's `JSONSerialization`: for any
/// bytes, both give the same values, or both refuse, or they differ in one of the documented
/// ways. Shared by `JSONOracleTests` and the JSON fuzz target (Fuzz/).
///
/// Documented differences, where CurveLab follows RFC 8259 and Python's `json` and Foundation
/// does not:
/// - a trailing comma (`[1,]`, `{"a":1,}`): Foundation accepts it, CurveLab refuses it;
/// - a lone surrogate escape (`"\ud800"`): Foundation refuses it, CurveLab reads it as U+FFFD;
/// - a number beyond `Double` (`1e400`): Foundation refuses it, CurveLab reads an infinity;
/// - numbers Foundation keeps as `NSDecimalNumber` (integers past 64 bits, some long
///   fractions): its `doubleValue` is off by a few units in the last place, where CurveLab's is
///   the correctly rounded double (checked against `Double(String)` by the parser's own
///   tests); compared to within one part in 10^13.
enum JSONOracle {
  /// A parsed value in a form both parsers can be compared in.
  indirect enum Value: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double, approximate: Bool)
    case string([UInt32])
    case array([Value])
    case object([String: Value])

    static func == (lhs: Value, rhs: Value) -> Bool {
      switch (lhs, rhs) {
      case (.null, .null): return true
      case (.bool(let a), .bool(let b)): return a == b
      case (.integer(let a), .integer(let b)): return a == b
      case (.string(let a), .string(let b)): return a == b
      case (.array(let a), .array(let b)): return a == b
      case (.object(let a), .object(let b)): return a == b
      default: break
      }
      guard let a = lhs.double, let b = rhs.double else { return false }
      if a == b || (a.isNaN && b.isNaN) { return true }
      if lhs.isApproximate || rhs.isApproximate {
        // NSDecimalNumber's doubleValue is off by a few units in the last place.
        return abs(a - b) <= 1e-13 * max(abs(a), abs(b))
      }
      return false
    }

    private var double: Double? {
      switch self {
      case .integer(let value): Double(value)
      case .number(let value, _): value
      default: nil
      }
    }

    private var isApproximate: Bool {
      if case .number(_, true) = self { return true }
      return false
    }

    var description: String {
      switch self {
      case .null: "null"
      case .bool(let value): "\(value)"
      case .integer(let value): "\(value)"
      case .number(let value, let approximate): approximate ? "~\(value)" : "\(value)"
      case .string(let scalars): "\"\(scalars.map { String($0, radix: 16) })\""
      case .array(let values): "[\(values.map(\.description).joined(separator: ","))]"
      case .object(let members):
        "{\(members.sorted { $0.key < $1.key }.map { "\($0.key.debugDescription):\($0.value)" }.joined(separator: ","))}"
      }
    }
  }

  /// CurveLab's reading: strict RFC 8259 (no `NaN`), any top-level value.
  static func ours(_ bytes: [UInt8]) -> Value? {
    guard let document = try? JSONDocument(parsing: bytes, options: .strict) else { return nil }
    return value(of: document.value)
  }

  /// Foundation's reading, with top-level scalars allowed.
  static func foundation(_ bytes: [UInt8]) -> Value? {
    guard
      let object = try? JSONSerialization.jsonObject(
        with: Data(bytes), options: [.fragmentsAllowed])
    else { return nil }
    return value(ofFoundation: object)
  }

  /// `nil` when both agree (or differ in a documented way); otherwise what differs.
  static func disagreement(_ bytes: [UInt8]) -> String? {
    // Foundation reads other encodings (UTF-16, UTF-32) when it sees NUL bytes or a byte
    // order mark; the comparison is about UTF-8 text.
    if bytes.contains(0) || bytes.starts(with: [0xEF, 0xBB, 0xBF])
      || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
    {
      return nil
    }
    let mine = ours(bytes)
    let theirs = foundation(bytes)
    switch (mine, theirs) {
    case (nil, nil): return nil
    case (let a?, let b?): return a == b ? nil : "values differ: \(a) vs Foundation \(b)"
    case (nil, _?):
      if hasTrailingComma(bytes) { return nil }
      return "CurveLab refuses what Foundation reads"
    case (_?, nil):
      if hasLoneSurrogate(bytes) || hasHugeNumber(bytes) || hasDeepNesting(bytes) { return nil }
      return "Foundation refuses what CurveLab reads"
    }
  }

  // MARK: Conversions

  private static func value(of value: JSONValue) -> Value {
    switch value {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .integer(let integer): return .integer(integer)
    case .double(let double): return .number(double, approximate: false)
    case .string(let text): return .string(text.unicodeScalars.map(\.value))
    case .array(let elements): return .array(elements.map { Self.value(of: $0) })
    case .object(let members):
      var object: [String: Value] = [:]
      for (key, member) in members { object[key] = Self.value(of: member) }  // Last wins.
      return .object(object)
    }
  }

  private static func value(ofFoundation object: Any) -> Value {
    switch object {
    case is NSNull: return .null
    case let text as String: return .string(text.unicodeScalars.map(\.value))
    case let array as [Any]: return .array(array.map { value(ofFoundation: $0) })
    case let dictionary as [String: Any]:
      return .object(dictionary.mapValues { value(ofFoundation: $0) })
    case let decimal as NSDecimalNumber:
      return .number(decimal.doubleValue, approximate: true)
    case let number as NSNumber:
      switch String(cString: number.objCType) {
      case "c", "B": return .bool(number.boolValue)
      case "d", "f": return .number(number.doubleValue, approximate: false)
      case "Q": return .number(Double(number.uint64Value), approximate: false)
      default: return .integer(number.int64Value)
      }
    default:
      return .string(Array("unknown \(type(of: object))".unicodeScalars.map(\.value)))
    }
  }

  // MARK: Documented differences

  /// Whether a `,` is followed (after whitespace) by `]` or `}` outside strings.
  static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
    var inString = false
    var escaped = false
    var pendingComma = false
    for byte in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inString = true
        pendingComma = false
      case UInt8(ascii: ","): pendingComma = true
      case UInt8(ascii: "]"), UInt8(ascii: "}"): if pendingComma { return true }
      case 0x20, 0x09, 0x0A, 0x0D: break
      default: pendingComma = false
      }
    }
    return false
  }

  /// Whether a `\u` escape names a surrogate (`\uD800`...`\uDFFF`); pairs included, since a
  /// pair next to a lone one is read differently too.
  static func hasLoneSurrogate(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 6 else { return false }
    for index in 0..<(bytes.count - 5) where bytes[index] == UInt8(ascii: "\\") {
      guard bytes[index + 1] == UInt8(ascii: "u") else { continue }
      let first = bytes[index + 2] | 0x20
      let second = bytes[index + 3] | 0x20
      if first == UInt8(ascii: "d"), (UInt8(ascii: "8")...UInt8(ascii: "9")).contains(second)
        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(second)
      {
        return true
      }
    }
    return false
  }

  /// Whether a number has an exponent of three or more digits, or more than 300 digits: past
  /// what `Double` holds, or near it.
  static func hasHugeNumber(_ bytes: [UInt8]) -> Bool {
    var digits = 0
    var exponentDigits = 0
    var inExponent = false
    for byte in bytes {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if inExponent { exponentDigits += 1 } else { digits += 1 }
        if exponentDigits >= 3 || digits > 300 { return true }
      case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
      case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): break
      default:
        digits = 0
        exponentDigits = 0
        inExponent = false
      }
    }
    return false
  }

  /// Whether brackets nest deeper than Foundation's own limit (512 on Linux) could matter:
  /// CurveLab stops at 128 by default; more than 100 is left out of the comparison.
  static func hasDeepNesting(_ bytes: [UInt8]) -> Bool {
    var depth = 0
    var deepest = 0
    for byte in bytes {
      if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
      if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
      deepest = max(deepest, depth)
    }
    return deepest > 100
  }
}

/// Random JSON texts from a seed: valid documents of every kind of value, and damaged copies
/// (bytes deleted, doubled, swapped or replaced) to check that both parsers refuse the same.
struct JSONDocumentGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

  private mutating func next() -> UInt64 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return state &* 0x2545_F491_4F6C_DD1D
  }

  private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A valid document, or a damaged one (about a third of the time).
  mutating func document() -> [UInt8] {
    var text = Array(value(depth: 0).utf8)
    if below(3) == 0 { damage(&text) }
    return text
  }

  private mutating func value(depth: Int) -> String {
    let kind = below(depth > 5 ? 6 : 8)
    switch kind {
    case 0: return "null"
    case 1: return below(2) == 0 ? "true" : "false"
    case 2: return integer()
    case 3: return double()
    case 4, 5: return string()
    case 6:
      let count = below(6)
      return "[" + (0..<count).map { _ in space() + value(depth: depth + 1) + space() }
        .joined(separator: ",") + "]"
    default:
      let count = below(6)
      return "{" + (0..<count).map { _ in
        space() + string() + space() + ":" + space() + value(depth: depth + 1)
      }.joined(separator: ",") + "}"
    }
  }

  private mutating func space() -> String {
    [" ", "", "", "\n", "\t", "\r\n  "][below(6)]
  }

  private mutating func integer() -> String {
    switch below(5) {
    case 0: return String(below(10))
    case 1: return String(Int64(bitPattern: next()))
    case 2: return "-" + String(below(1000))
    case 3: return String(next())  // Up to 2^64 - 1: past Int64 half the time.
    default: return String(repeating: "9", count: 1 + below(25))
    }
  }

  private mutating func double() -> String {
    switch below(6) {
    case 0:
      let value = Double(bitPattern: next())
      return value.isFinite ? "\(value)" : "0.5"
    case 1: return "\(Double(below(1_000_000)) / 1000)"
    case 2: return "\(below(10)).\(below(100_000))e\(below(2) == 0 ? "-" : "")\(below(330))"
    case 3: return "-0.\(below(1000))E+\(below(20))"
    case 4: return "0.\(String(repeating: "0", count: below(30)))\(below(1000))"
    default: return "\(below(100))\(String(repeating: "5", count: below(30))).25"
    }
  }

  private mutating func string() -> String {
    let pieces = [
      "a", "loss", " ", "é", "学", "🙂", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9",
      "\\u001b", "\\ud83d\\ude00", "\\u0000", "\\b\\f\\r",
    ]
    return "\"" + (0..<below(8)).map { _ in pieces[below(pieces.count)] }.joined() + "\""
  }

  private mutating func damage(_ text: inout [UInt8]) {
    let tokens: [[UInt8]] = [
      [0x2C], [0x5D], [0x7D], [0x22], [0x5C], [0x3A], Array("NaN".utf8), Array("01".utf8),
      [0x0A], [0x09], [0xFF], [0xC3], Array("\\ud800".utf8), [0x2E], [0x2D], Array("tru".utf8),
    ]
    for _ in 0..<(1 + below(3)) {
      let position = text.isEmpty ? 0 : below(text.count + 1)
      switch below(4) {
      case 0 where !text.isEmpty && position < text.count: text.remove(at: position)
      case 1 where !text.isEmpty && position < text.count:
        text.insert(text[position], at: position)
      case 2 where text.count >= 2:
        let other = below(text.count)
        text.swapAt(min(position, text.count - 1), other)
      default: text.insert(contentsOf: tokens[below(tokens.count)], at: position)
      }
    }
  }
}
