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
  /// Runs `arguments` (without the program name) with no input to read, and returns the
  /// process exit status.
  public static func run(
    _ arguments: [String], context: CommandContext, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) -> Int32 {
    run(arguments, context: context, input: ScriptedInput([]), output: &output, errors: &errors)
  }

  /// Runs `arguments` (without the program name), reading answers and keys from `input`, and
  /// returns the process exit status.
  public static func run(
    _ arguments: [String], context: CommandContext, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) -> Int32 {
    do {
      switch try rootCommand.parse(Self.openingCourseByDefault(arguments)) {
      case .helpRequested(let command):
        output.write(command.helpText(width: min(context.terminal.width, 100)))
        return ExitStatus.success
      case .arguments(let parsed):
        return try dispatch(parsed, context: context, input: input, output: &output, errors: &errors)
      }
    } catch let error as ArgumentError {
      errors.write("curvelab: \(sanitizedForTerminal("\(error)", keepingLineBreaks: true))\n")
      let topic = helpTopic(for: arguments)
      errors.write("Run 'curvelab\(topic.isEmpty ? "" : " " + topic) --help' for usage.\n")
      return ExitStatus.usage
    } catch let error as CLIError {
      errors.write("curvelab: \(sanitizedForTerminal("\(error)", keepingLineBreaks: true))\n")
      return error.exitStatus
    } catch {
      // Read errors quote names, cells and paths from files: never let their bytes through.
      errors.write("curvelab: \(sanitizedForTerminal("\(error)", keepingLineBreaks: true))\n")
      return ExitStatus.failure
    }
  }

  /// The commands of the course, which all load the course and the learner's progress.
  private static var courseCommands: [any CourseSubcommand.Type] {
    [
      CourseCommand.self, LessonCommand.self, QuizCommand.self, ExerciseCommand.self,
      ProgressCommand.self, ResetCommand.self,
    ]
  }

  /// Every subcommand, for parsing and for the top-level help.
  static let rootCommand = CommandSpec(
    name: "curvelab",
    abstract: "Learn to read machine-learning learning curves, and read your own.",
    discussion: """
      Run 'curvelab' alone to open the course: ten short lessons with live simulated runs, a \
      quiz and exercises graded by the diagnosis engine. 'curvelab simulate' trains a run to \
      watch, 'curvelab diagnose FILE' reads one of yours. Every command takes --help.
      """,
    subcommands: [
      CourseCommand.spec, LessonCommand.spec, QuizCommand.spec, ExerciseCommand.spec,
      ProgressCommand.spec, ResetCommand.spec, SimulateCommand.spec, DiagnoseCommand.spec,
      WatchCommand.spec, GenerateCommand.spec, GradeCommand.spec, ExportCommand.spec,
      CheckCommand.spec,
      BenchCommand.spec,
    ]
  )

  private static func dispatch(
    _ parsed: ParsedArguments, context: CommandContext, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws -> Int32 {
    if let command = courseCommands.first(where: { $0.spec.name == parsed.command.name }) {
      try command.init(parsed: parsed).run(
        context: context, input: input, output: &output, errors: &errors)
      return ExitStatus.success
    }
    switch parsed.command.name {
    case GenerateCommand.spec.name:
      try GenerateCommand(parsed).run(output: &output)
    case GradeCommand.spec.name:
      try GradeCommand(parsed).run(output: &output, errors: &errors)
    case ExportCommand.spec.name:
      try ExportCommand(parsed).run(output: &output)
    case CheckCommand.spec.name:
      if try !CheckCommand(parsed).run(context: context, output: &output, errors: &errors) {
        return ExitStatus.failure
      }
    case SimulateCommand.spec.name:
      try SimulateCommand(parsed).run(context: context, output: &output)
    case DiagnoseCommand.spec.name:
      let matched = try DiagnoseCommand(parsed).run(context: context, output: &output)
      if !matched.isEmpty {
        errors.write(
          "curvelab: --fail-on matched: \(sanitizedForTerminal(matched.joined(separator: "; ")))\n")
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

  /// `curvelab` alone, or with only course options (`curvelab --no-color`), opens the course.
  static func openingCourseByDefault(_ arguments: [String]) -> [String] {
    guard let first = arguments.first else { return [CourseCommand.spec.name] }
    let isOption = first.hasPrefix("-") && first != "--help" && first != "-h"
    return isOption ? [CourseCommand.spec.name] + arguments : arguments
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

  /// Lines on the screen, for paging.
  public var screenHeight: Int

  /// Creates a context.
  public init(terminal: Terminal, environment: [String: String], screenHeight: Int = 24) {
    self.terminal = terminal
    self.environment = environment
    self.screenHeight = screenHeight
  }

  /// The context of the running process.
  public static func current() -> CommandContext {
    let environment = Terminal.processEnvironment
    return CommandContext(
      terminal: .standardOutput(), environment: environment,
      screenHeight: Terminal.height(fileDescriptor: 1, environment: environment))
  }

  /// A fixed context for tests: not a terminal, 80 columns, no colour.
  public static let testing = CommandContext(
    terminal: Terminal(isTTY: false, width: 80, isColorEnabled: false), environment: [:])
}
