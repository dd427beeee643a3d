import CurveCore
import Testing

@Suite struct CheckedIntegerTests {
  @Test(arguments: [
    (12.4, 12), (12.5, 13), (-12.5, -13), (0, 0), (-0.0, 0), (9_007_199_254_740_992, 1 << 53),
    (-9_223_372_036_854_775_808, Int.min),
  ] as [(Double, Int)])
  func roundsNumbersThatFit(value: Double, expected: Int) {
    #expect(Int(checked: value) == expected)
  }

  @Test(arguments: [
    Double.nan, .infinity, -.infinity, 9.3e18, -9.3e18, 1e300, Double(Int.max), 0x1p63,
    -0x1p63 - 4096,
  ])
  func refusesWhatNoIntHolds(value: Double) {
    #expect(Int(checked: value) == nil)
  }

  @Test func roundsByTheRuleAsked() {
    #expect(Int(checked: 12.6, rounding: .down) == 12)
    #expect(Int(checked: 12.2, rounding: .up) == 13)
    #expect(Int(checked: -12.6, rounding: .towardZero) == -12)
  }

  @Test func clampingGivesBackTheIntegersThatWentThroughDouble() {
    for value in [Int.max, Int.max - 1, Int.min, 0, 320, -7, 1 << 53] {
      let back = Int(clamping: Double(value))
      // Near the ends a double cannot hold every integer: the result is the nearest one.
      #expect(abs(Double(back) - Double(value)) <= 1024, "\(value) came back as \(back)")
    }
    #expect(Int(clamping: Double(Int.max)) == Int.max)
    #expect(Int(clamping: -.infinity) == Int.min)
    #expect(Int(clamping: .infinity) == Int.max)
    #expect(Int(clamping: .nan) == 0)
    #expect(Int(clamping: 320.9) == 320)
  }
}
