/// The arguments of a successful parse, read back by name and converted to the types the command
/// needs.
///
/// Look options and positionals up by the names their specs declare. An option that was not
/// given falls back to its declared default:
///
/// ```swift
/// let seed = try parsed.value("seed", as: UInt64.self) ?? 42
/// let rate = try parsed.value("learning-rate", as: Double.self, validating: .positive)
/// let metrics = try parsed.values("metric", as: String.self)
/// let asJSON = parsed.isSet("json")
/// ```
///
/// Asking for a name the command does not declare is a programming error and stops the program.
public struct ParsedArguments: Equatable, Sendable {
  /// The commands from the root down to the one that was run.
  let commands: [CommandSpec]

  /// The text given for each option, flag and positional, by declared name. A flag's entry
  /// holds one empty string per occurrence.
  let given: [String: [String]]

  /// The positional arguments of ``command``, in order, including any given after `--`.
  public let positionals: [String]

  init(commands: [CommandSpec], given: [String: [String]], positionals: [String]) {
    self.commands = commands
    self.given = given
    self.positionals = positionals
  }

  /// The command that was run: the root, or the subcommand named on the command line.
  public var command: CommandSpec { commands[commands.count - 1] }

  /// Returns whether the flag, option or positional was given on the command line.
  ///
  /// Defaults do not count: an absent option with a default is not set.
  public func isSet(_ name: String) -> Bool {
    _ = declaration(of: name)
    return given[name] != nil
  }

  /// Returns the value of an option or positional converted to `type`, or `nil` if it was
  /// neither given nor has a default.
  ///
  /// For a repeatable option this is the last value given.
  ///
  /// ```swift
  /// let epochs = try parsed.value("epochs", as: Int.self, validating: .positive) ?? 100
  /// ```
  ///
  /// - Parameters:
  ///   - name: The declared name, without dashes or angle brackets.
  ///   - type: The type to convert to.
  ///   - validation: A rule the converted value must satisfy.
  /// - Throws: ``ArgumentError/invalidValue(argument:value:expected:)`` if the text does not
  ///   convert or fails `validation`.
  public func value<Value: ArgumentValue>(
    _ name: String, as type: Value.Type = Value.self,
    validating validation: ArgumentValidation<Value>? = nil
  ) throws(ArgumentError) -> Value? {
    try values(name, as: type, validating: validation).last
  }

  /// Returns the value of an option the command cannot run without, converted to `type`.
  ///
  /// ```swift
  /// let key = try parsed.required("key", as: String.self)  // "--key DIR is required" if missing
  /// ```
  ///
  /// - Throws: ``ArgumentError/missingValue(option:valueName:)`` when it was neither given nor
  ///   has a default, and what ``value(_:as:validating:)`` throws otherwise.
  public func required<Value: ArgumentValue>(
    _ name: String, as type: Value.Type = Value.self,
    validating validation: ArgumentValidation<Value>? = nil
  ) throws(ArgumentError) -> Value {
    guard let value = try value(name, as: type, validating: validation) else {
      let declaration = declaration(of: name)
      throw .missingValue(option: declaration.displayName, valueName: declaration.valueName ?? "VALUE")
    }
    return value
  }

  /// Returns every value given for a repeatable option or repeating positional, converted to
  /// `type`, in command-line order.
  ///
  /// An option that was not given yields its default, if it has one, or else no values.
  ///
  /// ```swift
  /// let metrics = try parsed.values("metric", as: String.self)  // ["loss", "accuracy"]
  /// ```
  ///
  /// - Parameters:
  ///   - name: The declared name, without dashes or angle brackets.
  ///   - type: The type to convert to.
  ///   - validation: A rule every converted value must satisfy.
  /// - Throws: ``ArgumentError/invalidValue(argument:value:expected:)`` for the first value
  ///   that does not convert or fails `validation`.
  public func values<Value: ArgumentValue>(
    _ name: String, as type: Value.Type = Value.self,
    validating validation: ArgumentValidation<Value>? = nil
  ) throws(ArgumentError) -> [Value] {
    let declaration = declaration(of: name)
    precondition(!declaration.isFlag, "--\(name) is a flag; read it with isSet(_:)")
    let texts = given[name] ?? declaration.defaultValue.map { [$0] } ?? []
    var converted: [Value] = []
    for text in texts {
      guard let value = Value(argument: text), validation?.isValid(value) ?? true else {
        throw .invalidValue(
          argument: declaration.displayName, value: text,
          expected: validation?.requirement ?? Value.requirement
        )
      }
      converted.append(value)
    }
    return converted
  }

  private func declaration(of name: String) -> Declaration {
    for command in commands {
      if let option = command.option(named: name) {
        return Declaration(
          displayName: option.longForm, valueName: option.valueName,
          defaultValue: option.defaultValue, isFlag: option.isFlag
        )
      }
    }
    if let positional = command.positionals.first(where: { $0.name == name }) {
      return Declaration(
        displayName: positional.displayName, valueName: nil, defaultValue: nil, isFlag: false)
    }
    preconditionFailure("'\(name)' is not declared by '\(command.fullName)'")
  }
}

/// What lookups need to know about a declared option, flag or positional.
private struct Declaration {
  var displayName: String
  var valueName: String?
  var defaultValue: String?
  var isFlag: Bool
}
