extension PortableMath {
  // Single-precision versions for the training kernel, which works in Float as PyTorch does.
  // Same rules as the Double ones: only + - * /, comparisons and exact scaling by powers of
  // two, so every platform gives the same bits; each stays within a few units in the last
  // place (the tests check them against the C library). Fewer polynomial terms than the
  // Double versions are needed, which is most of why they are cheaper.

  private static let ln2HiFloat: Float = 0.693_145_751_953_125  // 9 significant bits: k·ln2Hi is exact
  private static let ln2LoFloat: Float = 1.428_606_765_330_187e-06
  private static let log2eFloat: Float = 1.442_695_040_888_963_4
  /// Adding then subtracting 1.5·2^23 rounds a float of magnitude below 2^22 to the nearest
  /// whole number (ties to even).
  private static let roundingShiftFloat: Float = 12_582_912

  /// e^x in single precision; 0 below −87.3 (where the result would be subnormal), +∞ above
  /// 88.7.
  @inline(__always)
  public static func exp(_ x: Float) -> Float {
    if x.isNaN { return x }
    if x > 88.72 { return .infinity }
    if x < -87.33 { return 0 }
    let shifted = x * log2eFloat + roundingShiftFloat
    let k = shifted - roundingShiftFloat
    let r = (x - k * ln2HiFloat) - k * ln2LoFloat
    // The low bits of `shifted` hold k (here −126...128) as a two's-complement integer; 2^k
    // is applied in two exact halves so that k = 128 (just below the largest float) and the
    // smallest k both stay in range.
    let k32 = Int32(bitPattern: shifted.bitPattern &- roundingShiftFloat.bitPattern)
    let half = k32 >> 1
    return (1 + expm1Kernel(r)) * powerOfTwo(half) * powerOfTwo(k32 - half)
  }

  /// The hyperbolic tangent in single precision, branch-free like the Double version: with
  /// e = e^(2|x|) − 1 = 2^k(1 + p) − 1, tanh|x| = e / (e + 2).
  @inline(__always)
  public static func tanh(_ x: Float) -> Float {
    let magnitude = min(abs(x), 9)  // tanh(9) rounds to 1; NaN passes through
    let y = magnitude + magnitude
    let shifted = y * log2eFloat + roundingShiftFloat
    let k = shifted - roundingShiftFloat
    let r = (y - k * ln2HiFloat) - k * ln2LoFloat
    let p = expm1Kernel(r)
    // 0 <= k <= 26: its bits sit at the bottom of `shifted`, and shifting them into the
    // exponent field drops the rest.
    let power = Float(bitPattern: (shifted.bitPattern &+ 127) << 23)
    let e = power * p + (power - 1)
    let result = e / (e + 2)
    return Float(bitPattern: result.bitPattern | (x.bitPattern & 0x8000_0000))
  }

  /// log(1 + x) in single precision, for x ≥ 0 (all the loss needs: log1p(e^−|z|)).
  @inline(__always)
  public static func log1p(_ x: Float) -> Float {
    let u = 1 + x
    if u == 1 { return x }
    if u == .infinity { return u }
    return log(u) * (x / (u - 1))
  }

  /// The natural logarithm in single precision; NaN below 0, −∞ at 0.
  @inline(__always)
  public static func log(_ x: Float) -> Float {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x == .infinity { return x }
    var exponent = Float(x.exponent)
    var mantissa = x.significand
    if mantissa > 1.414_213_5 {
      mantissa *= 0.5
      exponent += 1
    }
    // log(m) = 2 atanh(s), s = (m − 1)/(m + 1), |s| <= 0.1716.
    let s = (mantissa - 1) / (mantissa + 1)
    let s2 = s * s
    let series: Float = 1.0 / 3 + s2 * (1.0 / 5 + s2 * (1.0 / 7 + s2 * (1.0 / 9)))
    let logMantissa = 2 * s + 2 * s * s2 * series
    return exponent * ln2HiFloat + (exponent * ln2LoFloat + logMantissa)
  }

  /// e^r − 1 for |r| <= ln2/2 by its Taylor series to r^7 (the next term is below half a unit
  /// in the last place).
  @inline(__always)
  private static func expm1Kernel(_ r: Float) -> Float {
    let r2 = r * r
    let r4 = r2 * r2
    let a: Float = 0.5 + r * (1.0 / 6)
    let b: Float = 1.0 / 24 + r * (1.0 / 120)
    let c: Float = 1.0 / 720 + r * (1.0 / 5_040)
    return r + r2 * ((a + r2 * b) + r4 * c)
  }

  /// 2^k for −126 <= k <= 127, exactly.
  @inline(__always)
  private static func powerOfTwo(_ k: Int32) -> Float {
    Float(bitPattern: UInt32(bitPattern: k &+ 127) << 23)
  }
}
