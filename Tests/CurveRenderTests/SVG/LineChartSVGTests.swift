import CurveRender
import Foundation
import Testing
import _CurveLabTestSupport

@Suite struct LineChartSVGTests {
  static let demo = LineChart(
    title: "Demo",
    series: [
      ChartSeries(
        name: "training", points: [(0, 2.0), (10, 1.2), (20, 0.8), (30, 0.6), (40, 0.5)],
        color: .cyan),
      ChartSeries(
        name: "accuracy", points: [(0, 0.2), (20, 0.6), (40, 0.7)], color: .magenta,
        style: .steps),
    ],
    xAxisLabel: "epoch",
    markers: [
      ChartMarker(x: 20, label: "best", color: .green),
      ChartMarker(x: 30, label: "dip", kind: .point(y: 0.6, symbol: "@")),
    ])

  /// Parses SVG text, throwing when it is not well-formed.
  private func parsed(_ svg: String) throws -> ParsedXML {
    try ParsedXML.parse(svg).get()
  }

  /// The elements drawing curves: polylines, staircase paths and single-point dots.
  private func curveElements(in svg: ParsedXML) -> [ParsedXML] {
    svg.allElements.filter { ["polyline", "path"].contains($0.name) }
  }

  @Test func generalChartSnapshot() {
    let svg = Self.demo.svg(width: 480, height: 300)
    #expect(snapshotMismatch(svg, named: "line-chart-svg-480", testFile: snapshotAnchor) == nil)
  }

  @Test(arguments: [(1, 1), (40, 30), (120, 80), (480, 300), (1200, 900)])
  func outputIsWellFormedAtAnySize(width: Int, height: Int) throws {
    let root = try parsed(Self.demo.svg(width: width, height: height))
    #expect(root.name == "svg")
    #expect(root.attributes["viewBox"] == "0 0 \(width) \(height)")
    #expect(root.attributes["width"] == "\(width)")
    #expect(root.attributes["height"] == "\(height)")
  }

  @Test func inlineElementHasNoNamespaceButTheStandaloneFileDoes() throws {
    let inline = Self.demo.svg(width: 300, height: 200)
    #expect(inline.hasPrefix("<svg "))
    #expect(!inline.contains("xmlns"))
    let file = Self.demo.svgDocument(width: 300, height: 200)
    #expect(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="))
    let root = try parsed(file)
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
  }

  @Test func renderingTwiceGivesTheSameText() {
    let copy = Self.demo
    #expect(copy.svg(width: 480, height: 300) == Self.demo.svg(width: 480, height: 300))
  }

  /// A narrow chart says where its axis starts in fewer words, never in a cut-off note: "axis
  /// from 0…" would read as an axis from zero.
  @Test func anAxisNoteIsShortenedNotCut() {
    let chart = LineChart(
      title: "Validation accuracy",
      series: [ChartSeries(name: "val", points: [(0, 0.71), (10, 0.74), (20, 0.73)])])
    let notes = [520, 300, 240, 200].map { width in
      chart.svg(width: width, height: 200).components(separatedBy: "(").dropFirst()
        .map { $0.prefix { $0 != ")" } }.first { $0.contains("from") }.map(String.init)
    }
    #expect(notes.compactMap { $0 }.count >= 2, "\(notes)")
    for note in notes.compactMap({ $0 }) {
      #expect(!note.contains("…") && note.hasSuffix(note.split(separator: " ").last!))
      #expect(note.hasPrefix("axis from 0.") || note.hasPrefix("from 0."), "\(note)")
    }
    #expect(Set(notes.compactMap { $0 }).count >= 2, "the note should shorten as the chart narrows: \(notes)")
  }

  @Test func coordinatesHaveAtMostTwoDecimals() {
    var chart = Self.demo
    chart.series.append(
      ChartSeries(name: "thirds", points: (0..<7).map { (Double($0) / 3, 1 / Double($0 + 3)) }))
    let svg = chart.svg(width: 333, height: 211)
    let decimals = svg.split(whereSeparator: { !$0.isNumber && $0 != "." })
      .filter { $0.contains(".") }
      .map { $0.split(separator: ".").last?.count ?? 0 }
    #expect(!decimals.isEmpty)
    #expect(decimals.allSatisfy { $0 <= 2 })
  }

  @Test func titleSeriesNamesAndLabelsAreEscaped() throws {
    let awkward = #"<b> & "quoted" 'single'"#
    let chart = LineChart(
      title: "Loss " + awkward,
      series: [ChartSeries(name: "run " + awkward, points: [(0, 1), (1, 0.5)])],
      xAxisLabel: "x " + awkward,
      markers: [ChartMarker(x: 0.5, label: "m " + awkward)])
    let svg = chart.svg(width: 800, height: 300)
    #expect(!svg.contains("<b>"))
    #expect(svg.contains("&lt;b&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
    let root = try parsed(svg)
    #expect(root.elements(named: "title").first?.text == "Loss " + awkward)
    let texts = root.elements(named: "text").map(\.text)
    for expected in ["Loss ", "run ", "x ", "m "] {
      #expect(texts.contains(expected + awkward), "no text '\(expected + awkward)' in \(texts)")
    }
  }

  @Test func lineBreaksAndControlCharactersStayOutOfTheMarkup() throws {
    let chart = LineChart(
      title: "two\nlines\u{7}", series: [ChartSeries(name: "a\tb", points: [(0, 1), (1, 2)])])
    let root = try parsed(chart.svg(width: 400, height: 200))
    #expect(root.elements(named: "title").first?.text == "two lines\u{FFFD}")
    #expect(root.elements(named: "text").map(\.text).contains("a b"))
  }

  @Test func nonFinitePointsBreakTheLineAndAreCounted() throws {
    let series = ChartSeries(
      name: "loss",
      points: [(0, 1), (1, 0.8), (2, .nan), (3, 0.6), (4, .infinity), (5, 0.5), (6, 0.45)])
    let root = try parsed(LineChart(series: [series]).svg(width: 400, height: 200))
    let lines = root.elements(named: "polyline")
    #expect(lines.count == 2)
    #expect(lines.map { $0.attributes["points"]?.split(separator: " ").count } == [2, 2])
    // The lone point between the two breaks is a dot.
    #expect(root.elements(named: "circle").count == 1)
    #expect(root.elements(named: "text").map(\.text).contains("loss (2 not finite)"))
    #expect(!root.allText.contains("nan"))
  }

  @Test func stepsAreDrawnAsStaircases() throws {
    let root = try parsed(Self.demo.svg(width: 480, height: 300))
    let path = try #require(root.elements(named: "path").first?.attributes["d"])
    #expect(path.hasPrefix("M"))
    #expect(path.split(separator: " ").filter { $0.hasPrefix("H") }.count == 2)
    #expect(path.split(separator: " ").filter { $0.hasPrefix("V") }.count == 2)
  }

  @Test(arguments: [
    [],
    [ChartSeries(name: "empty", points: [ChartPoint]())],
    [ChartSeries(name: "nan", points: [(0, .nan), (.nan, 1), (2, .infinity)])],
  ])
  func nothingDrawableSaysNoData(series: [ChartSeries]) throws {
    let chart = LineChart(
      title: "Nothing", series: series, markers: [ChartMarker(x: 1, label: "m")])
    let root = try parsed(chart.svg(width: 300, height: 200))
    #expect(root.elements(named: "text").map(\.text).contains("no data"))
    #expect(curveElements(in: root).isEmpty)
    #expect(!root.allText.contains("m\n"))
  }

  @Test func onePointIsADot() throws {
    let chart = LineChart(series: [ChartSeries(name: "one", points: [(3, 0.25)])])
    let root = try parsed(chart.svg(width: 300, height: 200))
    #expect(root.elements(named: "circle").count == 1)
    #expect(curveElements(in: root).isEmpty)
    #expect(!root.elements(named: "text").map(\.text).contains("no data"))
  }

  @Test func markersAreDashedLinesWithLabelsAboveThePlot() throws {
    let root = try parsed(Self.demo.svg(width: 480, height: 300))
    let best = try #require(
      root.elements(named: "line").first { $0.attributes["stroke-dasharray"] == "4 3" })
    #expect(best.attributes["x1"] == best.attributes["x2"])
    #expect(best.attributes["stroke"] == SVGChartStyle.printColor(for: .green))
    let label = try #require(root.elements(named: "text").first { $0.text == "best" })
    let labelY = try #require(label.attributes["y"].flatMap(Double.init))
    #expect(labelY < (best.attributes["y1"].flatMap(Double.init) ?? 0))
    // A point marker is a ring at its value, not a line.
    #expect(root.elements(named: "text").contains { $0.text == "dip" })
    #expect(root.elements(named: "circle").count == 1)
  }

  @Test func labelsOfCloseMarkersGoOnDifferentRows() throws {
    var chart = Self.demo
    chart.markers = [
      ChartMarker(x: 20, label: "warm-up ends"), ChartMarker(x: 21, label: "restart"),
      ChartMarker(x: 100, label: "off the axis"),
    ]
    let root = try parsed(chart.svg(width: 480, height: 300))
    let texts = root.elements(named: "text")
    let first = try #require(texts.first { $0.text == "warm-up ends" }?.attributes["y"])
    let second = try #require(texts.first { $0.text == "restart" }?.attributes["y"])
    #expect(first != second)
    #expect(!texts.contains { $0.text == "off the axis" })
  }

  @Test func curvesKeepTheirStrokeWhateverTheirPosition() {
    let style = SVGChartStyle.standard
    let validation = style.palette.first { $0.terminalColor == .magenta }
    let alone = LineChart(series: [
      ChartSeries(name: "v", points: [(0, 1), (1, 2)], color: .magenta)
    ])
    #expect(validation.map { alone.svg(width: 300, height: 200).contains($0.color) } == true)
    #expect(alone.svg(width: 300, height: 200).contains(#"stroke-dasharray="7 4""#))
  }

  @Test func defaultPaletteDiffersInDashPatternForGreyscalePrinting() {
    let patterns = SVGChartStyle.defaultPalette.map(\.dashPattern)
    #expect(
      Set(patterns.map { $0.map(String.init(describing:)).joined(separator: " ") }).count
        == patterns.count)
    let colors = SVGChartStyle.defaultPalette.map(\.color)
    #expect(Set(colors).count == colors.count)
  }

  @Test func seriesWithoutColoursTakeThePaletteInOrder() throws {
    let chart = LineChart(
      series: (0..<3).map { index in
        ChartSeries(name: "s\(index)", points: [(0, Double(index)), (1, Double(index) + 1)])
      })
    let root = try parsed(chart.svg(width: 400, height: 200))
    let strokes = root.elements(named: "g").compactMap { group -> String? in
      guard group.children.contains(where: { $0.name == "polyline" }) else { return nil }
      return group.attributes["stroke"]
    }
    #expect(strokes == SVGChartStyle.defaultPalette.prefix(3).map(\.color))
  }

  @Test func curvesOutsideAFixedRangeAreClippedToThePlot() throws {
    var chart = Self.demo
    chart.yRange = 0...1
    let root = try parsed(chart.svg(width: 480, height: 300))
    let viewports = root.children.filter { $0.name == "svg" }
    #expect(viewports.count == 1)
    #expect(viewports.first?.attributes["overflow"] == "hidden")
    #expect(viewports.first?.elements(named: "polyline").count == 1)
  }

  @Test func styleSetsFontsAndBackground() throws {
    var style = SVGChartStyle.standard
    style.fontFamily = "Georgia, serif"
    style.fontSize = 15
    style.backgroundColor = nil
    let root = try parsed(Self.demo.svg(width: 480, height: 300, style: style))
    #expect(root.attributes["font-family"] == "Georgia, serif")
    #expect(root.attributes["font-size"] == "15")
    #expect(root.elements(named: "rect").isEmpty)
    #expect(try parsed(Self.demo.svg(width: 480, height: 300)).elements(named: "rect").count == 1)
  }
}
