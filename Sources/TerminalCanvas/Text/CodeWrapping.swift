/// What wrapping needs to know about a language: how a comment starts, and whether a long line
/// may be continued on the next one.
///
/// ```swift
/// CodeSyntax(info: "python").lineComment  // "#"
/// CodeSyntax(info: "sh").continuation     // " \\"
/// ```
public struct CodeSyntax: Sendable, Equatable {
  /// What starts a comment that runs to the end of the line, if the language has one.
  public var lineComment: String?
  /// What ends a line that continues on the next (a shell's ` \`); `nil` when a line of code
  /// cannot be broken without changing its meaning.
  public var continuation: String?
  /// Whether this is prose rather than code: it may break at any space.
  public var isText: Bool

  /// Creates a syntax.
  public init(lineComment: String?, continuation: String?, isText: Bool = false) {
    self.lineComment = lineComment
    self.continuation = continuation
    self.isText = isText
  }

  /// Shells: `#` comments, long commands continued with ` \`.
  public static let shell = CodeSyntax(lineComment: "#", continuation: " \\")
  /// Python, Ruby, YAML and the like: `#` comments, no safe place to break code.
  public static let hashComments = CodeSyntax(lineComment: "#", continuation: nil)
  /// Swift, C, JavaScript and the like: `//` comments, no safe place to break code.
  public static let slashComments = CodeSyntax(lineComment: "//", continuation: nil)
  /// JSON: no comments, and a line breaks safely at any space outside a string.
  public static let json = CodeSyntax(lineComment: nil, continuation: "")
  /// Code with no line comments and no safe place to break (SQL, XML).
  public static let unbreakable = CodeSyntax(lineComment: nil, continuation: nil)
  /// Plain text, terminal output: breaks at spaces.
  public static let text = CodeSyntax(lineComment: nil, continuation: nil, isText: true)

  /// The syntax of a fenced block from its info string (`python`, `sh`, `text`, ...); an
  /// unknown or empty one counts as text.
  public init(info: String) {
    let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
    switch language {
    case "sh", "bash", "shell", "console", "zsh": self = .shell
    case "python", "py", "python3", "ruby", "rb", "r", "toml", "yaml", "yml", "perl", "make",
      "makefile", "dockerfile", "ini":
      self = .hashComments
    case "swift", "c", "cpp", "c++", "h", "js", "javascript", "ts", "typescript", "java", "kotlin",
      "go", "rust", "rs", "scala", "cs", "csharp", "dart":
      self = .slashComments
    case "json": self = .json
    case "jsonl", "xml", "html", "sql", "csv":
      self = .unbreakable
    default: self = .text
    }
  }
}

/// A line of code laid out for a width, and whether some of it had to run past the width.
public struct WrappedCode: Sendable, Equatable {
  /// The lines, each to be shown on its own.
  public var lines: [String]
  /// Whether a line is wider than asked because breaking it would change the code.
  public var runsPastWidth: Bool

  /// Creates a layout.
  public init(lines: [String], runsPastWidth: Bool) {
    self.lines = lines
    self.runsPastWidth = runsPastWidth
  }
}

/// Lays out one line of code in `width` columns without changing what it means.
///
/// - A comment that does not fit continues on the next lines as more comment, at the column
///   where it started (or at the line's indentation when that is too far right).
/// - A trailing comment on a line whose code does not fit moves above the code.
/// - Shell code breaks at spaces outside quotes, each broken line ending in ` \`, so it still
///   runs when pasted; `--flag value` pairs stay together when `keepingFlagValues` is set.
/// - Other code is never broken: it is left whole and ``WrappedCode/runsPastWidth`` says so.
/// - Text breaks at spaces. A word is never cut.
///
/// ```swift
/// wrapCode("    epochs=50,    # a ceiling; the callback decides", width: 40, syntax: .hashComments)
/// // ["    epochs=50,    # a ceiling; the", "                  # callback decides"]
/// ```
public func wrapCode(
  _ line: String, width: Int, syntax: CodeSyntax, keepingFlagValues: Bool = false
) -> WrappedCode {
  let width = max(1, width)
  guard displayWidth(of: line) > width else { return WrappedCode(lines: [line], runsPastWidth: false) }
  let leading = String(line.prefix { $0 == " " })
  if let marker = syntax.lineComment,
    let start = commentStart(in: line, marker: marker, atWordStart: syntax.continuation != nil)
  {
    let code = String(line[..<start]).trimmingTrailingSpaces
    let comment = String(line[line.index(start, offsetBy: marker.count)...])
      .trimmingCharacters(in: " ")
    let words = comment.split(separator: " ").map(String.init)
    if code.trimmingCharacters(in: " ").isEmpty {
      return commentLines(words, marker: marker, column: leading, width: width)
    }
    if displayWidth(of: code) <= width {
      // Keep the comment's column for its continuation when there is room for some words.
      let column = String(repeating: " ", count: displayWidth(of: String(line[..<start])))
      let continuationColumn = displayWidth(of: column) + marker.count + 12 <= width ? column : leading
      let firstPrefix = String(line[..<start]) + marker + " "
      var first = firstPrefix
      var rest = words[...]
      while let word = rest.first {
        let candidate = first == firstPrefix ? first + word : first + " " + word
        guard displayWidth(of: candidate) <= width else { break }
        first = candidate
        rest = rest.dropFirst()
      }
      let head = first == firstPrefix ? code : first
      let tail = commentLines(
        Array(first == firstPrefix ? words[...] : rest), marker: marker, column: continuationColumn,
        width: width)
      return WrappedCode(
        lines: [head] + (rest.isEmpty && first != firstPrefix ? [] : tail.lines),
        runsPastWidth: tail.runsPastWidth)
    }
    let above = commentLines(words, marker: marker, column: leading, width: width)
    let below = wrapCode(code, width: width, syntax: syntax, keepingFlagValues: keepingFlagValues)
    return WrappedCode(
      lines: above.lines + below.lines, runsPastWidth: above.runsPastWidth || below.runsPastWidth)
  }
  guard syntax.continuation != nil || syntax.isText else {
    return WrappedCode(lines: [line], runsPastWidth: true)
  }
  return breakAtSpaces(
    line, width: width, marker: syntax.continuation ?? "", respectingQuotes: !syntax.isText,
    keepingFlagValues: keepingFlagValues)
}

/// Comment words laid out as comment lines starting at `column`.
private func commentLines(
  _ words: [String], marker: String, column: String, width: Int
) -> WrappedCode {
  let prefix = column + marker + (words.isEmpty ? "" : " ")
  var lines: [String] = []
  var current = prefix
  var runsPast = false
  for word in words {
    if current == prefix {
      current += word
    } else if displayWidth(of: current + " " + word) <= width {
      current += " " + word
    } else {
      lines.append(current)
      current = prefix + word
    }
    if displayWidth(of: current) > width { runsPast = true }
  }
  lines.append(current)
  return WrappedCode(lines: lines, runsPastWidth: runsPast)
}

/// Where a line comment starts: the first `marker` outside single- and double-quoted strings;
/// with `atWordStart` (shells), only one that starts a word.
func commentStart(in line: String, marker: String, atWordStart: Bool) -> String.Index? {
  var quote: Character?
  var escaped = false
  var index = line.startIndex
  while index < line.endIndex {
    let character = line[index]
    if let open = quote {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == open {
        quote = nil
      }
    } else if character == "\"" || character == "'" {
      quote = character
    } else if line[index...].hasPrefix(marker) {
      if atWordStart, index > line.startIndex, line[line.index(before: index)] != " " {
        index = line.index(after: index)
        continue
      }
      return index
    }
    index = line.index(after: index)
  }
  return nil
}

/// Breaks `line` at spaces (outside quotes when asked), ending every line but the last with
/// `marker`; continuation lines are indented two columns more. A piece that still does not fit
/// is left whole.
private func breakAtSpaces(
  _ line: String, width: Int, marker: String, respectingQuotes: Bool, keepingFlagValues: Bool
) -> WrappedCode {
  let leading = String(line.prefix { $0 == " " })
  let continuation = leading + "  "
  var units: [String] = []
  for word in words(of: line, respectingQuotes: respectingQuotes) {
    if keepingFlagValues, let last = units.last, last.hasPrefix("--"), !last.contains(" "),
      !word.hasPrefix("--")
    {
      units[units.count - 1] = last + " " + word
    } else {
      units.append(word)
    }
  }
  var pieces: [String] = []
  var current = ""
  for unit in units {
    let prefix = current.isEmpty ? (pieces.isEmpty ? leading : continuation) : current + " "
    if !current.isEmpty, displayWidth(of: prefix + unit) + displayWidth(of: marker) > width {
      pieces.append(current + marker)
      current = continuation + unit
    } else {
      current = prefix + unit
    }
  }
  if !current.isEmpty { pieces.append(current) }
  guard !respectingQuotes else {
    return WrappedCode(lines: pieces, runsPastWidth: pieces.contains { displayWidth(of: $0) > width })
  }
  // Text: a word too wide for the line is cut, the rest continuing at the indent.
  var lines: [String] = []
  for piece in pieces {
    var rest = Substring(piece)
    var prefix = ""
    while true {
      var taken = prefix
      while let next = rest.first,
        taken.count == prefix.count || displayWidth(of: taken + String(next)) <= width
      {
        taken.append(next)
        rest = rest.dropFirst()
      }
      lines.append(taken)
      if rest.isEmpty { break }
      prefix = displayWidth(of: continuation) < width - 1 ? continuation : ""
    }
  }
  return WrappedCode(lines: lines, runsPastWidth: false)
}

/// The words of a line split at runs of spaces, a quoted string (with its spaces) counting as
/// part of its word when `respectingQuotes`.
private func words(of line: String, respectingQuotes: Bool) -> [String] {
  var words: [String] = []
  var current = ""
  var quote: Character?
  var escaped = false
  for character in line {
    if let open = quote {
      current.append(character)
      if escaped {
        escaped = false
      } else if character == "\\", open == "\"" {
        escaped = true
      } else if character == open {
        quote = nil
      }
    } else if character == " " {
      if !current.isEmpty { words.append(current) }
      current = ""
    } else {
      if respectingQuotes, character == "\"" || character == "'" { quote = character }
      current.append(character)
    }
  }
  if !current.isEmpty { words.append(current) }
  return words
}

extension String {
  fileprivate var trimmingTrailingSpaces: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }

  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
