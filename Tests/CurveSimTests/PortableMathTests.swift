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
    #expect(PortableMath.exp(1000) == .infinity)
    #expect(PortableMath.exp(-1000) == 0)
    #expect(PortableMath.exp(.nan).isNaN)
  }

  @Test func tanhMatchesTheCLibrary() {
    for x in Self.arguments {
      #expect(
        isApproximatelyEqual(
          PortableMath.tanh(x), Foundation.tanh(x), absoluteTolerance: 1e-300,
          relativeTolerance: 1e-14), "x = \(x)")
    }
    #expect(PortableMath.tanh(.nan).isNaN)
    #expect(PortableMath.tanh(.infinity) == 1)
    #expect(PortableMath.tanh(-.infinity) == -1)
  }

  @Test func logAndLog1pMatchTheCLibrary() {
    for x in Self.arguments where x > 0 {
      #expect(isApproximatelyEqual(PortableMath.log(x), Foundation.log(x), absoluteTolerance: 1e-15, relativeTolerance: 1e-14), "x = \(x)")
    }
    for x in Self.arguments where x > -1 {
      #expect(isApproximatelyEqual(PortableMath.log1p(x), Foundation.log1p(x), absoluteTolerance: 1e-300, relativeTolerance: 1e-14), "x = \(x)")
    }
    #expect(PortableMath.log(0) == -.infinity)
    #expect(PortableMath.log(-1).isNaN)
  }

  @Test func sineAndCosineMatchTheCLibrary() {
    for x in Self.arguments {
      #expect(abs(PortableMath.sin(x) - Foundation.sin(x)) < 1e-14, "x = \(x)")
      #expect(abs(PortableMath.cos(x) - Foundation.cos(x)) < 1e-14, "x = \(x)")
    }
  }
}
