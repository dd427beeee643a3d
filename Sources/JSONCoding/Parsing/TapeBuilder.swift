/// Reads JSON text into a list of ``TapeEntry`` values in one pass over the bytes.
///
/// The builder validates everything the grammar requires (strings, escapes, UTF-8, numbers,
/// nesting) so that readers of the tape never fail, and it converts numbers as it goes. It keeps
/// its own stack of open containers instead of recursing, so nesting depth costs no call stack.
struct TapeBuilder {
  /// The whole input; errors are located against it, so JSON Lines report physical lines.
  private let buffer: UnsafeBufferPointer<UInt8>
  private let base: UnsafePointer<UInt8>
  private let options: JSONParsingOptions
  private(set) var tape: TapeBuffer
  /// The containers enclosing the innermost open one.
  private var stack: [Frame] = []

  /// An array or object that is still open.
  private struct Frame {
    var index: Int
    var count: UInt64
    var isObject: Bool
  }

  /// Creates a builder over a non-empty buffer.
  ///
  /// - Parameter capacity: Entries to make room for; by default enough for most documents
  ///   that fill the buffer.
  init(buffer: UnsafeBufferPointer<UInt8>, options: JSONParsingOptions, capacity: Int? = nil) {
    precondition(!buffer.isEmpty, "the tape builder needs at least one byte")
    self.buffer = buffer
    self.base = buffer.baseAddress!
    self.options = options
    // Untouched capacity costs address space, not memory; pretty-printed JSON needs about one
    // entry per 16 bytes and compact JSON of short numbers about one per 3.
    tape = TapeBuffer(
      capacity: capacity ?? buffer.count / 8 + 16, maximumCount: options.maximumValues)
  }

  /// Appends the tape of the single JSON value that fills `start..<end`, allowing whitespace
  /// around it.
  mutating func parseValue(from start: Int, to end: Int) throws(JSONError) {
    var p = skipWhitespace(start, end)
    if p == end {
      throw endOfInput(expected: "a JSON value", at: p)
    }
    p = try parseOneValue(at: p, end)
    p = skipWhitespace(p, end)
    if p != end {
      throw unexpected(at: p, end, expected: "end of input after the JSON value")
    }
  }

  /// Appends the tape of the one value that starts at `start` (its first byte, not
  /// whitespace) and returns the position after it.
  mutating func parseOneValue(at start: Int, _ end: Int) throws(JSONError) -> Int {
    var p = start
    stack.removeAll(keepingCapacity: true)
    // The innermost open container lives in locals; `index < 0` means none is open.
    var current = Frame(index: -1, count: 0, isObject: false)

    valueLoop: while true {
      // Here `p < end` and `base[p]` is the first byte of a value.
      let byte = base[p]
      switch byte {
      case .quote:
        p = try scanString(p, end)
      case UInt8(ascii: "0")...UInt8(ascii: "9"), .minus:
        p = try scanNumber(p, end)
      case .openBrace, .openBracket:
        let isObject = byte == .openBrace
        if current.index >= 0 {
          if stack.count &+ 1 >= options.maximumDepth {
            let (line, column) = locate(p)
            throw .nestingTooDeep(limit: options.maximumDepth, line: line, column: column)
          }
          stack.append(current)
        }
        current = Frame(index: tape.count, count: 0, isObject: isObject)
        tape.append(TapeEntry(kind: isObject ? .object : .array, offset: p))
        p = skipWhitespace(p &+ 1, end)
        if p == end { throw unterminated(current) }
        if base[p] == (isObject ? .closeBrace : .closeBracket) {
          p &+= 1
          try close(&current)
        } else {
          if isObject { p = try scanKey(p, end, isFirst: true, in: current) }
          continue valueLoop
        }
      case UInt8(ascii: "t"):
        p = try scanLiteral(p, end, "true", .trueLiteral)
      case UInt8(ascii: "f"):
        p = try scanLiteral(p, end, "false", .falseLiteral)
      case UInt8(ascii: "n"):
        p = try scanLiteral(p, end, "null", .null)
      case UInt8(ascii: "N"), UInt8(ascii: "I"):
        p = try scanNonFinite(p, end)
      default:
        throw unexpected(at: p, end, expected: "a JSON value")
      }

      // A value is complete: close containers or move to the next element or member.
      while current.index >= 0 {
        current.count &+= 1
        p = skipWhitespace(p, end)
        if p == end { throw unterminated(current) }
        let next = base[p]
        if next == .comma {
          p = skipWhitespace(p &+ 1, end)
          if p == end { throw unterminated(current) }
          if current.isObject { p = try scanKey(p, end, isFirst: false, in: current) }
          continue valueLoop
        }
        if next == (current.isObject ? .closeBrace : .closeBracket) {
          p &+= 1
          try close(&current)
          continue
        }
        throw unexpected(
          at: p, end,
          expected: current.isObject
            ? "',' or '}' after object member" : "',' or ']' after array element")
      }
      break
    }
    if tape.overflowed { throw .documentTooLarge(limit: options.maximumValues) }
    return p
  }

  // MARK: - Streaming one array

  /// Parses the object that fills `start..<end` (with whitespace around it) as
  /// ``parseValue(from:to:)`` would, except that the elements of the array under `key` go,
  /// one at a time, to `element` instead of onto this tape: `element` parses one and returns
  /// the position after it. The array is recorded here as an empty array.
  ///
  /// - Returns: `false` when the text is not an object, without having consumed anything;
  ///   the caller then parses it as usual.
  mutating func parseObject(
    from start: Int, to end: Int, streamingArrayAt key: [UInt8],
    element: (_ position: Int) throws(JSONError) -> Int
  ) throws(JSONError) -> Bool {
    var p = skipWhitespace(start, end)
    guard p < end, base[p] == .openBrace else { return false }
    var root = Frame(index: tape.count, count: 0, isObject: true)
    tape.append(TapeEntry(kind: .object, offset: p))
    p = skipWhitespace(p &+ 1, end)
    if p == end { throw unterminated(root) }
    var isFirst = true
    while !(isFirst && base[p] == .closeBrace) {
      let keyIndex = tape.count
      p = try scanKey(p, end, isFirst: isFirst, in: root)
      isFirst = false
      let keyEntry = tape[keyIndex]
      let keyStart = keyEntry.offset &+ 1
      let isStreamed =
        base[p] == .openBracket && !keyEntry.hasEscapes && keyEntry.stringLength == key.count
        && (0..<key.count).allSatisfy { base[keyStart &+ $0] == key[$0] }
      if isStreamed {
        let array = Frame(index: tape.count, count: 0, isObject: false)
        tape.append(TapeEntry(kind: .array, offset: p))
        p = skipWhitespace(p &+ 1, end)
        if p == end { throw unterminated(array) }
        if base[p] != .closeBracket {
          while true {
            p = skipWhitespace(try element(p), end)
            if p == end { throw unterminated(array) }
            if base[p] == .closeBracket { break }
            guard base[p] == .comma else {
              throw unexpected(at: p, end, expected: "',' or ']' after array element")
            }
            p = skipWhitespace(p &+ 1, end)
            if p == end { throw unterminated(array) }
          }
        }
        p &+= 1
        var closed = array
        try close(&closed)
      } else {
        p = try parseOneValue(at: p, end)
      }
      root.count &+= 1
      p = skipWhitespace(p, end)
      if p == end { throw unterminated(root) }
      if base[p] == .closeBrace { break }
      guard base[p] == .comma else {
        throw unexpected(at: p, end, expected: "',' or '}' after object member")
      }
      p = skipWhitespace(p &+ 1, end)
      if p == end { throw unterminated(root) }
    }
    p &+= 1
    stack.removeAll(keepingCapacity: true)
    try close(&root)
    p = skipWhitespace(p, end)
    if p != end {
      throw unexpected(at: p, end, expected: "end of input after the JSON value")
    }
    return true
  }

  /// Starts this builder's tape afresh for the next streamed element, keeping its memory.
  mutating func reuseTape(_ buffer: TapeBuffer) {
    tape = buffer
    tape.maximumCount = options.maximumValues
    tape.removeAll()
  }

  // MARK: - Containers

  /// Records the size of the innermost container and makes its parent current.
  @inline(__always)
  private mutating func close(_ current: inout Frame) throws(JSONError) {
    if tape.overflowed { throw .documentTooLarge(limit: options.maximumValues) }
    let span = tape.count &- current.index
    guard span <= Int(UInt32.max) else { throw .documentTooLarge(limit: Int(UInt32.max)) }
    tape.setPayload(current.count << 32 | UInt64(truncatingIfNeeded: span), at: current.index)
    current = stack.popLast() ?? Frame(index: -1, count: 0, isObject: false)
  }

  private func unterminated(_ frame: Frame) -> JSONError {
    let (line, column) = locate(tape[frame.index].offset)
    return .unterminated(frame.isObject ? .object : .array, line: line, column: column)
  }

  /// Reads an object key and its colon, leaving `p` at the start of the member's value.
  @inline(__always)
  private mutating func scanKey(
    _ start: Int, _ end: Int, isFirst: Bool, in frame: Frame
  ) throws(JSONError) -> Int {
    guard base[start] == .quote else {
      throw unexpected(
        at: start, end,
        expected: isFirst ? "a string key or '}'" : "a string key after ','")
    }
    var p = try scanString(start, end)
    if p < end && base[p] == .colon {
      p &+= 1
    } else {
      p = skipWhitespace(p, end)
      if p == end { throw unterminated(frame) }
      guard base[p] == .colon else {
        throw unexpected(at: p, end, expected: "':' after object key")
      }
      p &+= 1
    }
    p = skipWhitespace(p, end)
    if p == end { throw unterminated(frame) }
    return p
  }

  // MARK: - Whitespace

  @inline(__always)
  private func skipWhitespace(_ start: Int, _ end: Int) -> Int {
    var p = start
    while p < end {
      let byte = base[p]
      if byte == .space {
        // Indentation: skip runs of spaces eight at a time.
        if p &+ 8 <= end {
          let spaces =
            UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self).littleEndian
            ^ 0x2020_2020_2020_2020
          p &+= spaces == 0 ? 8 : spaces.trailingZeroBitCount >> 3
        } else {
          p &+= 1
        }
      } else if byte == .lineFeed || byte == .carriageReturn || byte == .tab {
        p &+= 1
      } else {
        return p
      }
    }
    return p
  }

  // MARK: - Strings

  /// Validates the string whose opening quote is at `quote`, appends it, and returns the
  /// position after its closing quote.
  @inline(__always)
  private mutating func scanString(_ quote: Int, _ end: Int) throws(JSONError) -> Int {
    var p = quote &+ 1
    var flags: UInt64 = 0
    while true {
      // Eight plain ASCII bytes at a time: no quote, backslash, control or non-ASCII byte.
      while p &+ 8 <= end {
        let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
        let quotes = word ^ 0x2222_2222_2222_2222
        let slashes = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let special =
          ((quotes &- 0x0101_0101_0101_0101) & ~quotes)
          | ((slashes &- 0x0101_0101_0101_0101) & ~slashes)
          | (word &- 0x2020_2020_2020_2020) | word
        let mask = special & 0x8080_8080_8080_8080
        if mask == 0 {
          p &+= 8
        } else {
          p &+= mask.littleEndian.trailingZeroBitCount >> 3
          break
        }
      }
      guard p < end else {
        throw unterminatedString(quote)
      }
      let byte = base[p]
      if byte == .quote { break }
      if byte == .backslash {
        flags = TapeEntry.escapeFlag
        p = try scanEscape(p, end, quote: quote)
      } else if byte < .space {
        let (line, column) = locate(p)
        throw .controlCharacterInString(byte, line: line, column: column)
      } else if byte >= 0x80 {
        p = try scanUTF8(p, end, quote: quote)
      } else {
        p &+= 1
      }
    }
    tape.append(
      TapeEntry(
        header: UInt64(truncatingIfNeeded: quote) << 4 | flags | TapeKind.string.rawValue,
        payload: TapeEntry.stringPayload(
          base + (quote &+ 1), length: p &- quote &- 1, available: end &- quote &- 1)))
    return p &+ 1
  }

  private func unterminatedString(_ quote: Int) -> JSONError {
    let (line, column) = locate(quote)
    return .unterminated(.string, line: line, column: column)
  }

  /// Validates the escape at `p` (a backslash) and returns the position after it.
  private func scanEscape(_ p: Int, _ end: Int, quote: Int) throws(JSONError) -> Int {
    guard p &+ 1 < end else { throw unterminatedString(quote) }
    switch base[p &+ 1] {
    case .quote, .backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
      UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return p &+ 2
    case UInt8(ascii: "u"):
      var q = p &+ 2
      while q < p &+ 6 {
        guard q < end else { throw unterminatedString(quote) }
        guard StringUnescaper.hexValue(base[q]) != nil else {
          throw invalidEscape(from: p, to: q &+ 1)
        }
        q &+= 1
      }
      return q
    default:
      throw invalidEscape(from: p, to: p &+ 2)
    }
  }

  private func invalidEscape(from start: Int, to end: Int) -> JSONError {
    let text = String(
      decoding: UnsafeBufferPointer(start: base + start, count: end - start),
      as: UTF8.self)
    let (line, column) = locate(start)
    return .invalidEscape(text, line: line, column: column)
  }

  /// Validates the multi-byte UTF-8 sequence at `p` and returns the position after it.
  private func scanUTF8(_ p: Int, _ end: Int, quote: Int) throws(JSONError) -> Int {
    let lead = base[p]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: throw invalidUTF8(at: p)
    }
    guard p &+ length <= end else { throw unterminatedString(quote) }
    let second = base[p &+ 1]
    guard second >= low, second <= high else { throw invalidUTF8(at: p) }
    var q = p &+ 2
    while q < p &+ length {
      guard base[q] & 0xC0 == 0x80 else { throw invalidUTF8(at: p) }
      q &+= 1
    }
    return q
  }

  private func invalidUTF8(at p: Int) -> JSONError {
    let (line, column) = locate(p)
    return .invalidUTF8(line: line, column: column)
  }

  // MARK: - Numbers and literals

  /// Validates and converts the number starting at `start`, appends it, and returns the
  /// position after it.
  @inline(__always)
  private mutating func scanNumber(_ start: Int, _ end: Int) throws(JSONError) -> Int {
    var p = start
    var isNegative = false
    if base[p] == .minus {
      isNegative = true
      p &+= 1
      if p < end && base[p] == UInt8(ascii: "I") { return try scanNonFinite(start, end) }
    }

    // Integer part: `0` or a non-zero digit followed by digits.
    let integerStart = p
    var mantissa: UInt64 = 0
    if p < end && base[p] == .zero {
      p &+= 1
      if p < end && base[p] &- .zero < 10 { throw invalidNumber(start, end) }
    } else {
      scanDigits(&p, end, into: &mantissa)
      if p == integerStart { throw invalidNumber(start, end) }
    }
    // A leading `0` is the whole integer part and not significant; the mantissa itself may have
    // wrapped to zero after 19 digits, so look at the text.
    var significantDigits = base[integerStart] == .zero ? 0 : p &- integerStart
    var exponent = 0
    var isInteger = true

    // Fraction: leading zeros after `0.` only move the exponent.
    if p < end && base[p] == .dot {
      isInteger = false
      p &+= 1
      let fractionStart = p
      if significantDigits == 0 {
        while p < end && base[p] == .zero { p &+= 1 }
      }
      let digitsStart = p
      scanDigits(&p, end, into: &mantissa)
      if p == fractionStart { throw invalidNumber(start, end) }
      significantDigits &+= p &- digitsStart
      exponent = fractionStart &- p
    }

    // Exponent, clamped far beyond any finite double.
    if p < end && base[p] | 0x20 == UInt8(ascii: "e") {
      isInteger = false
      p &+= 1
      var exponentIsNegative = false
      if p < end && (base[p] == .minus || base[p] == .plus) {
        exponentIsNegative = base[p] == .minus
        p &+= 1
      }
      let exponentStart = p
      var value = 0
      while p < end {
        let digit = base[p] &- .zero
        if digit >= 10 { break }
        if value < 100_000 { value = value &* 10 &+ Int(digit) }
        p &+= 1
      }
      if p == exponentStart { throw invalidNumber(start, end) }
      exponent &+= exponentIsNegative ? -value : value
    }

    if isInteger && significantDigits <= 19 {
      if !isNegative && mantissa <= UInt64(Int64.max) {
        tape.append(TapeEntry(kind: .integer, offset: start, payload: mantissa))
        return p
      }
      if isNegative && mantissa <= UInt64(Int64.max) &+ 1 {
        tape.append(TapeEntry(kind: .integer, offset: start, payload: 0 &- mantissa))
        return p
      }
    }
    var value: Double
    if significantDigits <= 19,
      let converted = DecimalConversion.double(
        mantissa: mantissa, exponent: exponent, isNegative: isNegative)
    {
      value = converted
    } else {
      let text = String(
        decoding: UnsafeBufferPointer(start: base + start, count: p &- start),
        as: UTF8.self)
      value = Double(text) ?? .nan
    }
    tape.append(TapeEntry(kind: .double, offset: start, payload: value.bitPattern))
    return p
  }

  /// Reads decimal digits into `mantissa` (wrapping past 19 digits, which the caller counts),
  /// eight at a time while it can.
  @inline(__always)
  private func scanDigits(_ p: inout Int, _ end: Int, into mantissa: inout UInt64) {
    while p &+ 8 <= end {
      let word = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self).littleEndian
      // All eight bytes are '0'...'9' exactly when this holds (as in simdjson and fast_float).
      let isEightDigits =
        (word & 0xF0F0_F0F0_F0F0_F0F0)
        | (((word &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4)
        == 0x3333_3333_3333_3333
      guard isEightDigits else { break }
      var value = word & 0x0F0F_0F0F_0F0F_0F0F
      value = (value &* 2561) >> 8
      value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
      value = ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
      mantissa = mantissa &* 100_000_000 &+ value
      p &+= 8
    }
    while p < end {
      let digit = base[p] &- .zero
      if digit >= 10 { break }
      mantissa = mantissa &* 10 &+ UInt64(digit)
      p &+= 1
    }
  }

  private func invalidNumber(_ start: Int, _ end: Int) -> JSONError {
    var p = start
    while p < end, p - start < 32 {
      let byte = base[p]
      let isNumberByte =
        byte &- .zero < 10 || byte == .minus || byte == .plus || byte == .dot
        || byte | 0x20 == UInt8(ascii: "e")
      if !isNumberByte { break }
      p &+= 1
    }
    let text = String(
      decoding: UnsafeBufferPointer(start: base + start, count: p - start),
      as: UTF8.self)
    let (line, column) = locate(start)
    return .invalidNumber(text, line: line, column: column)
  }

  /// Reads `NaN`, `Infinity`, or `-Infinity`.
  private mutating func scanNonFinite(_ start: Int, _ end: Int) throws(JSONError) -> Int {
    let candidates: [(String, Double)] = [
      ("NaN", .nan), ("Infinity", .infinity), ("-Infinity", -.infinity),
    ]
    for (word, value) in candidates where matches(word, at: start, end) {
      guard options.allowsNonFiniteNumbers else {
        let (line, column) = locate(start)
        throw .nonFiniteNumber(word, line: line, column: column)
      }
      tape.append(TapeEntry(kind: .double, offset: start, payload: value.bitPattern))
      return start &+ word.utf8.count
    }
    if base[start] == .minus { throw invalidNumber(start, end) }
    throw unexpected(at: start, end, expected: "a JSON value")
  }

  @inline(__always)
  private mutating func scanLiteral(
    _ start: Int, _ end: Int, _ word: StaticString, _ kind: TapeKind
  ) throws(JSONError) -> Int {
    let length = word.utf8CodeUnitCount
    guard start &+ length <= end else {
      throw unexpected(at: start, end, expected: "a JSON value")
    }
    let letters = word.utf8Start
    for i in 1..<length where base[start &+ i] != letters[i] {
      throw unexpected(at: start, end, expected: "a JSON value")
    }
    tape.append(TapeEntry(kind: kind, offset: start))
    return start &+ length
  }

  private func matches(_ word: String, at start: Int, _ end: Int) -> Bool {
    var p = start
    for byte in word.utf8 {
      guard p < end, base[p] == byte else { return false }
      p += 1
    }
    return true
  }

  // MARK: - Errors

  private func locate(_ offset: Int) -> (line: Int, column: Int) {
    let location = JSONLocation(offset: offset, in: buffer)
    return (location.line, location.column)
  }

  private func endOfInput(expected: String, at offset: Int) -> JSONError {
    let (line, column) = locate(offset)
    return .unexpectedEndOfInput(expected: expected, line: line, column: column)
  }

  /// An unexpected-character error that quotes a whole word (`tru`, `undefined`) or one
  /// character.
  private func unexpected(at p: Int, _ end: Int, expected: String) -> JSONError {
    let (line, column) = locate(p)
    return .unexpectedCharacter(
      Self.describeToken(at: p, end, in: base), expected: expected, line: line, column: column)
  }

  static func describeToken(at p: Int, _ end: Int, in base: UnsafePointer<UInt8>) -> String {
    let byte = base[p]
    func isWordByte(_ byte: UInt8) -> Bool {
      (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- .zero < 10 || byte == UInt8(ascii: "_")
    }
    if isWordByte(byte) {
      var q = p
      while q < end, q - p < 20, isWordByte(base[q]) { q += 1 }
      return String(decoding: UnsafeBufferPointer(start: base + p, count: q - p), as: UTF8.self)
    }
    if byte >= .space && byte < 0x7F {
      return String(UnicodeScalar(byte))
    }
    if byte >= 0x80 {
      var q = p + 1
      while q < end, q - p < 4, base[q] & 0xC0 == 0x80 { q += 1 }
      if let text = String(
        validating: UnsafeBufferPointer(start: base + p, count: q - p), as: UTF8.self)
      {
        return text
      }
    }
    let hex = String(byte, radix: 16, uppercase: true)
    return "\\x" + (hex.count == 1 ? "0" : "") + hex
  }
}

extension UInt8 {
  static let tab = UInt8(ascii: "\t")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let quote = UInt8(ascii: "\"")
  static let plus = UInt8(ascii: "+")
  static let comma = UInt8(ascii: ",")
  static let minus = UInt8(ascii: "-")
  static let dot = UInt8(ascii: ".")
  static let zero = UInt8(ascii: "0")
  static let colon = UInt8(ascii: ":")
  static let openBracket = UInt8(ascii: "[")
  static let backslash = UInt8(ascii: "\\")
  static let closeBracket = UInt8(ascii: "]")
  static let openBrace = UInt8(ascii: "{")
  static let closeBrace = UInt8(ascii: "}")
}
