/// The line-by-line state machine behind ``QuizFile/parse(_:fileName:)``.
struct QuizParser {
  private enum Stage { case header, prompt, options }

  /// A question as it is being read, checked as a whole when the next one starts.
  private struct Draft {
    var id: String
    var line: Int
    var stage = Stage.header
    var headerLines: [String: Int] = [:]
    var sections: [Int] = []
    var kind = QuizQuestion.Kind.single
    var hint: String?
    var curve: CurveQuestionSpec?
    var paragraphs: [[String]] = [[]]
    var options: [(text: String, mark: Mark, explanation: [String], line: Int)] = []

    mutating func appendPromptLine(_ text: String) {
      paragraphs[paragraphs.count - 1].append(text)
    }

    mutating func appendExplanationLine(_ text: String) {
      options[options.count - 1].explanation.append(text)
    }
  }

  private static let headerKeys = ["section", "type", "hint", "curve"]
  private static let indentHint = "indent it by 4 spaces under the option"

  let fileName: String
  private var errors: [QuizFormatError] = []
  private var title: (text: String, line: Int)?
  private var questions: [QuizQuestion] = []
  private var idLines: [String: Int] = [:]
  private var draft: Draft?

  init(fileName: String) { self.fileName = fileName }

  mutating func parse(_ text: String) -> (file: QuizFile?, errors: [QuizFormatError]) {
    let lines = Self.lines(of: text)
    for (index, line) in lines.enumerated() { read(line, at: index + 1) }
    finishQuestion()
    if questions.isEmpty {
      report(1, "the quiz has no questions; start each one with a '## Q <id>' line")
    }
    errors.sort { $0.line < $1.line }  // stable, so problems on one line keep their order
    return errors.isEmpty ? (QuizFile(title: title?.text, questions: questions), []) : (nil, errors)
  }

  /// Splits on `\n`, `\r\n` and `\r`, dropping a leading byte order mark.
  private static func lines(of text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var afterReturn = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" && afterReturn {
        afterReturn = false
        continue
      }
      afterReturn = scalar == "\r"
      if scalar == "\n" || scalar == "\r" {
        lines.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    lines.append(String(current))
    if lines[0].unicodeScalars.first == "\u{FEFF}" {
      lines[0] = String(lines[0].unicodeScalars.dropFirst())
    }
    return lines
  }

  private mutating func report(_ line: Int, _ message: String) {
    errors.append(QuizFormatError(fileName: fileName, line: line, message: message))
  }

  // MARK: Lines

  private mutating func read(_ line: String, at number: Int) {
    if line.hasScalarPrefix("## Q"), line.droppingScalars(4).unicodeScalars.first?.isSpace ?? true {
      finishQuestion()
      startQuestion(id: line.droppingScalars(4).trimmed, at: number)
      return
    }
    if line.hasScalarPrefix("#") { return }
    let text = line.trimmed
    guard let stage = draft?.stage else { return readPreamble(text, at: number) }
    switch stage {
    case .header where text.isEmpty:
      draft?.stage = .prompt
    case .header where Self.optionMarker(line) == nil:
      readHeader(text, at: number)
    case .prompt where Self.optionMarker(line) == nil:
      if text.isEmpty {
        if draft?.paragraphs.last?.isEmpty == false { draft?.paragraphs.append([]) }
      } else {
        draft?.appendPromptLine(text)
      }
    case .header, .prompt, .options:
      draft?.stage = .options
      readOption(line, text: text, at: number)
    }
  }

  private mutating func readPreamble(_ text: String, at number: Int) {
    guard !text.isEmpty else { return }
    let (key, value) = text.splitOnce(at: ":")
    if key == "title", let value {
      if let first = title {
        report(number, "'title:' is given twice (first on line \(first.line))")
      } else if value.isEmpty {
        report(number, "'title:' has no text")
      } else {
        title = (value, number)
      }
    } else if value != nil, let near = closest(to: key, among: ["title"]) {
      report(number, "unknown key '\(key)' before the first question; did you mean '\(near)'?")
    } else {
      report(
        number,
        "text before the first question must be a comment ('# ...'), a blank line or 'title: ...'")
    }
  }

  private mutating func readHeader(_ text: String, at number: Int) {
    let (key, value) = text.splitOnce(at: ":")
    guard let value, !key.unicodeScalars.contains(where: \.isSpace) else {
      report(number, "expected a 'key: value' header line; leave a blank line before the prompt")
      draft?.stage = .prompt
      draft?.paragraphs[0].append(text)
      return
    }
    guard Self.headerKeys.contains(key) else {
      let near = closest(to: key, among: Self.headerKeys).map { "; did you mean '\($0)'?" }
      report(
        number, "unknown header key '\(key)'" + (near ?? "; expected section, type, hint or curve"))
      return
    }
    if let first = draft?.headerLines[key] {
      return report(number, "'\(key):' is given twice (first on line \(first))")
    }
    draft?.headerLines[key] = number
    if value.isEmpty, key != "curve" { return report(number, "'\(key):' has no value") }
    switch key {
    case "section":
      for part in value.pieces(omittingEmpty: false, separatedBy: { $0 == "," }).map(\.trimmed) {
        if let section = Int(part), (1...10).contains(section) {
          draft?.sections.append(section)
        } else {
          report(number, "section '\(part)' is not a whole number from 1 to 10")
        }
      }
    case "type":
      if let kind = QuizQuestion.Kind(rawValue: value) {
        draft?.kind = kind
      } else {
        report(number, "type must be 'single' or 'multiple', not '\(value)'")
      }
    case "hint": draft?.hint = value
    default:
      let curve = readCurve(value, at: number)
      draft?.curve = curve
    }
  }

  private mutating func readCurve(_ value: String, at number: Int) -> CurveQuestionSpec? {
    var spec = CurveQuestionSpec(ask: .pattern, line: number)
    var seen: Set<String> = []
    var ask: CurveQuestionSpec.Ask?
    var isValid = true
    for token in value.pieces(separatedBy: \.isSpace) {
      let (key, setting) = token.splitOnce(at: "=")
      guard let setting, !key.isEmpty, !setting.isEmpty else {
        report(number, "curve setting '\(token)' is not written as key=value")
        isValid = false
        continue
      }
      guard seen.insert(key).inserted else {
        report(number, "curve setting '\(key)' is given twice")
        continue
      }
      switch key {
      case "ask":
        ask = CurveQuestionSpec.Ask(rawValue: setting)
        if ask == nil {
          report(number, "unknown ask '\(setting)'; expected pattern, stop, remedy or set-size")
        }
      case "scenario": spec.scenario = setting
      case "seed":
        spec.seed = UInt64(setting)
        if spec.seed == nil { report(number, "seed '\(setting)' is not a whole number ≥ 0") }
      case "patience":
        spec.patience = Int(setting).flatMap { $0 > 0 ? $0 : nil }
        if spec.patience == nil {
          report(number, "patience '\(setting)' is not a whole number ≥ 1")
        }
      default: spec.overrides.append(.init(key: key, value: setting))
      }
    }
    if !seen.contains("ask") {
      report(number, "curve: needs ask=pattern, ask=stop, ask=remedy or ask=set-size")
    }
    guard let ask, isValid else { return nil }
    spec.ask = ask
    return spec
  }

  /// What an option's marker says: `[x]` right, `[ ]` wrong, `[~]` right either way.
  enum Mark { case correct, wrong, optional }

  /// Returns whether a line starts with an option marker, and the marker's problem if any.
  private static func optionMarker(
    _ line: String
  ) -> (mark: Mark, length: Int, problem: String?)? {
    let markers: [(String, Mark, String?)] = [
      ("[x]", .correct, nil), ("[ ]", .wrong, nil), ("[~]", .optional, nil),
      ("[X]", .correct, "write the marker of a correct option as '[x]', lowercase"),
      ("[]", .wrong, "write the marker of a wrong option as '[ ]', with a space inside"),
    ]
    for (marker, mark, problem) in markers where line.hasScalarPrefix(marker) {
      let length = marker.unicodeScalars.count
      if line.droppingScalars(length).unicodeScalars.first?.isSpace ?? true {
        return (mark, length, problem)
      }
    }
    return nil
  }

  private mutating func readOption(_ line: String, text: String, at number: Int) {
    if let (mark, length, problem) = Self.optionMarker(line) {
      if let problem { report(number, problem) }
      let optionText = line.droppingScalars(length).trimmed
      if optionText.isEmpty { report(number, "option has no text after its marker") }
      draft?.options.append((optionText, mark, [], number))
      return
    }
    guard !text.isEmpty else { return }
    let indent = line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }
    if indent.contains("\t") {
      report(number, "explanation is indented with a tab; \(Self.indentHint)")
    } else if indent.isEmpty {
      report(number, "line under an option is not indented; \(Self.indentHint)")
    } else if indent.count < 4 {
      let spaces = indent.count == 1 ? "1 space" : "\(indent.count) spaces"
      report(number, "explanation is indented by \(spaces); \(Self.indentHint)")
    }
    draft?.appendExplanationLine(text)
  }

  // MARK: Questions

  private mutating func startQuestion(id: String, at number: Int) {
    if id.isEmpty {
      report(number, "question has no id; write '## Q <id>'")
    } else if !id.unicodeScalars.allSatisfy({ "a"..."z" ~= $0 || "0"..."9" ~= $0 || $0 == "-" }) {
      report(number, "question id '\(id)' may use only lowercase letters, digits and hyphens")
    } else if let first = idLines[id] {
      report(number, "question id '\(id)' is already used on line \(first)")
    } else {
      idLines[id] = number
    }
    draft = Draft(id: id, line: number)
  }

  private mutating func finishQuestion() {
    guard let draft else { return }
    self.draft = nil
    let line = draft.line
    if draft.headerLines["section"] == nil { report(line, "question has no 'section:' line") }
    if draft.headerLines["type"] == nil {
      report(line, "question has no 'type:' line (single or multiple)")
    }
    let prompt = draft.paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }
    if prompt.isEmpty {
      report(line, "question has no prompt; write it after a blank line below the header")
    }
    let options = draft.options.map {
      QuizOption(
        text: $0.text, isCorrect: $0.mark == .correct, isOptional: $0.mark == .optional,
        explanation: $0.explanation.joined(separator: " "), line: $0.line)
    }
    if draft.headerLines["curve"] != nil {
      if let first = options.first {
        report(first.line, "a curve question takes no written options; the engine writes them")
      }
    } else {
      check(options, of: draft)
    }
    questions.append(
      QuizQuestion(
        id: draft.id, line: line, sections: draft.sections, kind: draft.kind, hint: draft.hint,
        prompt: prompt.joined(separator: "\n\n"), options: options, curve: draft.curve))
  }

  private mutating func check(_ options: [QuizOption], of draft: Draft) {
    if options.count < 2 {
      report(draft.line, "question has \(options.count) option(s); write 2 to 6")
    } else if options.count > 6 {
      report(options[6].line, "question has \(options.count) options; write at most 6")
    }
    let correct = options.filter(\.isCorrect)
    if correct.isEmpty, !options.isEmpty {
      report(draft.line, "no option is marked correct; mark the right one '[x] '")
    } else if draft.kind == .single, let optional = options.first(where: \.isOptional) {
      report(
        optional.line,
        "'[~] ' (right either way) is for 'type: multiple'; in a single-answer question mark "
          + "the option '[x] ' or '[ ] '")
    } else if draft.kind == .single, correct.count > 1 {
      report(
        correct[1].line,
        "'type: single' allows one correct option, but this is another; "
          + "mark it '[ ] ' or use 'type: multiple'")
    }
    var seen: [String: Int] = [:]
    for option in options {
      let key = option.text.lowercased().pieces(separatedBy: \.isSpace).joined(separator: " ")
      if let first = seen[key] {
        report(option.line, "option repeats the text of the option on line \(first)")
      } else {
        seen[key] = option.line
      }
      if option.explanation.isEmpty {
        report(option.line, "option has no explanation (\(Self.indentHint))")
      }
    }
  }

  // MARK: Helpers

  /// The candidate within a small edit distance of `word`, for "did you mean" hints.
  private func closest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.lowercased())
    let cutoff = min(3, max(1, (typed.count + 2) / 3))
    return candidates.map { ($0, distance(typed, Array($0))) }
      .filter { $0.1 <= cutoff }.min { $0.1 < $1.1 }?.0
  }

  /// Optimal string alignment distance: edits, with a swap of neighbours costing 1.
  private func distance(_ a: [Character], _ b: [Character]) -> Int {
    var rows = [[Int]](repeating: Array(0...b.count), count: a.count + 1)
    for i in 0...a.count { rows[i][0] = i }
    for i in a.indices.map({ $0 + 1 }) {
      for j in b.indices.map({ $0 + 1 }) {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        rows[i][j] = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          rows[i][j] = min(rows[i][j], rows[i - 2][j - 2] + 1)
        }
      }
    }
    return rows[a.count][b.count]
  }
}
