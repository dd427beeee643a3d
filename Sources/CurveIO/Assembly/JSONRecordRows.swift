import CurveCore
import JSONCoding

/// Flat JSON records (`{"step": 10, "loss": 0.5}`) gathered into numeric rows: the shared
/// middle of the JSON Lines reader and the JSON history reader's list of records.
///
/// Keys become columns in the order first seen; numbers, and strings that spell numbers
/// (`"NaN"`), are values; `null` and missing markers are nothing logged. A record with
/// `train_runtime` or `total_flos` is a closing summary and is skipped. Text, lists and objects
/// under a key that ``MetricNames`` treats as a metric are skipped; under a known key (a
/// loss, a step) or a key the mapping names they are an error naming the line and key.
struct JSONRecordRows {
  let file: String
  /// Keys the mapping names, which must hold numbers.
  let named: Set<String>
  private(set) var columns: [String] = []
  private var columnIndex: [String: Int] = [:]
  private var rows: [(line: Int, values: [Int: Double])] = []
  /// The key that says which set each record measures (`"mode": "train"`), if any.
  private var splitKey: String?
  /// Each record's set, from ``splitKey``.
  private var rowSets: [String?] = []
  private(set) var skippedSummaries = 0

  init(file: String, mapping: MetricMapping) {
    self.file = file
    named = Set(mapping.overrides.map(\.name))
  }

  /// Adds one record found at `line`.
  mutating func add(_ record: JSONNode, line: Int) throws(LogReadError) {
    guard record.kind == .object else {
      throw .malformed(
        LogLocation(file: file, line: line),
        problem: "each record should be a JSON object, found \(record.kind)")
    }
    if record["train_runtime"] != nil || record["total_flos"] != nil {
      skippedSummaries += 1
      return
    }
    var values: [Int: Double] = [:]
    var set: String?
    for (key, value) in record.members {
      let number: Double
      switch value.kind {
      case .number: number = value.doubleValue ?? .nan
      case .null: continue
      case .string:
        let text = value.stringValue ?? ""
        switch NumericText.value(of: text) {
        case .number(let parsed): number = parsed
        case .missing: continue
        case .text:
          if splitKey == key
            || (splitKey == nil && SplitColumn.columnNames.contains(MetricNames.normalizedText(key)))
          {
            splitKey = key
            set = text
            continue
          }
          if MetricNames.role(of: key) == .metric && !named.contains(key) { continue }
          throw .notANumber(text, at: LogLocation(file: file, line: line, columnName: key))
        }
      default:
        let role = MetricNames.role(of: key)
        if (role == .metric || role == .ignored) && !named.contains(key) { continue }
        throw .notANumber("\(value.kind)", at: LogLocation(file: file, line: line, columnName: key))
      }
      let index: Int
      if let known = columnIndex[key] {
        index = known
      } else {
        try LogReadError.check(name: key, at: LogLocation(file: file, line: line))
        index = columns.count
        columns.append(key)
        columnIndex[key] = index
      }
      values[index] = number
    }
    rows.append((line, values))
    rowSets.append(set)
  }

  /// The rows as a numeric table, one column per key; records of a log that names each
  /// record's set (`"mode": "val"`) are read per set (``SplitColumn``), an iteration counter
  /// that restarts every epoch is made a global step, and evaluations logged at their epoch's
  /// number are placed at its end (``EpochIterations``).
  func table(warnings: inout [String]) -> NumericCSV {
    var numeric = NumericCSV(header: columns)
    numeric.rows.reserveCapacity(rows: rows.count, cells: rows.reduce(0) { $0 + $1.values.count })
    numeric.lines.reserveCapacity(rows.count)
    for row in rows {
      numeric.rows.append(cells: row.values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
      numeric.lines.append(row.line)
    }
    EpochIterations.placeEpochRecords(&numeric, file: file, warnings: &warnings)
    guard let splitKey else { return numeric }
    let isTraining = rowSets.map { set in
      set.map { ["train", "training"].contains(MetricNames.normalizedText($0)) } ?? true
    }
    EpochIterations.makeGlobal(&numeric, isTraining: isTraining, file: file, warnings: &warnings)
    var split = SplitColumn(column: numeric.header.count)
    for (row, set) in zip(rows, rowSets) { split.addRow(cell: set, line: row.line) }
    guard split.namesSets else { return numeric }
    let header = numeric.header + [splitKey]
    let pivoted = split.pivot(header, numeric.rows)
    warnings.append(split.warning(file: file, header: header, example: pivoted.example))
    (numeric.header, numeric.rows) = (pivoted.header, pivoted.rows)
    return numeric
  }

  /// Refuses a log whose only records are closing summaries (`all_results.json`,
  /// `train_results.json`): a run's totals, not a history.
  func checkNotOnlySummaries() throws(LogReadError) {
    guard rows.isEmpty, skippedSummaries > 0 else { return }
    throw .malformed(
      LogLocation(file: file, line: 1),
      problem: "the file holds only a closing summary (train_runtime, total_flos: a run's "
        + "totals, as the Trainer's all_results.json and train_results.json are), not a history "
        + "with one record per step or epoch. The Trainer keeps the curves in "
        + "trainer_state.json, in the output folder or its last checkpoint-N folder")
  }

  /// The warning about skipped summaries, if any were.
  var summaryWarning: String? {
    guard skippedSummaries > 0 else { return nil }
    return "\(file): skipped \(skippedSummaries) closing summary record"
      + "\(skippedSummaries == 1 ? "" : "s") (with train_runtime or total_flos)"
  }
}

extension NumericCSV {
  /// The log of a table keyed by a step column when it has one (a trainer's `global_step`
  /// before others), else by an epoch column, else by row order counted as epochs.
  ///
  /// - Parameter warnsWithoutCounter: Whether to say that rows were numbered (not for formats
  ///   whose rows are epochs by definition, such as a Keras history).
  func assembledLog(
    file: String, format: LogFormat, mapping: MetricMapping, warnsWithoutCounter: Bool = true,
    warnings: inout [String]
  ) throws(LogReadError) -> TrainingLog {
    var assembler = LogAssembler(file: file, format: format, mapping: mapping)
    let table: MetricTable
    let stepColumns = header.indices.filter { MetricNames.role(of: header[$0]) == .step }
    if let stepColumn =
      stepColumns.first(where: { MetricNames.normalized(header[$0]).text.hasSuffix("global_step") })
      ?? stepColumns.first
    {
      table = try StepRows.table(from: self, stepColumn: stepColumn, file: file, warnings: &warnings)
    } else {
      let epochs = try EpochRows.table(
        from: self, file: file, warnings: &warnings, warnsWithoutEpoch: warnsWithoutCounter)
      table = epochs.table
      assembler.stepUnit = .epoch
      assembler.counterName = "epoch"
      assembler.counterOffset = epochs.offset
    }
    return try assembler.assemble(table, warnings: &warnings)
  }
}
