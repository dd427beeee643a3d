import JSONCoding

/// Reads the files of one format into a log; each format has one conformer.
protocol LogReader: Sendable {
  /// The format the reader reads.
  var format: LogFormat { get }

  /// Reads one file, or for formats that merge files (``LogFormat/mergesFiles``) several.
  ///
  /// - Parameters:
  ///   - sources: The files, each with the path the caller gave.
  ///   - mapping: Explicit names for the main curves.
  /// - Throws: ``LogReadError`` naming the file and the place.
  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog
}

extension LogReader {
  /// The only source, or an error when a single-file format was given several.
  func single(_ sources: [LogSource]) throws(LogReadError) -> LogSource {
    guard sources.count == 1, let source = sources.first else {
      throw .cannotMerge(format, paths: sources.map(\.path))
    }
    return source
  }
}

extension JSONDocument {
  /// Parses a JSON log file under the readers' limits (``JSONParsingOptions/logs``), its
  /// errors placed in the file.
  static func log(_ source: LogSource) throws(LogReadError) -> JSONDocument {
    do {
      return try JSONDocument(parsing: source.bytes, options: .logs)
    } catch {
      throw LogReadError(error, file: source.path)
    }
  }
}

extension LogReadError {
  /// A JSON parse or read error, placed in `file`.
  init(_ error: JSONError, file: String) {
    switch error {
    case .unterminated(let construct, let line, let column):
      self = .malformed(
        LogLocation(file: file, line: line, column: column),
        problem: "the file ends before this \(construct.rawValue) is closed (cut short while "
          + "being written?)")
    case .documentTooLarge:
      self = .malformed(LogLocation(file: file), problem: error.description)
    default:
      let text = error.description
      // JSONError's messages start with "line L, column C: "; keep only the problem.
      let problem = text.firstRange(of: ": ").map { String(text[$0.upperBound...]) } ?? text
      self = .malformed(
        LogLocation(file: file, line: error.line, column: Self.column(of: error)), problem: problem)
    }
  }

  private static func column(of error: JSONError) -> Int? {
    switch error {
    case .unterminated(_, _, let column), .unexpectedEndOfInput(_, _, let column),
      .unexpectedCharacter(_, _, _, let column), .invalidNumber(_, _, let column),
      .invalidEscape(_, _, let column), .controlCharacterInString(_, _, let column),
      .invalidUTF8(_, let column), .nonFiniteNumber(_, _, let column),
      .nestingTooDeep(_, _, let column), .missingMember(_, _, let column),
      .typeMismatch(_, _, _, let column):
      column
    case .documentTooLarge:
      nil
    }
  }
}
