import CurveRender
import Testing
import _CurveLabTestSupport

@Suite struct AxisScaleTests {
  @Test(arguments: [
    (0.25, "0.25"), (0.0012, "1.2e-3"), (0.00123, "1.23e-3"), (1500, "1.5k"), (0, "0"),
    (-0.5, "-0.5"), (1.2345, "1.23"), (123.456, "123"), (999.96, "1k"), (12_500, "12.5k"),
    (2_000_000, "2M"), (3.5e9, "3.5G"), (2.5e-5, "2.5e-5"), (9.999e-3, "1e-2"), (1e20, "1e20"),
    (.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"),
  ])
  func compactLabels(value: Double, label: String) {
    #expect(AxisScale.compactLabel(for: value) == label)
  }

  @Test(arguments: [
    (0.0...1.0, ["0", "0.25", "0.5", "0.75", "1"]),
    (0.0...2000.0, ["0", "500", "1k", "1.5k", "2k"]),
    (0.0...0.004, ["0", "1e-3", "2e-3", "3e-3", "4e-3"]),
    (0.001...0.0021, ["1e-3", "1.25e-3", "1.5e-3", "1.75e-3", "2e-3"]),
    (-1.0...1.0, ["-1", "-0.5", "0", "0.5", "1"]),
    (0.03...2.31, ["0", "0.5", "1", "1.5", "2"]),
  ])
  func ticksOnOneAxisShareANotation(range: ClosedRange<Double>, labels: [String]) {
    let scale = AxisScale(covering: range)
    #expect(scale.ticks.map(scale.label) == labels)
  }

  static let ranges: [ClosedRange<Double>] = [
    0...1, 0.42...0.98, 0.03...2.31, 20...400, 1...3, 0.61...1.62, 1e-4...3e-4, 0...12_345,
    -7...13, 997...1003, 0.5...0.5, 0...0, 1e6...1e6 + 1, 1...1e9,
  ]

  @Test(arguments: ranges)
  func threeToFiveRoundTicksInsideTheBounds(range: ClosedRange<Double>) {
    let scale = AxisScale(covering: range)
    #expect((3...5).contains(scale.ticks.count), "\(scale.ticks)")
    #expect(scale.bounds.lowerBound <= range.lowerBound)
    #expect(scale.bounds.upperBound >= range.upperBound)
    for tick in scale.ticks {
      #expect(scale.bounds.contains(tick))
      let units = tick / scale.tickSpacing
      #expect(isApproximatelyEqual(units, units.rounded(), absoluteTolerance: 1e-6))
    }
    for (low, high) in zip(scale.ticks, scale.ticks.dropFirst()) {
      #expect(isApproximatelyEqual(high - low, scale.tickSpacing, relativeTolerance: 1e-6))
    }
  }

  @Test func endsNearRoundValuesMoveOutToThem() {
    let scale = AxisScale(covering: 0.42...0.98)
    #expect(scale.bounds == 0.4...1.0)
    #expect(scale.ticks.map(scale.label) == ["0.4", "0.6", "0.8", "1"])
  }

  @Test func aRangeTheCallerChoseIsKept() {
    let scale = AxisScale(covering: 0.03...2.31, snapsToTicks: false)
    #expect(scale.bounds == 0.03...2.31)
    #expect(scale.ticks.allSatisfy { (0.03...2.31).contains($0) })
  }

  @Test func fewerTicksWhenAsked() {
    let scale = AxisScale(covering: 0...400, maximumTickCount: 3)
    #expect(scale.ticks == [0, 200, 400])
    #expect(AxisScale(covering: 0...400, maximumTickCount: 1).ticks.count == 1)
  }

  @Test func ticksCanBeKeptOnWholeNumbers() {
    #expect(AxisScale(covering: 1...3).ticks.count == 5)
    #expect(AxisScale(covering: 1...3, minimumTickSpacing: 1).ticks == [1, 2, 3])
    #expect(AxisScale(covering: 5...5, minimumTickSpacing: 1).ticks == [5])
    #expect(AxisScale(covering: 0...1e-3, minimumTickSpacing: 1).ticks == [0])
    #expect(AxisScale(covering: 0...10, minimumTickSpacing: .infinity).ticks.count == 5)  // ignored
  }

  @Test func zeroLengthRangesAreWidened() {
    #expect(AxisScale(covering: 0.5...0.5).bounds.contains(0.45))
    #expect(AxisScale(covering: 0...0).bounds == -1...1)
  }

  @Test(arguments: [
    -Double.infinity...Double.infinity, 0...Double.infinity,
    -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
  ])
  func hugeRangesGetNoTicksButNoCrash(range: ClosedRange<Double>) {
    let scale = AxisScale(covering: range)
    #expect(scale.ticks.count <= 5)
    _ = scale.fraction(of: 1)
  }

  @Test func fractionsRunFromLowerToUpperBound() {
    let scale = AxisScale(covering: 0...4, snapsToTicks: false)
    #expect(scale.fraction(of: 0) == 0)
    #expect(scale.fraction(of: 1) == 0.25)
    #expect(scale.fraction(of: 4) == 1)
    #expect(scale.fraction(of: 8) == 2)
  }
}
