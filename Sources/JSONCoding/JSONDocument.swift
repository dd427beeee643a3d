/// A parsed JSON text that you read through ``JSONNode`` cursors without building a tree.
///
/// Parsing makes one pass over the bytes and records every value on a flat tape (sixteen bytes
/// per value, key, or container), converting numbers and checking strings as it goes. Reading
/// is then cheap: member lookup compares raw key bytes, arrays are walked by stepping over whole
/// subtrees, and strings are decoded only when you ask for them. Use this for large files such
/// as a Hugging Face `trainer_state.json`; use ``JSONValue`` for small documents and for writing.
///
/// ```swift
/// let document = try JSONDocument(parsing: bytes)
/// var losses: [Double] = []
/// for entry in try document.root.member("log_history").array() {
///   if let loss = entry["loss"]?.doubleValue { losses.append(loss) }
/// }
/// ```
///
/// The parser follows RFC 8259 plus what Python's `json` module writes and reads: it accepts a
/// UTF-8 byte order mark and, unless ``JSONParsingOptions/strict`` says otherwise, `NaN`,
/// `Infinity`, and `-Infinity`. It rejects trailing text, trailing commas, comments, raw control
/// characters in strings, and invalid UTF-8 in strings.
public struct JSONDocument: Sendable {
  let storage: JSONStorage

  /// Parses a complete JSON text from UTF-8 bytes.
  ///
  /// The document keeps the array, so passing an array you no longer need avoids a copy.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text, optionally starting with a byte order mark.
  ///   - options: What to accept beyond RFC 8259.
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  /// - Complexity: O(*n*) in the length of the text.
  public init(parsing bytes: [UInt8], options: JSONParsingOptions = .python) throws(JSONError) {
    let tape = try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
      try Self.buildTape(buffer, options: options)
    }
    storage = JSONStorage(bytes: bytes, tape: tape)
  }

  /// Parses a complete JSON text from any collection of UTF-8 bytes, such as `Data`.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text, optionally starting with a byte order mark.
  ///   - options: What to accept beyond RFC 8259.
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public init(parsing bytes: some Collection<UInt8>, options: JSONParsingOptions = .python)
    throws(JSONError)
  {
    try self.init(parsing: Array(bytes), options: options)
  }

  /// Parses a complete JSON text from a string.
  ///
  /// ```swift
  /// let document = try JSONDocument(parsing: #"{"step": 10, "loss": 0.69}"#)
  /// document.root["step"]?.integerValue  // 10
  /// ```
  ///
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public init(parsing text: String, options: JSONParsingOptions = .python) throws(JSONError) {
    try self.init(parsing: Array(text.utf8), options: options)
  }

  /// The top-level value.
  public var root: JSONNode { JSONNode(storage: storage, index: 0) }

  /// The whole document as a ``JSONValue`` tree.
  ///
  /// - Complexity: O(*n*) in the size of the document; this allocates a tree, so prefer
  ///   ``root`` for large documents.
  public var value: JSONValue { root.value }

  /// Builds the tape for one value filling the buffer, after an optional byte order mark.
  static func buildTape(
    _ buffer: UnsafeBufferPointer<UInt8>, options: JSONParsingOptions
  ) throws(JSONError) -> TapeBuffer {
    let start = hasByteOrderMark(buffer) ? 3 : 0
    guard buffer.count > start else {
      throw .unexpectedEndOfInput(expected: "a JSON value", line: 1, column: 1)
    }
    var builder = TapeBuilder(buffer: buffer, options: options)
    do throws(JSONError) {
      try builder.parseValue(from: start, to: buffer.count)
    } catch {
      builder.tape.deallocate()
      throw error
    }
    return builder.tape
  }

  static func hasByteOrderMark(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
  }
}
