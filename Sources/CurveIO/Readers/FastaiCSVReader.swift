
/// Reads the `history.csv` that fastai's `CSVLogger` callback writes.
///
/// The header is `epoch,train_loss,valid_loss,<metrics...>,time`, one row per epoch counted
/// from 0. fastai computes every metric on the validation set, so an unprefixed `accuracy`
/// here is the validation accuracy (and `error_rate`, `f1_score` are validation metrics); the
/// `time` column is left out. Steps count completed epochs.
struct FastaiCSVReader: LogReader {
  var format: LogFormat { .fastai }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var warnings: [String] = []
    let numeric = try NumericCSV(reading: source, mapping: mapping, warnings: &warnings)
    let table = try EpochRows.table(from: numeric, file: source.path, warnings: &warnings)
    var assembler = LogAssembler(file: source.path, format: format, mapping: mapping)
    assembler.stepUnit = .epoch
    assembler.unprefixedAccuracy = .validation
    assembler.counterName = "epoch"
    assembler.counterOffset = table.offset
    let log = try assembler.assemble(table.table, warnings: &warnings)
    return LoadedLog(log: log, warnings: warnings)
  }
}
