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

/// Finds the locations of many nodes of one document in one pass over the text.
///
/// ``JSONNode/location`` counts lines from the start of the text each time, which is right for
/// one error message and quadratic for a location per record of a large file. A locator
/// remembers where it stopped: asked for nodes in text order, it costs O(*n*) in all; asked
/// for an earlier node or a node of another document, it starts again from the beginning.
///
/// ```swift
/// var locator = JSONLocator()
/// for record in document.root.elements {
///   print(locator.location(of: record).line)
/// }
/// ```
public struct JSONLocator {
  private var storage: JSONStorage?
  private var offset = 0
  private var line = 1
  private var column = 1

  /// Creates a locator at the start of no document in particular.
  public init() {}

  /// The line and column where `node` starts, the same as its ``JSONNode/location``.
  ///
  /// - Complexity: O(*d*) in the distance from the node asked for before, when it came
  ///   earlier in the same document; else O(*n*) in the node's offset.
  public mutating func location(of node: JSONNode) -> JSONLocation {
    let target = node.entry.offset
    if storage !== node.storage || target < offset {
      storage = node.storage
      offset = 0
      line = 1
      column = 1
    }
    node.storage.bytes.withUnsafeBufferPointer { bytes in
      let end = min(max(target, 0), bytes.count)
      if offset == 0, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
        offset = 3  // A byte order mark is not counted, as JSONLocation does not count it.
      }
      while offset < end {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        offset += 1
      }
    }
    return JSONLocation(line: line, column: column)
  }
}

extension JSONLocation {
  /// Where a byte offset of the text `node` belongs to is: for places remembered as
  /// ``JSONNode/byteOffset`` while the nodes themselves were let go.
  ///
  /// - Complexity: O(*n*) in the offset.
  package static func location(ofOffset offset: Int, in node: JSONNode) -> JSONLocation {
    node.storage.location(ofOffset: offset)
  }
}
