/// A minimal reader of the protocol buffer wire format, enough for TensorBoard's `Event`.
///
/// It walks the fields of one message in a byte range; nested messages are read by making a
/// reader for the field's range. Unknown fields are skipped by their wire type.
struct ProtobufReader {
  /// The wire types of protocol buffers.
  enum WireType: UInt64 {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5
  }

  /// A problem at a byte offset in the file.
  struct Failure: Error {
    var offset: Int
    var problem: String
  }

  let bytes: [UInt8]
  private(set) var position: Int
  let end: Int

  /// A reader of the message in `range`.
  init(_ bytes: [UInt8], range: Range<Int>) {
    self.bytes = bytes
    position = range.lowerBound
    end = min(range.upperBound, bytes.count)
  }

  /// The next field's number and wire type, or `nil` at the end of the message.
  mutating func nextField() throws(Failure) -> (number: UInt64, wireType: WireType)? {
    guard position < end else { return nil }
    let start = position
    let key = try varint()
    guard let wireType = WireType(rawValue: key & 7) else {
      throw Failure(offset: start, problem: "unknown protobuf wire type \(key & 7)")
    }
    guard key >> 3 != 0 else { throw Failure(offset: start, problem: "protobuf field number 0") }
    return (key >> 3, wireType)
  }

  /// A base-128 varint.
  mutating func varint() throws(Failure) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    let start = position
    while position < end {
      let byte = bytes[position]
      position += 1
      if shift < 64 { value |= UInt64(byte & 0x7F) << shift }
      if byte & 0x80 == 0 { return value }
      shift += 7
      if shift >= 70 { throw Failure(offset: start, problem: "a protobuf varint is too long") }
    }
    throw Failure(offset: start, problem: "the record ends inside a protobuf varint")
  }

  /// Eight little-endian bytes.
  mutating func fixed64() throws(Failure) -> UInt64 {
    try fixed(count: 8)
  }

  /// Four little-endian bytes.
  mutating func fixed32() throws(Failure) -> UInt32 {
    UInt32(truncatingIfNeeded: try fixed(count: 4))
  }

  /// The byte range of a length-delimited field (a string, bytes, a message, a packed array).
  mutating func lengthDelimited() throws(Failure) -> Range<Int> {
    let start = position
    let length = try varint()
    guard length <= UInt64(end - position) else {
      throw Failure(offset: start, problem: "a protobuf field runs past the end of its message")
    }
    let range = position..<position + Int(length)
    position = range.upperBound
    return range
  }

  /// Steps over a field's value.
  mutating func skip(_ wireType: WireType) throws(Failure) {
    switch wireType {
    case .varint: _ = try varint()
    case .fixed64: _ = try fixed64()
    case .fixed32: _ = try fixed32()
    case .lengthDelimited: _ = try lengthDelimited()
    case .startGroup, .endGroup:
      throw Failure(offset: position, problem: "protobuf groups are not supported")
    }
  }

  /// The UTF-8 text of a length-delimited field.
  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  private mutating func fixed(count: Int) throws(Failure) -> UInt64 {
    guard end - position >= count else {
      throw Failure(offset: position, problem: "the record ends inside a fixed-width field")
    }
    var value: UInt64 = 0
    for index in 0..<count { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
    position += count
    return value
  }
}
