/// A declarative description of one command: its name, help text and the arguments it accepts.
///
/// A spec drives both parsing, through ``parse(_:)``, and help, through ``helpText(width:)``.
/// A top-level command lists its subcommands instead of positionals:
///
/// ```swift
/// let simulate = CommandSpec(
///   name: "simulate",
///   abstract: "Train a tiny network and print its learning curves.",
///   options: [
///     .option("epochs", valueName: "N", help: "Passes over the data.", default: "100"),
///     .flag("json", help: "Print JSON instead of a chart."),
///   ]
/// )
/// let curvelab = CommandSpec(
///   name: "curvelab", abstract: "Learn to read learning curves.", subcommands: [simulate]
/// )
/// ```
public struct CommandSpec: Equatable, Sendable {
  /// The name the user types, such as `simulate`.
  public let name: String

  /// A one-line summary, shown at the top of help and in the parent's subcommand list.
  public let abstract: String

  /// Longer text shown after the usage line; each line is wrapped to the help width and blank
  /// lines separate paragraphs.
  public let discussion: String?

  /// Example invocations, each shown verbatim on its own line under `EXAMPLES:`.
  public let examples: [String]

  /// The options and flags, in the order help lists them.
  public let options: [OptionSpec]

  /// The positional arguments, in the order they are given.
  public let positionals: [PositionalSpec]

  /// The subcommands, in the order help lists them.
  ///
  /// Each is stored with ``parentNames`` set, so its help shows the full command path.
  public private(set) var subcommands: [CommandSpec]

  /// The names of the commands this one is nested in, outermost first; empty for a root.
  public private(set) var parentNames: [String] = []

  /// The command as the user types it, such as `curvelab simulate`.
  public var fullName: String { (parentNames + [name]).joined(separator: " ") }

  /// Creates a command spec.
  ///
  /// - Parameters:
  ///   - name: The name the user types.
  ///   - abstract: A one-line summary.
  ///   - discussion: Longer text for help, if any.
  ///   - examples: Example invocations for help.
  ///   - options: The options and flags; long and short names must be unique.
  ///   - positionals: The positional arguments. Required ones come first and only the last may
  ///     repeat.
  ///   - subcommands: The subcommands; a command cannot have both subcommands and positionals,
  ///     and a subcommand cannot reuse an option name of its parent.
  public init(
    name: String, abstract: String, discussion: String? = nil, examples: [String] = [],
    options: [OptionSpec] = [], positionals: [PositionalSpec] = [],
    subcommands: [CommandSpec] = []
  ) {
    Self.checkNames(options: options, positionals: positionals)
    Self.checkOrder(of: positionals)
    precondition(
      positionals.isEmpty || subcommands.isEmpty,
      "command '\(name)' cannot have both positionals and subcommands"
    )
    let subcommandNames = subcommands.map(\.name)
    precondition(
      Set(subcommandNames).count == subcommandNames.count,
      "command '\(name)' has two subcommands with the same name"
    )
    for subcommand in subcommands {
      for option in subcommand.options {
        precondition(
          !options.contains {
            $0.name == option.name || (option.shortName != nil && $0.shortName == option.shortName)
          },
          "subcommand '\(subcommand.name)' reuses an option name of '\(name)'"
        )
      }
    }
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.examples = examples
    self.options = options
    self.positionals = positionals
    self.subcommands = subcommands.map { $0.nested(under: [name]) }
  }

  /// Returns the subcommand with the given name, if there is one.
  public func subcommand(named name: String) -> CommandSpec? {
    subcommands.first { $0.name == name }
  }

  /// The option or flag with the given long name, without dashes.
  func option(named name: String) -> OptionSpec? {
    options.first { $0.name == name }
  }

  /// The option or flag with the given single-letter alias.
  func option(short: Character) -> OptionSpec? {
    options.first { $0.shortName == short }
  }

  private func nested(under path: [String]) -> CommandSpec {
    var copy = self
    copy.parentNames = path + parentNames
    copy.subcommands = subcommands.map { $0.nested(under: path) }
    return copy
  }

  private static func checkNames(options: [OptionSpec], positionals: [PositionalSpec]) {
    let names = options.map(\.name) + positionals.map(\.name)
    precondition(Set(names).count == names.count, "option and positional names must be unique")
    let shortNames = options.compactMap(\.shortName)
    precondition(Set(shortNames).count == shortNames.count, "short names must be unique")
  }

  private static func checkOrder(of positionals: [PositionalSpec]) {
    for (index, positional) in positionals.enumerated() {
      precondition(
        !positional.isRepeating || index == positionals.count - 1,
        "only the last positional may repeat, not <\(positional.name)>"
      )
      precondition(
        positional.isOptional || positionals[..<index].allSatisfy { !$0.isOptional },
        "required positional <\(positional.name)> cannot follow an optional one"
      )
    }
  }
}
