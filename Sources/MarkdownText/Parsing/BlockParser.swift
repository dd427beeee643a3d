/// Turns numbered source lines into blocks, one container level per recursive call.
///
/// List items and quotes are parsed by gathering their lines, stripped of the marker or the
/// indentation, and parsing those lines again, so every block keeps its original line number.
struct BlockParser {
  /// Containers deeper than this are read as plain paragraphs, so no input exhausts the stack.
  static let maximumDepth = 12

  private(set) var problems: [MarkdownProblem] = []

  mutating func parse(_ lines: [SourceLine], depth: Int) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.text.isBlank {
        index += 1
      } else if let fence = Fence(opening: line.text) {
        blocks.append(parseCode(lines, at: &index, fence: fence))
      } else if let heading = atxHeading(line.text) {
        let content = MarkdownInline.parse(heading.content)
        blocks.append(
          MarkdownBlock(.heading(level: heading.level, content: content), line: line.number))
        index += 1
      } else if isThematicBreak(line.text) {
        blocks.append(MarkdownBlock(.rule, line: line.number))
        index += 1
      } else if depth < Self.maximumDepth, quoteContent(line.text) != nil {
        blocks.append(parseQuote(lines, at: &index, depth: depth))
      } else if depth < Self.maximumDepth, let marker = ListMarker(line.text) {
        blocks.append(parseList(lines, at: &index, first: marker, depth: depth))
      } else if let table = parseTable(lines, at: &index) {
        blocks.append(table)
      } else {
        blocks.append(parseParagraph(lines, at: &index, depth: depth))
      }
    }
    return blocks
  }

  /// Whether `text` starts a block that ends a paragraph running into it.
  private func interruptsParagraph(_ text: String, depth: Int) -> Bool {
    if Fence(opening: text) != nil || atxHeading(text) != nil || isThematicBreak(text) {
      return true
    }
    guard depth < Self.maximumDepth else { return false }
    return quoteContent(text) != nil || ListMarker(text)?.canInterruptParagraph == true
  }

  private mutating func parseCode(
    _ lines: [SourceLine], at index: inout Int, fence: Fence
  ) -> MarkdownBlock {
    let start = lines[index].number
    var content: [String] = []
    index += 1
    while index < lines.count, !fence.isClosed(by: lines[index].text) {
      let text = lines[index].text
      content.append(String(text.dropFirst(min(fence.indentation, text.indentation))))
      index += 1
    }
    if index < lines.count {
      index += 1
    } else {
      problems.append(.unclosedCodeBlock(line: start))
    }
    let code = content.joined(separator: "\n")
    return MarkdownBlock(.code(info: fence.info, text: code), line: start)
  }

  private mutating func parseParagraph(
    _ lines: [SourceLine], at index: inout Int, depth: Int
  ) -> MarkdownBlock {
    let start = lines[index].number
    var texts = [lines[index].text.trimmingSpaces()]
    index += 1
    while index < lines.count, canContinueParagraph(lines, at: index, depth: depth) {
      texts.append(lines[index].text.trimmingSpaces())
      index += 1
    }
    return MarkdownBlock(
      .paragraph(MarkdownInline.parse(texts.joined(separator: " "))), line: start)
  }

  /// Whether line `index` carries on the paragraph above it, inside or outside a container.
  private func canContinueParagraph(_ lines: [SourceLine], at index: Int, depth: Int) -> Bool {
    let text = lines[index].text
    return !text.isBlank && !interruptsParagraph(text, depth: depth)
      && !isTableStart(lines, at: index)
  }

  private mutating func parseQuote(
    _ lines: [SourceLine], at index: inout Int, depth: Int
  ) -> MarkdownBlock {
    let start = lines[index].number
    var inner: [SourceLine] = []
    while index < lines.count {
      if let content = quoteContent(lines[index].text) {
        inner.append(SourceLine(text: content, number: lines[index].number))
      } else if isLazyContinuation(lines, at: index, after: inner, depth: depth) {
        inner.append(lines[index])
      } else {
        break
      }
      index += 1
    }
    return MarkdownBlock(.quote(parse(inner, depth: depth + 1)), line: start)
  }

  /// Whether an unmarked line continues the paragraph at the end of a container's lines.
  private func isLazyContinuation(
    _ lines: [SourceLine], at index: Int, after inner: [SourceLine], depth: Int
  ) -> Bool {
    guard let last = inner.last?.text, !last.isBlank, Fence(opening: last) == nil,
      atxHeading(last) == nil
    else { return false }
    return canContinueParagraph(lines, at: index, depth: depth)
  }

  private mutating func parseList(
    _ lines: [SourceLine], at index: inout Int, first: ListMarker, depth: Int
  ) -> MarkdownBlock {
    let start = lines[index].number
    var items: [[MarkdownBlock]] = []
    while index < lines.count, let marker = ListMarker(lines[index].text),
      marker.continuesList(of: first)
    {
      var inner = [SourceLine(text: marker.content, number: lines[index].number)]
      index += 1
      let nestedIndentation = marker.indentation + 2
      while index < lines.count {
        let text = lines[index].text
        if text.isBlank {
          let next = lines[index...].firstIndex(where: { !$0.text.isBlank }) ?? lines.count
          guard next < lines.count, lines[next].text.indentation >= nestedIndentation else { break }
          inner += lines[index..<next].map { SourceLine(text: "", number: $0.number) }
          index = next
        } else if text.indentation >= nestedIndentation {
          let stripped = String(text.dropFirst(min(text.indentation, marker.contentOffset)))
          inner.append(SourceLine(text: stripped, number: lines[index].number))
          index += 1
        } else if ListMarker(text)?.continuesList(of: first) != true,
          isLazyContinuation(lines, at: index, after: inner, depth: depth)
        {
          inner.append(lines[index])
          index += 1
        } else {
          break
        }
      }
      items.append(parse(inner, depth: depth + 1))
      let next = lines[index...].firstIndex(where: { !$0.text.isBlank }) ?? lines.count
      if next < lines.count, ListMarker(lines[next].text)?.continuesList(of: first) == true {
        index = next
      }
    }
    let kind = MarkdownBlock.Kind.list(ordered: first.isOrdered, start: first.number, items: items)
    return MarkdownBlock(kind, line: start)
  }
}
