
/// Reads scalar series downloaded from TensorBoard as CSV, one file per series.
///
/// Each file is `Wall time,Step,Value`. The series' name comes from the file name: TensorBoard
/// names downloads `run-<run>-tag-<tag>.csv` with `/` in the tag turned into `_`
/// (`run-.-tag-train_loss.csv`, `run-validation-tag-epoch_loss.csv`); other names are used
/// whole, and when the whole name means nothing to ``MetricNames`` its last words are tried
/// (`exp3_val_loss.csv` holds `val_loss`). Several files load together and merge by step.
struct TensorBoardCSVReader: LogReader {
  var format: LogFormat { .tensorBoardCSV }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    var warnings: [String] = []
    var series = TensorBoardSeries()
    for source in sources {
      let name = Self.seriesName(for: source.fileName)
      if series.names.contains(name) {
        warnings.append("\(source.path): a second file for '\(name)'; its points were appended")
      }
      let numeric = try NumericCSV(reading: source, mapping: MetricMapping(), warnings: &warnings)
      let lowered = numeric.header.map { $0.lowercased() }
      guard let stepColumn = lowered.firstIndex(of: "step"),
        let valueColumn = lowered.firstIndex(of: "value")
      else {
        throw .malformed(
          LogLocation(file: source.path, line: 1),
          problem: "a TensorBoard CSV has the columns 'Wall time,Step,Value'; found "
            + LogText.excerpt(numeric.header.joined(separator: ",")))
      }
      for (row, line) in zip(numeric.rows, numeric.lines) {
        guard let value = row[valueColumn],
          let step = try NumericCSV.integer(
            row[stepColumn], file: source.path, line: line, column: numeric.header[stepColumn])
        else { continue }
        series.append(name, step: step, value: value)
      }
    }
    let file = sources.count == 1 ? sources[0].path : sources.map(\.path).joined(separator: ", ")
    var loaded = try series.log(file: file, format: format, mapping: mapping, warnings: &warnings)
    if let first = sources.first { loaded.log.metadata.source = first.path }
    return loaded
  }

  /// The series a download holds, from its file name.
  static func seriesName(for fileName: String) -> String {
    var stem = Substring(fileName)
    if stem.lowercased().hasSuffix(".csv") { stem = stem.dropLast(4) }
    if let tagMarker = stem.firstRange(of: "-tag-") {
      let tag = String(stem[tagMarker.upperBound...])
      let run =
        stem.hasPrefix("run-")
        ? String(stem[stem.index(stem.startIndex, offsetBy: 4)..<tagMarker.lowerBound]) : nil
      return TensorBoardSeries.name(tag: tag, run: run)
    }
    let whole = String(stem)
    guard MetricNames.role(of: whole) == .metric else { return whole }
    // Try the name's trailing words: "exp3_val_loss" holds "val_loss".
    let words = MetricNames.normalizedText(whole).split(separator: "_")
    for start in 1..<max(1, words.count) {
      let tail = words[start...].joined(separator: "_")
      if MetricNames.role(of: tail) != .metric { return tail }
    }
    return whole
  }
}
