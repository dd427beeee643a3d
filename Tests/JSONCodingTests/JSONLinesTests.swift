import JSONCoding
import Testing

@Suite struct JSONLinesTests {
  @Test func parsesOneValuePerLineSkippingBlankLines() throws {
    let text = "{\"step\": 1, \"loss\": 0.9}\r\n\n   \n{\"step\": 2, \"loss\": 0.7}\n[3]"
    let records = try JSONLines.parse(text)
    #expect(records.count == 3)
    #expect(records[0]["loss"]?.doubleValue == 0.9)
    #expect(records[1]["step"]?.integerValue == 2)
    #expect(records[2][0]?.integerValue == 3)
    #expect(records[1].location.line == 4)
  }

  @Test func acceptsEmptyInputAndAByteOrderMark() throws {
    #expect(try JSONLines.parse("").isEmpty)
    #expect(try JSONLines.parse("\n\n").isEmpty)
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("1\n2\n".utf8)
    #expect(try JSONLines.parse(bytes).map(\.value) == [1, 2])
    #expect(try JSONLines.parse(bytes[...]).count == 2)
  }

  @Test func errorsNameThePhysicalLine() {
    #expect(
      throws: JSONError.unexpectedCharacter(
        "x", expected: "',' or '}' after object member", line: 3, column: 9)
    ) {
      try JSONLines.parse("{\"a\": 1}\n\n{\"a\": 1 x}\n")
    }
  }

  @Test func rejectsAValueThatSpansLines() {
    #expect(throws: JSONError.unterminated(.object, line: 2, column: 1)) {
      try JSONLines.parse("{\"a\": 1}\n{\"a\":\n 2}\n")
    }
  }

  @Test func rejectsTwoValuesOnOneLine() {
    #expect(
      throws: JSONError.unexpectedCharacter(
        "{", expected: "end of input after the JSON value", line: 1, column: 4)
    ) {
      try JSONLines.parse("{} {}\n")
    }
  }

  @Test func writesCompactLines() {
    let records: [JSONValue] = [["step": 1, "loss": 0.5], ["step": 2, "loss": .double(.nan)]]
    #expect(
      JSONLines.serialized(records)
        == "{\"step\":1,\"loss\":0.5}\n{\"step\":2,\"loss\":NaN}\n")
    #expect(JSONLines.serialized([JSONValue]()) == "")
  }

  @Test func roundTripsWhatItWrites() throws {
    let records: [JSONValue] = [["a": [1, 2.5, "x\ny"]], nil, ["b": ["c": true]]]
    let parsed = try JSONLines.parse(JSONLines.serialized(records))
    #expect(parsed.map(\.value) == records)
  }
}
