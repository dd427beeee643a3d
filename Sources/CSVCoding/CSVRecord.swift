/// One row of a CSV file: its fields and the line where it starts.
///
/// ```swift
/// let table = try CSVTable(parsing: "epoch,loss\n0,0.91\n")
/// let record = table.records[0]
/// record.line                 // 2
/// record.field(at: 1)         // "0.91"
/// table.field("loss", in: record)  // "0.91"
/// ```
public struct CSVRecord: Sendable, Hashable {
  /// The fields in order, unquoted and, if the options say so, trimmed.
  public var fields: [String]
  /// The 1-based physical line where the record starts; a record with a quoted line break
  /// spans more than one line.
  public var line: Int

  /// Creates a record.
  public init(fields: [String], line: Int) {
    self.fields = fields
    self.line = line
  }

  /// The field at a zero-based position, or `nil` when this record is too short (possible when
  /// ``CSVReadingOptions/allowsRaggedRows`` is on).
  public func field(at position: Int) -> String? {
    fields.indices.contains(position) ? fields[position] : nil
  }
}
