/// How the readers turn logged text into numbers, keeping "missing" apart from "not finite".
///
/// A missing value (an empty cell, `NA`, `N/A`, `None`, `null`) means nothing was logged
/// there. A value that is not finite (`nan`, `NaN`, `inf`, `-inf`, `Infinity`) was logged and
/// is kept: a loss that became `nan` is a finding about the run, not a broken file.
enum NumericText {
  /// What one cell holds.
  enum Value: Equatable {
    /// Nothing was logged.
    case missing
    /// A number, possibly NaN or infinite.
    case number(Double)
    /// Text that is not a number.
    case text
  }

  /// Reads one trimmed cell.
  static func value(of text: String) -> Value {
    // The common case, a plain number as CSV cells are after trimming, needs no copy.
    if let first = text.utf8.first, (0x30...0x39).contains(first) || first == 0x2D,
      let last = text.utf8.last, (0x30...0x39).contains(last), let number = Double(text),
      !text.utf8.contains(UInt8(ascii: "x"))
    {
      return .number(number)
    }
    var text = text
    return text.withUTF8 { value(of: $0) }
  }

  /// Reads one cell from UTF-8 bytes, trimming spaces and tabs.
  static func value(of bytes: UnsafeBufferPointer<UInt8>) -> Value {
    var start = 0
    var end = bytes.count
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    if start == end { return .missing }
    let cell = UnsafeBufferPointer(rebasing: bytes[start..<end])
    if isMissingMarker(cell) { return .missing }
    // Quick check: a number starts with a digit, sign, dot, or the letters of nan/inf.
    let first = cell[0] | 0x20
    guard
      (0x30...0x39).contains(cell[0]) || cell[0] == 0x2B || cell[0] == 0x2D || cell[0] == 0x2E
        || first == 0x6E || first == 0x69
    else { return .text }
    let string = String(decoding: cell, as: UTF8.self)
    if let number = Double(string), isPlainNumber(cell) { return .number(number) }
    return .text
  }

  private static func isMissingMarker(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    guard cell.count <= 4 else { return false }
    let lowered = String(
      decoding: cell.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    return missingMarkers.contains(lowered)
  }

  /// Cells that mean "nothing logged here", compared in lowercase.
  static let missingMarkers: Set<String> = ["na", "n/a", "none", "null", "nil"]

  /// Rejects what `Double(_:)` accepts but no log writes: hexadecimal floats and NaN payloads.
  private static func isPlainNumber(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in cell
    where byte == UInt8(ascii: "x") || byte == UInt8(ascii: "X")
      || byte == UInt8(ascii: "(")
    {
      return false
    }
    return true
  }
}
