import TerminalCanvas

extension TerminalMarkdownRenderer {
  /// A table sized to its content, columns apart by ` │ `, the header ruled off with `─┼─`.
  ///
  /// When the table is wider than `width`, columns give up a character at a time, first
  /// those that can wrap between words, and cells wrap to fit.
  func tableLines(_ table: MarkdownTable, width: Int) -> [StyledText] {
    let columnCount = table.alignments.count
    guard columnCount > 0 else { return [] }
    func cells(_ row: [MarkdownTable.Cell], style: TextStyle) -> [StyledText] {
      (0..<columnCount).map { $0 < row.count ? styledText(row[$0], style: style) : StyledText() }
    }
    let header = cells(table.header, style: .bold)
    let rows = table.rows.map { cells($0, style: .plain) }
    var widths = (0..<columnCount).map { column in
      max(1, ([header] + rows).map { $0[column].displayWidth }.max() ?? 1)
    }
    let longestWords = (0..<columnCount).map { column in
      ([header] + rows).map { row in
        row[column].plainText.split(separator: " ").map { displayWidth(of: String($0)) }.max() ?? 0
      }.max() ?? 0
    }
    let separator = " " + glyphs.columnSeparator + " "
    let available = width - displayWidth(of: separator) * (columnCount - 1)
    while widths.reduce(0, +) > available {
      // Shrink a column that can still wrap between words (the one with the most room above
      // its longest word) before cutting any word in two.
      let slack = widths.indices.map { widths[$0] - longestWords[$0] }
      let column =
        slack.contains(where: { $0 > 0 })
        ? slack.indices.max { slack[$0] < slack[$1] } ?? 0
        : widths.indices.max { widths[$0] < widths[$1] } ?? 0
      guard widths[column] > 1 else { break }
      widths[column] -= 1
    }

    let rule = widths.map { String(repeating: glyphs.rule, count: $0) }
      .joined(separator: glyphs.rule + glyphs.crossing + glyphs.rule)
    var result = rowLines(header, widths: widths, alignments: table.alignments)
    result.append(StyledText(rule, style: .dim))
    for row in rows {
      result += rowLines(row, widths: widths, alignments: table.alignments)
    }
    return result
  }

  private func rowLines(
    _ cells: [StyledText], widths: [Int], alignments: [MarkdownTable.Alignment]
  ) -> [StyledText] {
    let wrapped = cells.indices.map { cells[$0].wrapped(toWidth: widths[$0]) }
    let height = wrapped.map(\.count).max() ?? 1
    return (0..<height).map { lineIndex in
      var line = StyledText()
      for column in cells.indices {
        if column > 0 { line.append(" " + glyphs.columnSeparator + " ", style: .dim) }
        let lines = wrapped[column]
        let piece = lineIndex < lines.count ? lines[lineIndex] : StyledText()
        line.append(aligned(piece, width: widths[column], alignment: alignments[column]))
      }
      return line
    }
  }

  private func aligned(
    _ text: StyledText, width: Int, alignment: MarkdownTable.Alignment
  ) -> StyledText {
    let spare = max(0, width - text.displayWidth)
    let before =
      switch alignment {
      case .right: spare
      case .center: spare / 2
      case .left, .none: 0
      }
    var result = StyledText(String(repeating: " ", count: before))
    result.append(text)
    return result.padded(toWidth: width)
  }
}
