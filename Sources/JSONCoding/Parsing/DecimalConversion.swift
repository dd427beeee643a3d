/// Turns a decimal significand and exponent, `mantissa × 10^exponent`, into the nearest `Double`.
///
/// Two exact fast paths cover nearly every number a program writes: Clinger's (one IEEE
/// multiplication or division, exact when the mantissa fits in 53 bits and the power of ten is
/// itself exact) and Eisel-Lemire's (one 64×128-bit multiplication against ``powersOfTen``).
/// Both either return the correctly rounded result or decline; the caller then falls back to the
/// standard library's conversion of the text.
enum DecimalConversion {
  /// Returns the correctly rounded value of `mantissa × 10^exponent`, or `nil` when neither
  /// fast path can decide.
  @inline(__always)
  static func double(mantissa: UInt64, exponent: Int, isNegative: Bool) -> Double? {
    if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
      var value = Double(mantissa)
      if exponent < 0 {
        value /= exactPowerOfTen(-exponent)
      } else {
        value *= exactPowerOfTen(exponent)
      }
      return isNegative ? -value : value
    }
    return eiselLemire(mantissa: mantissa, exponent: exponent, isNegative: isNegative)
  }

  /// The powers of ten that a `Double` represents exactly, 10^0 through 10^22.
  @inline(__always)
  static func exactPowerOfTen(_ exponent: Int) -> Double {
    switch exponent {
    case 0: 1e0
    case 1: 1e1
    case 2: 1e2
    case 3: 1e3
    case 4: 1e4
    case 5: 1e5
    case 6: 1e6
    case 7: 1e7
    case 8: 1e8
    case 9: 1e9
    case 10: 1e10
    case 11: 1e11
    case 12: 1e12
    case 13: 1e13
    case 14: 1e14
    case 15: 1e15
    case 16: 1e16
    case 17: 1e17
    case 18: 1e18
    case 19: 1e19
    case 20: 1e20
    case 21: 1e21
    default: 1e22
    }
  }

  /// The Eisel-Lemire algorithm, after Go's `strconv.eiselLemire64`.
  ///
  /// Declines (returns `nil`) for results that would be subnormal, infinite, or too close to a
  /// rounding boundary to settle with 128 bits of the power of ten.
  static func eiselLemire(mantissa: UInt64, exponent: Int, isNegative: Bool) -> Double? {
    if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
    guard exponent >= powersOfTenMinimumExponent, exponent <= powersOfTenMaximumExponent else {
      return nil
    }
    // Normalize so the top bit is set.
    let shift = mantissa.leadingZeroBitCount
    let man = mantissa << UInt64(shift)
    var exponent2 =
      UInt64(bitPattern: Int64(((217_706 &* exponent) >> 16) &+ 64 &+ 1023)) &- UInt64(shift)

    // Multiply by the 128-bit power of ten, widening only when the low bits are ambiguous.
    let row = 2 &* (exponent &- powersOfTenMinimumExponent)
    var (high, low) = man.multipliedFullWidth(by: powersOfTen[row])
    if high & 0x1FF == 0x1FF && low &+ man < man {
      let (wideHigh, wideLow) = man.multipliedFullWidth(by: powersOfTen[row + 1])
      var mergedHigh = high
      let mergedLow = low &+ wideHigh
      if mergedLow < low { mergedHigh &+= 1 }
      if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && wideLow &+ man < man {
        return nil
      }
      high = mergedHigh
      low = mergedLow
    }

    // Keep 54 bits, then round to 53 with ties to even.
    let topBit = high >> 63
    var significand = high >> (topBit &+ 9)
    exponent2 &-= 1 ^ topBit
    if low == 0 && high & 0x1FF == 0 && significand & 3 == 1 { return nil }
    significand &+= significand & 1
    significand >>= 1
    if significand >> 53 > 0 {
      significand >>= 1
      exponent2 &+= 1
    }
    // Zero, subnormal, infinite: leave to the slow path.
    if exponent2 &- 1 >= 0x7FF - 1 { return nil }
    var bits = exponent2 << 52 | significand & 0x000F_FFFF_FFFF_FFFF
    if isNegative { bits |= 1 << 63 }
    return Double(bitPattern: bits)
  }
}
