/// The framing of TFRecord files, which TensorBoard event files use: each record is a
/// little-endian `UInt64` length, the masked CRC-32C of those 8 bytes, the data, and the
/// masked CRC-32C of the data.
enum TFRecordFraming {
  /// One record's data and where it starts.
  struct Record {
    /// 1-based position in the file.
    var number: Int
    /// Byte offset of the record's length field.
    var offset: Int
    /// The data's bytes in the file.
    var data: Range<Int>
  }

  /// Splits a file into records, checking both checksums of each.
  ///
  /// - Returns: The records, and whether the file ends inside a record, as a file still being
  ///   written does; that last partial record is left out.
  /// - Throws: ``LogReadError/checksumMismatch(_:part:)`` naming the record and byte offset.
  static func records(in bytes: [UInt8], file: String) throws(LogReadError)
    -> (records: [Record], isTruncated: Bool)
  {
    var records: [Record] = []
    var offset = 0
    while offset < bytes.count {
      let number = records.count + 1
      guard bytes.count - offset >= 12 else { return (records, true) }
      let length = littleEndian(bytes, offset, count: 8)
      let lengthCRC = UInt32(truncatingIfNeeded: littleEndian(bytes, offset + 8, count: 4))
      guard CRC32C.masked(CRC32C.checksum(bytes, offset..<offset + 8)) == lengthCRC else {
        throw .checksumMismatch(
          LogLocation(file: file, record: number, byteOffset: offset), part: "length")
      }
      let dataStart = offset + 12
      guard length <= UInt64(bytes.count - dataStart), bytes.count - dataStart - Int(length) >= 4
      else { return (records, true) }
      let dataEnd = dataStart + Int(length)
      let dataCRC = UInt32(truncatingIfNeeded: littleEndian(bytes, dataEnd, count: 4))
      guard CRC32C.masked(CRC32C.checksum(bytes, dataStart..<dataEnd)) == dataCRC else {
        throw .checksumMismatch(
          LogLocation(file: file, record: number, byteOffset: offset), part: "data")
      }
      records.append(Record(number: number, offset: offset, data: dataStart..<dataEnd))
      offset = dataEnd + 4
    }
    return (records, false)
  }

  /// Whether the bytes start with a TFRecord length whose checksum matches: a sure sign of an
  /// event file whatever its name.
  static func looksLikeRecord(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 12 else { return false }
    let lengthCRC = UInt32(truncatingIfNeeded: littleEndian(bytes, 8, count: 4))
    return CRC32C.masked(CRC32C.checksum(bytes, 0..<8)) == lengthCRC
  }

  private static func littleEndian(_ bytes: [UInt8], _ offset: Int, count: Int) -> UInt64 {
    var value: UInt64 = 0
    for index in 0..<count { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
    return value
  }
}
