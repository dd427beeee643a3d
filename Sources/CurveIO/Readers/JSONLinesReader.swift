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
      records = try JSONLines.parse(source.bytes, options: .logs)
    } catch {
      // A record left open at the end of its line is cut short only if the file ends there;
      // else the file is one JSON document spread over lines, not JSON Lines.
      if case .unterminated(let construct, let line, let column) = error,
        let last = Self.nonBlankLines(source.bytes).last, line < last
      {
        throw .malformed(
          LogLocation(file: source.path, line: line, column: column),
          problem: "this \(construct.rawValue) does not end on its line, but JSON Lines holds one "
            + "complete record per line; for one JSON document (json.dump with indent), use "
            + "--format history-json")
      }
      throw LogReadError(error, file: source.path)
    }
    var rows = JSONRecordRows(file: source.path, mapping: mapping)
    let lineNumbers = Self.nonBlankLines(source.bytes)
    for (position, record) in records.enumerated() {
      try rows.add(
        record, line: position < lineNumbers.count ? lineNumbers[position] : position + 1)
    }
    try rows.checkNotOnlySummaries()
    var warnings = rows.summaryWarning.map { [$0] } ?? []
    let log = try rows.table(warnings: &warnings).assembledLog(
      file: source.path, format: format, mapping: mapping, warnings: &warnings)
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
