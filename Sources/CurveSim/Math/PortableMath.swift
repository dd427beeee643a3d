// The C math library is linked for the standard library's own use (sqrt, rounding); the
// functions below do not call it.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Elementary functions written in plain IEEE arithmetic, so the simulator gives the same bits
/// on every platform and is fast in its hot loop.
///
/// The C library's `exp`, `log`, `tanh` and `cos` differ between platforms (and releases) in
/// their last bits, which would let a seed's run drift between a Linux and a Mac build. These
/// use only `+ - * /`, `sqrt` and exact scaling by powers of two, all of which IEEE 754 fixes
/// exactly. Each stays within a few units in the last place of the true value (the tests check
/// them against the C library).
///
/// ```swift
/// PortableMath.exp(1)   // 2.718281828459045
/// PortableMath.tanh(0.5)
/// ```
public enum PortableMath {
  private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
  private static let ln2Lo = 1.908_214_929_270_587_700_02e-10
  private static let log2e = 1.442_695_040_888_963_387_00
  private static let halfLn2 = 0.346_573_590_279_972_654_7
  /// e^x overflows above this and underflows to 0 below ``exponentMinimum``.
  private static let exponentMaximum = 709.782_712_893_384
  private static let exponentMinimum = -745.133_219_101_941_1

  /// e^x.
  @inline(__always)
  public static func exp(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x > exponentMaximum { return .infinity }
    if x < exponentMinimum { return 0 }
    let k = (x * log2e + roundingShift) - roundingShift
    let r = (x - k * ln2Hi) - k * ln2Lo  // |r| <= ln2 / 2, reduced in two parts (Cody–Waite)
    return scale(1 + expm1Kernel(r), byPowerOfTwo: Int(k))
  }

  /// e^x − 1, accurate near 0.
  @inline(__always)
  public static func expm1(_ x: Double) -> Double {
    if abs(x) <= halfLn2 { return expm1Kernel(x) }
    return exp(x) - 1
  }

  /// The hyperbolic tangent.
  ///
  /// Branch-free, so a loop of them overlaps in the processor: tanh(x) = e / (e + 2) with
  /// e = e^(2|x|) − 1 = 2^k (1 + p) − 1 = 2^k·p + (2^k − 1), both terms exact but for one
  /// rounding, and exact for small |x| where k = 0.
  @inline(__always)
  public static func tanh(_ x: Double) -> Double {
    let magnitude = min(abs(x), 22)  // tanh(22) rounds to 1; NaN passes through
    let y = 2 * magnitude
    let shifted = y * log2e + roundingShift
    let k = shifted - roundingShift  // y·log2(e) rounded to the nearest whole number
    let r = (y - k * ln2Hi) - k * ln2Lo
    let p = expm1Kernel(r)
    // The low bits of `shifted` hold k as an integer; 0 <= k <= 64 here.
    let power = Double(bitPattern: (shifted.bitPattern &+ 1023) << 52)
    let e = power * p + (power - 1)
    let result = e / (e + 2)
    return Double(sign: x.sign, exponent: 0, significand: 1) * result
  }

  /// Adding then subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to the nearest
  /// whole number (ties to even) in IEEE arithmetic, without a library call.
  private static let roundingShift = 6_755_399_441_055_744.0

  /// The natural logarithm; NaN below 0, −∞ at 0.
  @inline(__always)
  public static func log(_ x: Double) -> Double {
    if x.isNaN || x < 0 { return .nan }
    if x == 0 { return -.infinity }
    if x == .infinity { return x }
    var exponent = Double(x.exponent)
    var mantissa = x.significand  // in [1, 2), subnormals included
    if mantissa > 1.414_213_562_373_095_1 {
      mantissa *= 0.5
      exponent += 1
    }
    // log(m) = 2 atanh(s), s = (m − 1)/(m + 1), |s| <= 0.1716: a short odd series.
    let s = (mantissa - 1) / (mantissa + 1)
    let s2 = s * s
    var series = 1.0 / 23
    for denominator in stride(from: 21.0, through: 3, by: -2) { series = series * s2 + 1 / denominator }
    let logMantissa = 2 * s + 2 * s * s2 * series
    return exponent * ln2Hi + (exponent * ln2Lo + logMantissa)
  }

  /// log(1 + x), accurate near 0.
  @inline(__always)
  public static func log1p(_ x: Double) -> Double {
    let u = 1 + x
    if u == 1 { return x }
    if u == .infinity { return u }
    // Corrects for the rounding in 1 + x (Goldberg's method).
    return log(u) * (x / (u - 1))
  }

  /// The sine, for moderate arguments (|x| below about 1e5).
  public static func sin(_ x: Double) -> Double { sinCos(x).sin }

  /// The cosine, for moderate arguments (|x| below about 1e5).
  public static func cos(_ x: Double) -> Double { sinCos(x).cos }

  // MARK: Kernels

  /// e^r − 1 for |r| <= ln2/2 by its Taylor series (error below 2e-17).
  @inline(__always)
  private static func expm1Kernel(_ r: Double) -> Double {
    // Estrin's scheme: independent pairs shorten the chain of dependent multiplications.
    let r2 = r * r
    let r4 = r2 * r2
    let r8 = r4 * r4
    let a = 0.5 + r * (1.0 / 6)
    let b = 1.0 / 24 + r * (1.0 / 120)
    let c = 1.0 / 720 + r * (1.0 / 5_040)
    let d = 1.0 / 40_320 + r * (1.0 / 362_880)
    let e = 1.0 / 3_628_800 + r * (1.0 / 39_916_800)
    let f = 1.0 / 479_001_600 + r * (1.0 / 6_227_020_800)
    let p = (a + r2 * b) + r4 * (c + r2 * d) + r8 * (e + r2 * f)
    return r + r2 * p
  }

  @inline(__always)
  private static func scale(_ value: Double, byPowerOfTwo k: Int) -> Double {
    if k > -1022 && k < 1024 {
      return value * Double(bitPattern: UInt64(k + 1023) << 52)
    }
    // Near the ends of the range, scale in two exact steps.
    let half = k / 2
    return value * Double(sign: .plus, exponent: half, significand: 1)
      * Double(sign: .plus, exponent: k - half, significand: 1)
  }

  private static let halfPiHi = 1.570_796_326_734_125_614_17
  private static let halfPiLo = 6.077_100_506_506_192_249_30e-11

  private static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
    if !x.isFinite { return (.nan, .nan) }
    let n = (x / (halfPiHi + halfPiLo)).rounded(.toNearestOrEven)
    let r = (x - n * halfPiHi) - n * halfPiLo  // |r| <= π/4
    let r2 = r * r
    var s = -1.0 / 1_307_674_368_000  // -1/15!
    s = s * r2 + 1.0 / 6_227_020_800
    s = s * r2 - 1.0 / 39_916_800
    s = s * r2 + 1.0 / 362_880
    s = s * r2 - 1.0 / 5_040
    s = s * r2 + 1.0 / 120
    s = s * r2 - 1.0 / 6
    let sine = r + r * r2 * s
    var c = 1.0 / 20_922_789_888_000  // 1/16!
    c = c * r2 - 1.0 / 87_178_291_200
    c = c * r2 + 1.0 / 479_001_600
    c = c * r2 - 1.0 / 3_628_800
    c = c * r2 + 1.0 / 40_320
    c = c * r2 - 1.0 / 720
    c = c * r2 + 1.0 / 24
    let cosine = 1 - 0.5 * r2 + r2 * r2 * c
    switch Int(n.truncatingRemainder(dividingBy: 4) + 4) % 4 {
    case 0: return (sine, cosine)
    case 1: return (cosine, -sine)
    case 2: return (-sine, -cosine)
    default: return (-cosine, sine)
    }
  }
}
