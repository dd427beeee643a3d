import TerminalCanvas

/// A shell command laid out for a terminal of a given width: whole `--flag value` pairs per
/// line, each broken line ending in ` \` so the lines still paste and run as one command.
///
/// ```swift
/// commandLines("curvelab simulate --scenario erratic --seed 60 --eval-steps 10", width: 40)
/// // ["  curvelab simulate --scenario erratic \", "    --seed 60 --eval-steps 10"]
/// ```
public func commandLines(_ command: String, width: Int, indent: String = "  ") -> [String] {
  wrapCode(indent + command, width: width, syntax: .shell, keepingFlagValues: true).lines
}

/// How the course writes the commands it prints for learners: as they run from the project
/// folder with nothing installed, `swift run curvelab ...`.
public enum LearnerCommand {
  /// What starts every printed command.
  public static let program = "swift run curvelab"

  /// `command` (starting with `curvelab`) as a learner types it: `swift run curvelab ...`.
  ///
  /// ```swift
  /// LearnerCommand.line("curvelab simulate --seed 1")  // "swift run curvelab simulate --seed 1"
  /// ```
  public static func line(_ command: String) -> String {
    command.hasPrefix("curvelab") ? "swift run " + command : command
  }
}
