import CurveCore
import CurveRender
import Testing
import _CurveLabTestSupport

@Suite struct TrainingLogChartSVGTests {
  static let standard = TrainingLogChartTests.standard

  /// The top of each panel's plot: the upper end of its vertical axis.
  private func plotTops(in root: ParsedXML) -> [String?] {
    root.children.filter { $0.name == "g" }.map { panel in
      panel.children.filter { $0.name == "g" }.dropFirst().first?.children.first?.attributes["y1"]
    }
  }

  @Test func sideBySideSnapshot() {
    let svg = Self.standard.svg(width: 720, panelHeight: 260)
    #expect(snapshotMismatch(svg, named: "training-log-svg-720", testFile: snapshotAnchor) == nil)
  }

  @Test func stackedEpochSnapshot() {
    var chart = Self.standard
    chart.xAxis = .epoch
    let svg = chart.svg(width: 480, panelHeight: 220)
    #expect(
      snapshotMismatch(svg, named: "training-log-svg-480-epoch", testFile: snapshotAnchor) == nil)
  }

  @Test(arguments: TrainingLogChart.PanelArrangement.allCases)
  func wellFormedInEveryArrangement(arrangement: TrainingLogChart.PanelArrangement) throws {
    for log in [SampleLogs.overfitting, SampleLogs.diverging] {
      let root = try ParsedXML.parse(
        TrainingLogChart(log).svg(width: 720, panelHeight: 240, arrangement: arrangement)
      ).get()
      #expect(root.elements(named: "title").first?.text == "Loss and Accuracy")
      let panels = root.children.filter { $0.name == "g" }
      #expect(panels.count == 2)
      let isStacked = arrangement == .stacked
      #expect(root.attributes["height"] == (isStacked ? "496" : "240"))
      #expect(
        panels.last?.attributes["transform"]
          == (isStacked ? "translate(0 256)" : "translate(368 0)"))
    }
  }

  @Test(arguments: [639, 640])
  func panelsGoSideBySideFromSixHundredFortyUnits(width: Int) throws {
    let root = try ParsedXML.parse(Self.standard.svg(width: width, panelHeight: 200)).get()
    #expect(
      root.attributes["height"] == (width >= TrainingLogChart.svgSideBySideWidth ? "200" : "416"))
  }

  @Test func sideBySidePlotsLineUpWhenOneLegendWraps() throws {
    let root = try ParsedXML.parse(
      TrainingLogChart(SampleLogs.diverging).svg(width: 640, panelHeight: 240)
    ).get()
    let texts = root.elements(named: "text").map(\.text)
    #expect(texts.contains("training (2 not finite)"))
    #expect(texts.contains("validation (1 not finite)"))
    let tops = plotTops(in: root)
    #expect(tops.count == 2)
    #expect(tops[0] != nil && tops[0] == tops[1])
  }

  @Test func trainingAndValidationKeepTheirStrokesInBothPanels() throws {
    var log = SampleLogs.overfitting
    for index in log.evaluationEntries.indices {
      log.evaluationEntries[index].trainingAccuracy = nil
    }
    let root = try ParsedXML.parse(TrainingLogChart(log).svg()).get()
    let curveStrokes = root.children.filter { $0.name == "g" }.map { panel in
      panel.elements(named: "g").filter { group in
        group.children.contains { $0.name == "polyline" || $0.name == "path" }
      }.compactMap { $0.attributes["stroke"] }
    }
    #expect(curveStrokes == [["#0072B2", "#AA3377"], ["#AA3377"]])
  }

  @Test func emptyLogSaysNoDataInBothPanels() throws {
    let chart = TrainingLogChart(TrainingLog(metadata: RunMetadata(source: "empty")))
    let root = try ParsedXML.parse(chart.svg(width: 720, panelHeight: 200)).get()
    #expect(root.elements(named: "text").filter { $0.text == "no data" }.count == 2)
  }

  @Test func standaloneFileDeclaresTheNamespace() throws {
    let file = Self.standard.svgDocument(width: 400, panelHeight: 200)
    #expect(file.hasPrefix("<?xml"))
    #expect(try ParsedXML.parse(file).get().attributes["xmlns"] == "http://www.w3.org/2000/svg")
  }
}
