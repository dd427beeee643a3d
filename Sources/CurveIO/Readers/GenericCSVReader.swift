
/// Reads any CSV whose columns ``MetricNames`` recognises, including the one
/// ``CSVLogWriter`` writes.
///
/// With a step column (`step`, `global_step`, `iteration`) rows are keyed by it and an `epoch`
/// column gives their epochs; with only an `epoch` column the log counts epochs as Keras does;
/// with neither, rows are numbered. Training and evaluation values in separate rows of one
/// step are aligned, and a step counter that goes back marks a resumed or appended run.
struct GenericCSVReader: LogReader {
  var format: LogFormat { .csv }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var warnings: [String] = []
    let numeric = try NumericCSV(reading: source, mapping: mapping, warnings: &warnings)
    let log = try numeric.assembledLog(
      file: source.path, format: format, mapping: mapping, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }
}

/// Rows keyed by a step column.
enum StepRows {
  /// The table keyed by `stepColumn` plus `offset`, with other step-like columns removed and
  /// epochs from `epoch`; rows without a step are left out with a warning.
  static func table(
    from numeric: NumericCSV, stepColumn: Int, offset: Int = 0, file: String,
    warnings: inout [String], removing extra: Set<Int> = [],
    epoch: (_ row: SparseRows.Row) -> Double? = { _ in nil }
  ) throws(LogReadError) -> MetricTable {
    let name = numeric.header[stepColumn]
    let stepLike = numeric.header.indices.filter {
      MetricNames.role(of: numeric.header[$0]) == .step
    }
    var skipped = 0
    var firstSkipped: Int?
    let table = try numeric.table(
      removing: extra.union(stepLike).union([stepColumn]), file: file,
      step: { row, line throws(LogReadError) in
        guard
          let step = try NumericCSV.integer(
            row[stepColumn], file: file, line: line, column: name)
        else {
          skipped += 1
          if firstSkipped == nil { firstSkipped = line }
          return nil
        }
        return step + offset
      }, epoch: epoch)
    if skipped > 0 {
      let article = "aeiou".contains(name.lowercased().first ?? "x") ? "an" : "a"
      warnings.append(
        "\(file): \(skipped) row\(skipped == 1 ? "" : "s") without \(article) '\(name)' value "
          + "(\(skipped == 1 ? "" : "the first ")at line \(firstSkipped ?? 0)) "
          + "\(skipped == 1 ? "was" : "were") left out")
    }
    return table
  }
}
