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
