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
/// A file in a run folder named like a split (`train`, `validation`, as Keras writes them)
/// has its tags prefixed with that name, so `validation/epoch_loss` is the validation loss.
/// Several files (a folder, or runs resumed into one folder) merge by tag and step.
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
        guard event.step >= Int64(Int.min), event.step <= Int64(Int.max) else { continue }
        for scalar in event.scalars {
          series.append(
            TensorBoardSeries.name(tag: scalar.tag, run: run), step: Int(event.step),
            value: scalar.value)
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
