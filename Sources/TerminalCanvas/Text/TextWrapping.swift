/// Breaks text into lines no wider than `width` terminal columns, at spaces.
///
/// Each line of the input is wrapped on its own, so line breaks and blank lines in the input
/// survive. Runs of spaces between words shrink to one. A line's leading indentation is kept,
/// and repeated on the lines it wraps onto, so indented blocks and list items stay indented.
/// A word wider than `width` (a long URL, say) is never split: it gets a line of its own and
/// that line is wider than asked. Widths are measured with ``displayWidth(of:)``.
///
/// ```swift
/// wrap("Validation loss rises while training loss falls.", width: 20)
/// // ["Validation loss", "rises while training", "loss falls."]
/// ```
///
/// - Parameters:
///   - text: The text to wrap; tabs count as spaces.
///   - width: The widest line wanted; widths below 1 count as 1.
/// - Returns: The lines, without line terminators; `[""]` for empty text.
public func wrap(_ text: String, width: Int) -> [String] {
  let width = max(1, width)
  var lines: [String] = []
  let inputLines = text.split(
    omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
  for rawLine in inputLines {
    var line = rawLine.replacingTabs()
    if line.hasSuffix("\r") { line.removeLast() }
    let indentation = String(line.prefix(while: { $0 == " " }))
    let words = line.split(separator: " ")
    if words.isEmpty {
      lines.append("")
      continue
    }
    let indent = displayWidth(of: indentation) < width ? indentation : ""
    let indentWidth = displayWidth(of: indent)
    var current = indent
    var currentWidth = indentWidth
    var currentHasWord = false
    for word in words {
      let wordWidth = displayWidth(of: word)
      if !currentHasWord {
        current += word
        currentWidth += wordWidth
        currentHasWord = true
      } else if currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
      } else {
        lines.append(current)
        current = indent + word
        currentWidth = indentWidth + wordWidth
      }
    }
    lines.append(current)
  }
  return lines
}

extension Substring {
  fileprivate func replacingTabs() -> String {
    String(map { $0 == "\t" ? " " : $0 })
  }
}
