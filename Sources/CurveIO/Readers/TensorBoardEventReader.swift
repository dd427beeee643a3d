/// Reads TensorBoard event files (`events.out.tfevents.*`).
///
/// An event file is a sequence of TFRecord frames (see `TFRecordFraming`), each holding a
/// protocol buffer `Event`; this reader checks both CRC-32C checksums of every frame and
/// decodes the events with its own small wire-format reader (`TensorBoardEvent`), keeping
/// scalar values: `simple_value` as TensorFlow 1, PyTorch's `SummaryWriter` and Lightning
/// write them, and one-element tensors as TensorFlow 2 writes them. A frame cut short at the
/// end of a file that is still being written is left out with a warning; a checksum that does
/// not match is an error naming the record and its byte offset.
///
/// Tags keep the names they were written with, whatever the folder is called, with one
/// exception: Keras writes the same epoch-level tags into `train/` and `validation/` run
/// folders, so a Keras tag (`epoch_loss`, `batch_loss`) in a folder named like a split gets
/// that name in front (`validation/epoch_loss` is the validation loss). Several files (a
/// folder, or runs resumed into one folder) merge by tag and step. Steps follow ``StepRule``;
/// an event at an impossible step is an error naming the record and its byte offset.
struct TensorBoardEventReader: LogReader {
  var format: LogFormat { .tensorBoard }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    var warnings: [String] = []
    var series = TensorBoardSeries()
    var recordCount = 0
    for source in sources {
      let (records, isTruncated) = try TFRecordFraming.records(in: source.bytes, file: source.path)
      recordCount += records.count
      if isTruncated {
        warnings.append(
          "\(source.path): the last record is incomplete (the file is still being written?); "
            + "read the \(records.count) complete record\(records.count == 1 ? "" : "s")")
      }
      let components = source.path.split(separator: "/")
      let run = components.count >= 2 ? String(components[components.count - 2]) : nil
      for record in records {
        let event: TensorBoardEvent
        do {
          event = try TensorBoardEvent(decoding: source.bytes, range: record.data)
        } catch {
          throw .malformed(
            LogLocation(file: source.path, record: record.number, byteOffset: error.offset),
            problem: error.problem)
        }
        if event.scalars.isEmpty { continue }
        let step = try StepRule.step(
          event.step, field: "step",
          at: LogLocation(file: source.path, record: record.number, byteOffset: record.offset))
        for scalar in event.scalars {
          try LogReadError.check(
            name: scalar.tag,
            at: LogLocation(file: source.path, record: record.number, byteOffset: record.offset))
          series.append(
            TensorBoardSeries.name(tag: scalar.tag, run: run), step: step, value: scalar.value)
        }
      }
    }
    let file = sources.count == 1 ? sources[0].path : sources.map(\.path).joined(separator: ", ")
    if series.isEmpty {
      if recordCount == 0 && sources.allSatisfy({ $0.bytes.count < 12 }) {
        throw .malformed(
          LogLocation(file: file), problem: "the file is too short to hold a TensorBoard record")
      }
      throw .noRecognisableColumns(file: file, columns: [])
    }
    var loaded = try series.log(file: file, format: format, mapping: mapping, warnings: &warnings)
    if let first = sources.first { loaded.log.metadata.source = first.path }
    return loaded
  }
}
