/// The scalar values of one TensorBoard `Event` record.
///
/// Decodes `Event` (`wall_time` = 1, `step` = 2, `summary` = 5), `Summary` (`value` = 1,
/// repeated), `Summary.Value` (`tag` = 1, `simple_value` = 2, `tensor` = 8, `metadata` = 9) and
/// the scalar case of `TensorProto` (`dtype` = 1, `tensor_shape` = 2, `tensor_content` = 4,
/// `float_val` = 5, `double_val` = 6, `int_val` = 7, `int64_val` = 10, `half_val` = 13), which
/// TensorFlow 2 and PyTorch write. Images, histograms, text and other non-scalar values are
/// skipped.
struct TensorBoardEvent {
  /// The step the event was logged at.
  var step: Int64 = 0
  /// Seconds since 1970 when it was written.
  var wallTime: Double = 0
  /// Tagged scalar values.
  var scalars: [(tag: String, value: Double)] = []

  /// Decodes an event from `bytes[range]`.
  init(decoding bytes: [UInt8], range: Range<Int>) throws(ProtobufReader.Failure) {
    var reader = ProtobufReader(bytes, range: range)
    while let (field, wireType) = try reader.nextField() {
      switch (field, wireType) {
      case (1, .fixed64): wallTime = Double(bitPattern: try reader.fixed64())
      case (2, .varint): step = Int64(bitPattern: try reader.varint())
      case (5, .lengthDelimited): try readSummary(bytes, try reader.lengthDelimited())
      default: try reader.skip(wireType)
      }
    }
  }

  private mutating func readSummary(_ bytes: [UInt8], _ range: Range<Int>)
    throws(ProtobufReader.Failure)
  {
    var reader = ProtobufReader(bytes, range: range)
    while let (field, wireType) = try reader.nextField() {
      if field == 1, wireType == .lengthDelimited {
        if let scalar = try Self.scalar(bytes, try reader.lengthDelimited()) {
          scalars.append(scalar)
        }
      } else {
        try reader.skip(wireType)
      }
    }
  }

  /// A `Summary.Value` holding one number, or `nil`.
  private static func scalar(_ bytes: [UInt8], _ range: Range<Int>)
    throws(ProtobufReader.Failure) -> (tag: String, value: Double)?
  {
    var reader = ProtobufReader(bytes, range: range)
    var tag = ""
    var value: Double?
    var pluginName: String?
    while let (field, wireType) = try reader.nextField() {
      switch (field, wireType) {
      case (1, .lengthDelimited): tag = reader.string(try reader.lengthDelimited())
      case (2, .fixed32): value = Double(Float(bitPattern: try reader.fixed32()))
      case (8, .lengthDelimited): value = try tensorScalar(bytes, try reader.lengthDelimited())
      case (9, .lengthDelimited):
        pluginName = try Self.pluginName(bytes, try reader.lengthDelimited())
      default: try reader.skip(wireType)
      }
    }
    if let pluginName, !pluginName.isEmpty, pluginName != "scalars" { return nil }
    guard let value else { return nil }
    return (tag, value)
  }

  /// `SummaryMetadata.plugin_data.plugin_name`.
  private static func pluginName(_ bytes: [UInt8], _ range: Range<Int>)
    throws(ProtobufReader.Failure) -> String?
  {
    var reader = ProtobufReader(bytes, range: range)
    while let (field, wireType) = try reader.nextField() {
      guard field == 1, wireType == .lengthDelimited else {
        try reader.skip(wireType)
        continue
      }
      var plugin = ProtobufReader(bytes, range: try reader.lengthDelimited())
      while let (field, wireType) = try plugin.nextField() {
        if field == 1, wireType == .lengthDelimited {
          return plugin.string(try plugin.lengthDelimited())
        }
        try plugin.skip(wireType)
      }
    }
    return nil
  }

  /// The one number in a `TensorProto` of a single element, or `nil`.
  private static func tensorScalar(_ bytes: [UInt8], _ range: Range<Int>)
    throws(ProtobufReader.Failure) -> Double?
  {
    var reader = ProtobufReader(bytes, range: range)
    var dtype: UInt64 = 0
    var elements = 1
    var content: Range<Int>?
    var values: [Double] = []
    while let (field, wireType) = try reader.nextField() {
      switch (field, wireType) {
      case (1, .varint): dtype = try reader.varint()
      case (2, .lengthDelimited): elements = try elementCount(bytes, try reader.lengthDelimited())
      case (4, .lengthDelimited): content = try reader.lengthDelimited()
      case (5, .fixed32): values.append(Double(Float(bitPattern: try reader.fixed32())))
      case (5, .lengthDelimited):
        var packed = ProtobufReader(bytes, range: try reader.lengthDelimited())
        while packed.position < packed.end {
          values.append(Double(Float(bitPattern: try packed.fixed32())))
        }
      case (6, .fixed64): values.append(Double(bitPattern: try reader.fixed64()))
      case (6, .lengthDelimited):
        var packed = ProtobufReader(bytes, range: try reader.lengthDelimited())
        while packed.position < packed.end {
          values.append(Double(bitPattern: try packed.fixed64()))
        }
      case (7, .varint), (10, .varint):
        values.append(Double(Int64(bitPattern: try reader.varint())))
      case (13, .varint):
        values.append(Double(halfToFloat(UInt16(truncatingIfNeeded: try reader.varint()))))
      case (7, .lengthDelimited), (10, .lengthDelimited), (13, .lengthDelimited):
        var packed = ProtobufReader(bytes, range: try reader.lengthDelimited())
        while packed.position < packed.end {
          let raw = try packed.varint()
          values.append(
            field == 13
              ? Double(halfToFloat(UInt16(truncatingIfNeeded: raw)))
              : Double(Int64(bitPattern: raw)))
        }
      default: try reader.skip(wireType)
      }
    }
    guard elements == 1 else { return nil }
    if let content { return fromContent(bytes[content], dtype: dtype) }
    return values.count == 1 ? values[0] : nil
  }

  /// Elements in a `TensorShapeProto`: the product of its dimensions' sizes, 1 for a scalar.
  private static func elementCount(_ bytes: [UInt8], _ range: Range<Int>)
    throws(ProtobufReader.Failure) -> Int
  {
    var reader = ProtobufReader(bytes, range: range)
    var count = 1
    while let (field, wireType) = try reader.nextField() {
      guard field == 2, wireType == .lengthDelimited else {
        try reader.skip(wireType)
        continue
      }
      var dimension = ProtobufReader(bytes, range: try reader.lengthDelimited())
      var size: Int64 = -1
      while let (field, wireType) = try dimension.nextField() {
        if field == 1, wireType == .varint {
          size = Int64(bitPattern: try dimension.varint())
        } else {
          try dimension.skip(wireType)
        }
      }
      guard size >= 0, size < 1 << 31 else { return -1 }
      count = count.multipliedReportingOverflow(by: Int(size)).partialValue
    }
    return count
  }

  /// A single value from raw tensor bytes of DT_FLOAT (1), DT_DOUBLE (2), DT_INT32 (3),
  /// DT_INT64 (9), DT_BFLOAT16 (14) or DT_HALF (19).
  private static func fromContent(_ content: ArraySlice<UInt8>, dtype: UInt64) -> Double? {
    func raw(_ count: Int) -> UInt64? {
      guard content.count == count else { return nil }
      var value: UInt64 = 0
      for (index, byte) in content.enumerated() { value |= UInt64(byte) << (8 * UInt64(index)) }
      return value
    }
    switch dtype {
    case 1: return raw(4).map { Double(Float(bitPattern: UInt32($0))) }
    case 2: return raw(8).map { Double(bitPattern: $0) }
    case 3: return raw(4).map { Double(Int32(bitPattern: UInt32($0))) }
    case 9: return raw(8).map { Double(Int64(bitPattern: $0)) }
    case 14: return raw(2).map { Double(Float(bitPattern: UInt32($0) << 16)) }
    case 19: return raw(2).map { Double(halfToFloat(UInt16($0))) }
    default: return nil
    }
  }

  /// An IEEE half-precision value widened to `Float`, without relying on `Float16`.
  static func halfToFloat(_ bits: UInt16) -> Float {
    let sign: Float = bits & 0x8000 != 0 ? -1 : 1
    let exponent = Int((bits >> 10) & 0x1F)
    let fraction = Float(bits & 0x3FF)
    switch exponent {
    case 0: return sign * fraction * 0x1p-24
    case 31: return fraction == 0 ? sign * .infinity : .nan
    default:
      return sign * (1 + fraction / 1024)
        * Float(sign: .plus, exponent: exponent - 15, significand: 1)
    }
  }
}
