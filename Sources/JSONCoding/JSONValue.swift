/// A JSON value as a tree: for small documents, for building output, and for tests.
///
/// Integers and floating-point numbers stay apart, as in Python, so that a value read from
/// `"step": 10, "epoch": 1.0` writes back the same way. Objects keep their members in order,
/// duplicates included.
///
/// ```swift
/// let entry: JSONValue = ["epoch": 1.0, "loss": 0.6931, "step": 10]
/// entry["step"]?.integerValue               // 10
/// entry.serialized(.python(indent: 2, sortsKeys: true))
/// ```
public enum JSONValue: Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number written without a fraction or exponent, such as `10` or `-3`.
  case integer(Int64)
  /// A floating-point number, written with a `.` or an exponent, or as `NaN`, `Infinity` or
  /// `-Infinity`.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object's members in order.
  case object([(key: String, value: JSONValue)])
}

extension JSONValue {
  /// Parses a JSON text into a tree.
  ///
  /// ```swift
  /// let value = try JSONValue(parsing: #"{"loss": NaN, "step": 3}"#)
  /// value["loss"]?.doubleValue?.isNaN  // true
  /// ```
  ///
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public init(parsing text: String, options: JSONParsingOptions = .python) throws(JSONError) {
    self = try JSONDocument(parsing: text, options: options).value
  }

  /// Parses JSON text in UTF-8 bytes into a tree.
  ///
  /// - Throws: ``JSONError`` with the line and column of the first problem.
  public init(parsing bytes: some Collection<UInt8>, options: JSONParsingOptions = .python)
    throws(JSONError)
  {
    self = try JSONDocument(parsing: bytes, options: options).value
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { true } else { false }
  }

  /// The value of a ``bool(_:)``, or `nil`.
  public var boolValue: Bool? {
    if case .bool(let value) = self { value } else { nil }
  }

  /// The value of an ``integer(_:)``, or `nil`.
  public var integerValue: Int64? {
    if case .integer(let value) = self { value } else { nil }
  }

  /// The value of a ``double(_:)`` or an ``integer(_:)`` as a `Double`, or `nil`.
  public var doubleValue: Double? {
    switch self {
    case .double(let value): value
    case .integer(let value): Double(value)
    default: nil
    }
  }

  /// The text of a ``string(_:)``, or `nil`.
  public var stringValue: String? {
    if case .string(let value) = self { value } else { nil }
  }

  /// The elements of an ``array(_:)``, or `nil`.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { value } else { nil }
  }

  /// The members of an ``object(_:)``, or `nil`.
  public var objectValue: [(key: String, value: JSONValue)]? {
    if case .object(let value) = self { value } else { nil }
  }

  /// The value of an object's member, or `nil`; with duplicate keys the last one wins, as in
  /// Python.
  ///
  /// - Complexity: O(*m*) in the number of members.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.key == key }?.value
  }

  /// The element of an array at a zero-based position, or `nil` when out of range or not an
  /// array.
  public subscript(position: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(position) else {
      return nil
    }
    return elements[position]
  }
}

extension JSONValue: Equatable {
  /// Whether two values have the same type and contents, members compared in order.
  ///
  /// Unlike `Double`'s `==`, `NaN` equals `NaN` here, so a document that holds `NaN` equals
  /// itself after a round trip. `0.0` and `-0.0` are equal; `1` and `1.0` are not, because one
  /// is an integer and the other a double.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.double(let a), .double(let b)): a == b || (a.isNaN && b.isNaN)
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }
}

extension JSONValue: ExpressibleByNilLiteral {
  /// Creates `null` from `nil`.
  public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
  /// Creates a boolean.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
  /// Creates an integer.
  public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
  /// Creates a double.
  public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
  /// Creates a string.
  public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
  /// Creates an array.
  public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
  /// Creates an object whose members keep the literal's order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(elements.map { (key: $0.0, value: $0.1) })
  }
}
