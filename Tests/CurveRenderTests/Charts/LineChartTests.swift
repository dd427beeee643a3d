import CurveRender
import TerminalCanvas
import Testing
import _CurveLabTestSupport

@Suite struct LineChartTests {
  static let decaying = ChartSeries(
    name: "training", points: [(0, 2.0), (10, 1.2), (20, 0.8), (30, 0.6), (40, 0.5)],
    color: .cyan, glyph: "*")
  static let steps = ChartSeries(
    name: "accuracy", points: [(0, 0.2), (20, 0.6), (40, 0.7)], color: .magenta, glyph: "o",
    style: .steps)

  /// The rows of the plot area, without axes and labels, for an ASCII chart.
  private func plotRows(of lines: [String], labelWidth: Int) -> [Substring] {
    lines.filter {
      $0.dropFirst(labelWidth + 1).first == "|" || $0.dropFirst(labelWidth + 1).first == "+"
    }
    .dropLast()
    .map { $0.dropFirst(labelWidth + 2) }
  }

  @Test func generalChartSnapshot() {
    let chart = LineChart(
      title: "Demo",
      series: [Self.decaying, Self.steps],
      xAxisLabel: "epoch",
      markers: [
        ChartMarker(x: 20, label: "best", color: .green),
        ChartMarker(x: 30, label: "dip", kind: .point(y: 0.6, symbol: "@")),
      ])
    let text =
      chart.render(width: 60, height: 14, options: ChartOptions(charset: .ascii))
      .joined(separator: "\n") + "\n"
    #expect(snapshotMismatch(text, named: "line-chart-ascii-60", testFile: snapshotAnchor) == nil)
  }

  /// Without colour, a series without marks is told apart only by the glyph at its end; when
  /// a marked series ends in the same cell, the plain one's glyph stays on top.
  @Test func thePlainSeriesEndGlyphSurvivesWhereBothCurvesEnd() {
    let training = ChartSeries(
      name: "training", points: (0...40).map { (Double($0), 1 / Double($0 + 2)) }, glyph: "*")
    let validation = ChartSeries(
      name: "validation", points: stride(from: 0, through: 40, by: 5).map { (Double($0), 1 / Double($0 + 2)) },
      glyph: "o", marksPoints: true)
    let lines = LineChart(series: [training, validation]).render(width: 60, height: 12)
    let plot = lines.filter { $0.contains("│") || $0.contains("┤") }
    #expect(plot.contains { $0.contains("*") }, "\(lines.joined(separator: "\n"))")
    #expect(plot.contains { $0.contains("o") })
  }

  @Test func nonFiniteValuesAreSkippedAndCounted() {
    let series = ChartSeries(
      name: "loss",
      points: [(0, 1), (1, .nan), (2, 0.8), (3, .infinity), (.nan, 0.5), (5, 0.4), (6, -.infinity)])
    let chart = LineChart(title: "Loss", series: [series])
    for charset in Charset.allCases {
      let lines = chart.render(width: 50, height: 10, options: ChartOptions(charset: charset))
      #expect(lines.count == 10)
      #expect(lines.prefix(2).joined(separator: " ").contains("loss (4 not finite)"))
      #expect(!lines.joined().contains("no data"))
      #expect(lines.allSatisfy { displayWidth(of: $0) <= 50 })
    }
  }

  @Test func nothingDrawableSaysNoData() {
    let charts = [
      LineChart(title: "Empty"),
      LineChart(title: "Empty", series: [ChartSeries(name: "loss", points: [ChartPoint]())]),
      LineChart(series: [ChartSeries(name: "loss", points: [(.nan, 1), (1, .nan), (2, .infinity)])]
      ),
      LineChart(
        series: [], yRange: 0...1, xRange: 0...10, markers: [ChartMarker(x: 5, label: "x")]),
    ]
    for chart in charts {
      let lines = chart.render(width: 40, height: 8)
      #expect(lines.count == 8)
      #expect(lines.contains { $0.contains("no data") })
      #expect(lines.allSatisfy { displayWidth(of: $0) <= 40 })
    }
  }

  @Test(arguments: Charset.allCases)
  func singlePointIsShownWithItsGlyph(charset: Charset) {
    let chart = LineChart(
      title: "One", series: [ChartSeries(name: "eval", points: [(100, 0.5)], glyph: "o")])
    let lines = chart.render(width: 40, height: 9, options: ChartOptions(charset: charset))
    #expect(!lines.joined().contains("no data"))
    #expect(lines.dropFirst().contains { $0.contains("o") })
    #expect(lines.allSatisfy { displayWidth(of: $0) <= 40 })
  }

  @Test func stepsHoldTheirValueUntilTheNextPoint() {
    let chart = LineChart(
      series: [ChartSeries(name: "acc", points: [(0, 0), (10, 1)], glyph: "#", style: .steps)],
      yRange: 0...1, xRange: 0...10)
    let lines = chart.render(width: 22, height: 7, options: ChartOptions(charset: .ascii))
    // Legend, 4 plot rows, axis, tick labels; the label column is 4 wide ("step").
    let rows = lines[1...4].map { String($0.dropFirst(6)) }
    #expect(rows.first!.last == "#")
    #expect(rows.first!.filter { $0 == "#" }.count == 1)
    #expect(rows.last!.allSatisfy { $0 == "#" })
    #expect(rows.last!.count == 16)
    #expect(rows[1...2].allSatisfy { $0.hasSuffix("#") && $0.filter { $0 == "#" }.count == 1 })
  }

  @Test(
    arguments: [1, 4, 9, 12, 16, 20, 31, 40, 57, 80, 99, 100, 120, 200],
    [Charset.braille, .ascii])
  func everyLineFitsTheWidth(width: Int, charset: Charset) {
    let chart = LineChart(
      title: "A rather long title for a small chart",
      series: [Self.decaying, Self.steps],
      markers: [
        ChartMarker(x: 10, label: "first marker"), ChartMarker(x: 12, label: "second"),
        ChartMarker(x: 40, label: "end"),
      ])
    for isColorEnabled in [false, true] {
      let options = ChartOptions(isColorEnabled: isColorEnabled, charset: charset)
      let lines = chart.render(width: width, height: 12, options: options)
      for line in lines {
        #expect(displayWidth(of: line) <= width, "'\(line)' is wider than \(width)")
        #expect(!line.hasSuffix(" "))
      }
      #expect(lines.count == 12)
    }
  }

  @Test(arguments: [1, 2, 3, 6, 40])
  func heightIsKeptWhenThereIsRoom(height: Int) {
    let chart = LineChart(title: "Loss", series: [Self.decaying])
    let lines = chart.render(width: 60, height: height)
    // Title with legend, axis line and tick labels need 3 lines besides one row of plot.
    #expect(lines.count == max(height, 4))
  }

  @Test func extremeValuesDoNotBreakTheChart() {
    let series = [
      ChartSeries(name: "huge", points: [(0, -1e300), (1, 1e300), (2, .greatestFiniteMagnitude)]),
      ChartSeries(name: "tiny", points: [(0, 1e-300), (1, 2e-300), (1e15, 0)]),
      ChartSeries(name: "flat", points: [(5, 3), (6, 3), (7, 3)]),
    ]
    for item in series {
      let lines = LineChart(series: [item]).render(width: 50, height: 10)
      #expect(lines.count == 10)
      #expect(lines.allSatisfy { displayWidth(of: $0) <= 50 })
    }
  }

  @Test func pointsOutsideAChosenRangeAreClipped() {
    let chart = LineChart(
      series: [ChartSeries(name: "loss", points: [(0, -5), (5, 0.5), (10, 40)])],
      yRange: 0...1, xRange: 2...8)
    for charset in Charset.allCases {
      let lines = chart.render(width: 40, height: 10, options: ChartOptions(charset: charset))
      #expect(lines.count == 10)
      #expect(lines.contains { $0.hasPrefix("   1 ") })
      #expect(lines.contains { $0.hasPrefix("   0 ") })
    }
  }

  @Test func markersOutsideTheAxisAreLeftOut() {
    let chart = LineChart(
      series: [Self.decaying],
      markers: [
        ChartMarker(x: 20, label: "kept"), ChartMarker(x: 500, label: "far"),
        ChartMarker(x: .nan, label: "nan"),
      ])
    let text = chart.render(width: 60, height: 12, options: ChartOptions(charset: .ascii))
      .joined(separator: "\n")
    #expect(text.contains("kept"))
    #expect(!text.contains("far"))
    #expect(!text.contains("nan"))
  }

  @Test func colourOnlyWhenEnabled() {
    let chart = LineChart(title: "Loss", series: [Self.decaying, Self.steps])
    let plain = chart.render(width: 60, height: 12).joined(separator: "\n")
    let colored = chart.render(width: 60, height: 12, options: ChartOptions(isColorEnabled: true))
      .joined(separator: "\n")
    #expect(!plain.contains("\u{1B}"))
    #expect(colored.contains("\u{1B}[36m"))
    #expect(colored.contains("\u{1B}[35m"))
    #expect(colored.contains("\u{1B}[1mLoss\u{1B}[0m"))
  }

  @Test func writesToAStream() {
    let chart = LineChart(series: [Self.decaying])
    var output = ""
    chart.write(to: &output, width: 40, height: 8)
    #expect(output == chart.render(width: 40, height: 8).map { $0 + "\n" }.joined())
  }
}
