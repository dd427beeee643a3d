import CurveCore
import CurveIO
import Foundation

/// What every load promises whatever the bytes: it returns or throws (never traps), steps lie
/// in the step rule's range, epochs are not negative, every warning and error starts with the
/// file's name and stays short, and a lone metric is really in the log.
///
/// Shared by the tests and the reader fuzz targets (`Fuzz/run.sh` compiles this file into
/// them), so that an input the fuzzer keeps is checked the same way in `swift test`.
///
/// - Returns: The first promise broken, or `nil`.
func loadInvariantViolation(_ bytes: [UInt8], name: String, format: LogFormat?) -> String? {
  do {
    let loaded = try LogLoader().load(bytes: bytes, name: name, format: format)
    let steps = 0...(LogLimits.largestStep + 1)
    for entry in loaded.log.trainingEntries {
      if !steps.contains(entry.step) { return "training step \(entry.step) out of range" }
      if let epoch = entry.epoch, !(epoch >= 0) { return "training epoch \(epoch)" }
    }
    for entry in loaded.log.evaluationEntries {
      if !steps.contains(entry.step) { return "evaluation step \(entry.step) out of range" }
      if let epoch = entry.epoch, !(epoch >= 0) { return "evaluation epoch \(epoch)" }
    }
    for warning in loaded.warnings {
      if !warning.hasPrefix(name) { return "a warning without the file: \(warning.prefix(200))" }
      if warning.utf8.count > 4096 { return "a warning longer than 4 KB" }
    }
    if let lone = loaded.loneMetric,
      !loaded.log.evaluationEntries.contains(where: { $0.metrics[lone] != nil })
    {
      return "the lone metric \(lone) is not in the log"
    }
  } catch {
    if !error.description.hasPrefix(name) {
      return "an error without the file: \(error.description.prefix(200))"
    }
    if error.description.utf8.count > 4096 { return "an error message longer than 4 KB" }
  }
  return nil
}
