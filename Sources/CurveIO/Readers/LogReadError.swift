/// Why a log could not be read, with the file and, where the format has one, the place.
///
/// Every message names the file first, then the place, then the problem, so a learner can
/// open the file at the right line:
///
/// ```swift
/// do {
///   _ = try LogLoader().load(path: "runs/metrics.csv")
/// } catch {
///   print(error)  // runs/metrics.csv, line 57, column 'val_loss': 'abc' is not a number
/// }
/// ```
///
/// A finding about the run (a loss that became `nan`, an evaluation logged twice) is never an
/// error: the loader keeps the value or returns a warning in ``LoadedLog/warnings``.
public enum LogReadError: Error, Equatable, Sendable {
  /// Nothing exists at the path.
  case fileNotFound(path: String)
  /// The file exists but could not be read (permissions, a device error).
  case unreadableFile(path: String, reason: String)
  /// The path names a named pipe, a device or a socket, which might never end or never
  /// answer; `kind` says which, in words.
  case notARegularFile(path: String, kind: String)
  /// The file is larger than ``LogLimits/maximumFileSize``.
  case fileTooLarge(path: String, size: Int, limit: Int)
  /// The file has no bytes, or only blank lines.
  case emptyFile(path: String)
  /// The file holds binary data that is not a log format CurveLab knows.
  case binaryContent(path: String)
  /// Neither the file's name nor its first bytes say which format it is.
  case unknownFormat(path: String)
  /// A folder that holds no file CurveLab can read; `entries` lists what it does hold.
  case noLogsInFolder(path: String, entries: [String])
  /// The file breaks its format's rules at a place: a JSON syntax error, a CSV quote left
  /// open, a record without a step.
  case malformed(LogLocation, problem: String)
  /// A cell or value that should be a number is not; the text is the first associated value.
  case notANumber(String, at: LogLocation)
  /// A step, epoch or iteration outside `0...LogLimits.largestStep`, or not a whole number
  /// where one is needed; the text is the value as the file wrote it, `field` its name.
  case stepOutOfRange(String, field: String, at: LogLocation)
  /// A TensorBoard record whose checksum does not match its bytes.
  case checksumMismatch(LogLocation, part: String)
  /// A column, key or tag name longer than ``LogLimits/maximumNameLength``; `length` is its
  /// length in bytes and `name` its first 40 characters.
  case nameTooLong(String, length: Int, at: LogLocation)
  /// A table whose columns include no loss or accuracy that ``MetricNames`` recognises.
  case noRecognisableColumns(file: String, columns: [String])
  /// A ``MetricMapping`` names a column or tag that the file does not have.
  case unknownColumn(String, file: String, columns: [String])
  /// A CurveLab JSON document of a version this build cannot read.
  case unsupportedVersion(Int, file: String, supported: Int)
  /// Several files were given for a format that reads one file at a time.
  case cannotMerge(LogFormat, paths: [String])
}

extension LogReadError {
  /// Throws ``nameTooLong(_:length:at:)`` when `name` is longer than a log's names are.
  static func check(name: String, at location: @autoclosure () -> LogLocation)
    throws(LogReadError)
  {
    let length = name.utf8.count
    if length > LogLimits.maximumNameLength {
      throw .nameTooLong(String(name.prefix(40)), length: length, at: location())
    }
  }
}

extension LogReadError: CustomStringConvertible {
  /// The message for the learner: file, place, problem, and what to do when there is
  /// something to do.
  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "\(path): no such file or folder"
    case .unreadableFile(let path, let reason):
      return "\(path): could not be read (\(reason))"
    case .notARegularFile(let path, let kind):
      return "\(path): this is \(kind), not a file; CurveLab reads log files (save what it "
        + "gives to a file and diagnose that)"
    case .fileTooLarge(let path, let size, let limit):
      return "\(path): the file holds \(Self.bytes(size)); CurveLab reads logs of up to "
        + "\(Self.bytes(limit))"
    case .emptyFile(let path):
      return "\(path): the file is empty"
    case .binaryContent(let path):
      return "\(path): the file holds binary data that is not a training log CurveLab knows "
        + "(TensorBoard event files are named events.out.tfevents.*)"
    case .unknownFormat(let path):
      return "\(path): could not tell which kind of log this is; name it with --format, one of "
        + LogFormat.allCases.map(\.rawValue).joined(separator: ", ")
    case .noLogsInFolder(let path, let entries):
      return "\(path): the folder holds no training log CurveLab can read"
        + (entries.isEmpty ? " (it is empty)" : "; it holds \(LogText.list(entries, limit: 12))")
    case .malformed(let location, let problem):
      return "\(location): \(problem)"
    case .notANumber(let text, let location):
      return "\(location): '\(LogText.excerpt(text))' is not a number"
    case .stepOutOfRange(let text, let field, let location):
      let value =
        (location.columnName == field ? "" : "'\(LogText.excerpt(field))' ") + LogText.excerpt(text)
      if let number = Double(text), number >= 0, number <= Double(LogLimits.largestStep) {
        return "\(location): \(value) is not a whole number of steps"
      }
      return "\(location): \(value) is out of range; steps and epochs run from 0 to 2^53 "
        + "(\(LogLimits.largestStep))"
    case .nameTooLong(let name, let length, let location):
      return "\(location): a name \(length) bytes long ('\(name)…'); a log's "
        + "column, key and tag names are at most \(LogLimits.maximumNameLength) bytes, so this "
        + "does not look like a log"
    case .checksumMismatch(let location, let part):
      return "\(location): the \(part) checksum does not match; the file is damaged"
    case .noRecognisableColumns(let file, let columns):
      return "\(file): no column looks like a loss or an accuracy; columns found: "
        + (columns.isEmpty ? "none" : LogText.list(columns))
        + ". Say which is which with --train-loss, --val-loss or --val-accuracy"
    case .unknownColumn(let name, let file, let columns):
      return "\(file): there is no column or tag '\(LogText.excerpt(name))'; found: "
        + (columns.isEmpty ? "none" : LogText.list(columns))
    case .unsupportedVersion(let version, let file, let supported):
      return "\(file): CurveLab log version \(version) is not supported; this build reads "
        + "version \(supported) (a newer CurveLab wrote it?)"
    case .cannotMerge(let format, let paths):
      return "\(LogText.list(paths, limit: 4)): \(format.rawValue) logs are read one file at a "
        + "time; pass a single file"
    }
  }

  /// A size in bytes for a message: `5.2 GB`, `4 GiB` for the limit's round numbers.
  private static func bytes(_ count: Int) -> String {
    if count >= 1 << 30 && count % (1 << 30) == 0 { return "\(count >> 30) GiB" }
    if count >= 1_000_000_000 { return "\((Double(count) / 1e8).rounded() / 10) GB" }
    if count >= 1_000_000 { return "\((Double(count) / 1e5).rounded() / 10) MB" }
    return "\(count) bytes"
  }
}
