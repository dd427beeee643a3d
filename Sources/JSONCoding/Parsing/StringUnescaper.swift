/// Decodes the backslash escapes of a JSON string whose syntax the ``TapeBuilder`` has checked.
enum StringUnescaper {
  /// The value of one hexadecimal digit, or `nil`.
  @inline(__always)
  static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte &- UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte &- UInt8(ascii: "a") &+ 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte &- UInt8(ascii: "A") &+ 10)
    default: nil
    }
  }

  /// Returns the text of validated string content (the bytes between the quotes).
  ///
  /// A `\uD83D\uDE00` surrogate pair becomes one scalar. A lone surrogate, which Python accepts
  /// but a Swift `String` cannot hold, becomes U+FFFD.
  static func unescape(_ content: UnsafeBufferPointer<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(content.count)
    var p = 0
    let end = content.count
    while p < end {
      let byte = content[p]
      guard byte == .backslash else {
        output.append(byte)
        p += 1
        continue
      }
      let escaped = content[p + 1]
      p += 2
      switch escaped {
      case UInt8(ascii: "b"): output.append(0x08)
      case UInt8(ascii: "f"): output.append(0x0C)
      case UInt8(ascii: "n"): output.append(.lineFeed)
      case UInt8(ascii: "r"): output.append(.carriageReturn)
      case UInt8(ascii: "t"): output.append(.tab)
      case UInt8(ascii: "u"):
        var scalar = hex4(content, p)
        p += 4
        if (0xD800...0xDBFF).contains(scalar), p + 6 <= end, content[p] == .backslash,
          content[p + 1] == UInt8(ascii: "u")
        {
          let low = hex4(content, p + 2)
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            p += 6
          }
        }
        appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &output)
      default:
        output.append(escaped)  // `"`, `\` and `/` stand for themselves.
      }
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static func hex4(_ content: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt32 {
    var value: UInt32 = 0
    for i in start..<start + 4 {
      value = value << 4 | (hexValue(content[i]) ?? 0)
    }
    return value
  }

  private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
    for unit in UTF8.encode(scalar)! {
      output.append(unit)
    }
  }
}
