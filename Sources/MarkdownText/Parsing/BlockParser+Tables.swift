extension BlockParser {
  /// Whether lines `index` and `index + 1` are a table's header and delimiter rows.
  func isTableStart(_ lines: [SourceLine], at index: Int) -> Bool {
    guard index + 1 < lines.count, let header = tableCells(lines[index].text),
      let alignments = columnAlignments(lines[index + 1].text)
    else { return false }
    return header.count == alignments.count
  }

  /// Reads a pipe table starting at `index`, or returns `nil` if there is none.
  ///
  /// Body rows run until a blank line, a line without a pipe, or the start of another block.
  func parseTable(_ lines: [SourceLine], at index: inout Int) -> MarkdownBlock? {
    guard isTableStart(lines, at: index), let header = tableCells(lines[index].text),
      let alignments = columnAlignments(lines[index + 1].text)
    else { return nil }
    let start = lines[index].number
    index += 2
    var rows: [[MarkdownTable.Cell]] = []
    while index < lines.count, !lines[index].text.isBlank,
      let cells = tableCells(lines[index].text),
      Fence(opening: lines[index].text) == nil, quoteContent(lines[index].text) == nil
    {
      rows.append(header.indices.map { MarkdownInline.parse($0 < cells.count ? cells[$0] : "") })
      index += 1
    }
    let table = MarkdownTable(
      alignments: alignments, header: header.map(MarkdownInline.parse), rows: rows)
    return MarkdownBlock(.table(table), line: start)
  }
}

/// Splits a table row into trimmed cell texts, or returns `nil` if it has no pipe.
///
/// Outer pipes are optional; `\|` is a literal pipe inside a cell, even inside a code span.
private func tableCells(_ line: String) -> [String]? {
  guard line.contains("|") else { return nil }
  var row = Substring(line.trimmingSpaces())
  if row.first == "|" { row = row.dropFirst() }
  if row.last == "|", !row.dropLast().hasSuffix("\\") { row = row.dropLast() }
  var cells: [String] = []
  var cell = ""
  var characters = row.makeIterator()
  while let character = characters.next() {
    if character == "\\" {
      let next = characters.next()
      cell += next == "|" ? "|" : "\\" + (next.map(String.init) ?? "")
    } else if character == "|" {
      cells.append(cell.trimmingSpaces())
      cell = ""
    } else {
      cell.append(character)
    }
  }
  cells.append(cell.trimmingSpaces())
  return cells
}

/// Reads a delimiter row such as `| :--- | :---: | ---: |`, or returns `nil` if it is not one.
private func columnAlignments(_ line: String) -> [MarkdownTable.Alignment]? {
  guard let cells = tableCells(line) else { return nil }
  var alignments: [MarkdownTable.Alignment] = []
  for cell in cells {
    let leading = cell.hasPrefix(":")
    let trailing = cell.count > 1 && cell.hasSuffix(":")
    let dashes = cell.dropFirst(leading ? 1 : 0).dropLast(trailing ? 1 : 0)
    guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
    switch (leading, trailing) {
    case (true, true): alignments.append(.center)
    case (true, false): alignments.append(.left)
    case (false, true): alignments.append(.right)
    case (false, false): alignments.append(.none)
    }
  }
  return alignments
}
