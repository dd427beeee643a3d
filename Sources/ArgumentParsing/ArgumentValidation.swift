/// A rule a converted argument value must satisfy, with the words that describe it.
///
/// Pass one to ``ParsedArguments/value(_:as:validating:)``. Common rules are static members;
/// write others with ``init(_:isValid:)``:
///
/// ```swift
/// try parsed.value("batch-size", as: Int.self, validating: .positive)
/// try parsed.value("dropout", as: Double.self, validating: .in(0...1))
/// try parsed.value("width", as: Int.self, validating: .init("an even number") { $0 % 2 == 0 })
/// ```
///
/// A value that fails the rule, or does not convert at all, is reported as
/// ``ArgumentError/invalidValue(argument:value:expected:)`` with ``requirement`` as the
/// expectation, such as "--batch-size: '0' is not valid: must be a positive whole number".
public struct ArgumentValidation<Value>: Sendable {
  /// What a valid value looks like, completing the phrase "must be …".
  public let requirement: String

  /// Returns whether a converted value satisfies the rule.
  public let isValid: @Sendable (Value) -> Bool

  /// Creates a rule from its description and a test.
  ///
  /// - Parameters:
  ///   - requirement: Words completing "must be …", such as `"an even number"`.
  ///   - isValid: Returns `true` for acceptable values.
  public init(_ requirement: String, isValid: @escaping @Sendable (Value) -> Bool) {
    self.requirement = requirement
    self.isValid = isValid
  }
}

extension ArgumentValidation where Value: BinaryInteger & Sendable {
  /// Accepts whole numbers greater than zero: "a positive whole number".
  public static var positive: Self { Self("a positive whole number") { $0 > 0 } }

  /// Accepts whole numbers in a closed range, such as "a whole number from 1 to 10".
  public static func `in`(_ range: ClosedRange<Value>) -> Self {
    Self("a whole number from \(range.lowerBound) to \(range.upperBound)") { range.contains($0) }
  }
}

extension ArgumentValidation where Value: BinaryFloatingPoint & Sendable {
  /// Accepts numbers greater than zero: "a number greater than 0".
  public static var positive: Self { Self("a number greater than 0") { $0 > 0 } }

  /// Accepts numbers in a closed range, such as "a number from 0.0 to 1.0".
  public static func `in`(_ range: ClosedRange<Value>) -> Self {
    Self("a number from \(range.lowerBound) to \(range.upperBound)") { range.contains($0) }
  }
}
