/// Scalar series gathered from TensorBoard, by name, and how they become a log.
///
/// Shared by the event-file and CSV-download readers. A series' points stay in the order they
/// were written; when its step goes back (a run resumed from a checkpoint writes into the
/// same folder) the points the earlier attempt wrote from that step on are dropped, as
/// TensorBoard itself does. Keras' callback writes epoch-level tags (`epoch_loss`,
/// `epoch_accuracy`, with the validation values in a `validation` run) at steps that count
/// epochs from 0: when every kept tag is such a tag, steps count completed epochs. Batch-level
/// tags (`batch_loss`, `evaluation_loss_vs_iterations`) count updates instead and are left out
/// of an epoch log, with a warning.
struct TensorBoardSeries {
  /// Series in the order first seen.
  private(set) var names: [String] = []
  private var points: [String: [(step: Int, value: Double)]] = [:]

  /// Appends a point to the named series.
  mutating func append(_ name: String, step: Int, value: Double) {
    if points[name] == nil {
      names.append(name)
      points[name] = []
    }
    points[name]!.append((step, value))
  }

  /// Whether nothing was gathered.
  var isEmpty: Bool { names.isEmpty }

  /// The series name for a tag written into run folder `run`: `run/tag` when the run's name
  /// says which split it holds (Keras' `train` and `validation`), else the tag.
  static func name(tag: String, run: String?) -> String {
    guard let run else { return tag }
    let splitRuns: Set<String> = [
      "train", "training", "validation", "valid", "val", "eval", "evaluation", "test",
    ]
    return splitRuns.contains(run.lowercased()) ? "\(run)/\(tag)" : tag
  }

  /// The log the series make.
  func log(file: String, format: LogFormat, mapping: MetricMapping, warnings: inout [String])
    throws(LogReadError) -> LoadedLog
  {
    let isKerasEpochLog = names.contains { Self.tag(of: $0).hasPrefix("epoch_") }
    var kept: [(name: String, points: [(step: Int, value: Double)])] = []
    var dropped: [String] = []
    for name in names {
      if isKerasEpochLog && !Self.tag(of: name).hasPrefix("epoch_") {
        dropped.append(name)
        continue
      }
      let cleaned = points[name]!.droppingRestartedSteps()
      if cleaned.restarts > 0 {
        warnings.append(
          "\(file): the step of '\(name)' went back \(cleaned.restarts) time"
            + "\(cleaned.restarts == 1 ? "" : "s"), as when a run is resumed from a checkpoint; "
            + "kept the later values")
      }
      let offset = isKerasEpochLog ? 1 : 0
      kept.append((name, cleaned.points.map { ($0.step + offset, $0.value) }))
    }
    if !dropped.isEmpty {
      warnings.append(
        "\(file): a Keras log counts epochs; the batch-level series "
          + "\(dropped.joined(separator: ", ")) were left out")
    }
    var table = MetricTable(series: kept)
    var assembler = LogAssembler(file: file, format: format, mapping: mapping)
    assembler.detectsRestarts = false
    if isKerasEpochLog {
      assembler.stepUnit = .epoch
      for index in table.rows.indices { table.rows[index].epoch = Double(table.rows[index].step) }
    }
    let log = try assembler.assemble(table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }

  private static func tag(of name: String) -> Substring {
    name.split(separator: "/").last ?? Substring(name)
  }
}
