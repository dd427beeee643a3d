/// A quick look through SVG markup for anything more than a picture.
///
/// The scan reads UTF-8 bytes, as an HTML tokenizer does: tag and attribute names end at ASCII
/// white space, `/`, `=` or `>`. A page of charts holds megabytes of SVG, so the scan is kept
/// to one pass over the bytes.
enum SVGInspection {
  /// Elements that run code, load or link to something, or restyle the whole page.
  static let forbiddenElements: Set<[UInt8]> = Set(
    [
      "script", "foreignobject", "a", "image", "use", "style", "iframe", "object", "embed",
      "audio", "video", "link", "feimage",
    ].map { Array($0.utf8) })

  /// A description of the first forbidden element or attribute, or `nil` when there is none.
  ///
  /// Scans the tags only: text between tags cannot hold a `<`, so it is skipped. Attribute
  /// values may be quoted with either quote and hold `>`.
  static func firstUnsafePart(of markup: Substring) -> String? {
    let bytes = Array(markup.utf8)
    let end = bytes.count
    var index = 0
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      var cursor = open + 1
      if bytes[cursor...].starts(with: "!--".utf8) {
        guard let close = Self.find(Array("-->".utf8), in: bytes, from: cursor) else { return nil }
        index = close + 3
        continue
      }
      if cursor < end, [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "!")].contains(bytes[cursor]) {
        cursor += 1
      }
      let nameStart = cursor
      while cursor < end, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"),
        bytes[cursor] != UInt8(ascii: "/")
      {
        cursor += 1
      }
      if forbiddenElements.contains(bytes[nameStart..<cursor].map(Self.lowercased)) {
        return "a <\(text(nameStart..<cursor))> element"
      }
      // Attributes, up to the end of the tag.
      while cursor < end, bytes[cursor] != UInt8(ascii: ">") {
        let byte = bytes[cursor]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
          let valueStart = cursor + 1
          let valueEnd = bytes[valueStart...].firstIndex(of: byte) ?? end
          if Self.loadsSomething(bytes[valueStart..<valueEnd]) {
            return "an external url(…) reference"
          }
          cursor = min(end, valueEnd + 1)
          continue
        }
        if Self.isLetter(byte) {
          let attributeStart = cursor
          while cursor < end, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="),
            bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/")
          {
            cursor += 1
          }
          let name = bytes[attributeStart..<cursor].map(Self.lowercased)
          if name.starts(with: "on".utf8) || name.reversed().starts(with: "ferh".utf8)
            || name == Array("src".utf8)
          {
            return "a '\(text(attributeStart..<cursor))' attribute"
          }
          continue
        }
        cursor += 1
      }
      index = cursor
      if index >= end { break }
    }
    return nil
  }

  /// Whether an attribute value refers to something outside the picture with `url(…)`.
  private static func loadsSomething(_ value: ArraySlice<UInt8>) -> Bool {
    let lowered = value.filter { !($0 == 0x20 || (0x09...0x0D).contains($0)) }.map(lowercased)
    var from = 0
    while let start = find(Array("url(".utf8), in: lowered, from: from) {
      var target = start + 4
      while target < lowered.count, lowered[target] == UInt8(ascii: "\"") || lowered[target] == UInt8(ascii: "'") {
        target += 1
      }
      if target >= lowered.count || lowered[target] != UInt8(ascii: "#") { return true }
      from = target
    }
    return false
  }

  /// The first index of `pattern` in `bytes` at or after `from`.
  private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard pattern.count <= bytes.count else { return nil }
    var index = from
    while index + pattern.count <= bytes.count {
      if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
        return index
      }
      index += 1
    }
    return nil
  }

  /// An ASCII letter in lower case; other bytes as they are.
  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  /// A byte that starts an attribute name: an ASCII letter, or the start of a non-ASCII one.
  private static func isLetter(_ byte: UInt8) -> Bool {
    let lower = lowercased(byte)
    return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || byte >= 0x80
  }
}
