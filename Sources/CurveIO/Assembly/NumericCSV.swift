import CSVCoding

/// A CSV table read as numbers, column by column, with the file's line for every row.
///
/// Columns that ``MetricNames`` ignores (timing) are not read. A column with a known role, or
/// one a ``MetricMapping`` names, must hold numbers: text in it is an error that names the
/// file, line and column. Any other column whose first value is text is a text column (a
/// run name, a formatted time) and is left out with a warning. Lines that repeat the header,
/// as several processes appending to one file write, are skipped. An unnamed first column
/// (pandas' index, as `to_csv` writes it) counts the epochs when no other column does.
struct NumericCSV {
  /// Column names, as given (possibly renamed by the reader).
  var header: [String]
  /// One array of optional values per row.
  var rows: [[Double?]] = []
  /// The file line of each row.
  var lines: [Int] = []

  /// An empty table with these columns, to be filled row by row.
  init(header: [String]) {
    self.header = header
  }

  /// Reads `table`'s records; `header` replaces the table's own names when a reader renames
  /// columns (W&B's `run - metric`).
  init(
    _ table: CSVTable, file: String, header: [String]? = nil, mapping: MetricMapping,
    warnings: inout [String]
  ) throws(LogReadError) {
    var header = header ?? table.header
    for name in header {
      try LogReadError.check(name: name, at: LogLocation(file: file, line: table.headerLine))
    }
    // pandas' to_csv writes its index first, unnamed ("", or "Unnamed: 0" once read back and
    // written again): the row number, which counts epochs when nothing else does.
    if header.count > 1, ["", "unnamed: 0", "index"].contains(header[0].lowercased()) {
      let hasCounter = header.dropFirst().contains {
        [.step, .epoch].contains(MetricNames.role(of: $0))
      }
      header[0] = hasCounter ? "" : "epoch"
    }
    self.header = header
    let roles = header.map(MetricNames.role(of:))
    let named = Set(
      mapping.overrides.compactMap { override in
        header.firstIndex { MetricMapping.matches(override.name, $0) }
      })
    enum Kind { case unknown, numeric, text, ignored }
    var kinds: [Kind] = roles.map { $0 == .ignored ? .ignored : .unknown }
    for index in header.indices where roles[index] != .metric && roles[index] != .ignored {
      kinds[index] = .numeric
    }
    for index in named { kinds[index] = .numeric }

    var repeatedHeaders: [Int] = []
    var textLines: [(line: Int, text: String)] = []
    var raggedLine: Int?
    var cells: [NumericText.Value] = []
    rows.reserveCapacity(table.records.count)
    lines.reserveCapacity(table.records.count)
    for record in table.records {
      if record.fields == table.header {
        repeatedHeaders.append(record.line)
        continue
      }
      let count = min(header.count, record.fields.count)
      cells.removeAll(keepingCapacity: true)
      var hasNumber = false
      var textInNumbers = false
      for index in 0..<count {
        let cell = kinds[index] == .ignored ? .missing : NumericText.value(of: record.fields[index])
        cells.append(cell)
        if case .number = cell { hasNumber = true }
        if case .text = cell, kinds[index] == .numeric { textInNumbers = true }
      }
      // A line of text only (a title between tables, as some scripts write before each run)
      // is skipped; text beside numbers is an error below. A line of empty cells holds nothing.
      if !hasNumber {
        if textInNumbers {
          textLines.append((record.line, record.fields.first { !$0.isEmpty } ?? ""))
        }
        continue
      }
      if record.fields.count > header.count && raggedLine == nil { raggedLine = record.line }
      var row = [Double?](repeating: nil, count: header.count)
      for index in 0..<count where kinds[index] != .ignored {
        switch cells[index] {
        case .missing: break
        case .number(let value):
          if kinds[index] == .unknown { kinds[index] = .numeric }
          if kinds[index] == .numeric { row[index] = value }
        case .text:
          let text = record.fields[index]
          switch kinds[index] {
          case .unknown:
            kinds[index] = .text
            warnings.append(
              "\(file): column '\(LogText.excerpt(header[index]))' holds text "
                + "('\(LogText.excerpt(text))' at line \(record.line)); it was left out")
          case .numeric:
            throw .notANumber(
              text, at: LogLocation(file: file, line: record.line, columnName: header[index]))
          case .text, .ignored: break
          }
        }
      }
      rows.append(row)
      lines.append(record.line)
    }
    if let first = repeatedHeaders.first {
      warnings.append(
        "\(file): the header line was repeated \(repeatedHeaders.count) time"
          + "\(repeatedHeaders.count == 1 ? "" : "s") (first at line \(first)), as when several "
          + "processes append to one file; those lines were skipped")
    }
    if let first = textLines.first {
      warnings.append(
        "\(file): \(textLines.count) line\(textLines.count == 1 ? "" : "s") held only text (the "
          + "first at line \(first.line): '\(LogText.excerpt(first.text))'), as titles between "
          + "runs do; skipped")
    }
    if let raggedLine {
      warnings.append(
        "\(file): line \(raggedLine) has more fields than the header; the extra fields were "
          + "left out")
    }
  }

  /// The position of the first column whose role is `role`.
  func column(withRole role: MetricNames.Role) -> Int? {
    header.firstIndex { MetricNames.role(of: $0) == role }
  }

  /// The table without the columns at `removed`, with steps and epochs from the closures.
  func table(
    removing removed: Set<Int>, file: String,
    step: (_ row: [Double?], _ line: Int) throws(LogReadError) -> Int?,
    epoch: (_ row: [Double?]) -> Double?
  ) throws(LogReadError) -> MetricTable {
    let kept = header.indices.filter { !removed.contains($0) }
    var table = MetricTable(columns: kept.map { header[$0] })
    table.rows.reserveCapacity(rows.count)
    for (row, line) in zip(rows, lines) {
      guard let stepValue = try step(row, line) else { continue }
      table.rows.append(
        MetricTable.Row(
          step: stepValue, epoch: epoch(row), values: kept.map { row[$0] }, line: line))
    }
    return table
  }

  /// A step from a cell under ``StepRule``, `nil` for an empty cell, or an error naming the
  /// place.
  static func integer(
    _ value: Double?, file: String, line: Int, column: String
  ) throws(LogReadError) -> Int? {
    guard let value else { return nil }
    return try StepRule.step(
      value, field: column, at: LogLocation(file: file, line: line, columnName: column))
  }
}

extension CSVTable {
  /// Reads a log file's bytes as CSV, accepting ragged rows, and turns CSV errors into
  /// ``LogReadError``s that name the file.
  ///
  /// When the first line names no column ``MetricNames`` knows but one of the next four does
  /// (with any of `,`, `;` and tab), the lines above it are a title (`model_history_log`, or
  /// a `Trial Details: ...` line above each run) and are skipped, with a warning.
  static func log(_ source: LogSource, warnings: inout [String]) throws(LogReadError) -> CSVTable
  {
    let table = try parse(source, separator: nil)
    guard !hasKnownColumn(table.header) else { return table }
    let prefix = Array(source.bytes.prefix(LogLimits.sniffedBytes))
    for separator in [nil, ",", ";", "\t"] as [Unicode.Scalar?] {
      let options = CSVReadingOptions(separator: separator, allowsRaggedRows: true)
      guard let sample = try? CSVTable(parsing: prefix, options: options) else { continue }
      let candidates = sample.records.prefix(4).map(\.fields)
      guard let index = candidates.firstIndex(where: { $0.count >= 2 && hasKnownColumn($0) })
      else { continue }
      let full = try parse(source, separator: sample.separator)
      guard index < full.records.count else { continue }
      let header = full.records[index]
      warnings.append(
        "\(source.path): line \(full.headerLine) ('\(LogText.excerpt(full.header.joined(separator: String(full.separator))))') "
          + "is a title above the header at line \(header.line); skipped")
      return CSVTable(
        header: header.fields, records: Array(full.records[(index + 1)...]),
        headerLine: header.line, separator: full.separator)
    }
    return table
  }

  /// Whether any of the names has a role ``MetricNames`` knows (a loss, an epoch, a step...).
  private static func hasKnownColumn(_ names: [String]) -> Bool {
    names.contains {
      $0.utf8.count <= LogLimits.maximumNameLength
        && ![.metric, .ignored].contains(MetricNames.role(of: $0))
    }
  }

  private static func parse(_ source: LogSource, separator: Unicode.Scalar?) throws(LogReadError)
    -> CSVTable
  {
    do {
      return try CSVTable(
        parsing: source.bytes,
        options: CSVReadingOptions(separator: separator, allowsRaggedRows: true))
    } catch {
      switch error {
      case .missingHeader:
        throw .emptyFile(path: source.path)
      case .unterminatedQuote(let line, let field):
        throw .malformed(
          LogLocation(file: source.path, line: line),
          problem: "quoted field \(field) has no closing quote")
      case .fieldCountMismatch(let expected, let found, let line):
        throw .malformed(
          LogLocation(file: source.path, line: line),
          problem: "expected \(expected) fields as in the header, found \(found)")
      }
    }
  }
}
