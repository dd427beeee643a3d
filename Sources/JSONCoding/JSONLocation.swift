/// A place in a JSON text: a 1-based line and a 1-based column.
///
/// Lines end at each line feed (`\n`, so `\r\n` counts once). Columns count Unicode scalars,
/// not bytes, so a column matches what an editor shows for most text; a leading byte order mark
/// is not counted.
///
/// ```swift
/// let document = try JSONDocument(parsing: "{\n  \"loss\": 0.5\n}")
/// document.root["loss"]?.location  // line 2, column 11
/// ```
public struct JSONLocation: Sendable, Hashable {
  /// The line, starting at 1.
  public var line: Int
  /// The column within the line, starting at 1.
  public var column: Int

  /// Creates a location from a line and a column, both 1-based.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// Finds the line and column of a byte offset by scanning the text before it.
  ///
  /// - Complexity: O(*n*), where *n* is `offset`.
  init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = 0
    var index = 0
    while index < end {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    if lineStart == 0, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      lineStart = 3
    }
    var column = 1
    index = lineStart
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    self.init(line: line, column: column)
  }
}

extension JSONLocation: CustomStringConvertible {
  /// The location as `line 3, column 14`.
  public var description: String { "line \(line), column \(column)" }
}
