/// Whether output may be coloured: decided from the terminal, or forced by the caller.
///
/// A command-line flag such as `--no-color` maps to ``never``; `--color=always` maps to
/// ``always``. An explicit choice wins over the `NO_COLOR` convention, as <https://no-color.org>
/// asks of command-line arguments.
///
/// ```swift
/// ColorChoice(argument: "never")  // .never
/// ```
public enum ColorChoice: String, Sendable, Equatable, CaseIterable {
  /// Colour when writing to a terminal that allows it (see ``Terminal/allowsColor(isTTY:environment:choice:)``).
  case automatic = "auto"
  /// Colour always, even into a pipe or a file.
  case always
  /// Never colour.
  case never

  /// Reads a choice from an option value: `auto`, `always` or `never`.
  ///
  /// Returns `nil` for any other text.
  public init?(argument: String) {
    self.init(rawValue: argument.lowercased())
  }
}
