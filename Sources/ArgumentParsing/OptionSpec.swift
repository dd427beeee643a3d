/// One named argument of a command: an option that takes a value, or a flag that does not.
///
/// Build one with ``option(_:short:valueName:help:default:isRepeatable:section:)`` or
/// ``flag(_:short:help:section:)``:
///
/// ```swift
/// let options: [OptionSpec] = [
///   .option("learning-rate", short: "l", valueName: "RATE", help: "Step size.", default: "0.01"),
///   .flag("json", help: "Print JSON instead of a chart.", section: "Output"),
/// ]
/// ```
public struct OptionSpec: Equatable, Sendable {
  /// The long name without its dashes, such as `learning-rate` for `--learning-rate`.
  public let name: String

  /// The single-letter alias, such as `l` for `-l`, if there is one.
  public let shortName: Character?

  /// The placeholder shown for the value in help, such as `RATE`; `nil` for a flag.
  public let valueName: String?

  /// One or more sentences explaining the option, wrapped to the help width.
  public let help: String

  /// The value used when the option is absent, shown in help as `(default: …)`.
  public let defaultValue: String?

  /// Whether the option may be given more than once, each time adding a value.
  ///
  /// Always `false` for a flag, though a flag given twice is not an error.
  public let isRepeatable: Bool

  /// The title of the help section listing the option, or `nil` for the general section.
  public let section: String?

  /// Whether this is a flag, which is either present or absent and takes no value.
  public var isFlag: Bool { valueName == nil }

  /// The long form as the user types it, such as `--learning-rate`.
  public var longForm: String { "--" + name }

  private init(
    name: String, shortName: Character?, valueName: String?, help: String, defaultValue: String?,
    isRepeatable: Bool, section: String?
  ) {
    precondition(
      !name.isEmpty && !name.hasPrefix("-") && !name.contains("=") && !name.contains(" "),
      "option name '\(name)' must be non-empty, without leading dashes, spaces or '='"
    )
    precondition(name != "help", "'--help' is reserved for help")
    if let shortName {
      precondition(shortName.isLetter, "short name '\(shortName)' of --\(name) must be a letter")
      precondition(shortName != "h", "'-h' is reserved for help")
    }
    self.name = name
    self.shortName = shortName
    self.valueName = valueName
    self.help = help
    self.defaultValue = defaultValue
    self.isRepeatable = isRepeatable
    self.section = section
  }

  /// Declares an option that takes a value, as in `--seed 7`, `--seed=7` or `-s 7`.
  ///
  /// ```swift
  /// OptionSpec.option("seed", short: "s", valueName: "SEED", help: "Random seed.", default: "42")
  /// ```
  ///
  /// - Parameters:
  ///   - name: The long name without dashes; `help` is reserved.
  ///   - short: A single-letter alias; `h` is reserved.
  ///   - valueName: The placeholder for the value in help, conventionally in capitals.
  ///   - help: What the option does.
  ///   - defaultValue: The value used when the option is absent, also shown in help.
  ///   - isRepeatable: Whether the option may be given several times to collect several values.
  ///   - section: The help section title, such as `"Training"`; `nil` for the general section.
  public static func option(
    _ name: String, short: Character? = nil, valueName: String, help: String,
    default defaultValue: String? = nil, isRepeatable: Bool = false, section: String? = nil
  ) -> OptionSpec {
    OptionSpec(
      name: name, shortName: short, valueName: valueName, help: help, defaultValue: defaultValue,
      isRepeatable: isRepeatable, section: section
    )
  }

  /// Declares a flag, which is either present or absent, as in `--json` or `-f`.
  ///
  /// ```swift
  /// OptionSpec.flag("no-color", help: "Print without ANSI colours.", section: "Output")
  /// ```
  ///
  /// Giving a flag more than once is allowed and means the same as giving it once.
  ///
  /// - Parameters:
  ///   - name: The long name without dashes; `help` is reserved.
  ///   - short: A single-letter alias; `h` is reserved.
  ///   - help: What the flag does.
  ///   - section: The help section title, such as `"Output"`; `nil` for the general section.
  public static func flag(
    _ name: String, short: Character? = nil, help: String, section: String? = nil
  ) -> OptionSpec {
    OptionSpec(
      name: name, shortName: short, valueName: nil, help: help, defaultValue: nil,
      isRepeatable: false, section: section
    )
  }
}
