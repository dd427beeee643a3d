import JSONCoding
import Testing

@Suite struct JSONDocumentTests {
  @Test func readsScalarsOfEveryKind() throws {
    let document = try JSONDocument(
      parsing: #"{"n": null, "t": true, "f": false, "i": -42, "d": 2.5, "s": "hi"}"#)
    let root = document.root
    #expect(root.kind == .object)
    #expect(root.count == 6)
    #expect(root["n"]?.isNull == true)
    #expect(root["t"]?.boolValue == true)
    #expect(root["f"]?.boolValue == false)
    #expect(root["i"]?.integerValue == -42)
    #expect(root["i"]?.doubleValue == -42)
    #expect(root["d"]?.doubleValue == 2.5)
    #expect(root["d"]?.integerValue == nil)
    #expect(root["s"]?.stringValue == "hi")
    #expect(root["missing"] == nil)
  }

  @Test func keepsIntegersAndDoublesApart() throws {
    let document = try JSONDocument(parsing: "[1, 1.0, 1e2, -0, -0.0, 10E-1]")
    let values = document.root.elements.map(\.value)
    #expect(values == [.integer(1), .double(1), .double(100), .integer(0), .double(0), .double(1)])
    #expect(document.root[4]?.doubleValue?.sign == .minus)
    #expect(document.root[0]?.isInteger == true)
    #expect(document.root[1]?.isInteger == false)
  }

  @Test func readsIntegerLimitsAndTurnsLargerIntegersIntoDoubles() throws {
    let document = try JSONDocument(
      parsing: "[9223372036854775807, -9223372036854775808, 9223372036854775808, "
        + "123456789012345678901234567890]")
    #expect(document.root[0]?.integerValue == .max)
    #expect(document.root[1]?.integerValue == .min)
    #expect(document.root[2]?.integerValue == nil)
    #expect(document.root[2]?.doubleValue == 9_223_372_036_854_775_808.0)
    #expect(document.root[3]?.doubleValue == 1.2345678901234568e+29)
  }

  @Test func readsPythonNonFiniteLiterals() throws {
    let document = try JSONDocument(parsing: "[NaN, Infinity, -Infinity, 1e400, -1e400]")
    let numbers = document.root.elements.compactMap(\.doubleValue)
    #expect(numbers.count == 5)
    #expect(numbers[0].isNaN)
    #expect(numbers[1] == .infinity)
    #expect(numbers[2] == -.infinity)
    #expect(numbers[3] == .infinity)
    #expect(numbers[4] == -.infinity)
  }

  @Test func strictOptionsRejectNonFiniteLiterals() {
    #expect(throws: JSONError.nonFiniteNumber("NaN", line: 1, column: 5)) {
      try JSONDocument(parsing: "[1, NaN]", options: .strict)
    }
    #expect(throws: JSONError.nonFiniteNumber("-Infinity", line: 2, column: 1)) {
      try JSONDocument(parsing: "[\n-Infinity]", options: .strict)
    }
  }

  @Test func decodesEscapesAndUnicode() throws {
    let document = try JSONDocument(
      parsing:
        #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u2014\ud83d\ude00", "café 😀", "\ud800x", "\u0000"]"#)
    let strings = document.root.elements.compactMap(\.stringValue)
    #expect(strings[0] == "a\"b\\c/d\u{8}\u{C}\n\r\t")
    #expect(strings[1] == "é—😀")
    #expect(strings[2] == "café 😀")
    #expect(strings[3] == "\u{FFFD}x")
    #expect(strings[4] == "\u{0}")
  }

  @Test func looksUpKeysWithEscapesAndLetsTheLastDuplicateWin() throws {
    let document = try JSONDocument(
      parsing: #"{"a": 1, "l\u006fss": 2, "a": 3, "": 4, "ab": 5, "abcdefgh": 6}"#)
    let root = document.root
    #expect(root["a"]?.integerValue == 3)
    #expect(root["loss"]?.integerValue == 2)
    #expect(root[""]?.integerValue == 4)
    #expect(root["ab"]?.integerValue == 5)
    #expect(root["abcdefgh"]?.integerValue == 6)
    #expect(root["abcdefgX"] == nil)
    #expect(root["abcd"] == nil)
    #expect(root.keys == ["a", "loss", "a", "", "ab", "abcdefgh"])
  }

  @Test func stepsOverNestedValuesWhenIterating() throws {
    let document = try JSONDocument(
      parsing: #"[[1, [2, 3]], {"a": {"b": [4]}}, [], {}, "end"]"#)
    let elements = document.root.elements
    #expect(elements.count == 5)
    #expect(elements.map(\.kind) == [.array, .object, .array, .object, .string])
    #expect(document.root[1]?["a"]?["b"]?[0]?.integerValue == 4)
    #expect(document.root[2]?.count == 0)
    #expect(document.root[3]?.members.isEmpty == true)
    #expect(document.root[4]?.stringValue == "end")
    #expect(document.root[5] == nil)
    #expect(document.root[-1] == nil)
  }

  @Test func acceptsAByteOrderMarkAndSurroundingWhitespace() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(" \r\n\t{\"x\": 1}\n\n".utf8)
    let document = try JSONDocument(parsing: bytes)
    #expect(document.root["x"]?.integerValue == 1)
    #expect(document.root["x"]?.location == JSONLocation(line: 2, column: 8))
  }

  @Test func readsTopLevelScalars() throws {
    #expect(try JSONDocument(parsing: "  3 ").value == .integer(3))
    #expect(try JSONDocument(parsing: "\"s\"").value == .string("s"))
    #expect(try JSONDocument(parsing: "null").value == .null)
  }

  @Test func parsesAnyCollectionOfBytes() throws {
    let bytes = Array(#"{"k": [true]}"#.utf8)
    let document = try JSONDocument(parsing: bytes[...])
    #expect(document.root["k"]?[0]?.boolValue == true)
  }

  @Test func reportsLocationsOfNodesInScalars() throws {
    let text = "{\n  \"é\": \"x\",\n  \"loss\": [1,\n    2.5]\n}"
    let document = try JSONDocument(parsing: text)
    #expect(document.root.location == JSONLocation(line: 1, column: 1))
    #expect(document.root["é"]?.location == JSONLocation(line: 2, column: 8))
    #expect(document.root["loss"]?[1]?.location == JSONLocation(line: 4, column: 5))
    #expect(document.root["loss"]?[1]?.location.description == "line 4, column 5")
  }

  @Test func readsATrainerStateShapedDocument() throws {
    var text = "{\n  \"global_step\": 30,\n  \"log_history\": [\n"
    for step in 1...3 {
      text += "    {\n      \"epoch\": \(Double(step) / 3),\n      \"loss\": \(1.0 / Double(step)),"
      text += "\n      \"step\": \(step * 10)\n    }" + (step < 3 ? ",\n" : "\n")
    }
    text += "  ],\n  \"trial_name\": null\n}\n"
    let document = try JSONDocument(parsing: text)
    let history = try document.root.member("log_history").array()
    #expect(history.count == 3)
    #expect(history.map { $0["step"]?.integerValue } == [10, 20, 30])
    #expect(history.map { $0["loss"]?.doubleValue } == [1.0, 0.5, 1.0 / 3])
    #expect(history.map { $0["epoch"]?.doubleValue } == [1.0 / 3, 2.0 / 3, 1.0])
  }

  @Test func nodesAreEqualWhenTheyPointAtTheSamePlace() throws {
    let document = try JSONDocument(parsing: "[1, 1]")
    #expect(document.root[0] == document.root[0])
    #expect(document.root[0] != document.root[1])
    let other = try JSONDocument(parsing: "[1, 1]")
    #expect(document.root[0] != other.root[0])
  }

  @Test func acceptsDeepNestingUpToTheLimit() throws {
    let depth = 128
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let document = try JSONDocument(parsing: text)
    var node = document.root
    for _ in 1..<depth { node = try #require(node[0]) }
    #expect(node.count == 0)
    #expect(document.value.serialized() == text)
  }
}
