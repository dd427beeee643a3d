// libFuzzer target: TensorBoard event files (TFRecord framing, CRC-32C, protocol buffers)
// through LogLoader. Checksums are real, so most mutations stop at a checksum mismatch: the
// target also reframes the input as valid records (first byte odd) so that the protobuf
// decoder sees mutated events behind correct checksums.
import CurveCore
import CurveIO
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  // Odd first bytes frame the rest; the fixture keeps the framed bytes.
  let names = ["runs/exp/events.out.tfevents.1700000000.host"]
  guard let input = readerInput(data, size, formats: [nil], names: names) else { return 0 }
  let bytes = data[0] & 1 == 1 ? framed(input.bytes) : input.bytes
  if ProcessInfo.processInfo.environment["CURVELAB_FUZZ_FRAMED"] != nil {
    FileHandle.standardOutput.write(Data(bytes))
    return 0
  }
  checkLoad(bytes, name: input.name, format: nil)
  return 0
}

/// The input cut into records at 0xFF bytes, each framed with its length and checksums.
func framed(_ bytes: [UInt8]) -> [UInt8] {
  var out: [UInt8] = []
  for record in bytes.split(separator: 0xFF, omittingEmptySubsequences: false) {
    let length = withUnsafeBytes(of: UInt64(record.count).littleEndian, Array.init)
    out += length + littleEndian(masked(crc32c(length)))
    out += record + littleEndian(masked(crc32c(Array(record))))
  }
  return out
}

private func littleEndian(_ value: UInt32) -> [UInt8] {
  withUnsafeBytes(of: value.littleEndian, Array.init)
}

private func masked(_ crc: UInt32) -> UInt32 {
  ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
}

private func crc32c(_ bytes: [UInt8]) -> UInt32 {
  var crc: UInt32 = 0xFFFF_FFFF
  for byte in bytes {
    crc ^= UInt32(byte)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
  }
  return crc ^ 0xFFFF_FFFF
}
