import JSONCoding
import Testing

@Suite struct JSONStreamingTests {
  static let text = """
    {"global_step": 30, "log_history": [
      {"loss": 0.9, "step": 10},
      {"eval_loss": 0.8, "step": 20, "tags": ["a", {"b": [1, 2]}]},
      {"loss": 0.5, "step": 30}
    ], "max_steps": 30, "log_history_extra": [1]}
    """

  @Test func elementsArriveInOrderAndTheRestIsKept() throws {
    var steps: [Int64] = []
    var kinds: [JSONNode.Kind] = []
    let document = try JSONDocument(parsing: Array(Self.text.utf8), streamingArrayAt: "log_history") {
      steps.append($0["step"]?.integerValue ?? -1)
      kinds.append($0.kind)
    }
    #expect(steps == [10, 20, 30])
    #expect(kinds == [.object, .object, .object])
    #expect(document.root["max_steps"]?.integerValue == 30)
    #expect(document.root["log_history"]?.kind == .array)
    #expect(document.root["log_history"]?.count == 0)
    #expect(document.root["log_history_extra"]?.count == 1)
    #expect(document.root.keys == ["global_step", "log_history", "max_steps", "log_history_extra"])
  }

  @Test func elementsReadTheSameAsInAWholeParse() throws {
    let whole = try JSONDocument(parsing: Self.text)
    let expected = whole.root["log_history"]!.elements.map(\.value)
    var streamed: [JSONValue] = []
    var lines: [Int] = []
    _ = try JSONDocument(parsing: Array(Self.text.utf8), streamingArrayAt: "log_history") {
      streamed.append($0.value)
      lines.append($0.location.line)
    }
    #expect(streamed == expected)
    #expect(lines == [2, 3, 4])
  }

  @Test func keptNodesStayValid() throws {
    var kept: [JSONNode] = []
    _ = try JSONDocument(parsing: Array(Self.text.utf8), streamingArrayAt: "log_history") {
      kept.append($0)
    }
    #expect(kept.map { $0["step"]?.integerValue } == [10, 20, 30])
    #expect(kept[1]["tags"]?[1]?["b"]?[1]?.integerValue == 2)
    #expect(kept[0]["loss"]?.doubleValue == 0.9)
  }

  @Test func largeElementsGrowTheirTapeSafely() throws {
    let big = "[" + (0..<5_000).map(String.init).joined(separator: ",") + "]"
    let text = #"{"log_history": [{"a": 1}, \#(big), {"b": 2}, \#(big)]}"#
    var counts: [Int] = []
    var kept: [JSONNode] = []
    _ = try JSONDocument(parsing: Array(text.utf8), streamingArrayAt: "log_history") {
      counts.append($0.count)
      if $0.count == 5_000 { kept.append($0) }
    }
    #expect(counts == [1, 5_000, 1, 5_000])
    #expect(kept.map { $0[4_999]?.integerValue } == [4_999, 4_999])
  }

  @Test(arguments: [
    (#"{"log_history": [{"a": 1}, {"b": }]}"#, 1, 33),
    ("{\"log_history\": [{\"a\": 1},\n {\"b\": 2}", 1, 17),
    (#"{"log_history": [1 2]}"#, 1, 20),
    (#"{"x": 1, "log_history": [1], }"#, 1, 30),
    (#"{"log_history": [1]} extra"#, 1, 22),
  ])
  func errorsAreTheSameAsInAWholeParse(text: String, line: Int, column: Int) throws {
    var wholeError: JSONError?
    do { _ = try JSONDocument(parsing: text) } catch { wholeError = error }
    var streamError: JSONError?
    do {
      _ = try JSONDocument(parsing: Array(text.utf8), streamingArrayAt: "log_history") { _ in }
    } catch {
      streamError = error
    }
    #expect(streamError != nil)
    #expect(streamError == wholeError)
    #expect(streamError?.line == line)
  }

  @Test func aRootThatIsNotAnObjectIsParsedWhole() throws {
    var calls = 0
    let document = try JSONDocument(parsing: Array("[1, 2, 3]".utf8), streamingArrayAt: "log_history") {
      _ in calls += 1
    }
    #expect(calls == 0)
    #expect(document.root.count == 3)
    let nested = try JSONDocument(
      parsing: Array(#"{"log_history": {"a": [1]}}"#.utf8), streamingArrayAt: "log_history"
    ) { _ in calls += 1 }
    #expect(calls == 0)
    #expect(nested.root["log_history"]?["a"]?[0]?.integerValue == 1)
  }

  @Test func aBoundOnValuesStopsParsing() throws {
    let options = JSONParsingOptions(maximumValues: 100)
    let small = "[" + (0..<90).map(String.init).joined(separator: ",") + "]"
    #expect(try JSONDocument(parsing: small, options: options).root.count == 90)
    let large = "[" + (0..<1_000).map(String.init).joined(separator: ",") + "]"
    #expect(throws: JSONError.documentTooLarge(limit: 100)) {
      _ = try JSONDocument(parsing: large, options: options)
    }
    #expect(throws: JSONError.documentTooLarge(limit: 100)) {
      _ = try JSONLines.parse((0..<200).map { _ in "[1]" }.joined(separator: "\n"), options: options)
    }
    // Streamed elements count one at a time.
    let many = #"{"log_history": ["# + (0..<1_000).map { _ in "[1, 2]" }.joined(separator: ",") + "]}"
    var count = 0
    _ = try JSONDocument(parsing: Array(many.utf8), streamingArrayAt: "log_history", options: options) {
      _ in count += 1
    }
    #expect(count == 1_000)
  }

  @Test func theLocatorAgreesWithEachNodesLocation() throws {
    let text = "\u{FEFF}{\n  \"é\": [1, \"ü\",\n   {\"k\": [true, null]}],\n\"b\": 2}"
    let document = try JSONDocument(parsing: Array(text.utf8))
    var nodes: [JSONNode] = [document.root]
    var index = 0
    while index < nodes.count {
      let node = nodes[index]
      nodes += Array(node.elements) + node.members.map(\.value)
      index += 1
    }
    nodes.sort { $0.location.line < $1.location.line || ($0.location.line == $1.location.line && $0.location.column < $1.location.column) }
    var locator = JSONLocator()
    for node in nodes { #expect(locator.location(of: node) == node.location) }
    // Going back starts again and still agrees.
    #expect(locator.location(of: document.root) == document.root.location)
  }
}
