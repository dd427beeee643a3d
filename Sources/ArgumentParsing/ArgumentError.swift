/// A mistake in the command line the user typed.
///
/// Options are named as the user would type them (`--seed`, `-s`) and positionals in angle
/// brackets (`<lesson>`), so ``description`` can be shown as it is:
///
/// ```swift
/// print(ArgumentError.missingValue(option: "--seed", valueName: "SEED"))
/// // missing value for '--seed SEED'
/// ```
public enum ArgumentError: Error, Equatable, Sendable {
  /// An option or flag the command does not declare, with the nearest declared long option.
  case unknownOption(String, suggestion: String?)

  /// An option given last, or followed by another option, so it has no value.
  case missingValue(option: String, valueName: String)

  /// A value that does not convert to the expected type or fails a validation.
  ///
  /// `expected` completes the phrase "must be …", for example `"a positive whole number"`.
  case invalidValue(argument: String, value: String, expected: String)

  /// A flag written with a value, as in `--json=yes`.
  case unexpectedValue(flag: String, value: String)

  /// A positional argument beyond those the command declares.
  case unexpectedPositional(String)

  /// A required positional argument that was not given.
  case missingPositional(String)

  /// An option given more than once that is not declared repeatable.
  case duplicateOption(String)

  /// A subcommand name the command does not have, with the nearest subcommand name.
  case unknownSubcommand(String, suggestion: String?)
}

extension ArgumentError: CustomStringConvertible {
  /// The message to show the user.
  public var description: String {
    switch self {
    case .unknownOption(let option, let suggestion):
      "unknown option '\(option)'" + Self.hint(suggestion)
    case .missingValue(let option, let valueName):
      "missing value for '\(option) \(valueName)'"
    case .invalidValue(let argument, let value, let expected):
      "\(argument): '\(value)' is not valid: must be \(expected)"
    case .unexpectedValue(let flag, let value):
      "\(flag) is a flag and takes no value, but was given '\(value)'"
    case .unexpectedPositional(let text):
      "unexpected argument '\(text)'"
    case .missingPositional(let name):
      "missing required argument \(name)"
    case .duplicateOption(let option):
      "\(option) was given more than once"
    case .unknownSubcommand(let name, let suggestion):
      "unknown subcommand '\(name)'" + Self.hint(suggestion)
    }
  }

  private static func hint(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
  }
}
