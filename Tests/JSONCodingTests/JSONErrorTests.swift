import JSONCoding
import Testing

@Suite struct JSONErrorTests {
  /// The error thrown for `text`, or `nil` when it parses.
  private func error(parsing text: String, options: JSONParsingOptions = .python) -> JSONError? {
    do {
      _ = try JSONDocument(parsing: text, options: options)
      return nil
    } catch {
      return error
    }
  }

  @Test func reportsAMissingCommaBetweenMembers() {
    let text = "{\n  \"loss\": 0.5\n  \"step\": 3\n}"
    #expect(
      error(parsing: text)
        == .unexpectedCharacter(
          "\"", expected: "',' or '}' after object member", line: 3, column: 3))
    #expect(
      error(parsing: text)?.description
        == "line 3, column 3: expected ',' or '}' after object member, found '\"'")
  }

  @Test func reportsTruncatedStringsArraysAndObjects() {
    #expect(
      error(parsing: "{\n  \"a\": [1, 2,\n    \"tex")?.description
        == "unexpected end of input in string starting at line 3, column 5")
    #expect(
      error(parsing: "{\"a\": [1, 2") == .unterminated(.array, line: 1, column: 7))
    #expect(error(parsing: "{\"a\": 1, ") == .unterminated(.object, line: 1, column: 1))
    #expect(error(parsing: "{\"a\"") == .unterminated(.object, line: 1, column: 1))
    #expect(error(parsing: "[\"\\u12") == .unterminated(.string, line: 1, column: 2))
    #expect(
      error(parsing: "[1, 2")?.description
        == "unexpected end of input in array starting at line 1, column 1")
  }

  @Test func reportsEmptyInput() {
    #expect(
      error(parsing: "") == .unexpectedEndOfInput(expected: "a JSON value", line: 1, column: 1))
    #expect(
      error(parsing: " \n ")
        == .unexpectedEndOfInput(expected: "a JSON value", line: 2, column: 2))
    #expect(
      error(parsing: "\u{FEFF}")
        == .unexpectedEndOfInput(expected: "a JSON value", line: 1, column: 1))
  }

  @Test func rejectsTrailingText() {
    #expect(
      error(parsing: "{\"a\": 1} x")
        == .unexpectedCharacter(
          "x", expected: "end of input after the JSON value", line: 1, column: 10))
    #expect(
      error(parsing: "[1] [2]")
        == .unexpectedCharacter(
          "[", expected: "end of input after the JSON value", line: 1, column: 5))
  }

  @Test func rejectsTrailingCommasAndMissingKeys() {
    #expect(
      error(parsing: "[1, 2,]")
        == .unexpectedCharacter("]", expected: "a JSON value", line: 1, column: 7))
    #expect(
      error(parsing: "{\"a\": 1,}")
        == .unexpectedCharacter("}", expected: "a string key after ','", line: 1, column: 9))
    #expect(
      error(parsing: "{a: 1}")
        == .unexpectedCharacter("a", expected: "a string key or '}'", line: 1, column: 2))
    #expect(
      error(parsing: "{\"a\" 1}")
        == .unexpectedCharacter("1", expected: "':' after object key", line: 1, column: 6))
  }

  @Test func quotesWholeWordsThatAreNotValues() {
    #expect(
      error(parsing: "[tru]")
        == .unexpectedCharacter("tru", expected: "a JSON value", line: 1, column: 2))
    #expect(
      error(parsing: "{\"x\": undefined}")
        == .unexpectedCharacter("undefined", expected: "a JSON value", line: 1, column: 7))
    #expect(
      error(parsing: "[nan]")
        == .unexpectedCharacter("nan", expected: "a JSON value", line: 1, column: 2))
    #expect(
      error(parsing: "[é]")
        == .unexpectedCharacter("é", expected: "a JSON value", line: 1, column: 2))
  }

  @Test(arguments: ["01", "-", "1.", ".5", "1e", "1e+", "-a", "+1", "00.1", "-01"])
  func rejectsMalformedNumbers(_ text: String) {
    let found = error(parsing: "[" + text + "]")
    switch found {
    case .invalidNumber(_, line: 1, column: 2), .unexpectedCharacter(_, _, line: 1, column: 2):
      break
    default:
      Issue.record("unexpected result for \(text): \(String(describing: found))")
    }
  }

  @Test func namesTheMalformedNumber() {
    #expect(error(parsing: "[01]") == .invalidNumber("01", line: 1, column: 2))
    #expect(error(parsing: "[1.e5]") == .invalidNumber("1.e5", line: 1, column: 2))
    #expect(
      error(parsing: "[-]")?.description == "line 1, column 2: '-' is not a valid JSON number")
  }

  @Test func rejectsBadEscapesAndRawControlCharacters() {
    #expect(error(parsing: #"["a\x"]"#) == .invalidEscape("\\x", line: 1, column: 4))
    #expect(error(parsing: #"["\u12G4"]"#) == .invalidEscape("\\u12G", line: 1, column: 3))
    #expect(
      error(parsing: "[\"abc\ndef\"]") == .controlCharacterInString(0x0A, line: 1, column: 6))
    #expect(
      error(parsing: "[\"abc\ndef\"]")?.description
        == "line 1, column 6: line break inside a string (is a closing quote missing?)")
    #expect(
      error(parsing: "[\"a\u{1}\"]")?.description
        == "line 1, column 4: control character U+0001 inside a string must be escaped")
  }

  @Test func rejectsInvalidUTF8InStrings() {
    for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x28, 0xA1]] {
      let bytes = Array("[\"ok".utf8) + bad + Array("\"]".utf8)
      #expect(throws: JSONError.invalidUTF8(line: 1, column: 5)) {
        try JSONDocument(parsing: bytes)
      }
    }
  }

  @Test func stopsExcessiveNestingWithoutCrashing() {
    let deep = String(repeating: "[", count: 100_000)
    #expect(error(parsing: deep) == .nestingTooDeep(limit: 128, line: 1, column: 129))
    let options = JSONParsingOptions(maximumDepth: 3)
    #expect(error(parsing: "[[[1]]]", options: options) == nil)
    #expect(
      error(parsing: "[[[[1]]]]", options: options)?.description
        == "line 1, column 4: arrays and objects nest deeper than 3 levels")
  }

  @Test func countsColumnsInCharactersNotBytes() {
    #expect(
      error(parsing: "{\"é😀\": 1 2}")
        == .unexpectedCharacter(
          "2", expected: "',' or '}' after object member", line: 1, column: 10))
  }

  @Test func exposesTheLineOfEveryPositionedError() {
    #expect(JSONError.unterminated(.string, line: 4, column: 1).line == 4)
    #expect(JSONError.documentTooLarge(limit: 16).line == nil)
  }
}
