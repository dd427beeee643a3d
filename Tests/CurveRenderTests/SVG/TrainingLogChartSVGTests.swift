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

  /// Where each panel's plot starts: the left end of its horizontal gridlines.
  private func plotLefts(in root: ParsedXML) -> [String?] {
    root.children.filter { $0.name == "g" }.map { panel in
      panel.children.filter { $0.name == "g" }.first?.children.first?.attributes["x1"]
    }
  }

  @Test func theLearningRateSitsUnderTheLossOnTheSameSteps() throws {
    var log = SampleLogs.overfitting
    let count = Double(log.trainingEntries.count)
    for index in log.trainingEntries.indices {
      log.trainingEntries[index].learningRate = 0.0125 * (1 - Double(index) / count)
    }
    let chart = TrainingLogChart(log, panels: .withLearningRate)
    let rateHeight = TrainingLogChart.svgLearningRateHeight(panelHeight: 260)
    let sideBySide = try ParsedXML.parse(chart.svg(width: 720, panelHeight: 260)).get()
    #expect(sideBySide.elements(named: "title").first?.text == "Loss and Learning rate and Accuracy")
    let panels = sideBySide.children.filter { $0.name == "g" }.map { $0.attributes["transform"] }
    #expect(panels == ["translate(0 0)", "translate(0 \(Int(260 + 16)))", "translate(368 0)"])
    #expect(sideBySide.attributes["height"] == "\(Int(260 + 16 + rateHeight))")
    // The rate's labels (0.01) are wider than the loss's (0.5): the plots still start together.
    let lefts = plotLefts(in: sideBySide)
    #expect(lefts[0] != nil && lefts[0] == lefts[1])
    // The curve has no legend entry of its own: the panel's title names it.
    #expect(!sideBySide.elements(named: "text").contains { $0.text == "" })

    let stacked = try ParsedXML.parse(chart.svg(width: 480, panelHeight: 220)).get()
    #expect(stacked.attributes["height"] == "\(Int(220 + 16 + TrainingLogChart.svgLearningRateHeight(panelHeight: 220) + 16 + 220))")
    let stackedLefts = plotLefts(in: stacked)
    #expect(stackedLefts.count == 3 && Set(stackedLefts).count == 1)

    // Without a logged rate, the chart is the standard two panels.
    let unlogged = try ParsedXML.parse(
      TrainingLogChart(SampleLogs.overfitting, panels: .withLearningRate).svg(width: 720)
    ).get()
    #expect(unlogged.children.filter { $0.name == "g" }.count == 2)
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
