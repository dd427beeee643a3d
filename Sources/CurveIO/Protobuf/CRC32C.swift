/// CRC-32C (Castagnoli), the checksum TFRecord files use, with TensorFlow's masking.
enum CRC32C {
  private static let table: [UInt32] = (0..<256).map { index in
    var crc = UInt32(index)
    for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    return crc
  }

  /// The checksum of `bytes[range]`.
  static func checksum(_ bytes: [UInt8], _ range: Range<Int>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    bytes.withUnsafeBufferPointer { buffer in
      table.withUnsafeBufferPointer { table in
        for index in range {
          crc = table[Int((crc ^ UInt32(buffer[index])) & 0xFF)] ^ (crc >> 8)
        }
      }
    }
    return crc ^ 0xFFFF_FFFF
  }

  /// TensorFlow's masked form, stored in TFRecord files: rotated right by 15 bits plus a
  /// constant, so that a CRC of data that contains CRCs stays well spread.
  static func masked(_ crc: UInt32) -> UInt32 {
    ((crc >> 15) | (crc << 17)) &+ 0xA282_EAD8
  }
}
