extension QuizFile {
  /// Writes the quiz in the canonical `.quiz` form that instructors' tools save.
  ///
  /// Headers come in the order `section`, `type`, `curve`, `hint`; a blank line separates the
  /// header, each prompt paragraph, the options, and the questions. Prompt paragraphs and
  /// explanations wrap at 100 columns; a prompt line that starts with `#` or `[` is indented
  /// by one space, so it is not read as a comment or an option.
  ///
  /// ```swift
  /// let text = quiz.formatted()
  /// QuizFile.parse(text, fileName: "section-quiz.quiz").file  // the same questions
  /// ```
  ///
  /// Reading the result gives back an equal quiz for any quiz the reader produced, except that
  /// each `line` points into the new text. Text holding line breaks, or options and
  /// explanations left empty, cannot survive the trip.
  public func formatted() -> String {
    var lines: [String] = []
    if let title { lines += ["title: \(title)", ""] }
    for question in questions {
      lines.append("## Q \(question.id)")
      lines.append("section: " + question.sections.map(String.init).joined(separator: ","))
      lines.append("type: \(question.kind.rawValue)")
      if let curve = question.curve { lines.append("curve: \(curve.settings)") }
      if let hint = question.hint { lines.append("hint: \(hint)") }
      lines.append("")
      for paragraph in question.prompt.split(separator: "\n\n" as String) {
        lines += wrapped(String(paragraph), indent: "") + [""]
      }
      for option in question.options {
        lines.append((option.isCorrect ? "[x] " : option.isOptional ? "[~] " : "[ ] ") + option.text)
        lines += wrapped(option.explanation, indent: "    ")
      }
      if !question.options.isEmpty { lines.append("") }
    }
    if lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Greedily fills lines of at most 100 columns, breaking only at single spaces between
  /// words, so joining the lines with spaces gives back `text`.
  ///
  /// A prompt line that would start with `#` or `[` gets one space in front, so the reader
  /// does not take it for a comment, a question or an option.
  private func wrapped(_ text: String, indent: String, width: Int = 100) -> [String] {
    let words = text.pieces(omittingEmpty: false) { $0 == " " }
    var lines: [String] = []
    if words.allSatisfy({ !$0.isEmpty && !$0.unicodeScalars.contains(where: \.isSpace) }) {
      for word in words {
        if let last = lines.last, indent.count + last.count + 1 + word.count <= width {
          lines[lines.count - 1] = last + " " + word
        } else {
          lines.append(word)
        }
      }
    } else {
      lines = [text]
    }
    return lines.map {
      indent + ($0.hasScalarPrefix("#") || $0.hasScalarPrefix("[") ? " " + $0 : $0)
    }
  }
}

extension CurveQuestionSpec {
  /// The settings as written after `curve:`, `ask` and `scenario` first.
  var settings: String {
    var parts = ["ask=\(ask.rawValue)", "scenario=\(scenario)"]
    if let seed { parts.append("seed=\(seed)") }
    if let patience { parts.append("patience=\(patience)") }
    return (parts + overrides.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
  }
}
