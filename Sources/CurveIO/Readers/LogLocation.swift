/// A place in a log file that an error points at: the file, and as much of line, column,
/// column name, record number and byte offset as the format has.
///
/// ```swift
/// let place = LogLocation(file: "runs/metrics.csv", line: 57, columnName: "val_loss")
/// place.description  // runs/metrics.csv, line 57, column 'val_loss'
/// ```
public struct LogLocation: Sendable, Equatable, Hashable {
  /// The file as the caller named it.
  public var file: String
  /// The 1-based line, for text formats.
  public var line: Int?
  /// The 1-based column (in characters), for JSON.
  public var column: Int?
  /// The column's name, for CSV.
  public var columnName: String?
  /// The 1-based record number, for binary formats such as TensorBoard event files.
  public var record: Int?
  /// The byte offset of the record, for binary formats.
  public var byteOffset: Int?

  /// Creates a location; only the file is required.
  public init(
    file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil,
    record: Int? = nil, byteOffset: Int? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.columnName = columnName
    self.record = record
    self.byteOffset = byteOffset
  }
}

extension LogLocation: CustomStringConvertible {
  /// The place as `file, line 3, column 5`, `file, line 57, column 'val_loss'` or
  /// `file, record 12 (byte 3456)`.
  public var description: String {
    var parts = [file]
    if let line { parts.append("line \(line)") }
    if let column { parts.append("column \(column)") }
    if let columnName { parts.append("column '\(LogText.excerpt(columnName))'") }
    if let record {
      parts.append(byteOffset.map { "record \(record) (byte \($0))" } ?? "record \(record)")
    } else if let byteOffset {
      parts.append("byte \(byteOffset)")
    }
    return parts.joined(separator: ", ")
  }
}
