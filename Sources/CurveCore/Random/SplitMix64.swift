/// SplitMix64: a tiny, fast generator for expanding a seed into more state or into
/// reproducible filler values. Shared plumbing for the simulator's seeding and the synthetic
/// benchmark files; not a generator to simulate with (that is `SeededGenerator`).
package struct SplitMix64: Sendable {
  /// The generator's whole state.
  package var state: UInt64

  /// Creates a generator starting from `state`.
  package init(state: UInt64) { self.state = state }

  /// The next 64 bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A double in `0..<1` from the top 53 bits.
  package mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
