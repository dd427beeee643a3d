import JSONCoding
import Testing

@Suite struct JSONValueTests {
  @Test func literalsBuildTheMatchingCases() {
    let value: JSONValue = ["a": nil, "b": true, "c": 1, "d": 1.5, "e": "s", "f": [1, "x"]]
    #expect(
      value
        == .object([
          (key: "a", value: .null), (key: "b", value: .bool(true)),
          (key: "c", value: .integer(1)), (key: "d", value: .double(1.5)),
          (key: "e", value: .string("s")), (key: "f", value: .array([.integer(1), .string("x")])),
        ]))
  }

  @Test func equalityTreatsNaNAsEqualAndIntegersAsDistinctFromDoubles() {
    #expect(JSONValue.double(.nan) == .double(.nan))
    #expect(JSONValue.double(0) == .double(-0.0))
    #expect(JSONValue.integer(1) != .double(1))
    #expect((["a": 1, "b": 2] as JSONValue) != ["b": 2, "a": 1])
    #expect((["a": 1] as JSONValue) != ["a": 1, "b": 2])
  }

  @Test func accessorsUnwrapTheirCase() {
    let value: JSONValue = ["n": nil, "i": 3, "d": 0.25, "s": "x", "a": [true], "o": ["k": 1]]
    #expect(value["n"]?.isNull == true)
    #expect(value["i"]?.integerValue == 3)
    #expect(value["i"]?.doubleValue == 3)
    #expect(value["d"]?.doubleValue == 0.25)
    #expect(value["d"]?.integerValue == nil)
    #expect(value["s"]?.stringValue == "x")
    #expect(value["a"]?[0]?.boolValue == true)
    #expect(value["a"]?[1] == nil)
    #expect(value["a"]?.arrayValue?.count == 1)
    #expect(value["o"]?.objectValue?.first?.key == "k")
    #expect(value["missing"] == nil)
    #expect(value[0] == nil)
  }

  @Test func lastDuplicateKeyWins() {
    let value = JSONValue.object([(key: "a", value: 1), (key: "a", value: 2)])
    #expect(value["a"] == 2)
  }

  @Test func parsesTextIntoATree() throws {
    let value = try JSONValue(parsing: #"{"loss": NaN, "steps": [1, 2], "name": "r\u00e9"}"#)
    #expect(value["loss"]?.doubleValue?.isNaN == true)
    #expect(value["steps"] == [1, 2])
    #expect(value["name"] == "ré")
    #expect(try JSONValue(parsing: Array("[]".utf8)) == [])
  }
}
