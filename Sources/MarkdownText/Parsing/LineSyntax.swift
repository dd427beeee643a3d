/// One line of the source and its 1-based number.
struct SourceLine {
  var text: String
  var number: Int
}

/// The opening line of a fenced code block.
struct Fence {
  var indentation: Int
  var marker: Character
  var length: Int
  var info: String

  /// Reads an opening fence: up to three spaces, three or more backticks or tildes, an info
  /// string (which for backtick fences may not contain a backtick).
  init?(opening line: String) {
    let indentation = line.indentation
    guard indentation <= 3 else { return nil }
    let rest = line.dropFirst(indentation)
    guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
    let length = rest.prefix(while: { $0 == marker }).count
    let info = rest.dropFirst(length).trimmingSpaces()
    guard length >= 3, marker == "~" || !info.contains("`") else { return nil }
    self.indentation = indentation
    self.marker = marker
    self.length = length
    self.info = info
  }

  /// Whether `line` closes this fence: the same marker, at least as long, nothing after it.
  func isClosed(by line: String) -> Bool {
    guard line.indentation <= 3 else { return false }
    let rest = line.drop(while: { $0 == " " })
    let length = rest.prefix(while: { $0 == marker }).count
    return length >= self.length && rest.dropFirst(length).allSatisfy { $0 == " " }
  }
}

/// A list item's marker: `-`, `*`, `+`, or a number followed by `.` or `)`.
struct ListMarker {
  var isOrdered: Bool
  var number: Int
  /// The bullet character, or the delimiter after the number; lists only continue with
  /// items that share it.
  var symbol: Character
  var indentation: Int
  /// The column the item's content starts in; continuation lines lose up to this many spaces.
  var contentOffset: Int
  var content: String

  init?(_ line: String) {
    indentation = line.indentation
    guard indentation <= 3 else { return nil }
    var rest = line.dropFirst(indentation)
    guard let first = rest.first else { return nil }
    if first == "-" || first == "*" || first == "+" {
      isOrdered = false
      number = 1
      symbol = first
      rest = rest.dropFirst()
    } else {
      let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
      rest = rest.dropFirst(digits.count)
      guard (1...9).contains(digits.count), let number = Int(digits),
        let delimiter = rest.first, delimiter == "." || delimiter == ")"
      else { return nil }
      isOrdered = true
      self.number = number
      symbol = delimiter
      rest = rest.dropFirst()
    }
    let markerWidth = line.count - indentation - rest.count
    let spaces = rest.prefix(while: { $0 == " " }).count
    guard spaces > 0 || rest.isEmpty else { return nil }
    let gap = spaces > 4 || spaces == rest.count ? 1 : spaces
    contentOffset = indentation + markerWidth + gap
    content = String(rest.dropFirst(min(gap, spaces)))
  }

  /// Whether an item with this marker may end the paragraph above it, as CommonMark allows
  /// only for non-empty items and, when ordered, those numbered 1.
  var canInterruptParagraph: Bool {
    !content.allSatisfy(\.isWhitespace) && (!isOrdered || number == 1)
  }

  func continuesList(of first: ListMarker) -> Bool {
    isOrdered == first.isOrdered && symbol == first.symbol
  }
}

/// Reads an ATX heading: up to three spaces, one to six `#`, then a space or the line's end.
///
/// A closing run of `#` after a space is not part of the content.
func atxHeading(_ line: String) -> (level: Int, content: String)? {
  guard line.indentation <= 3 else { return nil }
  let rest = line.drop(while: { $0 == " " })
  let level = rest.prefix(while: { $0 == "#" }).count
  let afterHashes = rest.dropFirst(level)
  let isSeparated = afterHashes.first.map { $0 == " " || $0 == "\t" } ?? true
  guard (1...6).contains(level), isSeparated else { return nil }
  var content = afterHashes.trimmingSpaces()
  let closing = content.reversed().prefix(while: { $0 == "#" }).count
  if closing == content.count {
    content = ""
  } else if closing > 0, content.dropLast(closing).last == " " {
    content = content.dropLast(closing).trimmingSpaces()
  }
  return (level, content)
}

/// Whether a line is a thematic break: three or more `-`, `*` or `_`, spaces allowed between.
func isThematicBreak(_ line: String) -> Bool {
  guard line.indentation <= 3 else { return false }
  let marks = line.filter { $0 != " " }
  guard let first = marks.first, "-*_".contains(first) else { return false }
  return marks.count >= 3 && marks.allSatisfy { $0 == first }
}

/// The content of a block-quote line, after `>` and one optional space.
func quoteContent(_ line: String) -> String? {
  guard line.indentation <= 3 else { return nil }
  let rest = line.drop(while: { $0 == " " })
  guard rest.first == ">" else { return nil }
  let content = rest.dropFirst()
  return String(content.first == " " ? content.dropFirst() : content)
}

extension StringProtocol {
  /// The number of spaces the line starts with.
  var indentation: Int { prefix(while: { $0 == " " }).count }

  var isBlank: Bool { allSatisfy(\.isWhitespace) }

  func trimmingSpaces() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
