import CSVCoding

/// A CSV log read as numbers, column by column, with the file's line for every row.
///
/// The file is read one record at a time (no table of strings is kept) into ``SparseRows``,
/// so a CSV log costs memory for its numbers, not for its text twice over. Columns that
/// ``MetricNames`` ignores (timing) are not read. A column with a known role, or one a
/// ``MetricMapping`` names, must hold numbers: text in it is an error that names the file,
/// line and column. Any other column whose first value is text is a text column (a run name, a
/// formatted time) and is left out with a warning. Lines that repeat the header, as several
/// processes appending to one file write, are skipped, and so are lines of text only (titles
/// between runs) and lines of empty cells. An unnamed first column (pandas' index, as
/// `to_csv` writes it) counts the epochs when no other column does. When the first line names
/// no column ``MetricNames`` knows but one of the next four does (with any of `,`, `;` and
/// tab), the lines above it are a title (`model_history_log`, or a `Trial Details: ...` line)
/// and are skipped, with a warning. A row whose step or epoch cell is a word (`best`, `mean`,
/// `summary`, `test`) above or below the rows of numbers is a summary, skipped with a warning
/// naming its line; such a word between rows of numbers is an error naming the place.
struct NumericCSV {
  /// Column names, as given (possibly renamed by the reader).
  var header: [String]
  /// The values, one row per record read.
  var rows = SparseRows()
  /// The file line of each row.
  var lines: [Int] = []

  /// An empty table with these columns, to be filled row by row.
  init(header: [String]) {
    self.header = header
  }

  /// Reads a CSV log, accepting ragged rows.
  ///
  /// - Parameters:
  ///   - source: The file.
  ///   - mapping: Explicit column names; a named column must hold numbers.
  ///   - warnings: Where to add what was read differently than written.
  ///   - rename: The names to use for the header's (W&B's `run - metric` columns, say).
  /// - Throws: ``LogReadError`` naming the file and place.
  init(
    reading source: LogSource, mapping: MetricMapping, warnings: inout [String],
    renaming rename: ([String]) -> [String] = { $0 }
  ) throws(LogReadError) {
    let file = source.path
    let layout = Self.layout(of: source, warnings: &warnings)
    var reading: Reading?
    var skipped = 0
    var failure: LogReadError?
    do {
      let options = CSVReadingOptions(separator: layout.separator, allowsRaggedRows: true)
      try CSVTable.forEachRecord(in: source.bytes, options: options) { record in
        if skipped < layout.titleLines {
          skipped += 1
          return true
        }
        do throws(LogReadError) {
          if reading == nil {
            reading = try Reading(
              header: record, renamed: rename(record.fields), file: file, mapping: mapping)
          } else {
            try reading!.add(record, warnings: &warnings)
          }
          return true
        } catch {
          failure = error
          return false
        }
      }
    } catch {
      throw Self.error(error, file: file)
    }
    if let failure { throw failure }
    guard let reading else { throw .emptyFile(path: file) }
    // Summary rows and nothing else: not a history at all.
    if reading.rows.isEmpty, let summary = reading.summaryRows.first {
      throw .notANumber(
        summary.text, at: LogLocation(file: file, line: summary.line, columnName: summary.column))
    }
    reading.finish(warnings: &warnings)
    header = reading.header
    rows = reading.rows
    lines = reading.lines
    if let split = reading.split {
      if split.namesSets {
        let pivoted = split.pivot(header, rows)
        warnings.append(split.warning(file: file, header: header, example: pivoted.example))
        (header, rows) = (pivoted.header, pivoted.rows)
      } else if let first = split.firstText {
        warnings.append(
          "\(file): column '\(LogText.excerpt(header[split.column]))' holds text "
            + "('\(LogText.excerpt(first.text))' at line \(first.line)); it was left out")
      }
    }
  }

  /// The separator to read with and the title lines above the header, from the first bytes.
  private static func layout(of source: LogSource, warnings: inout [String])
    -> (separator: Unicode.Scalar?, titleLines: Int)
  {
    let prefix = Array(source.bytes.prefix(LogLimits.sniffedBytes))
    let options = CSVReadingOptions(allowsRaggedRows: true)
    guard let sample = try? CSVTable(parsing: prefix, options: options) else { return (nil, 0) }
    guard !hasKnownColumn(sample.header) else { return (sample.separator, 0) }
    for separator in [nil, ",", ";", "\t"] as [Unicode.Scalar?] {
      let options = CSVReadingOptions(separator: separator, allowsRaggedRows: true)
      guard let table = try? CSVTable(parsing: prefix, options: options),
        let index = table.records.prefix(4).firstIndex(where: {
          $0.fields.count >= 2 && hasKnownColumn($0.fields)
        })
      else { continue }
      let title = table.header.joined(separator: String(table.separator))
      warnings.append(
        "\(source.path): line \(table.headerLine) ('\(LogText.excerpt(title))') is a title "
          + "above the header at line \(table.records[index].line); skipped")
      return (table.separator, index + 1)
    }
    return (sample.separator, 0)
  }

  /// Whether any of the names has a role ``MetricNames`` knows (a loss, an epoch, a step...).
  private static func hasKnownColumn(_ names: [String]) -> Bool {
    names.contains {
      $0.utf8.count <= LogLimits.maximumNameLength
        && ![.metric, .ignored].contains(MetricNames.role(of: $0))
    }
  }

  private static func error(_ error: CSVError, file: String) -> LogReadError {
    switch error {
    case .missingHeader:
      .emptyFile(path: file)
    case .unterminatedQuote(let line, let field):
      .malformed(
        LogLocation(file: file, line: line), problem: "quoted field \(field) has no closing quote")
    case .fieldCountMismatch(let expected, let found, let line):
      .malformed(
        LogLocation(file: file, line: line),
        problem: "expected \(expected) fields as in the header, found \(found)")
    }
  }

  /// The position of the first column whose role is `role`.
  func column(withRole role: MetricNames.Role) -> Int? {
    header.firstIndex { MetricNames.role(of: $0) == role }
  }

  /// Adds a column whose value on each row `value` computes from the row.
  mutating func appendColumn(_ name: String, value: (SparseRows.Row) -> Double?) {
    let column = header.count
    header.append(name)
    var widened = SparseRows()
    widened.reserveCapacity(rows: rows.count, cells: 0)
    for row in rows {
      let cells = row.cells.map { (column: Int($0.column), value: $0.value) }
      widened.append(cells: cells + (value(row).map { [(column, $0)] } ?? []))
    }
    rows = widened
  }

  /// The table without the columns at `removed`, with steps and epochs from the closures;
  /// rows without a step are left out.
  func table(
    removing removed: Set<Int>, file: String,
    step: (_ row: SparseRows.Row, _ line: Int) throws(LogReadError) -> Int?,
    epoch: (_ row: SparseRows.Row) -> Double?
  ) throws(LogReadError) -> MetricTable {
    let kept = header.indices.filter { !removed.contains($0) }
    var position = [Int?](repeating: nil, count: header.count)
    for (index, column) in kept.enumerated() { position[column] = index }
    var table = MetricTable(columns: kept.map { header[$0] })
    table.reserveCapacity(rows: rows.count)
    for (row, line) in zip(rows, lines) {
      guard let stepValue = try step(row, line) else { continue }
      table.append(
        MetricTable.Row(step: stepValue, epoch: epoch(row), line: line), cells: row,
        mappingColumns: { position[$0] })
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

/// The state of a CSV log being read, record by record.
private struct Reading {
  enum Kind { case unknown, numeric, text, ignored }

  let file: String
  /// The header's fields as written, to notice the header written again.
  let written: [String]
  var header: [String]
  var kinds: [Kind]
  var rows = SparseRows()
  var lines: [Int] = []
  var repeatedHeaders: [Int] = []
  var textLines: [(line: Int, text: String)] = []
  var raggedLine: Int?
  var cells: [NumericText.Value] = []
  var present: [(column: Int, value: Double)] = []
  /// The step and epoch columns, whose text marks a summary row.
  var counterColumns: [Int] = []
  /// Rows whose step or epoch cell is a word (`best`, `mean`, `summary`), before the first
  /// row of numbers or after the last one so far.
  /// The first few of them, for messages (a hostile file may hold millions).
  var summaryRows: [(line: Int, text: String, column: String)] = []
  /// How many summary rows there were in all.
  var summaryCount = 0
  /// The first summary row after rows of numbers, an error if numbers follow it.
  var firstTrailingSummary: (line: Int, text: String, column: String)?
  /// The column that says which set each row measures, in a long table (``SplitColumn``).
  var split: SplitColumn?

  init(header record: CSVRecord, renamed: [String], file: String, mapping: MetricMapping)
    throws(LogReadError)
  {
    self.file = file
    written = record.fields
    var header = renamed
    for name in header {
      try LogReadError.check(name: name, at: LogLocation(file: file, line: record.line))
    }
    try Self.checkHeader(record, file: file)
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
    counterColumns = header.indices.filter { [.step, .epoch].contains(roles[$0]) }
    kinds = roles.map { $0 == .ignored ? .ignored : .unknown }
    for index in header.indices where roles[index] != .metric && roles[index] != .ignored {
      kinds[index] = .numeric
    }
    for override in mapping.overrides {
      if let index = header.firstIndex(where: { MetricMapping.matches(override.name, $0) }) {
        kinds[index] = .numeric
      }
    }
    if let split = SplitColumn(header: header),
      !mapping.overrides.contains(where: { MetricMapping.matches($0.name, header[split.column]) })
    {
      self.split = split
      kinds[split.column] = .ignored
    }
  }

  /// Refuses, with a message that says what the file is, a first line that is not a header:
  /// numbers only (a CSV written without one) or a line of a text log (`step 0: train loss
  /// 4.2874, val loss 4.2823`, as nanoGPT-style scripts print), when no field names a column
  /// ``MetricNames`` knows.
  static func checkHeader(_ record: CSVRecord, file: String) throws(LogReadError) {
    let fields = record.fields
    guard
      !fields.contains(where: { ![.metric, .ignored].contains(MetricNames.role(of: $0)) })
    else { return }
    let location = LogLocation(file: file, line: record.line)
    let line = LogText.excerpt(fields.joined(separator: ","))
    let isNumber = { (text: Substring) -> Bool in
      if case .number = NumericText.value(of: String(text)) { return true }
      return false
    }
    if fields.count > 1, fields.allSatisfy({ isNumber(Substring($0)) }) {
      throw .malformed(
        location,
        problem: "the first line holds numbers ('\(line)'), not column names: the file has no "
          + "header. Add one that names the columns, such as epoch,loss,val_loss")
    }
    let readsLikeText = fields.contains { field in
      field.contains(where: \.isLetter)
        && field.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "=" || $0 == "|" })
          .contains { $0.contains(".") && isNumber($0) }
    }
    if readsLikeText {
      throw .malformed(
        location,
        problem: "the first line reads like a line of a text log ('\(line)'), not a header of "
          + "column names. CurveLab reads tables of values (CSV with a header, JSON, JSON Lines) "
          + "and TensorBoard event files: have the script write its values with csv.writer or "
          + "json.dump, or log them to TensorBoard")
    }
  }

  mutating func add(_ record: CSVRecord, warnings: inout [String]) throws(LogReadError) {
    if record.fields == written {
      repeatedHeaders.append(record.line)
      return
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
    // A line of text only (a title between runs) is skipped; text beside numbers is an error
    // below. A line of empty cells holds nothing.
    if !hasNumber {
      if textInNumbers {
        textLines.append((record.line, record.fields.first { !$0.isEmpty } ?? ""))
      }
      return
    }
    // A word where the step or epoch goes (`best,0.41,0.52`, `mean,...`) marks a summary row
    // above or below the history: skipped with a warning. Between rows of numbers it is damage.
    if let counter = counterColumns.first(where: {
      $0 < count && { if case .text = $0 { true } else { false } }(cells[$0])
    }) {
      let summary = (line: record.line, text: record.fields[counter], column: header[counter])
      summaryCount += 1
      if summaryRows.count < 6 { summaryRows.append(summary) }
      if !rows.isEmpty, firstTrailingSummary == nil { firstTrailingSummary = summary }
      return
    }
    if let summary = firstTrailingSummary {
      throw .notANumber(
        summary.text,
        at: LogLocation(file: file, line: summary.line, columnName: summary.column))
    }
    if record.fields.count > header.count && raggedLine == nil { raggedLine = record.line }
    present.removeAll(keepingCapacity: true)
    for index in 0..<count where kinds[index] != .ignored {
      switch cells[index] {
      case .missing: break
      case .number(let value):
        if kinds[index] == .unknown { kinds[index] = .numeric }
        if kinds[index] == .numeric { present.append((index, value)) }
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
    if let column = split?.column {
      split?.addRow(
        cell: column < record.fields.count ? record.fields[column] : nil, line: record.line)
    }
    rows.append(cells: present)
    lines.append(record.line)
  }

  func finish(warnings: inout [String]) {
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
    if !summaryRows.isEmpty {
      let lines = summaryRows.map { String($0.line) }
      let words = summaryRows.map { "'\(LogText.excerpt($0.text))'" }
      let isEpoch = summaryRows[0].column.lowercased().contains("epoch")
      let what =
        summaryCount == 1
        ? "is a summary row, not \(isEpoch ? "an epoch" : "a step")"
        : "are summary rows, not \(isEpoch ? "epochs" : "steps")"
      warnings.append(
        "\(file): line\(summaryCount == 1 ? "" : "s") \(LogText.list(lines, limit: 6))"
          + (summaryCount > summaryRows.count ? " and \(summaryCount - summaryRows.count) more " : " ")
          + "(\(LogText.list(words, limit: 6)) in '\(LogText.excerpt(summaryRows[0].column))') "
          + "\(what); skipped")
    }
    if let raggedLine {
      warnings.append(
        "\(file): line \(raggedLine) has more fields than the header; the extra fields were "
          + "left out")
    }
  }
}
