
/// Reads Weights & Biases CSV exports.
///
/// Two shapes exist:
///
/// - a chart's export: `"Step","<run> - train/loss","<run> - train/loss__MIN",
///   "<run> - train/loss__MAX",...`, one column per run and metric plus the band of a smoothed
///   or grouped line. The main columns are read and `__MIN`/`__MAX` ignored; when the chart
///   holds several runs the first is read and a warning names the others. The first column is
///   the chart's x axis (`Step`, or `epoch` for an epoch axis);
/// - a run's history (`run.history()` or the table export): `_step`, `_runtime`,
///   `_timestamp` and one sparse column per logged key. The step comes from
///   `train/global_step` or `trainer/global_step` when the Hugging Face or Lightning
///   integration logged one, else `_step`.
struct WandBCSVReader: LogReader {
  var format: LogFormat { .wandb }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var warnings: [String] = []
    var removed: Set<Int> = []
    var runs: [String] = []
    let numeric = try NumericCSV(reading: source, mapping: mapping, warnings: &warnings) {
      written in
      var header = written
      guard header.dropFirst().contains(where: { $0.contains(" - ") }) else { return header }
      for index in header.indices.dropFirst() {
        let name = header[index]
        guard let split = name.ranges(of: " - ").last else { continue }
        let run = String(name[..<split.lowerBound])
        let metric = String(name[split.upperBound...])
        if !runs.contains(run) { runs.append(run) }
        if run != runs[0] || metric.hasSuffix("__MIN") || metric.hasSuffix("__MAX") {
          removed.insert(index)
        } else {
          header[index] = metric
        }
      }
      return header
    }
    if runs.count > 1 {
      warnings.append(
        "\(source.path): the export holds \(runs.count) runs (\(LogText.list(runs, limit: 8))); "
          + "read the first, '\(LogText.excerpt(runs[0]))'")
    }
    let stepColumns = numeric.header.indices.filter {
      !removed.contains($0) && MetricNames.role(of: numeric.header[$0]) == .step
    }
    // A trainer's own step counter beats W&B's `_step`, which counts every wandb.log call.
    let stepColumn =
      stepColumns.first { MetricNames.normalized(numeric.header[$0]).text.hasSuffix("global_step") }
      ?? stepColumns.first
    var assembler = LogAssembler(file: source.path, format: format, mapping: mapping)
    let table: MetricTable
    if let stepColumn {
      table = try StepRows.table(
        from: numeric, stepColumn: stepColumn, file: source.path, warnings: &warnings,
        removing: removed)
    } else {
      let epochs = try EpochRows.table(
        from: numeric, file: source.path, warnings: &warnings, extraRemoved: removed)
      table = epochs.table
      assembler.stepUnit = .epoch
      assembler.counterName = "epoch"
      assembler.counterOffset = epochs.offset
    }
    let log = try assembler.assemble(table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }
}
