import CurveCore
import CurveRender
import TerminalCanvas
import Testing
import _CurveLabTestSupport

@Suite struct ValueAxisRuleTests {
  @Test func aFlatLossIsNotBlownUpToTheFullHeight() {
    let range = ValueAxisRule.range(covering: 0.697...0.701)
    #expect(range.upperBound - range.lowerBound >= 0.2 * 0.701)
    #expect(range.contains(0.697) && range.contains(0.701))
  }

  @Test func aBoundedMetricSpansAFifthOfItsScaleAndStaysInsideIt() {
    #expect(ValueAxisRule.range(covering: 0.499...0.501, scale: 1) == 0.4...0.6)
    let high = ValueAxisRule.range(covering: 0.97...0.99, scale: 1)
    #expect(high.upperBound == 1)
    #expect(high.upperBound - high.lowerBound >= 0.2)
    let low = ValueAxisRule.range(covering: 0.01...0.02, scale: 1)
    #expect(low.lowerBound == 0)
  }

  @Test func referenceLevelsAreIncluded() {
    let range = ValueAxisRule.range(covering: 0.1...0.4, references: [0.693])
    #expect(range == 0.1...0.693)
  }

  @Test func wideDataIsLeftAsItIs() {
    #expect(ValueAxisRule.range(covering: 0.05...2.3) == 0.05...2.3)
    #expect(ValueAxisRule.range(covering: -3...5) == -3...5)
  }

  @Test func aNoisyFlatLossDrawsAsAFlatLineAndTheChartSaysWhereItsAxisStarts() {
    // A loss wobbling between 0.697 and 0.701, the underfitting case a tight axis made erratic.
    let wobble: [Double] = [0, 3, 1, 4, 2, 0, 4, 1, 3, 2]
    let points: [(x: Double, y: Double)] = (0..<60).map { step in
      (x: Double(step), y: 0.697 + 0.001 * wobble[step % wobble.count])
    }
    let chart = LineChart(title: "Loss", series: [ChartSeries(name: "validation", points: points)])
    let lines = chart.render(width: 70, height: 14)
    let plotRows = lines.filter { $0.contains("┤") || $0.contains("│") }
    let rowsWithCurve = plotRows.filter { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } }
    #expect(rowsWithCurve.count <= 2, "\(lines.joined(separator: "\n"))")
    #expect(lines[0].contains("(axis from"))
  }

  @Test func aChartWhoseAxisStartsAtZeroHasNoNote() {
    let chart = LineChart(
      title: "Loss", series: [ChartSeries(name: "training", points: [(0, 2.3), (1, 0.9), (2, 0.02)])])
    #expect(!chart.render(width: 60, height: 10).joined().contains("axis from"))
  }
}
