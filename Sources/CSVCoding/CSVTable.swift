/// A CSV file read into a header and records.
///
/// The reader follows RFC 4180 (quoted fields may hold separators, doubled quotes, and line
/// breaks) and also accepts what training tools write in practice:
///
/// - line ends `\n`, `\r\n`, a lone `\r`, and the `\r\r\n` that Keras' `CSVLogger` writes on
///   Windows, each counted as one line end;
/// - a UTF-8 byte order mark, which is skipped;
/// - blank lines, which are skipped;
/// - padded fields such as Ultralytics' `       epoch,      train/box_loss`, trimmed by
///   default;
/// - `;` or tab instead of `,`: unless the options fix a separator, the reader tries each on
///   the first ten records and keeps the one that splits the header into the most fields with
///   every sampled record agreeing, falling back to `,`.
///
/// Text after a closing quote is kept, as Python's `csv` module does: `"ab"c` reads as `abc`.
/// Invalid UTF-8 becomes U+FFFD.
///
/// ```swift
/// let table = try CSVTable(parsing: "epoch,loss,val_loss\n0,0.91,0.95\n1,0.62,0.70\n")
/// table.header                                      // ["epoch", "loss", "val_loss"]
/// table.records.map { table.field("val_loss", in: $0) }  // ["0.95", "0.70"]
/// ```
public struct CSVTable: Sendable, Hashable {
  /// The column names from the first non-blank record.
  public var header: [String]
  /// The records after the header, in order.
  public var records: [CSVRecord]
  /// The 1-based line of the header.
  public var headerLine: Int
  /// The separator the table was read with or will be written with.
  public var separator: Unicode.Scalar

  /// Creates a table from its parts, for example to write it.
  public init(
    header: [String], records: [CSVRecord], headerLine: Int = 1, separator: Unicode.Scalar = ","
  ) {
    self.header = header
    self.records = records
    self.headerLine = headerLine
    self.separator = separator
  }

  /// Reads CSV text from UTF-8 bytes.
  ///
  /// - Parameters:
  ///   - bytes: The file's contents, optionally starting with a byte order mark.
  ///   - options: Separator, trimming, and whether ragged records are allowed.
  /// - Throws: ``CSVError`` naming the line of an unterminated quote or of a record whose field
  ///   count differs from the header's; ``CSVError/missingHeader`` for empty input.
  /// - Complexity: O(*n*) in the length of the text.
  public init(parsing bytes: [UInt8], options: CSVReadingOptions = CSVReadingOptions())
    throws(CSVError)
  {
    self = try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
      try Self.read(buffer, options: options)
    }
  }

  /// Reads CSV text from any collection of UTF-8 bytes, such as `Data`.
  ///
  /// - Throws: ``CSVError``, as when parsing an array of bytes.
  public init(
    parsing bytes: some Collection<UInt8>, options: CSVReadingOptions = CSVReadingOptions()
  )
    throws(CSVError)
  {
    try self.init(parsing: Array(bytes), options: options)
  }

  /// Reads CSV text from a string.
  ///
  /// ```swift
  /// let table = try CSVTable(parsing: "step;loss\n1;0.5\n")
  /// table.separator  // ";"
  /// ```
  ///
  /// - Throws: ``CSVError``, as when parsing an array of bytes.
  public init(parsing text: String, options: CSVReadingOptions = CSVReadingOptions())
    throws(CSVError)
  {
    try self.init(parsing: Array(text.utf8), options: options)
  }

  /// The position of the first column with this name, or `nil`.
  public func columnIndex(named name: String) -> Int? {
    header.firstIndex(of: name)
  }

  /// A record's field in the named column, or `nil` when there is no such column or the record
  /// is too short for it.
  public func field(_ column: String, in record: CSVRecord) -> String? {
    columnIndex(named: column).flatMap(record.field(at:))
  }

  /// Every record's field in the named column, `nil` where a ragged record lacks it; `nil` when
  /// there is no such column.
  public func values(inColumn column: String) -> [String?]? {
    guard let index = columnIndex(named: column) else { return nil }
    return records.map { $0.field(at: index) }
  }

  /// Reads CSV text one record at a time, without keeping the records: for files too large
  /// to hold as a table of strings.
  ///
  /// `body` sees the first record (the header) and then every other, in order, each with
  /// its line; it returns `false` to stop early.
  ///
  /// ```swift
  /// var rows = 0
  /// let separator = try CSVTable.forEachRecord(in: bytes) { record in
  ///   rows += 1
  ///   return true
  /// }
  /// ```
  ///
  /// - Returns: The separator the text was read with.
  /// - Throws: ``CSVError``, as when parsing a table; errors after `body` stopped are not
  ///   seen.
  /// - Complexity: O(*n*) in the length of the text; memory for one record at a time.
  @discardableResult
  public static func forEachRecord(
    in bytes: [UInt8], options: CSVReadingOptions = CSVReadingOptions(),
    _ body: (CSVRecord) -> Bool
  ) throws(CSVError) -> Unicode.Scalar {
    try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
      try scan(buffer, options: options, body)
    }
  }

  private static func read(_ buffer: UnsafeBufferPointer<UInt8>, options: CSVReadingOptions)
    throws(CSVError) -> CSVTable
  {
    var header: CSVRecord?
    var records: [CSVRecord] = []
    let separator = try scan(buffer, options: options) { record in
      if header == nil { header = record } else { records.append(record) }
      return true
    }
    guard let header else { throw .missingHeader }
    return CSVTable(
      header: header.fields, records: records, headerLine: header.line, separator: separator)
  }

  /// The one loop over records: the header first, then each record, checked for its field
  /// count unless ragged rows are allowed.
  private static func scan(
    _ buffer: UnsafeBufferPointer<UInt8>, options: CSVReadingOptions,
    _ body: (CSVRecord) -> Bool
  ) throws(CSVError) -> Unicode.Scalar {
    let separator =
      options.separator.map { UInt8($0.value) }
      ?? CSVScanner.detectSeparator(in: buffer, trimsWhitespace: options.trimsWhitespace)
    var scanner = CSVScanner(
      buffer: buffer, separator: separator, trimsWhitespace: options.trimsWhitespace)
    guard let header = try scanner.nextRecord() else { throw .missingHeader }
    guard body(header) else { return Unicode.Scalar(separator) }
    while let record = try scanner.nextRecord(expectedFieldCount: header.fields.count) {
      if !options.allowsRaggedRows && record.fields.count != header.fields.count {
        throw .fieldCountMismatch(
          expected: header.fields.count, found: record.fields.count, line: record.line)
      }
      guard body(record) else { break }
    }
    return Unicode.Scalar(separator)
  }
}
