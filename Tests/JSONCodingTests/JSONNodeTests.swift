import JSONCoding
import Testing

@Suite struct JSONNodeTests {
  private let document: JSONDocument

  init() throws {
    document = try JSONDocument(
      parsing: """
        {
          "name": "run-1",
          "step": 10,
          "loss": 0.5,
          "done": false,
          "tags": ["a", "b"],
          "best": null
        }
        """)
  }

  @Test func throwingAccessorsReturnValuesOfTheRightType() throws {
    let root = document.root
    #expect(try root.member("name").string() == "run-1")
    #expect(try root.member("step").integer() == 10)
    #expect(try root.member("step").double() == 10)
    #expect(try root.member("loss").double() == 0.5)
    #expect(try root.member("done").bool() == false)
    #expect(try root.member("tags").array().count == 2)
    #expect(try root.object().count == 6)
  }

  @Test func missingMembersNameTheKeyAndTheObject() throws {
    #expect(throws: JSONError.missingMember("epoch", line: 1, column: 1)) {
      try document.root.member("epoch")
    }
    let error = JSONError.missingMember("epoch", line: 1, column: 1)
    #expect(error.description == "line 1, column 1: object has no member 'epoch'")
  }

  @Test func typeMismatchesSayWhatWasFoundAndWhere() throws {
    let root = document.root
    #expect(
      throws: JSONError.typeMismatch(
        expected: "a number", found: "a string", line: 2, column: 11)
    ) {
      try root.member("name").double()
    }
    #expect(
      throws: JSONError.typeMismatch(
        expected: "an integer", found: "the number 0.5", line: 4, column: 11)
    ) {
      try root.member("loss").integer()
    }
    #expect(
      throws: JSONError.typeMismatch(expected: "a string", found: "null", line: 7, column: 11)
    ) {
      try root.member("best").string()
    }
    #expect(
      throws: JSONError.typeMismatch(
        expected: "an object", found: "an array", line: 6, column: 11)
    ) {
      try root.member("tags").member("x")
    }
    #expect(
      JSONError.typeMismatch(expected: "a number", found: "a string", line: 2, column: 11)
        .description == "line 2, column 11: expected a number, found a string")
  }

  @Test func optionalAccessorsReturnNilForOtherTypes() {
    let name = document.root["name"]
    #expect(name?.doubleValue == nil)
    #expect(name?.integerValue == nil)
    #expect(name?.boolValue == nil)
    #expect(name?.isNull == false)
    #expect(name?.count == 0)
    #expect(name?.elements.isEmpty == true)
    #expect(name?.members.isEmpty == true)
    #expect(name?["x"] == nil)
    #expect(name?[0] == nil)
    #expect(document.root["tags"]?.stringValue == nil)
  }

  @Test func membersKeepOrder() {
    let keys = document.root.members.map(\.key)
    #expect(keys == ["name", "step", "loss", "done", "tags", "best"])
    let kinds = document.root.members.map(\.value.kind)
    #expect(kinds == [.string, .number, .number, .bool, .array, .null])
  }

  @Test func convertsToAValueTree() {
    let expected: JSONValue = [
      "name": "run-1", "step": 10, "loss": 0.5, "done": false, "tags": ["a", "b"], "best": nil,
    ]
    #expect(document.value == expected)
    #expect(document.root["tags"]?.value == ["a", "b"])
  }

  @Test func elementsSupportCollectionAlgorithms() throws {
    let tags = try document.root.member("tags").array()
    #expect(tags.first?.stringValue == "a")
    #expect(tags.compactMap(\.stringValue) == ["a", "b"])
    #expect(Array(tags.dropFirst()).map(\.stringValue) == ["b"])
  }
}

@Suite struct JSONNumberLookupTests {
  @Test func findsSeveralNumbersInOnePass() throws {
    let lookup = JSONNumberLookup(keys: ["loss", "step", "epoch"])
    var numbers = [JSONNumber?](repeating: .integer(9), count: 3)
    let document = try JSONDocument(parsing: #"{"step": 10, "loss": 0.5, "note": "x"}"#)
    #expect(document.root.numbers(lookup, into: &numbers) == 2)
    #expect(numbers == [.double(0.5), .integer(10), nil])
    #expect(document.root.count == 3)  // Something else is there.
  }

  @Test func aKeyHoldingSomethingElseGivesNil() throws {
    let lookup = JSONNumberLookup(keys: ["loss"])
    var numbers: [JSONNumber?] = [nil]
    #expect(try JSONDocument(parsing: #"{"loss": "0.5"}"#).root.numbers(lookup, into: &numbers) == nil)
    #expect(try JSONDocument(parsing: "[1]").root.numbers(lookup, into: &numbers) == nil)
  }

  @Test func theLastOfRepeatedKeysWinsAndEscapedKeysDoNotMatch() throws {
    let lookup = JSONNumberLookup(keys: ["loss", "learning_rate"])
    var numbers: [JSONNumber?] = [nil, nil]
    let document = try JSONDocument(parsing: #"{"loss": 1, "loss": 2, "l\u006fss": 3}"#)
    #expect(document.root.numbers(lookup, into: &numbers) == 2)
    #expect(numbers[0] == .integer(2))
    #expect(document.root["loss"]?.integerValue == 3)  // The subscript decodes escapes.
  }
}
