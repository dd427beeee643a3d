/// Parses inline Markdown with CommonMark's delimiter rules, simplified to what lessons use.
///
/// Code spans, links and backslash escapes are read left to right into nodes; runs of `*` and
/// `_` stay as delimiter nodes until ``matchEmphasis(_:)`` pairs them, nearest opener first,
/// so `***both***` and `*a **b** c*` nest the way CommonMark says.
struct InlineParser {
  /// Links nested deeper than this inside link text are read as literal text.
  private static let maximumDepth = 8

  private let characters: [Character]
  /// Where the last `]` is, so a `[` after it is known not to start a link at once.
  private let lastClosingBracket: Int

  init(_ text: String) {
    characters = Array(text)
    lastClosingBracket = characters.lastIndex(of: "]") ?? -1
  }

  func parse() -> [MarkdownInline] {
    inlines(in: 0..<characters.count, depth: 0)
  }

  fileprivate struct Delimiter {
    var character: Character
    var count: Int
    let originalCount: Int
    let canOpen: Bool
    let canClose: Bool
  }

  fileprivate enum Node {
    case inline(MarkdownInline)
    case delimiter(Delimiter)
  }

  private func inlines(in range: Range<Int>, depth: Int) -> [MarkdownInline] {
    var nodes: [Node] = []
    var text = ""
    func flush() {
      if !text.isEmpty { nodes.append(.inline(.text(text))) }
      text = ""
    }
    var index = range.lowerBound
    while index < range.upperBound {
      let character = characters[index]
      switch character {
      case "\\":
        let next = index + 1 < range.upperBound ? characters[index + 1] : nil
        if let next, next.isASCII, next.isPunctuation || next.isSymbol {
          text.append(next)
          index += 2
        } else {
          text.append(character)
          index += 1
        }
      case "`":
        let length = runLength(at: index, limit: range.upperBound)
        let closing = closingBackticks(
          from: index + length, length: length, limit: range.upperBound)
        if let closing {
          flush()
          nodes.append(.inline(.code(codeSpanText(index + length..<closing))))
          index = closing + length
        } else {
          text += String(repeating: "`", count: length)
          index += length
        }
      case "[":
        if depth < Self.maximumDepth, let link = link(at: index, limit: range.upperBound) {
          flush()
          let content = inlines(in: link.text, depth: depth + 1)
          nodes.append(.inline(.link(text: content, destination: link.destination)))
          index = link.end
        } else {
          text.append(character)
          index += 1
        }
      case "*", "_":
        flush()
        let length = runLength(at: index, limit: range.upperBound)
        nodes.append(.delimiter(delimiter(at: index, length: length, in: range)))
        index += length
      default:
        text.append(character)
        index += 1
      }
    }
    flush()
    return Self.flattened(Self.matchEmphasis(nodes))
  }

  /// Describes the run of `*` or `_` at `index`, deciding from its neighbours whether it may
  /// open or close emphasis (CommonMark's left- and right-flanking rules).
  private func delimiter(at index: Int, length: Int, in range: Range<Int>) -> Delimiter {
    let character = characters[index]
    let before = index > range.lowerBound ? characters[index - 1] : " "
    let after = index + length < range.upperBound ? characters[index + length] : " "
    let leftFlanking =
      !after.isWhitespace
      && (!after.isMarkdownPunctuation || before.isWhitespace || before.isMarkdownPunctuation)
    let rightFlanking =
      !before.isWhitespace
      && (!before.isMarkdownPunctuation || after.isWhitespace || after.isMarkdownPunctuation)
    let isStar = character == "*"
    return Delimiter(
      character: character, count: length, originalCount: length,
      canOpen: leftFlanking && (isStar || !rightFlanking || before.isMarkdownPunctuation),
      canClose: rightFlanking && (isStar || !leftFlanking || after.isMarkdownPunctuation))
  }

  /// Pairs closers with the nearest earlier opener of the same character, wrapping what lies
  /// between in emphasis (one character) or strong emphasis (two).
  private static func matchEmphasis(_ input: [Node]) -> [Node] {
    var nodes = input
    var index = 0
    while index < nodes.count {
      guard case .delimiter(var closer) = nodes[index], closer.canClose,
        let openerIndex = nodes[..<index].lastIndex(where: { $0.canBeOpened(by: closer) }),
        case .delimiter(var opener) = nodes[openerIndex]
      else {
        index += 1
        continue
      }
      let used = opener.count >= 2 && closer.count >= 2 ? 2 : 1
      let content = flattened(Array(nodes[(openerIndex + 1)..<index]))
      opener.count -= used
      closer.count -= used
      var replacement: [Node] = opener.count > 0 ? [.delimiter(opener)] : []
      replacement.append(.inline(used == 2 ? .strong(content) : .emphasis(content)))
      let next = openerIndex + replacement.count
      if closer.count > 0 { replacement.append(.delimiter(closer)) }
      nodes.replaceSubrange(openerIndex...index, with: replacement)
      index = next
    }
    return nodes
  }

  /// Turns nodes into inlines; unmatched delimiters become literal text.
  private static func flattened(_ nodes: [Node]) -> [MarkdownInline] {
    var result: [MarkdownInline] = []
    for node in nodes {
      let inline: MarkdownInline
      switch node {
      case .inline(let value): inline = value
      case .delimiter(let delimiter):
        inline = .text(String(repeating: delimiter.character, count: delimiter.count))
      }
      if case .text(let text) = inline, case .text(let previous) = result.last {
        result[result.count - 1] = .text(previous + text)
      } else {
        result.append(inline)
      }
    }
    return result
  }

  // MARK: Runs, code spans and links

  /// The number of copies of the character at `index` in a row, stopping at `limit`.
  private func runLength(at index: Int, limit: Int) -> Int {
    var end = index
    while end < limit, characters[end] == characters[index] { end += 1 }
    return end - index
  }

  /// Where the next run of exactly `length` backticks starts, if there is one.
  private func closingBackticks(from start: Int, length: Int, limit: Int) -> Int? {
    var index = start
    while index < limit {
      guard characters[index] == "`" else {
        index += 1
        continue
      }
      let run = runLength(at: index, limit: limit)
      if run == length { return index }
      index += run
    }
    return nil
  }

  /// A code span's text: one space is stripped from each end when both ends have one.
  private func codeSpanText(_ range: Range<Int>) -> String {
    let text = String(characters[range])
    guard text.count >= 2, text.first == " ", text.last == " ", !text.allSatisfy({ $0 == " " })
    else { return text }
    return String(text.dropFirst().dropLast())
  }

  /// Reads `[text](destination)` at `index`: the range of the text, the destination and the
  /// index just past the closing parenthesis. A title after the destination is dropped.
  private func link(
    at index: Int, limit: Int
  ) -> (text: Range<Int>, destination: String, end: Int)? {
    guard index < lastClosingBracket, let textEnd = closingBracket(after: index, limit: limit),
      textEnd + 1 < limit,
      characters[textEnd + 1] == "("
    else { return nil }
    var depth = 0
    var cursor = textEnd + 2
    var raw = ""
    while cursor < limit {
      let character = characters[cursor]
      if character == "\\", cursor + 1 < limit {
        raw.append(characters[cursor + 1])
        cursor += 2
        continue
      }
      if character == ")" {
        if depth == 0 { break }
        depth -= 1
      } else if character == "(" {
        depth += 1
      }
      raw.append(character)
      cursor += 1
    }
    guard cursor < limit else { return nil }
    let trimmed = raw.trimmingSpaces()
    let destination: String
    if trimmed.first == "<", let close = trimmed.firstIndex(of: ">") {
      destination = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
    } else {
      destination = String(trimmed.prefix(while: { !$0.isWhitespace }))
    }
    return (index + 1..<textEnd, destination, cursor + 1)
  }

  /// The index of the `]` that matches the `[` at `index`, skipping escapes and code spans.
  private func closingBracket(after index: Int, limit: Int) -> Int? {
    var depth = 0
    var cursor = index + 1
    while cursor < limit {
      switch characters[cursor] {
      case "\\":
        cursor += 2
        continue
      case "`":
        let length = runLength(at: cursor, limit: limit)
        let closing = closingBackticks(from: cursor + length, length: length, limit: limit)
        cursor = closing.map { $0 + length } ?? cursor + length
        continue
      case "[": depth += 1
      case "]":
        if depth == 0 { return cursor }
        depth -= 1
      default: break
      }
      cursor += 1
    }
    return nil
  }
}

extension InlineParser.Node {
  /// Whether this node is a delimiter that `closer` may close.
  ///
  /// CommonMark's "rule of three" stops a run that could both open and close from pairing
  /// with one whose length adds up to a multiple of three, so `*a**b**c*` nests `b` in `a c`.
  fileprivate func canBeOpened(by closer: InlineParser.Delimiter) -> Bool {
    guard case .delimiter(let opener) = self, opener.canOpen,
      opener.character == closer.character
    else { return false }
    let total = opener.originalCount + closer.originalCount
    let bothMultiplesOfThree = opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0
    return !((opener.canClose || closer.canOpen) && total % 3 == 0 && !bothMultiplesOfThree)
  }
}

extension Character {
  /// Whether CommonMark counts the character as punctuation when deciding flanking.
  fileprivate var isMarkdownPunctuation: Bool { isPunctuation || isSymbol }
}
