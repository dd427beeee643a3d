import CurveRender
import Testing
import _CurveLabTestSupport

/// The SVG options printed worksheets use: chosen places on the horizontal axis, a ring on
/// every point, and where the legend goes.
@Suite struct PrintedPanelSVGTests {
  /// A validation curve evaluated every 25 steps, `count` times.
  private func validation(evaluations count: Int) -> LineChart {
    let steps = (1...count).map { Double($0 * 25) }
    var series = ChartSeries(
      name: "validation", points: steps.map { ($0, 1 / $0 + 0.001 * Double(Int($0) % 7)) }, color: .magenta)
    series.marksPoints = true
    var chart = LineChart(title: "Validation loss", series: [series], xAxisLabel: "")
    chart.xTickValues = steps
    return chart
  }

  private func texts(_ root: ParsedXML) -> [ParsedXML] { root.elements(named: "text") }

  /// The worksheets' style: 9.5-unit text on a 510-unit (A4 text width in points) picture.
  private static let printed: SVGChartStyle = {
    var style = SVGChartStyle.standard
    style.fontSize = 9.5
    return style
  }()

  @Test func everyPointGetsARing() throws {
    let root = try ParsedXML.parse(validation(evaluations: 12).svg(width: 510, height: 120)).get()
    #expect(root.elements(named: "circle").count == 12)
  }

  @Test func fewPlacesAreLabelledSideBySide() throws {
    let root = try ParsedXML.parse(validation(evaluations: 8).svg(width: 510, height: 120)).get()
    let labels = texts(root).filter { $0.text.allSatisfy(\.isNumber) && Int($0.text)! % 25 == 0 && Int($0.text)! >= 25 }
    #expect(labels.map(\.text) == (1...8).map { String($0 * 25) })
    #expect(labels.allSatisfy { $0.attributes["transform"] == nil })
  }

  @Test func manyPlacesStandUprightAndAreAllLabelledWhileThereIsRoom() throws {
    let root = try ParsedXML.parse(
      validation(evaluations: 45).svg(width: 510, height: 130, style: Self.printed)
    ).get()
    let upright = texts(root).filter { $0.attributes["transform"]?.hasPrefix("rotate(-90") == true }
    #expect(upright.map(\.text) == (1...45).map { String($0 * 25) })
  }

  @Test func tooManyPlacesAreLabelledEveryFewButAllMarked() throws {
    let root = try ParsedXML.parse(
      validation(evaluations: 120).svg(width: 510, height: 130, style: Self.printed)
    ).get()
    let upright = texts(root).filter { $0.attributes["transform"] != nil }
    #expect(upright.count < 120 && upright.count >= 40)
    #expect(upright.first?.text == "25")
    // A tick under the axis for every place, labelled or not: gridlines plus tick marks.
    let verticals = root.elements(named: "line").filter { $0.attributes["x1"] == $0.attributes["x2"] }
    #expect(verticals.count >= 240)
  }

  @Test func theLegendCanShareTheTitleRowOrBeLeftOut() throws {
    var beside = SVGChartStyle.standard
    beside.legendPlacement = .besideTitle
    var hidden = SVGChartStyle.standard
    hidden.legendPlacement = .hidden
    let chart = validation(evaluations: 5)
    func legendY(_ style: SVGChartStyle) throws -> [String] {
      let root = try ParsedXML.parse(chart.svg(width: 510, height: 120, style: style)).get()
      return texts(root).filter { $0.text == "validation" }.map { $0.attributes["y"] ?? "" }
    }
    let titleY = try ParsedXML.parse(chart.svg(width: 510, height: 120, style: beside)).get()
      .elements(named: "text").first { $0.text == "Validation loss" }?.attributes["y"]
    #expect(try legendY(beside) == [titleY])
    #expect(try legendY(.standard) != [titleY])
    #expect(try legendY(hidden).isEmpty)
  }
}
