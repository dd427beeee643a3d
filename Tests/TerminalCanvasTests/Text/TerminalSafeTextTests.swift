import TerminalCanvas
import Testing

@Suite struct TerminalSafeTextTests {
  /// Hostile sequences as a log could carry them in a name or a cell.
  static let hostile: [(name: String, text: String)] = [
    ("OSC 52 clipboard write", "val\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{7}_loss"),
    ("CSI clear screen", "\u{1B}[2J\u{1B}[Hloss"),
    ("window title", "\u{1B}]0;owned\u{1B}\\acc"),
    ("C1 CSI", "a\u{9B}31mred"),
    ("carriage return overwrite", "loss\rfake line"),
    ("bidi override", "loss\u{202E}txt.exe"),
    ("backspace", "ok\u{8}\u{8}no"),
    ("DEL", "x\u{7F}y"),
    ("line separator", "a\u{2028}b"),
  ]

  @Test(arguments: hostile.map(\.text))
  func hostileSequencesComeOutVisibleAndInert(text: String) {
    let safe = sanitizedForTerminal(text)
    #expect(safe.unicodeScalars.allSatisfy { !Self.isControl($0) }, "\(safe.debugDescription)")
    #expect(safe.contains("\\u{"), "the replaced characters are shown: \(safe)")
  }

  @Test func plainTextAndOtherScriptsAreKept() {
    for text in ["val_loss", "eval/acc (top-1)", "学习曲线", "naïve", "🙂 ok", "metrics/mAP50(B)"] {
      #expect(sanitizedForTerminal(text) == text)
    }
  }

  @Test func escapesNameTheCharacter() {
    #expect(sanitizedForTerminal("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
    #expect(sanitizedForTerminal("tab\there") == "tab\\u{9}here")
    #expect(sanitizedForTerminal("a\u{9B}b") == "a\\u{9B}b")
    #expect(sanitizedForTerminal("x\u{202E}y") == "x\\u{202E}y")
  }

  @Test func lineBreaksAreKeptOnlyWhenAsked() {
    #expect(sanitizedForTerminal("one\ntwo") == "one\\u{A}two")
    #expect(sanitizedForTerminal("one\ntwo", keepingLineBreaks: true) == "one\ntwo")
    #expect(sanitizedForTerminal("one\r\ntwo", keepingLineBreaks: true) == "one\\u{D}\ntwo")
  }

  @Test func substringsAreAccepted() {
    let text = "name\u{1B}]0;x\u{7}"
    #expect(sanitizedForTerminal(text.dropFirst(2)) == "me\\u{1B}]0;x\\u{7}")
  }

  /// C0, DEL, C1, and the bidirectional and separator characters the sanitiser replaces.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value < 0x20 || (0x7F...0x9F).contains(value)
      || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(value)
      || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
  }
}
