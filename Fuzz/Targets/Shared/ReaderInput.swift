// Shared by the reader targets: how an input picks its format and file name.
import CurveIO
import Foundation

/// The input without its first byte, which picks the format (or detection) and the file
/// name. With CURVELAB_FUZZ_DESCRIBE set, prints `format name` and returns nil instead, so
/// that Fuzz/keep.sh can turn a crashing input into a regression fixture.
func readerInput(
  _ data: UnsafePointer<UInt8>, _ size: Int, formats: [LogFormat?], names: [String]
) -> (bytes: [UInt8], name: String, format: LogFormat?)? {
  guard size > 0 else { return nil }
  let format = formats[Int(data[0]) % formats.count]
  let name = names[Int(data[0] / 16) % names.count]
  if ProcessInfo.processInfo.environment["CURVELAB_FUZZ_DESCRIBE"] != nil {
    print("\(format?.rawValue ?? "detect") \(name)")
    return nil
  }
  return (Array(UnsafeBufferPointer(start: data + 1, count: size - 1)), name, format)
}
