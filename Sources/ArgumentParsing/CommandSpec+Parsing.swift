extension CommandSpec {
  /// Parses command-line arguments, without the program name, against this spec.
  ///
  /// ```swift
  /// let spec = CommandSpec(
  ///   name: "simulate", abstract: "Train a tiny network.",
  ///   options: [.option("seed", short: "s", valueName: "SEED", help: "Random seed.")],
  ///   positionals: [PositionalSpec("recipe", help: "The recipe to train.")]
  /// )
  /// guard case .arguments(let parsed) = try spec.parse(["overfit", "-s", "7"]) else { return }
  /// try parsed.value("seed", as: UInt64.self)  // 7
  /// parsed.positionals                         // ["overfit"]
  /// ```
  ///
  /// The parser accepts:
  /// - `--name value`, `--name=value` and `-n value` for options, and `--name` or `-n` for flags;
  /// - a value that looks like a negative number, such as `-0.5`, after an option, or as a
  ///   positional;
  /// - `-` as an ordinary value, conventionally standard input;
  /// - `--`, after which every argument is positional;
  /// - `-h` and `--help` anywhere before `--`, which yield ``ParseOutcome/helpRequested(_:)``;
  /// - when the spec has subcommands, the first positional as the subcommand name, after which
  ///   the rest is parsed against that subcommand. Options of the parent may come before it.
  ///
  /// Values are kept as text until read through ``ParsedArguments``, which converts them.
  ///
  /// - Throws: ``ArgumentError`` for the first mistake found, unless help was also requested.
  public func parse(_ arguments: [String]) throws(ArgumentError) -> ParseOutcome {
    var parser = CommandLineParser(root: self, arguments: arguments)
    do {
      if try parser.run() {
        return .helpRequested(parser.command)
      }
    } catch {
      let beforeSeparator = arguments.prefix { $0 != "--" }
      if beforeSeparator.contains(where: CommandLineParser.isHelp) {
        return .helpRequested(parser.command)
      }
      throw error
    }
    return .arguments(
      ParsedArguments(
        commands: parser.commands, given: parser.given, positionals: parser.positionals
      )
    )
  }
}

/// Walks the arguments once, left to right, collecting text by declared name.
private struct CommandLineParser {
  private(set) var commands: [CommandSpec]
  private(set) var given: [String: [String]] = [:]
  private(set) var positionals: [String] = []
  private let arguments: [String]
  private var index = 0
  private var isPastSeparator = false

  init(root: CommandSpec, arguments: [String]) {
    self.commands = [root]
    self.arguments = arguments
  }

  /// The innermost command reached so far.
  var command: CommandSpec { commands[commands.count - 1] }

  static func isHelp(_ argument: String) -> Bool {
    argument == "-h" || argument == "--help"
  }

  /// Whether the argument is a `-` followed by a digit, or by `.` and a digit.
  static func isNegativeNumber(_ argument: String) -> Bool {
    let characters = Array(argument.prefix(3))
    guard characters.count >= 2, characters[0] == "-" else { return false }
    if characters[1].isASCII, characters[1].isWholeNumber { return true }
    return characters.count == 3 && characters[1] == "." && characters[2].isASCII
      && characters[2].isWholeNumber
  }

  /// Whether the argument would be read as an option or flag rather than as a value.
  static func looksLikeOption(_ argument: String) -> Bool {
    argument.hasPrefix("-") && argument != "-" && !isNegativeNumber(argument)
  }

  /// Consumes all arguments and returns whether help was requested.
  mutating func run() throws(ArgumentError) -> Bool {
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if isPastSeparator {
        try takePositional(argument)
      } else if argument == "--" {
        isPastSeparator = true
      } else if Self.isHelp(argument) {
        return true
      } else if argument.hasPrefix("--") {
        try takeLong(argument)
      } else if Self.looksLikeOption(argument) {
        try takeShort(argument)
      } else {
        try takePositional(argument)
      }
    }
    try assignPositionals()
    return false
  }

  private mutating func takeLong(_ argument: String) throws(ArgumentError) {
    let body = argument.dropFirst(2)
    let name = String(body.prefix { $0 != "=" })
    let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
    guard let option = command.option(named: name) else {
      if name == "help", let inlineValue {
        throw .unexpectedValue(flag: "--help", value: inlineValue)
      }
      throw .unknownOption("--" + name, suggestion: suggestion(for: name))
    }
    if option.isFlag {
      if let inlineValue {
        throw .unexpectedValue(flag: option.longForm, value: inlineValue)
      }
      try record(option, "")
    } else if let inlineValue {
      try record(option, inlineValue)
    } else {
      try record(option, nextValue(for: option, typed: argument))
    }
  }

  private mutating func takeShort(_ argument: String) throws(ArgumentError) {
    guard argument.count == 2, let letter = argument.last,
      let option = command.option(short: letter)
    else {
      // `-seed` is a common slip for `--seed`, so longer words get a suggestion.
      let word = String(argument.dropFirst())
      throw .unknownOption(argument, suggestion: word.count > 1 ? suggestion(for: word) : nil)
    }
    if option.isFlag {
      try record(option, "")
    } else {
      try record(option, nextValue(for: option, typed: argument))
    }
  }

  private mutating func nextValue(
    for option: OptionSpec, typed: String
  ) throws(ArgumentError) -> String {
    guard index < arguments.count, !Self.looksLikeOption(arguments[index]) else {
      throw .missingValue(option: typed, valueName: option.valueName ?? "")
    }
    index += 1
    return arguments[index - 1]
  }

  private mutating func record(_ option: OptionSpec, _ text: String) throws(ArgumentError) {
    if given[option.name] != nil, !option.isFlag, !option.isRepeatable {
      throw .duplicateOption(option.longForm)
    }
    given[option.name, default: []].append(text)
  }

  private func suggestion(for word: String) -> String? {
    Suggestion.closest(to: word, among: command.options.map(\.name) + ["help"]).map { "--" + $0 }
  }

  private mutating func takePositional(_ argument: String) throws(ArgumentError) {
    guard !command.subcommands.isEmpty else {
      positionals.append(argument)
      return
    }
    guard let subcommand = command.subcommand(named: argument) else {
      let names = command.subcommands.map(\.name)
      throw .unknownSubcommand(argument, suggestion: Suggestion.closest(to: argument, among: names))
    }
    commands.append(subcommand)
  }

  /// Matches the collected positionals to the declared ones, in order.
  private mutating func assignPositionals() throws(ArgumentError) {
    var remaining = positionals[...]
    for positional in command.positionals {
      let taken = positional.isRepeating ? remaining : remaining.prefix(1)
      remaining = remaining.dropFirst(taken.count)
      if taken.isEmpty {
        guard positional.isOptional else { throw .missingPositional(positional.displayName) }
      } else {
        given[positional.name] = Array(taken)
      }
    }
    if let extra = remaining.first {
      throw .unexpectedPositional(extra)
    }
  }
}
