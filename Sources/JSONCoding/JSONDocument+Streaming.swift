extension JSONDocument {
  /// Parses a document whose root is an object, handing each element of the array under `key`
  /// to `body` as soon as it is parsed instead of keeping it.
  ///
  /// A Hugging Face `trainer_state.json` is a small object around one huge array,
  /// `log_history`. Parsed whole, a million records cost about 180 MB of tape on top of the
  /// text; streamed, the tape holds one record at a time, and reading stays O(*n*) in time
  /// with memory for the text and what `body` keeps. Everything else in the document is parsed
  /// as usual; in the returned document the streamed array reads as empty.
  ///
  /// ```swift
  /// var losses: [Double] = []
  /// let document = try JSONDocument(parsing: bytes, streamingArrayAt: "log_history") { entry in
  ///   if let loss = entry["loss"]?.doubleValue { losses.append(loss) }
  /// }
  /// document.root["max_steps"]?.integerValue  // the rest is there
  /// ```
  ///
  /// A node passed to `body` stays valid after `body` returns: keeping one keeps its element's
  /// tape alive (and the next element gets fresh memory), so keep only the few you need.
  /// Errors carry the line and column in the whole text, as for ``init(parsing:options:)``.
  /// When the root is not an object, the document is parsed whole and `body` is never called.
  ///
  /// - Parameters:
  ///   - bytes: UTF-8 text, optionally starting with a byte order mark.
  ///   - key: The root member whose array is streamed; the first member with this key.
  ///   - options: What to accept beyond RFC 8259.
  ///   - body: Called with each element of the array, in order.
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  /// - Complexity: O(*n*) in the length of the text.
  public init(
    parsing bytes: [UInt8], streamingArrayAt key: String,
    options: JSONParsingOptions = .python, _ body: (JSONNode) -> Void
  ) throws(JSONError) {
    let keyBytes = Array(key.utf8)
    let tape = try bytes.withUnsafeBufferPointer { buffer throws(JSONError) -> TapeBuffer in
      let start = Self.hasByteOrderMark(buffer) ? 3 : 0
      guard buffer.count > start else {
        throw .unexpectedEndOfInput(expected: "a JSON value", line: 1, column: 1)
      }
      var root = TapeBuilder(buffer: buffer, options: options, capacity: 1024)
      var elements = TapeBuilder(buffer: buffer, options: options, capacity: 256)
      // The storage that element nodes point into; its tape is reused for the next element
      // unless `body` kept a node (then the storage is shared and left to it).
      var storage = JSONStorage(bytes: bytes, tape: elements.tape)
      do throws(JSONError) {
        let isObject = try root.parseObject(
          from: start, to: buffer.count, streamingArrayAt: keyBytes
        ) { position throws(JSONError) -> Int in
          if isKnownUniquelyReferenced(&storage) {
            elements.reuseTape(TapeBuffer(borrowing: storage))
          } else {
            elements.reuseTape(TapeBuffer(capacity: storage.tapeCapacity))
          }
          let next = try elements.parseOneValue(at: position, buffer.count)
          if elements.tape.base != storage.tape || !isKnownUniquelyReferenced(&storage) {
            storage = JSONStorage(bytes: bytes, tape: elements.tape)
          }
          body(JSONNode(storage: storage, index: 0))
          return next
        }
        if !isObject {
          root.reuseTape(root.tape)
          try root.parseValue(from: start, to: buffer.count)
        }
      } catch {
        if elements.tape.base != storage.tape { elements.tape.deallocate() }
        root.tape.deallocate()
        throw error
      }
      if elements.tape.base != storage.tape { elements.tape.deallocate() }
      return root.tape
    }
    storage = JSONStorage(bytes: bytes, tape: tape)
  }
}
