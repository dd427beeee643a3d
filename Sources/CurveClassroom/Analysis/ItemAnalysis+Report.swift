import HTMLDocument
public import JSONCoding

extension ItemAnalysis {
  /// The point-biserial and upper–lower index below which an item is flagged as telling
  /// strong and weak students apart poorly (a common rule of thumb for classroom tests).
  public static let weakDiscrimination = 0.2

  /// The class's score distribution: students per tenth of the maximum (0–10 %, …,
  /// 90–100 %, a full score in the last).
  public var histogram: [Int] {
    var bins = [Int](repeating: 0, count: 10)
    for (_, share) in totals { bins[min(9, max(0, Int((share * 10).rounded(.down))))] += 1 }
    return bins
  }

  /// Mean, median, spread and range of the class's shares, as percentages.
  public var scoreSummary: (mean: Double, median: Double, standardDeviation: Double, lowest: Double, highest: Double) {
    let shares = totals.map { $0.share * 100 }
    return (
      Statistics.mean(shares), Statistics.median(shares), Statistics.variance(shares).squareRoot(),
      shares.min() ?? 0, shares.max() ?? 0
    )
  }

  /// Which items the reliability covers, when not all: students with different variants are
  /// not all asked the same questions.
  var reliabilityScope: String {
    reliability.itemCount < items.count
      ? ", over the \(reliability.itemCount) items every student was asked" : ""
  }

  /// Whether an item separates strong and weak students poorly.
  public func isWeak(_ item: Item) -> Bool {
    (item.pointBiserial ?? 0) < Self.weakDiscrimination || item.upperLower < Self.weakDiscrimination
  }

  /// The analysis as text for the terminal.
  public var summary: String {
    var text = "Item analysis: \(totals.count) student\(totals.count == 1 ? "" : "s") who answered, "
    text += "\(items.count) items (a question of an exercise).\n"
    text += "Reliability (\(reliability.name)): \(Self.format(reliability.value))\(reliabilityScope)\n"
    let summary = scoreSummary
    text += "Scores: mean \(Self.percent(summary.mean)), median \(Self.percent(summary.median)), "
    text += "SD \(Self.percent(summary.standardDeviation)); lowest \(Self.percent(summary.lowest)), "
    text += "highest \(Self.percent(summary.highest))\n"
    let bins = histogram
    let widest = max(1, bins.max() ?? 1)
    for (index, count) in bins.enumerated() {
      let label = "\(index * 10)-\(index == 9 ? 100 : index * 10 + 10)%"
      let bar = String(repeating: "#", count: Int((Double(count) / Double(widest) * 40).rounded(.up)))
      text += "  " + label.padded(9) + "|" + bar + (count > 0 ? " \(count)" : "") + "\n"
    }
    text += "\nPer item: mean score (share of its points), point-biserial r (item against the rest), "
    text += "upper-lower D (top and bottom \(groupSize)); '?' marks r or D under "
    text += "\(Self.weakDiscrimination); * marks the keyed answer\n"
    text += "  " + "item".padded(22) + "mean".padded(7) + "r".padded(7) + "D\n"
    for item in items {
      var line = "  " + (isWeak(item) ? "? " : "  ") + "\(item.exercise) \(item.question)".padded(20)
      line += Self.format(item.meanScore).padded(7) + Self.format(item.pointBiserial).padded(7)
      text += line + Self.format(item.upperLower) + "\n"
      let answers = item.choices.map { "\($0.answer)\($0.isKeyed ? "*" : "") \($0.count)" }
      text += Self.wrapped(answers, indent: 6, width: 80)
    }
    return text
  }

  /// The analysis as JSON, for `grade --json --item-analysis`.
  public var json: JSONValue {
    let summary = scoreSummary
    return [
      "students": .integer(Int64(totals.count)),
      "reliability": [
        "name": .string(reliability.name), "value": reliability.value.map(JSONValue.double) ?? .null,
        "items": .integer(Int64(reliability.itemCount)),
      ],
      "scores": [
        "mean_percent": .double(summary.mean), "median_percent": .double(summary.median),
        "sd_percent": .double(summary.standardDeviation), "histogram": .array(histogram.map { .integer(Int64($0)) }),
      ],
      "group_size": .integer(Int64(groupSize)),
      "items": .array(
        items.map { item in
          [
            "exercise": .string(item.exercise), "question": .string(item.question),
            "maximum": .double(item.maximum), "mean_score": .double(item.meanScore),
            "point_biserial": item.pointBiserial.map(JSONValue.double) ?? .null,
            "upper_lower": .double(item.upperLower),
            "choices": .array(
              item.choices.map {
                ["answer": .string($0.answer), "count": .integer(Int64($0.count)), "keyed": .bool($0.isKeyed)]
              }),
          ]
        }),
    ]
  }

  /// Comma-separated parts on lines of at most `width` columns, each indented.
  private static func wrapped(_ parts: [String], indent: Int, width: Int) -> String {
    let margin = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    for (index, part) in parts.enumerated() {
      let piece = part + (index < parts.count - 1 ? "," : "")
      if !line.isEmpty, margin.count + line.count + 1 + piece.count > width {
        lines.append(line)
        line = piece
      } else {
        line += (line.isEmpty ? "" : " ") + piece
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.map { margin + $0 + "\n" }.joined()
  }

  /// The analysis as a printable HTML page: the figures, a histogram of the scores, and a
  /// table of the items.
  public func html(title: String) -> String {
    // A long table may run over pages; its rows stay whole.
    var page = HTMLDocument(
      title: title,
      stylesheet: HTMLDocument.printStylesheet + """

        table { width: 100%; font-size: 9.5pt; break-inside: auto; page-break-inside: auto; }
        td:first-child { white-space: nowrap; }
        """)
    page.append(.heading(1, .text(title)))
    let summary = scoreSummary
    page.append(
      .paragraph(
        .text(
          "\(totals.count) students who answered, \(items.count) items. Reliability "
            + "(\(reliability.name)): "),
        .strong(.text(Self.format(reliability.value))),
        .text(
          "\(reliabilityScope). Scores: mean \(Self.percent(summary.mean)), median \(Self.percent(summary.median)), "
            + "SD \(Self.percent(summary.standardDeviation)), from \(Self.percent(summary.lowest)) "
            + "to \(Self.percent(summary.highest)).")))
    page.append(
      .figure(
        .svg(histogramSVG()),
        caption: .text("Students by score, in tenths of the maximum.")))
    page.append(.heading(2, .text("Items")))
    page.append(
      .paragraph(
        .text(
          "Mean: the share of the item's points the class earned (high is easy). r: the "
            + "correlation of the item with the rest of the set. D: the mean share of the top "
            + "\(groupSize) students minus that of the bottom \(groupSize). Items with r or D "
            + "under \(Self.format(Self.weakDiscrimination)) are marked ?; the keyed answer "
            + "is marked *.")))
    page.append(
      .table(
        header: ["Item", "Mean", "r", "D", "Answers"],
        rows: items.map { item in
          [
            .text((isWeak(item) ? "? " : "") + "\(item.exercise) \(item.question)"),
            .text(Self.format(item.meanScore)), .text(Self.format(item.pointBiserial)),
            .text(Self.format(item.upperLower)),
            .text(
              item.choices.map { "\($0.answer)\($0.isKeyed ? "*" : "") \($0.count)" }
                .joined(separator: ", ")),
          ]
        }))
    return page.html
  }

  /// The histogram as an SVG picture: a bar per tenth, its count above it.
  func histogramSVG() -> String {
    let bins = histogram
    let width = 560.0
    let height = 220.0
    let left = 36.0
    let bottom = 32.0
    let top = 16.0
    let plotHeight = height - bottom - top
    let barWidth = (width - left - 8) / Double(bins.count)
    let tallest = Double(max(1, bins.max() ?? 1))
    var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" "
    svg += "viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
    svg += "font-family=\"system-ui, sans-serif\" font-size=\"11\">\n"
    svg += "<title>Students by score</title>\n"
    svg += "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 8)\" y2=\"\(height - bottom)\" stroke=\"#595959\" />\n"
    for (index, count) in bins.enumerated() {
      let x = left + Double(index) * barWidth
      let barHeight = Double(count) / tallest * plotHeight
      let y = height - bottom - barHeight
      svg += "<rect x=\"\(Self.coordinate(x + 2))\" y=\"\(Self.coordinate(y))\" "
      svg += "width=\"\(Self.coordinate(barWidth - 4))\" height=\"\(Self.coordinate(barHeight))\" fill=\"#0072B2\" />\n"
      if count > 0 {
        svg += "<text x=\"\(Self.coordinate(x + barWidth / 2))\" y=\"\(Self.coordinate(y - 4))\" "
        svg += "text-anchor=\"middle\">\(count)</text>\n"
      }
      svg += "<text x=\"\(Self.coordinate(x + barWidth / 2))\" y=\"\(Self.coordinate(height - bottom + 14))\" "
      svg += "text-anchor=\"middle\" fill=\"#4d4d4d\">\(index * 10)–\(index * 10 + 10)%</text>\n"
    }
    svg += "</svg>\n"
    return svg
  }

  private static func coordinate(_ value: Double) -> String {
    String((value * 100).rounded() / 100)
  }

  /// A figure with two decimals, or `n/a`.
  static func format(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "n/a" }
    let hundredths = Int((abs(value) * 100).rounded())
    let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    return (value < 0 && hundredths > 0 ? "-" : "") + text
  }

  private static func percent(_ value: Double) -> String {
    String((value * 10).rounded() / 10) + "%"
  }
}

extension String {
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
