/// A problem with an instructor's request: a spec, a roster, an answers file or an output
/// folder.
public enum ClassroomError: Error, Equatable, Sendable {
  /// The `--mix` text could not be read.
  case invalidMix(String, reason: String)
  /// The `--questions` text could not be read.
  case invalidQuestions(String, reason: String)
  /// No run showing a scenario could be drawn for an exercise.
  case noAgreement(exercise: String, reason: String)
  /// The roster could not be read or has a problem on a line.
  case invalidRoster(path: String, reason: String)
  /// Two roster rows give the same folder once their ids are made safe.
  case rosterClash(first: String, firstLine: Int, second: String, secondLine: Int, folder: String)
  /// A student id gives an empty folder name.
  case unusableStudentID(String, line: Int?)
  /// The output folder exists, holds files, and `--force` was not given.
  case outputNotEmpty(path: String)
  /// The output folder path names a file.
  case outputIsAFile(path: String)
  /// A path would end up outside the output folder.
  case escapesOutput(path: String)
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)
  /// A file could not be read or understood.
  case cannotRead(path: String, reason: String)
  /// The answers file lacks a required column.
  case missingColumn(path: String, column: String, found: [String])
}

extension ClassroomError: CustomStringConvertible {
  public var description: String {
    switch self {
    case .invalidMix(let text, let reason): "--mix '\(text)': \(reason)"
    case .invalidQuestions(let text, let reason): "--questions '\(text)': \(reason)"
    case .noAgreement(let exercise, let reason): "\(exercise): \(reason)"
    case .invalidRoster(let path, let reason): "roster '\(path)': \(reason)"
    case .rosterClash(let first, let firstLine, let second, let secondLine, let folder):
      "roster: '\(first)' (line \(firstLine)) and '\(second)' (line \(secondLine)) both become "
        + "the folder 'students/\(folder)'; make the ids differ in letters or digits"
    case .unusableStudentID(let id, let line):
      "student id '\(id)'\(line.map { " (line \($0))" } ?? "") has no letters or digits to name "
        + "a folder with"
    case .outputNotEmpty(let path):
      "'\(path)' already exists and is not empty; choose another --out, or add --force to "
        + "replace the files a set writes (other files are left alone)"
    case .outputIsAFile(let path): "'\(path)' is a file, not a folder"
    case .escapesOutput(let path): "refusing to write '\(path)': it is outside the output folder"
    case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
    case .cannotRead(let path, let reason): "cannot read '\(path)': \(reason)"
    case .missingColumn(let path, let column, let found):
      "'\(path)' has no '\(column)' column (columns: \(found.joined(separator: ", ")))"
    }
  }
}
