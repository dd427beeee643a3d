/// A failure of a command that is not a mistake on the command line.
public enum CLIError: Error, Equatable, Sendable {
  /// A flag's value is well-formed but not usable, e.g. a configuration the simulator rejects.
  case invalidConfiguration([String])
  /// A file could not be written.
  case cannotWrite(path: String, reason: String)
  /// A file could not be read or understood.
  case cannotRead(path: String, reason: String)
  /// The command line is well-formed but asks for something that needs more: the sentence says
  /// what to add.
  case incomplete(String)
  /// The command was understood but cannot be done now, for the reason given.
  case refused(String)

  /// The process exit status for this error.
  public var exitStatus: Int32 {
    switch self {
    case .invalidConfiguration, .incomplete: ExitStatus.usage
    case .cannotWrite, .cannotRead, .refused: ExitStatus.failure
    }
  }
}

extension CLIError: CustomStringConvertible {
  /// The message shown after `curvelab: `.
  public var description: String {
    switch self {
    case .invalidConfiguration(let problems):
      problems.count == 1
        ? problems[0] : "the configuration has problems:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason)"
    case .cannotRead(let path, let reason): "cannot read '\(path)': \(reason)"
    case .incomplete(let message), .refused(let message): message
    }
  }
}
