extension SVGPanel {
  /// Writes the panel's elements: gridlines and axes behind, then marker lines, the curves
  /// (clipped to the plot), point markers, and all text in front.
  func draw(into markup: inout SVGMarkup) {
    let fontSize = self.fontSize
    let hasData = segments.contains { !$0.isEmpty }

    // Gridlines and axes.
    markup.open("g", [("stroke", style.gridColor), ("stroke-width", "1")])
    for tick in yTicks {
      markup.empty("line", line(plotLeft, tick.position, plotRight, tick.position))
    }
    for position in xMarks.isEmpty ? xTicks.map(\.position) : xMarks {
      markup.empty("line", line(position, plotTop, position, plotBottom))
    }
    markup.close()
    markup.open("g", [("stroke", style.axisColor), ("stroke-width", "1")])
    markup.empty("line", line(plotLeft, plotTop, plotLeft, plotBottom))
    markup.empty("line", line(plotLeft, plotBottom, plotRight, plotBottom))
    for tick in yTicks {
      markup.empty("line", line(plotLeft - 4, tick.position, plotLeft, tick.position))
    }
    for position in xMarks.isEmpty ? xTicks.map(\.position) : xMarks {
      markup.empty("line", line(position, plotBottom, position, plotBottom + 4))
    }
    markup.close()

    // Tick labels and the axis name.
    if !yTicks.isEmpty {
      markup.open("g", [("fill", style.mutedTextColor), ("text-anchor", "end")])
      for tick in yTicks {
        markup.element(
          "text",
          [("x", (plotLeft - 7).svgNumber), ("y", (tick.position + fontSize * 0.35).svgNumber)],
          text: tick.text)
      }
      markup.close()
    }
    if !xTicks.isEmpty, rotatesXLabels {
      // Upright labels reading upwards, ending just under the axis.
      markup.open("g", [("fill", style.mutedTextColor), ("text-anchor", "end")])
      for tick in xTicks {
        let x = (tick.position + fontSize * 0.35).svgNumber
        let y = (plotBottom + 6).svgNumber
        markup.element(
          "text", [("x", x), ("y", y), ("transform", "rotate(-90 \(x) \(y))")], text: tick.text)
      }
      markup.close()
    } else if !xTicks.isEmpty {
      markup.open("g", [("fill", style.mutedTextColor), ("text-anchor", "middle")])
      for tick in xTicks {
        let half = style.textWidth(of: tick.text, size: fontSize) / 2
        let center = min(tick.position, width - 2 - half)
        markup.element(
          "text", [("x", center.svgNumber), ("y", (plotBottom + 6 + fontSize).svgNumber)],
          text: tick.text)
      }
      markup.close()
    }
    if !axisName.isEmpty {
      markup.element(
        "text",
        [
          ("x", ((plotLeft + plotRight) / 2).svgNumber),
          ("y", (plotBottom + 6 + xLabelBand + fontSize * 1.1).svgNumber),
          ("text-anchor", "middle"), ("fill", style.textColor),
        ], text: axisName)
    }

    // Marker lines, behind the curves.
    for label in markerLabels where label.marker.kind == .line {
      markup.empty(
        "line",
        line(label.lineX, plotTop, label.lineX, plotBottom) + [
          ("stroke", style.markerColor(for: label.marker.color)), ("stroke-width", "1.25"),
          ("stroke-dasharray", "4 3"),
        ])
    }

    // The curves, in a nested viewport that clips them to the plot (and a little beyond, so
    // that lines along the edges keep their full width).
    if hasData {
      let margin = max(2, lineWidth * 2)
      let clip = [
        plotLeft - margin, plotTop - margin, plotWidth + 2 * margin, plotHeight + 2 * margin,
      ].map(\.svgNumber)
      markup.open(
        "svg",
        [
          ("x", clip[0]), ("y", clip[1]), ("width", clip[2]), ("height", clip[3]),
          ("viewBox", clip.joined(separator: " ")), ("overflow", "hidden"),
        ])
      for (series, stroke) in zip(zip(chart.series, segments), strokes) {
        drawCurve(series.1, style: series.0.style, stroke: stroke, into: &markup)
      }
      for (series, stroke) in zip(zip(chart.series, segments), strokes) where series.0.marksPoints {
        drawPointMarks(series.1, stroke: stroke, into: &markup)
      }
      for label in markerLabels {
        guard case .point(let value, _) = label.marker.kind, value.isFinite, let yScale,
          (-1e-9...(1 + 1e-9)).contains(yScale.fraction(of: value))
        else { continue }
        markup.empty(
          "circle",
          [
            ("cx", label.lineX.svgNumber), ("cy", y(value).svgNumber),
            ("r", (lineWidth + 2.5).svgNumber), ("fill", style.backgroundColor ?? "#ffffff"),
            ("stroke", style.markerColor(for: label.marker.color)),
            ("stroke-width", lineWidth.svgNumber),
          ])
      }
      markup.close()
    } else {
      markup.element(
        "text",
        [
          ("x", ((plotLeft + plotRight) / 2).svgNumber),
          ("y", ((plotTop + plotBottom) / 2 + fontSize * 0.35).svgNumber),
          ("text-anchor", "middle"), ("fill", style.mutedTextColor),
        ], text: "no data")
    }

    // Marker labels, the title and the legend.
    for label in markerLabels {
      guard let row = label.row else { continue }
      let baseline = plotTop - 6 - Double(row) * markerRowHeight
      markup.element(
        "text",
        [
          ("x", label.textStart.svgNumber), ("y", baseline.svgNumber),
          ("font-size", markerSize.svgNumber),
          ("fill", style.markerColor(for: label.marker.color)),
        ], text: label.text)
    }
    if !title.isEmpty {
      markup.element(
        "text",
        [
          ("x", Self.padding.svgNumber), ("y", (Self.padding + titleSize).svgNumber),
          ("font-size", titleSize.svgNumber), ("font-weight", "bold"), ("fill", style.textColor),
        ], text: title)
    }
    if !axisNote.isEmpty {
      markup.element(
        "text",
        [
          ("x", (width - Self.padding).svgNumber), ("y", (Self.padding + titleSize).svgNumber),
          ("font-size", markerSize.svgNumber), ("text-anchor", "end"),
          ("fill", style.mutedTextColor),
        ], text: axisNote)
    }
    for entry in legend {
      let middle = entry.rowTop + fontSize * 0.65
      markup.empty(
        "line",
        line(entry.x, middle, entry.x + Self.legendSampleLength, middle) + [
          ("stroke", entry.stroke.color), ("stroke-width", lineWidth.svgNumber),
        ] + SVGChartStyle.dashAttributes(entry.stroke.dashPattern))
      markup.element(
        "text",
        [
          ("x", (entry.x + Self.legendSampleLength + fontSize * 0.5).svgNumber),
          ("y", (entry.rowTop + fontSize).svgNumber), ("fill", style.textColor),
        ], text: entry.text)
    }
  }

  /// Writes one series: a polyline (or a staircase path) per run of drawable points, and a dot
  /// for a run of one point.
  private func drawCurve(
    _ segments: [[ChartPoint]], style seriesStyle: ChartSeries.Style, stroke: SVGSeriesStroke,
    into markup: inout SVGMarkup
  ) {
    guard !segments.isEmpty else { return }
    markup.open(
      "g",
      [
        ("fill", "none"), ("stroke", stroke.color),
        ("stroke-width", lineWidth.svgNumber), ("stroke-linejoin", "round"),
      ] + SVGChartStyle.dashAttributes(stroke.dashPattern))
    for segment in segments {
      let positions = segment.map { (x: x($0.x).svgNumber, y: y($0.y).svgNumber) }
      if positions.count == 1 {
        markup.empty(
          "circle",
          [
            ("cx", positions[0].x), ("cy", positions[0].y),
            ("r", (lineWidth + 1).svgNumber), ("fill", stroke.color), ("stroke", "none"),
          ])
        continue
      }
      switch seriesStyle {
      case .line:
        let points = positions.map { "\($0.x),\($0.y)" }.joined(separator: " ")
        markup.empty("polyline", [("points", points)])
      case .steps:
        var path = "M\(positions[0].x) \(positions[0].y)"
        for (previous, position) in zip(positions, positions.dropFirst()) {
          path += " H\(position.x)"
          if position.y != previous.y { path += " V\(position.y)" }
        }
        markup.empty("path", [("d", path)])
      }
    }
    markup.close()
  }

  /// A small ring on every point of a series, in front of all curves.
  private func drawPointMarks(
    _ segments: [[ChartPoint]], stroke: SVGSeriesStroke, into markup: inout SVGMarkup
  ) {
    // Rings closer than about two of their widths merge into a band that hides the curve: a
    // run with hundreds of evaluations keeps its plain line.
    let radius = lineWidth + 1
    guard Double(segments.joined().count) * 4 * radius <= plotWidth else { return }
    markup.open(
      "g",
      [
        ("fill", style.backgroundColor ?? "#ffffff"), ("stroke", stroke.color),
        ("stroke-width", (lineWidth * 0.75).svgNumber),
      ])
    for point in segments.joined() {
      markup.empty(
        "circle",
        [("cx", x(point.x).svgNumber), ("cy", y(point.y).svgNumber), ("r", radius.svgNumber)])
    }
    markup.close()
  }

  private func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double)
    -> [SVGMarkup.Attribute]
  {
    [("x1", x1.svgNumber), ("y1", y1.svgNumber), ("x2", x2.svgNumber), ("y2", y2.svgNumber)]
  }
}
