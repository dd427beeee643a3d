/// A problem found while reading CSV, with the line where it was found.
///
/// Lines are 1-based physical lines of the file; `\r\n` and Windows Keras' `\r\r\n` each end
/// one line.
///
/// ```swift
/// do {
///   _ = try CSVTable(parsing: "epoch,loss\n0,0.9\n1\n")
/// } catch {
///   print(error)  // line 3: expected 2 fields as in the header, found 1
/// }
/// ```
public enum CSVError: Error, Equatable, Sendable {
  /// A quoted field has no closing quote; `line` is where the field starts and `field` its
  /// 1-based position in the record.
  case unterminatedQuote(line: Int, field: Int)
  /// A record has a different number of fields than the header, and
  /// ``CSVReadingOptions/allowsRaggedRows`` is off.
  case fieldCountMismatch(expected: Int, found: Int, line: Int)
  /// The input has no header line: it is empty or holds only blank lines.
  case missingHeader

  /// The line where the problem was found, if the error has one.
  public var line: Int? {
    switch self {
    case .unterminatedQuote(let line, _), .fieldCountMismatch(_, _, let line): line
    case .missingHeader: nil
    }
  }
}

extension CSVError: CustomStringConvertible {
  /// A message for the learner that starts with the line, such as
  /// `line 57: expected 5 fields as in the header, found 4`.
  public var description: String {
    switch self {
    case .unterminatedQuote(let line, let field):
      "line \(line): quoted field \(field) has no closing quote"
    case .fieldCountMismatch(let expected, let found, let line):
      "line \(line): expected \(expected) field\(expected == 1 ? "" : "s") as in the header, "
        + "found \(found)"
    case .missingHeader:
      "the CSV input is empty; expected a header line"
    }
  }
}
