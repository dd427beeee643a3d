import CurveSim
import Foundation
import Testing
import _CurveLabTestSupport

@Suite struct PortableMathTests {
  /// Arguments spread over the ranges the simulator uses, edges included.
  private static let arguments: [Double] = {
    var values: [Double] = [0, 1e-300, 1e-20, 1e-9, 1e-5, 0.01, 0.1, 0.3465, 0.3466, 0.5, 1, 2, 5]
    var x = -40.0
    while x <= 40 {
      values.append(x)
      x += 0.137
    }
    return values + values.map { -$0 }
  }()

  @Test func expMatchesTheCLibrary() {
    for x in Self.arguments {
      #expect(isApproximatelyEqual(PortableMath.exp(x), Foundation.exp(x), relativeTolerance: 1e-14), "x = \(x)")
    }
    #expect(PortableMath.exp(1000 as Double) == .infinity)
    #expect(PortableMath.exp(-1000 as Double) == 0)
    #expect(PortableMath.exp(Double.nan).isNaN)
  }

  @Test func tanhMatchesTheCLibrary() {
    for x in Self.arguments {
      #expect(
        isApproximatelyEqual(
          PortableMath.tanh(x), Foundation.tanh(x), absoluteTolerance: 1e-300,
          relativeTolerance: 1e-14), "x = \(x)")
    }
    #expect(PortableMath.tanh(Double.nan).isNaN)
    #expect(PortableMath.tanh(Double.infinity) == 1)
    #expect(PortableMath.tanh(-Double.infinity) == -1)
  }

  @Test func logAndLog1pMatchTheCLibrary() {
    for x in Self.arguments where x > 0 {
      #expect(isApproximatelyEqual(PortableMath.log(x), Foundation.log(x), absoluteTolerance: 1e-15, relativeTolerance: 1e-14), "x = \(x)")
    }
    for x in Self.arguments where x > -1 {
      #expect(isApproximatelyEqual(PortableMath.log1p(x), Foundation.log1p(x), absoluteTolerance: 1e-300, relativeTolerance: 1e-14), "x = \(x)")
    }
    #expect(PortableMath.log(0 as Double) == -.infinity)
    #expect(PortableMath.log(-1 as Double).isNaN)
  }

  @Test func sineAndCosineMatchTheCLibrary() {
    for x in Self.arguments {
      #expect(abs(PortableMath.sin(x) - Foundation.sin(x)) < 1e-14, "x = \(x)")
      #expect(abs(PortableMath.cos(x) - Foundation.cos(x)) < 1e-14, "x = \(x)")
    }
  }

  // MARK: Single precision (the training kernel's)

  /// Within `units` units in the last place of the C library's single-precision result.
  private func isClose(_ mine: Float, _ reference: Float, units: Float) -> Bool {
    if mine == reference { return true }
    return abs(mine - reference) <= units * max(reference.ulp, Float.leastNormalMagnitude)
  }

  private static let floatArguments: [Float] = arguments.map(Float.init).filter { abs($0) < 80 }
    + [0x1p-126, 1e-30, 40, 80, 88, 88.7, -87, -87.3]

  @Test func singlePrecisionExpIsWithinTwoUnitsOfTheCLibrary() {
    for x in Self.floatArguments where x > -87.3 && x < 88.72 {
      #expect(isClose(PortableMath.exp(x), Foundation.expf(x), units: 2), "x = \(x)")
    }
    #expect(PortableMath.exp(Float(89)) == .infinity)
    #expect(PortableMath.exp(Float(-88)) == 0)
    #expect(PortableMath.exp(Float.nan).isNaN)
  }

  @Test func singlePrecisionTanhIsWithinTwoUnitsOfTheCLibrary() {
    for x in Self.floatArguments {
      #expect(isClose(PortableMath.tanh(x), Foundation.tanhf(x), units: 2), "x = \(x)")
    }
    #expect(PortableMath.tanh(Float.nan).isNaN)
    #expect(PortableMath.tanh(Float.infinity) == 1)
    #expect(PortableMath.tanh(-Float.infinity) == -1)
    #expect(PortableMath.tanh(Float(-0.0)).sign == .minus)
  }

  @Test func singlePrecisionLogAndLog1pAreWithinTwoUnitsOfTheCLibrary() {
    for x in Self.floatArguments where x > 0 {
      #expect(isClose(PortableMath.log(x), Foundation.logf(x), units: 2), "x = \(x)")
      #expect(isClose(PortableMath.log1p(x), Foundation.log1pf(x), units: 2), "x = \(x)")
    }
    #expect(PortableMath.log(Float(0)) == -.infinity)
    #expect(PortableMath.log1p(Float.infinity) == .infinity)
  }
}
