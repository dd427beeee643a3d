/// One argument of a command identified by its place rather than by a name, such as the lesson
/// number in `curvelab lesson 7`.
///
/// ```swift
/// PositionalSpec("lesson", help: "The lesson number.")
/// PositionalSpec("logs", help: "Training logs to compare.", isOptional: true, isRepeating: true)
/// ```
public struct PositionalSpec: Equatable, Sendable {
  /// The name shown in usage and help as `<name>`, also used to look the value up.
  public let name: String

  /// One or more sentences explaining the argument, wrapped to the help width.
  public let help: String

  /// Whether the command runs without this argument.
  public let isOptional: Bool

  /// Whether the argument takes every remaining positional value.
  public let isRepeating: Bool

  /// The name as shown in usage and messages, such as `<lesson>`.
  public var displayName: String { "<\(name)>" }

  /// Declares a positional argument.
  ///
  /// - Parameters:
  ///   - name: The name to show and look the value up by; must differ from the option names.
  ///   - help: What the argument is.
  ///   - isOptional: Whether the argument may be left out.
  ///   - isRepeating: Whether the argument collects all remaining values; only the last
  ///     positional of a command may repeat.
  public init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
    precondition(!name.isEmpty && !name.contains(" "), "positional name '\(name)' is not valid")
    self.name = name
    self.help = help
    self.isOptional = isOptional
    self.isRepeating = isRepeating
  }
}
