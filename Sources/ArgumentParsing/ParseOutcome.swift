/// What the user asked for: to run a command with some arguments, or to see its help.
///
/// ```swift
/// switch try curvelab.parse(["simulate", "--help"]) {
/// case .arguments(let parsed): run(parsed)
/// case .helpRequested(let command): print(command.helpText())  // help for `curvelab simulate`
/// }
/// ```
public enum ParseOutcome: Equatable, Sendable {
  /// The command line parsed cleanly.
  case arguments(ParsedArguments)

  /// `-h` or `--help` appeared before any `--`, so the given command's help should be shown
  /// instead of running anything.
  ///
  /// The command is the subcommand the help flag followed, or the root if it came before any
  /// subcommand name. Help wins over any other mistake on the same command line.
  case helpRequested(CommandSpec)
}
