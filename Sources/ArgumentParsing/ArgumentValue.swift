/// A type that can be read from the text of a command-line argument.
///
/// `Int`, `UInt64`, `Double`, `String` and `Bool` conform already. An enumeration with
/// `String` raw values that is `CaseIterable` conforms with an empty extension, and its
/// ``requirement`` lists the choices:
///
/// ```swift
/// enum Activation: String, CaseIterable { case relu, tanh }
/// extension Activation: ArgumentValue {}
///
/// Activation(argument: "tanh")  // .tanh
/// Activation.requirement        // "one of 'relu', 'tanh'"
/// ```
public protocol ArgumentValue {
  /// Creates a value from the argument text, or returns `nil` if the text is not valid.
  init?(argument: String)

  /// What a valid value looks like, completing the phrase "must be …", such as
  /// `"a whole number"`.
  static var requirement: String { get }
}

extension Int: ArgumentValue {
  /// Reads a decimal integer, such as `-3` or `128`.
  public init?(argument: String) { self.init(argument, radix: 10) }

  /// `"a whole number"`.
  public static var requirement: String { "a whole number" }
}

extension UInt64: ArgumentValue {
  /// Reads a non-negative decimal integer, such as `42`.
  public init?(argument: String) { self.init(argument, radix: 10) }

  /// `"a whole number, 0 or more"`.
  public static var requirement: String { "a whole number, 0 or more" }
}

extension Double: ArgumentValue {
  /// Reads a finite decimal number, such as `0.01`, `-0.5` or `1e-3`; rejects `nan` and `inf`.
  public init?(argument: String) {
    guard let value = Double(argument), value.isFinite else { return nil }
    self = value
  }

  /// `"a number"`.
  public static var requirement: String { "a number" }
}

extension String: ArgumentValue {
  /// Takes the text as it is.
  public init?(argument: String) { self = argument }

  /// `"text"`.
  public static var requirement: String { "text" }
}

extension Bool: ArgumentValue {
  /// Reads `true`, `false`, `yes` or `no`, in any case.
  public init?(argument: String) {
    switch argument.lowercased() {
    case "true", "yes": self = true
    case "false", "no": self = false
    default: return nil
    }
  }

  /// `"true or false"`.
  public static var requirement: String { "true or false" }
}

extension ArgumentValue where Self: CaseIterable & RawRepresentable<String> {
  /// Reads the raw value of one of the cases, matching case exactly.
  public init?(argument: String) { self.init(rawValue: argument) }

  /// Lists the raw values in declaration order, such as `"one of 'relu', 'tanh'"`.
  public static var requirement: String {
    "one of " + allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
  }
}
