/// Writes CSV text: one line per record, fields quoted only when they need it, `\n` line ends.
///
/// A field is quoted when it holds the separator, a quote, or a line break, when it starts or
/// ends with a space or tab (so that a trimming reader keeps them), and when it is the only
/// field of its record and empty (so the line is not mistaken for a blank one). Quotes inside
/// are doubled. Numbers are the caller's to format.
///
/// ```swift
/// let writer = CSVWriter()
/// writer.text(header: ["epoch", "note"], rows: [["0", "warm-up, lr=1e-4"]])
/// // "epoch,note\n0,\"warm-up, lr=1e-4\"\n"
/// ```
public struct CSVWriter: Sendable, Equatable {
  /// The field separator, an ASCII character.
  public var separator: Unicode.Scalar

  /// Creates a writer.
  ///
  /// - Precondition: `separator` is ASCII and not a quote, carriage return, or line feed.
  public init(separator: Unicode.Scalar = ",") {
    precondition(
      separator.isASCII && !["\"", "\r", "\n"].contains(separator),
      "the CSV separator must be ASCII and not a quote or line break")
    self.separator = separator
  }

  /// One record as a line of CSV, ending in `\n`.
  public func line(_ fields: some Sequence<String>) -> String {
    var output = ""
    write(fields, to: &output)
    return output
  }

  /// A header line followed by one line per row.
  public func text(header: [String], rows: some Sequence<[String]>) -> String {
    var output = line(header)
    for row in rows { write(row, to: &output) }
    return output
  }

  /// Appends one record as a line of CSV, ending in `\n`, to a stream.
  public func write(_ fields: some Sequence<String>, to output: inout some TextOutputStream) {
    var text = ""
    var count = 0
    for field in fields {
      if count > 0 { text.unicodeScalars.append(separator) }
      text += needsQuotes(field) ? quoted(field) : field
      count += 1
    }
    if count == 1 && text.isEmpty { text = "\"\"" }
    text += "\n"
    output.write(text)
  }

  private func needsQuotes(_ field: String) -> Bool {
    let separatorByte = UInt8(separator.value)
    for byte in field.utf8
    where byte == separatorByte || byte == .quote || byte == .lineFeed
      || byte == .carriageReturn
    {
      return true
    }
    let isPadding = { (byte: UInt8) in byte == .space || byte == .tab }
    if let first = field.utf8.first, isPadding(first) { return true }
    if let last = field.utf8.last, isPadding(last) { return true }
    return false
  }

  private func quoted(_ field: String) -> String {
    var text = "\""
    for character in field.unicodeScalars {
      if character == "\"" { text += "\"" }
      text.unicodeScalars.append(character)
    }
    return text + "\""
  }
}

extension CSVTable {
  /// The table as CSV text with its ``separator``: the header line, then one line per record.
  ///
  /// ```swift
  /// let record = CSVRecord(fields: ["0", "0.9"], line: 2)
  /// let table = CSVTable(header: ["epoch", "loss"], records: [record])
  /// table.serialized()  // "epoch,loss\n0,0.9\n"
  /// ```
  public func serialized() -> String {
    CSVWriter(separator: separator).text(header: header, rows: records.map(\.fields))
  }
}
