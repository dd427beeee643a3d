/// A problem found while parsing JSON or reading a parsed document, with the place it was found.
///
/// Lines and columns are 1-based; columns count Unicode scalars (see ``JSONLocation``). In JSON
/// Lines input the line is the physical line of the file.
///
/// ```swift
/// do {
///   _ = try JSONDocument(parsing: "{\"loss\": 0.5 \"step\": 3}")
/// } catch {
///   print(error)  // line 1, column 14: expected ',' or '}' after object member, found '"'
/// }
/// ```
public enum JSONError: Error, Equatable, Sendable {
  /// The input ended inside a string, array, or object; the line and column are where that
  /// string, array, or object started.
  case unterminated(Construct, line: Int, column: Int)
  /// The input ended where a value or another token was still expected.
  case unexpectedEndOfInput(expected: String, line: Int, column: Int)
  /// A character, or a run of letters, that cannot appear at this place.
  case unexpectedCharacter(String, expected: String, line: Int, column: Int)
  /// A number that breaks JSON's grammar, such as `01`, `1.`, `.5`, `1e` or a lone `-`.
  case invalidNumber(String, line: Int, column: Int)
  /// A backslash escape that JSON does not define, such as `\x` or `\u12G4`.
  case invalidEscape(String, line: Int, column: Int)
  /// A raw control character (U+0000 to U+001F) inside a string, most often a line break in a
  /// string whose closing quote is missing.
  case controlCharacterInString(UInt8, line: Int, column: Int)
  /// Bytes inside a string that are not valid UTF-8.
  case invalidUTF8(line: Int, column: Int)
  /// `NaN`, `Infinity`, or `-Infinity` when ``JSONParsingOptions/allowsNonFiniteNumbers`` is off.
  case nonFiniteNumber(String, line: Int, column: Int)
  /// Arrays and objects nested deeper than ``JSONParsingOptions/maximumDepth``.
  case nestingTooDeep(limit: Int, line: Int, column: Int)
  /// A document with more values than ``JSONParsingOptions/maximumValues`` allows (at most
  /// 2^32 - 1, as many as the tape can index).
  case documentTooLarge(limit: Int)
  /// An object read through ``JSONNode/member(_:)`` lacks the member; the place is the object's.
  case missingMember(String, line: Int, column: Int)
  /// A value read through a throwing accessor such as ``JSONNode/double()`` has another type.
  case typeMismatch(expected: String, found: String, line: Int, column: Int)

  /// The kinds of text that can be left open at the end of the input.
  public enum Construct: String, Sendable, Equatable {
    /// A string whose closing quote is missing.
    case string
    /// An array whose `]` is missing.
    case array
    /// An object whose `}` is missing.
    case object
  }

  /// The line where the problem was found, if the error has one.
  public var line: Int? {
    switch self {
    case .unterminated(_, let line, _), .unexpectedEndOfInput(_, let line, _),
      .unexpectedCharacter(_, _, let line, _), .invalidNumber(_, let line, _),
      .invalidEscape(_, let line, _), .controlCharacterInString(_, let line, _),
      .invalidUTF8(let line, _), .nonFiniteNumber(_, let line, _),
      .nestingTooDeep(_, let line, _), .missingMember(_, let line, _),
      .typeMismatch(_, _, let line, _):
      line
    case .documentTooLarge:
      nil
    }
  }
}

extension JSONError: CustomStringConvertible {
  /// A message for the learner that starts with the place, such as
  /// `line 12, column 5: expected ',' or '}' after object member, found '"'`.
  public var description: String {
    switch self {
    case .unterminated(let construct, let line, let column):
      "unexpected end of input in \(construct.rawValue) starting at line \(line), column \(column)"
    case .unexpectedEndOfInput(let expected, let line, let column):
      "line \(line), column \(column): unexpected end of input, expected \(expected)"
    case .unexpectedCharacter(let found, let expected, let line, let column):
      "line \(line), column \(column): expected \(expected), found '\(found)'"
    case .invalidNumber(let text, let line, let column):
      "line \(line), column \(column): '\(text)' is not a valid JSON number"
    case .invalidEscape(let text, let line, let column):
      "line \(line), column \(column): '\(text)' is not a valid escape sequence in a string"
    case .controlCharacterInString(let byte, let line, let column):
      switch byte {
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        "line \(line), column \(column): line break inside a string (is a closing quote missing?)"
      case UInt8(ascii: "\t"):
        "line \(line), column \(column): raw tab inside a string; write it as \\t"
      default:
        "line \(line), column \(column): control character \(Self.codePoint(byte)) inside a "
          + "string must be escaped"
      }
    case .invalidUTF8(let line, let column):
      "line \(line), column \(column): string contains bytes that are not valid UTF-8"
    case .nonFiniteNumber(let text, let line, let column):
      "line \(line), column \(column): '\(text)' is not allowed; non-finite numbers are rejected"
    case .nestingTooDeep(let limit, let line, let column):
      "line \(line), column \(column): arrays and objects nest deeper than \(limit) levels"
    case .documentTooLarge(let limit):
      "the document holds more than \(limit) values (numbers, strings, keys, arrays and "
        + "objects), more than can be read"
    case .missingMember(let key, let line, let column):
      "line \(line), column \(column): object has no member '\(key)'"
    case .typeMismatch(let expected, let found, let line, let column):
      "line \(line), column \(column): expected \(expected), found \(found)"
    }
  }

  private static func codePoint(_ byte: UInt8) -> String {
    let hex = String(byte, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
