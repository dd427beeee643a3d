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

  /// The series name for a tag written into run folder `run`: `run/tag` for a Keras tag
  /// (`epoch_loss`, `batch_loss`) in a folder named like a split (Keras writes the same tags
  /// into `train/` and `validation/`), else the tag as written.
  ///
  /// Other writers name the split in the tag itself (`Loss/train`, `val/box_loss`), and their
  /// folders are named freely: Ultralytics writes into `runs/detect/train` whatever the split.
  static func name(tag: String, run: String?) -> String {
    guard let run else { return tag }
    let splitRuns: Set<String> = [
      "train", "training", "validation", "valid", "val", "eval", "evaluation", "test",
    ]
    let lowered = tag.lowercased()
    let isKerasTag = lowered.hasPrefix("epoch_") || lowered.hasPrefix("batch_")
    return isKerasTag && splitRuns.contains(run.lowercased()) ? "\(run)/\(tag)" : tag
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
          + "\(LogText.list(dropped)) were left out")
    }
    if UltralyticsCSVReader.looksLikeUltralytics(kept.map(\.name)) {
      kept = Self.withUltralyticsTotals(kept)
    }
    var table = MetricTable(series: kept)
    var assembler = LogAssembler(file: file, format: format, mapping: mapping)
    assembler.detectsRestarts = false
    if isKerasEpochLog {
      assembler.stepUnit = .epoch
      for (index, row) in table.rows.enumerated() {
        table.setPosition(ofRow: index, step: row.step, epoch: Double(row.step))
      }
    }
    let log = try assembler.assemble(table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }

  /// Ultralytics' series made into CurveLab's curves as its CSV reader makes them: the summed
  /// `train/loss` and `val/loss` (at the steps where every component has a value), the
  /// classification accuracy as the validation accuracy, and the first parameter group's
  /// learning rate only.
  private static func withUltralyticsTotals(
    _ series: [(name: String, points: [(step: Int, value: Double)])]
  ) -> [(name: String, points: [(step: Int, value: Double)])] {
    var result = series.filter { entry in
      let lowered = entry.name.lowercased()
      return !(lowered.hasPrefix("lr/pg") && lowered != "lr/pg0")
    }
    for index in result.indices where result[index].name.lowercased() == "metrics/accuracy_top1" {
      result[index].name = "val/accuracy"
    }
    for (total, components) in UltralyticsCSVReader.lossTotals(for: result.map(\.name)) {
      var sums: [Int: (sum: Double, count: Int)] = [:]
      for component in components {
        var seen = Set<Int>()
        for point in result[component].points where seen.insert(point.step).inserted {
          sums[point.step, default: (0, 0)].sum += point.value
          sums[point.step, default: (0, 0)].count += 1
        }
      }
      let points = sums.filter { $0.value.count == components.count }
        .map { (step: $0.key, value: $0.value.sum) }.sorted { $0.step < $1.step }
      result.append((total, points))
    }
    return result
  }

  private static func tag(of name: String) -> Substring {
    name.split(separator: "/").last ?? Substring(name)
  }
}
