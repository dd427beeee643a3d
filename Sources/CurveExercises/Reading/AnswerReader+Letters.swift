extension AnswerReader {
  /// An option letter read from an answer, with the words written after it.
  public struct Letter: Sendable, Equatable {
    /// The option's position, from 0 (`A`).
    public var index: Int
    /// What follows the letter, trimmed: `stop early` in `A - stop early`; empty for a letter
    /// alone.
    public var rest: String
    /// Whether the letter is marked as one (`(a)`, `A)`, `A.`, `A:`, `A -`, `option A`, or a
    /// letter alone); `false` for a capital followed by a space and words (`A bigger model`),
    /// where the letter may be an article.
    public var isMarked: Bool
  }

  /// The option letter `text` gives, in any common form: `A`, `a`, `(a)`, `[A]`, `A)`, `A.`,
  /// `A:`, `A - stop early`, `option A`, `Option b.`, `answer: C`, `choice d`. `nil` when the
  /// text does not start with a letter of the first `optionCount` options.
  public func letter(_ text: String, optionCount: Int) -> Letter? {
    var rest = Substring(text.trimmingSpaces)
    var isMarked = false
    // A leading word that announces the letter.
    for word in ["option", "choice", "answer", "letter"] {
      let lowered = rest.lowercased()
      guard lowered.hasPrefix(word) else { continue }
      let after = rest.dropFirst(word.count)
      guard let next = after.first, next == " " || next == ":" || next == "#" else { continue }
      rest = Substring(after.drop { $0 == " " || $0 == ":" || $0 == "#" })
      isMarked = true
      break
    }
    // A letter in brackets.
    if let open = rest.first, open == "(" || open == "[" {
      let close: Character = open == "(" ? ")" : "]"
      let inside = rest.dropFirst().drop { $0 == " " }
      guard let letter = inside.first, letter.isLetter,
        inside.dropFirst().drop(while: { $0 == " " }).first == close
      else { return nil }
      let after = inside.dropFirst().drop { $0 == " " }.dropFirst()
      return make(letter, rest: Self.afterSeparator(after), isMarked: true, count: optionCount)
    }
    guard let letter = rest.first, letter.isLetter, letter.isASCII else { return nil }
    let after = rest.dropFirst()
    guard let next = after.first else {
      return make(letter, rest: "", isMarked: true, count: optionCount)
    }
    if ")].:-–—,".contains(next) {
      return make(letter, rest: Self.afterSeparator(after), isMarked: true, count: optionCount)
    }
    guard next == " " else { return nil }
    let words = after.trimmingSpaces
    // `A - text`, `A : text` with spaces around the separator.
    if let first = words.first, "-–—:)".contains(first) {
      return make(letter, rest: Self.afterSeparator(Substring(words)), isMarked: true, count: optionCount)
    }
    // `option A` needs nothing more; a bare capital and words may be an article.
    return make(
      letter, rest: words, isMarked: isMarked || words.isEmpty, count: optionCount,
      needsCapital: !isMarked)
  }

  private func make(
    _ letter: Character, rest: String, isMarked: Bool, count: Int, needsCapital: Bool = false
  ) -> Letter? {
    if needsCapital, !letter.isUppercase { return nil }
    guard let ascii = letter.lowercased().first?.asciiValue, ascii >= 97 else { return nil }
    let index = Int(ascii) - 97
    guard index < count else { return nil }
    return Letter(index: index, rest: rest, isMarked: isMarked)
  }

  /// The words after a separator such as `)`, `.`, `:` or `-`.
  private static func afterSeparator(_ text: Substring) -> String {
    text.drop { " )].:-–—,".contains($0) }.trimmingSpaces
  }
}
