
/// Reads the `results.csv` that Ultralytics YOLO writes, one row per epoch.
///
/// Older versions pad every header and cell to a fixed width (`       epoch,      train/box_loss,
/// ...`); newer ones add a `time` column. Detection models log three losses per split
/// (`box`, `cls`, `dfl`; YOLOv5 `box`, `obj`, `cls`), so this reader makes the curves CurveLab
/// compares from them:
///
/// - the **training loss is the sum** of the `train/*_loss` columns and the **validation loss the
///   sum** of the `val/*_loss` columns, which is what the optimizer minimises (the components'
///   gains are already in the logged values); each component stays as a metric under its own
///   name, so a chart can show `val/box_loss` alone;
/// - `metrics/accuracy_top1` (classification models) is the validation accuracy;
/// - `metrics/mAP50(B)`, `metrics/precision(B)` and the rest are metrics;
/// - the first learning-rate column (`lr/pg0`, YOLOv5's `x/lr0`) is the learning rate, the
///   other parameter groups are left out.
///
/// Epochs count from 1 (YOLOv5 counted from 0, read as Keras' are); steps count completed
/// epochs.
struct UltralyticsCSVReader: LogReader {
  var format: LogFormat { .ultralytics }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var warnings: [String] = []
    var removed: Set<Int> = []
    var numeric = try NumericCSV(reading: source, mapping: mapping, warnings: &warnings) {
      written in
      var header = written
      var sawRate = false
      for (index, name) in header.enumerated() {
        let lowered = name.lowercased()
        if lowered.hasPrefix("lr/") || lowered.hasPrefix("x/lr") {
          if sawRate { removed.insert(index) } else { header[index] = "lr" }
          sawRate = true
        } else if lowered == "metrics/accuracy_top1" {
          header[index] = "val/accuracy"
        }
      }
      return header
    }
    let header = numeric.header
    let kept = header.indices.filter { !removed.contains($0) }
    for (total, components) in Self.lossTotals(for: kept.map { header[$0] }) {
      let parts = components.map { kept[$0] }
      numeric.appendColumn(total) { row in
        let values = parts.map { row[$0] }
        return values.contains { $0 == nil } ? nil : values.reduce(0) { $0 + $1! }
      }
    }
    let table = try EpochRows.table(
      from: numeric, file: source.path, warnings: &warnings, extraRemoved: removed)
    var assembler = LogAssembler(file: source.path, format: format, mapping: mapping)
    assembler.stepUnit = .epoch
    assembler.counterName = "epoch"
    assembler.counterOffset = table.offset
    let log = try assembler.assemble(table.table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }

  /// The summed losses to add to Ultralytics series: `train/loss` from the `train/*_loss`
  /// components and `val/loss` from the `val/*_loss` ones, each with the positions of its
  /// components in `names`, when the components exist and the total does not. Shared by the
  /// CSV reader and the event-file reader (Ultralytics' TensorBoard callback writes the same
  /// names).
  static func lossTotals(for names: [String]) -> [(total: String, components: [Int])] {
    let lowered = names.map { $0.lowercased() }
    var totals: [(String, [Int])] = []
    for (prefix, total) in [("train/", "train/loss"), ("val/", "val/loss")] {
      let parts = lowered.indices.filter {
        lowered[$0].hasPrefix(prefix) && lowered[$0].hasSuffix("_loss")
      }
      guard !parts.isEmpty, !lowered.contains(total) else { continue }
      totals.append((total, parts))
    }
    return totals
  }

  /// Whether series names look like Ultralytics': a `train/*_loss` component and a
  /// `metrics/...(B)`-style metric.
  static func looksLikeUltralytics(_ names: [String]) -> Bool {
    names.contains { $0.hasPrefix("metrics/") }
      && names.contains { $0.lowercased().hasPrefix("train/") && $0.hasSuffix("_loss") }
  }
}
