/// Reading and writing JSON Lines: one JSON value per line, as in `metrics.jsonl` logs.
///
/// Each non-blank line holds exactly one complete value; a value may not continue onto the
/// next line. Line ends may be `\n` or `\r\n`, and blank or whitespace-only lines are skipped.
/// Errors name the physical line of the file.
///
/// ```swift
/// let text = "{\"step\": 1, \"loss\": 0.9}\n{\"step\": 2, \"loss\": 0.7}\n"
/// let records = try JSONLines.parse(text)
/// records.map { $0["loss"]?.doubleValue }  // [0.9, 0.7]
///
/// JSONLines.serialized([["step": 1], ["step": 2]])  // "{\"step\":1}\n{\"step\":2}\n"
/// ```
public enum JSONLines {
  /// Parses every non-blank line as one JSON value.
  ///
  /// All returned nodes share one parsed buffer, so a file of a million lines costs one tape,
  /// not a million documents. A node's ``JSONNode/location`` gives its line.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text, optionally starting with a byte order mark.
  ///   - options: What to accept beyond RFC 8259.
  /// - Returns: One node per non-blank line, in order.
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public static func parse(
    _ bytes: [UInt8], options: JSONParsingOptions = .python
  ) throws(JSONError) -> [JSONNode] {
    guard !bytes.isEmpty else { return [] }
    let (tape, roots) = try bytes.withUnsafeBufferPointer {
      buffer throws(JSONError) -> (TapeBuffer, [Int]) in
      var builder = TapeBuilder(buffer: buffer, options: options)
      var roots: [Int] = []
      var lineStart = JSONDocument.hasByteOrderMark(buffer) ? 3 : 0
      while lineStart < buffer.count {
        var lineEnd = lineStart
        while lineEnd < buffer.count && buffer[lineEnd] != .lineFeed { lineEnd += 1 }
        if !isBlank(buffer, lineStart, lineEnd) {
          roots.append(builder.tape.count)
          do throws(JSONError) {
            try builder.parseValue(from: lineStart, to: lineEnd)
          } catch {
            builder.tape.deallocate()
            throw error
          }
        }
        lineStart = lineEnd + 1
      }
      return (builder.tape, roots)
    }
    let storage = JSONStorage(bytes: bytes, tape: tape)
    return roots.map { JSONNode(storage: storage, index: $0) }
  }

  /// Parses every non-blank line of any collection of UTF-8 bytes, such as `Data`.
  ///
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public static func parse(
    _ bytes: some Collection<UInt8>, options: JSONParsingOptions = .python
  ) throws(JSONError) -> [JSONNode] {
    try parse(Array(bytes), options: options)
  }

  /// Parses every non-blank line of a string.
  ///
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public static func parse(
    _ text: String, options: JSONParsingOptions = .python
  ) throws(JSONError) -> [JSONNode] {
    try parse(Array(text.utf8), options: options)
  }

  /// Writes each value on its own line, each line ending in `\n`.
  ///
  /// - Parameters:
  ///   - values: The records to write.
  ///   - options: How to write each value; must not indent.
  /// - Precondition: `options.indent` is `nil`.
  public static func serialized(
    _ values: some Sequence<JSONValue>, options: JSONWritingOptions = .compact
  ) -> String {
    precondition(options.indent == nil, "JSON Lines needs each value on one line")
    var text = ""
    for value in values {
      text += value.serialized(options)
      text += "\n"
    }
    return text
  }

  private static func isBlank(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
    -> Bool
  {
    var p = start
    while p < end {
      switch buffer[p] {
      case .space, .tab, .carriageReturn: p += 1
      default: return false
      }
    }
    return true
  }
}
