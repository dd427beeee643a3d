import JSONCoding

/// Reads JSON Lines logs: one flat JSON object per line.
///
/// Each line is a record such as `{"step": 10, "loss": 0.5}` or
/// `{"step": 32, "eval_loss": 0.4, "eval_accuracy": 0.8}`; keys get their meaning from
/// ``MetricNames`` and records align on their step (`step`, `global_step`, ...). Records of a
/// log without steps align on `epoch`. A Trainer-style closing summary (a record with
/// `train_runtime` or `total_flos`) is skipped, and so are text and nested values (`"event":
/// "log"`); a known key whose value is not a number is an error naming the line.
struct JSONLinesReader: LogReader {
  var format: LogFormat { .jsonLines }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    let records: [JSONNode]
    do {
      records = try JSONLines.parse(source.bytes)
    } catch {
      throw LogReadError(error, file: source.path)
    }
    var warnings: [String] = []
    var columns: [String] = []
    var columnIndex: [String: Int] = [:]
    var rows: [(line: Int, values: [Int: Double])] = []
    var skippedSummaries = 0
    let named = Set(mapping.overrides.map(\.name))
    let lineNumbers = Self.nonBlankLines(source.bytes)
    for (position, record) in records.enumerated() {
      let line = position < lineNumbers.count ? lineNumbers[position] : position + 1
      guard record.kind == .object else {
        throw .malformed(
          LogLocation(file: source.path, line: line),
          problem: "each line should hold a JSON object, found \(record.kind)")
      }
      if record["train_runtime"] != nil || record["total_flos"] != nil {
        skippedSummaries += 1
        continue
      }
      var values: [Int: Double] = [:]
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
            if MetricNames.role(of: key) == .metric && !named.contains(key) { continue }
            throw .notANumber(text, at: LogLocation(file: source.path, line: line, columnName: key))
          }
        default:
          if MetricNames.role(of: key) == .metric || MetricNames.role(of: key) == .ignored {
            continue
          }
          throw .notANumber(
            "\(value.kind)", at: LogLocation(file: source.path, line: line, columnName: key))
        }
        let index: Int
        if let known = columnIndex[key] {
          index = known
        } else {
          index = columns.count
          columns.append(key)
          columnIndex[key] = index
        }
        values[index] = number
      }
      rows.append((line, values))
    }
    if skippedSummaries > 0 {
      warnings.append(
        "\(source.path): skipped \(skippedSummaries) closing summary record"
          + "\(skippedSummaries == 1 ? "" : "s") (with train_runtime or total_flos)")
    }
    var numeric = NumericCSV(header: columns)
    for row in rows {
      var values = [Double?](repeating: nil, count: columns.count)
      for (index, value) in row.values { values[index] = value }
      numeric.rows.append(values)
      numeric.lines.append(row.line)
    }
    var assembler = LogAssembler(file: source.path, format: format, mapping: mapping)
    let table: MetricTable
    let stepColumns = columns.indices.filter { MetricNames.role(of: columns[$0]) == .step }
    if let stepColumn =
      stepColumns.first(where: { MetricNames.normalized(columns[$0]).text.hasSuffix("global_step") }
      )
      ?? stepColumns.first
    {
      table = try StepRows.table(
        from: numeric, stepColumn: stepColumn, file: source.path, warnings: &warnings)
    } else {
      let epochs = try EpochRows.table(from: numeric, file: source.path, warnings: &warnings)
      table = epochs.table
      assembler.stepUnit = .epoch
      assembler.counterName = "epoch"
      assembler.counterOffset = epochs.offset
    }
    let log = try assembler.assemble(table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }

  /// The 1-based numbers of the lines that hold something besides spaces, tabs and `\r`: the
  /// lines `JSONLines.parse` returns a node for, in order.
  static func nonBlankLines(_ bytes: [UInt8]) -> [Int] {
    var result: [Int] = []
    var line = 1
    var isBlank = true
    for byte in bytes {
      switch byte {
      case 0x0A:
        if !isBlank { result.append(line) }
        line += 1
        isBlank = true
      case 0x20, 0x09, 0x0D: break
      default: isBlank = false
      }
    }
    if !isBlank { result.append(line) }
    return result
  }
}
