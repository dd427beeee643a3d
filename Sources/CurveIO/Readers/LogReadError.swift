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
  /// A TensorBoard record whose checksum does not match its bytes.
  case checksumMismatch(LogLocation, part: String)
  /// A table whose columns include no loss or accuracy that ``MetricNames`` recognises.
  case noRecognisableColumns(file: String, columns: [String])
  /// A ``MetricMapping`` names a column or tag that the file does not have.
  case unknownColumn(String, file: String, columns: [String])
  /// A CurveLab JSON document of a version this build cannot read.
  case unsupportedVersion(Int, file: String, supported: Int)
  /// Several files were given for a format that reads one file at a time.
  case cannotMerge(LogFormat, paths: [String])
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
    case .emptyFile(let path):
      return "\(path): the file is empty"
    case .binaryContent(let path):
      return "\(path): the file holds binary data that is not a training log CurveLab knows "
        + "(TensorBoard event files are named events.out.tfevents.*)"
    case .unknownFormat(let path):
      return "\(path): could not tell which kind of log this is; name it with --format, one of "
        + LogFormat.allCases.map(\.rawValue).joined(separator: ", ")
    case .noLogsInFolder(let path, let entries):
      let shown = entries.prefix(12).joined(separator: ", ")
      let more = entries.count > 12 ? ", ..." : ""
      return "\(path): the folder holds no training log CurveLab can read"
        + (entries.isEmpty ? " (it is empty)" : "; it holds \(shown)\(more)")
    case .malformed(let location, let problem):
      return "\(location): \(problem)"
    case .notANumber(let text, let location):
      return "\(location): '\(text)' is not a number"
    case .checksumMismatch(let location, let part):
      return "\(location): the \(part) checksum does not match; the file is damaged"
    case .noRecognisableColumns(let file, let columns):
      return "\(file): no column looks like a loss or an accuracy; columns found: "
        + (columns.isEmpty ? "none" : columns.joined(separator: ", "))
        + ". Say which is which with --train-loss, --val-loss or --val-accuracy"
    case .unknownColumn(let name, let file, let columns):
      return "\(file): there is no column or tag '\(name)'; found: "
        + (columns.isEmpty ? "none" : columns.joined(separator: ", "))
    case .unsupportedVersion(let version, let file, let supported):
      return "\(file): CurveLab log version \(version) is not supported; this build reads "
        + "version \(supported) (a newer CurveLab wrote it?)"
    case .cannotMerge(let format, let paths):
      return "\(paths.joined(separator: ", ")): \(format.rawValue) logs are read one file at a "
        + "time; pass a single file"
    }
  }
}
