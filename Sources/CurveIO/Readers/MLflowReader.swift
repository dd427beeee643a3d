/// Reads metrics from MLflow's file store (`mlruns/<experiment>/<run>/metrics/`).
///
/// MLflow keeps one file per metric, named after it (a name with `/` becomes nested folders,
/// so `metrics/train/loss` holds `train/loss`), each line `<timestamp ms> <value> <step>` in
/// the order logged. Give the run folder, its `metrics` folder, or some metric files; they
/// merge by step. A step that goes back in one file keeps the later values from there on.
struct MLflowReader: LogReader {
  var format: LogFormat { .mlflow }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    var warnings: [String] = []
    var series: [(name: String, points: [(step: Int, value: Double)])] = []
    for source in sources {
      let name = Self.metricName(for: source.path)
      var points: [(step: Int, value: Double)] = []
      var lineNumber = 0
      for line in source.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lineNumber += 1
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        if parts.isEmpty { continue }
        guard parts.count == 3 || parts.count == 2 else {
          throw .malformed(
            LogLocation(file: source.path, line: lineNumber),
            problem: "expected '<timestamp> <value> <step>', found '\(LogText.excerpt(text))'")
        }
        let value: Double
        switch NumericText.value(of: String(parts[1])) {
        case .number(let number): value = number
        case .missing: continue
        case .text:
          throw .notANumber(
            String(parts[1]),
            at: LogLocation(file: source.path, line: lineNumber, columnName: "value"))
        }
        var step = points.count
        if parts.count == 3 {
          let place = LogLocation(file: source.path, line: lineNumber, columnName: "step")
          guard let parsed = Int64(parts[2]) else {
            guard parts[2].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
              throw .notANumber(String(parts[2]), at: place)
            }
            throw .stepOutOfRange(String(parts[2]), field: "step", at: place)
          }
          step = try StepRule.step(parsed, field: "step", at: place)
        }
        points.append((step, value))
      }
      let cleaned = points.droppingRestartedSteps()
      if cleaned.restarts > 0 {
        warnings.append(
          "\(source.path): the step went back \(cleaned.restarts) time"
            + "\(cleaned.restarts == 1 ? "" : "s"); kept the later values")
      }
      series.append((name, cleaned.points))
    }
    let file = sources.count == 1 ? sources[0].path : sources.map(\.path).joined(separator: ", ")
    var assembler = LogAssembler(file: file, format: format, mapping: mapping)
    assembler.detectsRestarts = false
    var log = try assembler.assemble(MetricTable(series: series), warnings: &warnings)
    if let first = sources.first { log.metadata.source = first.path }
    return LoadedLog(log: log, warnings: warnings)
  }

  /// The metric's name: the path below `metrics/`, or the file name.
  static func metricName(for path: String) -> String {
    let components = path.split(separator: "/").map(String.init)
    if let index = components.lastIndex(of: "metrics"), index + 1 < components.count {
      return components[(index + 1)...].joined(separator: "/")
    }
    return components.last ?? path
  }
}
