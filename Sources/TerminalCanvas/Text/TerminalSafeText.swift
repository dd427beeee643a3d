/// Makes text that came from a file safe to print to a terminal.
///
/// A log can name a column, hold a cell or sit in a folder with any bytes at all, and a
/// terminal obeys the control characters among them: `ESC ] 52 ;` writes the clipboard,
/// `ESC [ 2 J` clears the screen, `ESC ] 0 ;` retitles the window, a carriage return lets one
/// line overwrite another, and Unicode's bidirectional overrides reorder what is shown. Every
/// path that prints something that came from a file (report lines, warnings, errors, the
/// comparison table, `watch`) passes it through this one function, which shows each such
/// character as a visible escape (`\u{1B}`) instead of sending it.
///
/// Replaced: the C0 controls U+0000–U+001F (line feeds too, unless kept), DEL U+007F, the C1
/// controls U+0080–U+009F (U+009B is a one-byte CSI on some terminals), the line and paragraph
/// separators U+2028 and U+2029, and the bidirectional controls U+061C, U+200E, U+200F,
/// U+202A–U+202E and U+2066–U+2069. Everything else, including any other Unicode text, is kept.
///
/// ```swift
/// sanitizedForTerminal("val_loss")                      // "val_loss"
/// sanitizedForTerminal("a\u{1B}]52;c;aGk=\u{7}b")       // "a\\u{1B}]52;c;aGk=\\u{7}b"
/// sanitizedForTerminal("two\nlines", keepingLineBreaks: true)  // "two\nlines"
/// ```
///
/// - Parameters:
///   - text: Text that came from outside the program.
///   - keepingLineBreaks: Whether `\n` stays a line break (for messages of several lines);
///     otherwise it is shown as `\u{A}` like any other control character.
/// - Returns: `text` itself when nothing needed replacing.
/// - Complexity: O(*n*) in the number of scalars.
public func sanitizedForTerminal(_ text: some StringProtocol, keepingLineBreaks: Bool = false)
  -> String
{
  func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 { return !(keepingLineBreaks && value == 0x0A) }
    if value < 0x7F { return false }
    if value <= 0x9F { return true }
    switch value {
    case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
  guard text.unicodeScalars.contains(where: isUnsafe) else { return String(text) }
  var result = ""
  result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 16)
  for scalar in text.unicodeScalars {
    if isUnsafe(scalar) {
      result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    } else {
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}
