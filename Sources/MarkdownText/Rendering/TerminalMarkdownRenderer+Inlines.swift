import TerminalCanvas

extension TerminalMarkdownRenderer {
  /// Emphasis in colour; ``TextStyle`` has no italic, so a colour stands in for it.
  static let emphasisStyle = TextStyle(foreground: .magenta)
  /// Code spans in colour; without colour they keep their backticks instead.
  static let codeStyle = TextStyle(foreground: .cyan)

  /// Inline content as styled text on one line, ready to wrap.
  ///
  /// Without colour no mark survives except the backticks around code, so nothing reads
  /// as a stray asterisk. Links show their destination in parentheses unless the text is it.
  func styledText(_ inlines: [MarkdownInline], style: TextStyle = .plain) -> StyledText {
    var result = StyledText()
    for inline in inlines {
      switch inline {
      case .text(let text):
        result.append(printable(text), style: style)
      case .emphasis(let children):
        result.append(styledText(children, style: style.adding(Self.emphasisStyle)))
      case .strong(let children):
        result.append(styledText(children, style: style.adding(.bold)))
      case .code(let code):
        if isColorEnabled {
          result.append(printable(code), style: style.adding(Self.codeStyle))
        } else {
          result.append("`" + printable(code) + "`", style: style)
        }
      case .link(let text, let destination):
        let label = styledText(text, style: style)
        result.append(label)
        guard text.plainText != destination, !destination.isEmpty else { continue }
        if !label.spans.isEmpty { result.append(" ", style: style) }
        result.append("(" + printable(destination) + ")", style: style.adding(.dim))
      }
    }
    return result
  }
}

extension TextStyle {
  /// This style with `other` laid over it: its colour wins, and boldness and dimness add up.
  fileprivate func adding(_ other: TextStyle) -> TextStyle {
    TextStyle(
      foreground: other.foreground ?? foreground, isBold: isBold || other.isBold,
      isDim: isDim || other.isDim)
  }
}

/// Text with tabs and line breaks as spaces and other control characters (escape included)
/// removed, so the source can neither break the layout nor smuggle in escape sequences.
func printable(_ text: some StringProtocol) -> String {
  var scalars = String.UnicodeScalarView()
  for scalar in text.unicodeScalars {
    if scalar == "\t" || scalar == "\n" || scalar == "\r" {
      scalars.append(" ")
    } else if !scalar.isControl {
      scalars.append(scalar)
    }
  }
  return String(scalars)
}

/// A code line with tabs expanded to the next multiple of four columns and control
/// characters removed.
func printableCode(_ line: some StringProtocol) -> String {
  var result = ""
  for character in line {
    if character == "\t" {
      result += String(repeating: " ", count: 4 - displayWidth(of: result) % 4)
    } else {
      result += printable(String(character))
    }
  }
  return result
}

/// The text without ANSI escape sequences (`ESC [ … final`, or `ESC` and one character)
/// and without other control characters.
func strippingEscapes(_ text: String) -> String {
  var scalars = String.UnicodeScalarView()
  var iterator = text.unicodeScalars.makeIterator()
  while let scalar = iterator.next() {
    guard scalar == "\u{1B}" else {
      if !scalar.isControl || scalar == "\t" { scalars.append(scalar == "\t" ? " " : scalar) }
      continue
    }
    guard iterator.next() == "[" else { continue }
    while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
  }
  return String(scalars)
}

extension Unicode.Scalar {
  fileprivate var isControl: Bool {
    value < 0x20 || (0x7F..<0xA0).contains(value)
  }
}
