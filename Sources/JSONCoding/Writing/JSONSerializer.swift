/// Writes ``JSONValue`` trees into UTF-8 bytes the way Python's `json` encoder does.
struct JSONSerializer {
  let options: JSONWritingOptions
  private(set) var output: [UInt8] = []
  private let itemSeparator: [UInt8]
  private let keySeparator: [UInt8]
  /// A line feed followed by the indentation of each depth reached so far.
  private var lineStarts: [[UInt8]] = []

  init(options: JSONWritingOptions) {
    self.options = options
    itemSeparator = Array(options.itemSeparator.utf8)
    keySeparator = Array(options.keySeparator.utf8)
  }

  mutating func write(_ value: JSONValue, depth: Int) {
    switch value {
    case .null: append("null")
    case .bool(let flag): append(flag ? "true" : "false")
    case .integer(let number): writeInteger(number)
    case .double(let number): writeDouble(number)
    case .string(let text): writeString(text)
    case .array(let elements):
      guard !elements.isEmpty else { return append("[]") }
      output.append(.openBracket)
      var isFirst = true
      for element in elements {
        if !isFirst { output.append(contentsOf: itemSeparator) }
        isFirst = false
        newline(depth: depth + 1)
        write(element, depth: depth + 1)
      }
      newline(depth: depth)
      output.append(.closeBracket)
    case .object(let members):
      guard !members.isEmpty else { return append("{}") }
      output.append(.openBrace)
      var isFirst = true
      for member in ordered(members) {
        if !isFirst { output.append(contentsOf: itemSeparator) }
        isFirst = false
        newline(depth: depth + 1)
        writeString(member.key)
        output.append(contentsOf: keySeparator)
        write(member.value, depth: depth + 1)
      }
      newline(depth: depth)
      output.append(.closeBrace)
    }
  }

  /// Members in output order: sorted by code points when asked (stable, so duplicate keys keep
  /// their order), as given otherwise.
  private func ordered(
    _ members: [(key: String, value: JSONValue)]
  ) -> [(key: String, value: JSONValue)] {
    guard options.sortsKeys else { return members }
    var isSorted = true
    for position in members.indices.dropFirst()
    where Self.compareCodePoints(members[position - 1].key, members[position].key) > 0 {
      isSorted = false
      break
    }
    if isSorted { return members }
    return members.enumerated().sorted { a, b in
      let order = Self.compareCodePoints(a.element.key, b.element.key)
      return order == 0 ? a.offset < b.offset : order < 0
    }.map(\.element)
  }

  /// Compares two strings by Unicode code points, as Python orders `str`, which is the order of
  /// their UTF-8 bytes: negative, zero, or positive.
  private static func compareCodePoints(_ a: String, _ b: String) -> Int {
    var a = a
    var b = b
    return a.withUTF8 { a in
      b.withUTF8 { b in
        let shared = min(a.count, b.count)
        var i = 0
        while i < shared {
          if a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
          i += 1
        }
        return a.count - b.count
      }
    }
  }

  private mutating func newline(depth: Int) {
    guard let indent = options.indent else { return }
    while lineStarts.count <= depth {
      lineStarts.append([.lineFeed] + repeatElement(.space, count: indent * lineStarts.count))
    }
    output.append(contentsOf: lineStarts[depth])
  }

  private mutating func append(_ text: StaticString) {
    output.append(
      contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private mutating func writeInteger(_ number: Int64) {
    if number < 0 { output.append(.minus) }
    var magnitude = number.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var position = digits.count
      repeat {
        position -= 1
        digits[position] = .zero + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[position...]))
    }
  }

  /// Python's `float.__repr__`, and Python's `json` spellings of the non-finite values.
  private mutating func writeDouble(_ number: Double) {
    if number.isNaN {
      append("NaN")
    } else if number.isInfinite {
      if number < 0 { append("-Infinity") } else { append("Infinity") }
    } else {
      PythonFloatFormat.append(number, to: &output)
    }
  }

  private mutating func writeString(_ text: String) {
    output.append(.quote)
    var text = text
    text.withUTF8 { bytes in
      var start = 0  // The first byte not yet copied.
      var p = 0
      while p < bytes.count {
        let byte = bytes[p]
        if byte >= 0x20 && byte < 0x7F && byte != .quote && byte != .backslash {
          p += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<p]))
        if byte < 0x80 {
          writeEscape(ofASCII: byte)
          p += 1
        } else {
          let (scalar, length) = Self.decodeScalar(bytes, at: p)
          if options.escapesNonASCII {
            writeEscape(ofNonASCII: scalar)
          } else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[p..<p + length]))
          }
          p += length
        }
        start = p
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<p]))
    }
    output.append(.quote)
  }

  private mutating func writeEscape(ofASCII byte: UInt8) {
    switch byte {
    case .quote: append("\\\"")
    case .backslash: append("\\\\")
    case .lineFeed: append("\\n")
    case .carriageReturn: append("\\r")
    case .tab: append("\\t")
    case 0x08: append("\\b")
    case 0x0C: append("\\f")
    case 0x7F where !options.escapesNonASCII: output.append(byte)
    default: appendEscape(UInt16(byte))
    }
  }

  private mutating func writeEscape(ofNonASCII scalar: UInt32) {
    if scalar < 0x10000 {
      appendEscape(UInt16(scalar))
    } else {
      let offset = scalar - 0x10000
      appendEscape(UInt16(0xD800 + (offset >> 10)))
      appendEscape(UInt16(0xDC00 + (offset & 0x3FF)))
    }
  }

  /// The scalar value and byte length of the valid UTF-8 sequence starting at `p`.
  private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int)
    -> (UInt32, Int)
  {
    let lead = UInt32(bytes[p])
    func continuation(_ i: Int) -> UInt32 { UInt32(bytes[p + i] & 0x3F) }
    if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
    if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
    return (
      (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4
    )
  }

  /// `\u` and four lowercase hex digits, as Python writes them.
  private mutating func appendEscape(_ unit: UInt16) {
    output.append(.backslash)
    output.append(UInt8(ascii: "u"))
    for shift in stride(from: 12, through: 0, by: -4) {
      let digit = UInt8(truncatingIfNeeded: unit >> UInt16(shift)) & 0xF
      output.append(digit < 10 ? .zero + digit : UInt8(ascii: "a") + digit - 10)
    }
  }
}
