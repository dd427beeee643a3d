import CurveCore

/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// Every random choice in CurveLab comes from one of these, so the same seed gives the same
/// run, byte for byte, on every machine and every Swift version. Doubles, normals and
/// shuffles are built from ``next()`` by the extensions in this module, never from the standard
/// library's `random(in:using:)`, whose algorithm may change.
///
/// ```swift
/// var rng = SeededGenerator(seed: 7)
/// let u = rng.nextUnit()        // in 0..<1
/// let z = rng.nextNormal()      // standard normal
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator whose whole state is expanded from `seed` by SplitMix64.
  public init(seed: UInt64) {
    var mixer = SplitMix64(state: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 0x9E37_79B9_7F4A_7C15 }  // the all-zero state is a fixed point
  }

  /// Creates an independent generator for one named purpose (`"data"`, `"init"`) of a seed.
  ///
  /// Separate streams keep one part of a simulation from shifting when another changes:
  /// a larger batch reshuffles the batches but leaves the data and the initial weights alone.
  public init(seed: UInt64, stream: String) {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a over the stream name's UTF-8 bytes
    for byte in stream.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    var mixer = SplitMix64(state: seed ^ hash)
    self.init(seed: mixer.next())
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
