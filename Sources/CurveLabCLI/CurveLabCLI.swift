import ArgumentParsing
public import TerminalCanvas

/// The `curvelab` command line: parses arguments, runs one subcommand, returns an exit status.
///
/// Everything the executable does lives here, so tests drive the whole CLI with strings:
///
/// ```swift
/// var output = "", errors = ""
/// let status = CurveLabCLI.run(
///   ["simulate", "--scenario", "overfitting", "--seed", "7", "--format", "csv"],
///   context: .testing, output: &output, errors: &errors)
/// ```
public enum CurveLabCLI {
  /// Runs `arguments` (without the program name) and returns the process exit status.
  public static func run(
    _ arguments: [String], context: CommandContext, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) -> Int32 {
    do {
      switch try rootCommand.parse(arguments) {
      case .helpRequested(let command):
        output.write(command.helpText(width: min(context.terminal.width, 100)))
        return ExitStatus.success
      case .arguments(let parsed):
        return try dispatch(parsed, context: context, output: &output, errors: &errors)
      }
    } catch let error as ArgumentError {
      errors.write("curvelab: \(error)\n")
      let topic = helpTopic(for: arguments)
      errors.write("Run 'curvelab\(topic.isEmpty ? "" : " " + topic) --help' for usage.\n")
      return ExitStatus.usage
    } catch let error as CLIError {
      errors.write("curvelab: \(error)\n")
      return error.exitStatus
    } catch {
      errors.write("curvelab: \(error)\n")
      return ExitStatus.failure
    }
  }

  /// Every subcommand, for parsing and for the top-level help.
  static let rootCommand = CommandSpec(
    name: "curvelab",
    abstract: "Learn to read machine-learning learning curves, and read your own.",
    discussion: """
      Start with 'curvelab simulate' to watch a run, and 'curvelab diagnose FILE' to read one \
      of yours. The terminal course (lessons, quiz, exercises) is being written. Every command \
      takes --help.
      """,
    subcommands: [
      SimulateCommand.spec, DiagnoseCommand.spec, WatchCommand.spec, BenchCommand.spec,
    ]
  )

  private static func dispatch(
    _ parsed: ParsedArguments, context: CommandContext, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws -> Int32 {
    switch parsed.command.name {
    case SimulateCommand.spec.name:
      try SimulateCommand(parsed).run(context: context, output: &output)
    case DiagnoseCommand.spec.name:
      let matched = try DiagnoseCommand(parsed).run(context: context, output: &output)
      if !matched.isEmpty {
        errors.write("curvelab: --fail-on matched: \(matched.joined(separator: "; "))\n")
        return ExitStatus.failure
      }
    case WatchCommand.spec.name:
      try WatchCommand(parsed).run(context: context, output: &output)
    case BenchCommand.spec.name:
      try BenchCommand(parsed).run(context: context, output: &output)
    default:
      output.write(rootCommand.helpText(width: min(context.terminal.width, 100)))
    }
    return ExitStatus.success
  }

  /// The subcommand the user was reaching for, so the hint names the right help page.
  private static func helpTopic(for arguments: [String]) -> String {
    guard let first = arguments.first, rootCommand.subcommand(named: first) != nil else {
      return ""
    }
    return first
  }
}

/// Exit statuses, decided in one place.
public enum ExitStatus {
  /// Everything worked.
  public static let success: Int32 = 0
  /// The command ran but failed: unreadable input, a failed check, a `--fail-on` match.
  public static let failure: Int32 = 1
  /// The command line itself was wrong: unknown flag, bad value.
  public static let usage: Int32 = 2
}

/// What the commands need from the world outside: the terminal and the environment.
public struct CommandContext: Sendable {
  /// Facts about standard output.
  public var terminal: Terminal
  /// Environment variables.
  public var environment: [String: String]

  /// Creates a context.
  public init(terminal: Terminal, environment: [String: String]) {
    self.terminal = terminal
    self.environment = environment
  }

  /// The context of the running process.
  public static func current() -> CommandContext {
    CommandContext(
      terminal: .standardOutput(), environment: Terminal.processEnvironment)
  }

  /// A fixed context for tests: not a terminal, 80 columns, no colour.
  public static let testing = CommandContext(
    terminal: Terminal(isTTY: false, width: 80, isColorEnabled: false), environment: [:])
}
