extension JSONNode {
  /// The value of an object's member, or an error that says where the object is.
  ///
  /// ```swift
  /// let history = try document.root.member("log_history").array()
  /// ```
  ///
  /// - Throws: ``JSONError/missingMember(_:line:column:)`` when the key is absent, or
  ///   ``JSONError/typeMismatch(expected:found:line:column:)`` when this is not an object.
  public func member(_ key: String) throws(JSONError) -> JSONNode {
    guard kind == .object else { throw mismatch(expected: "an object") }
    guard let value = self[key] else {
      let location = location
      throw .missingMember(key, line: location.line, column: location.column)
    }
    return value
  }

  /// The value of `true` or `false`.
  ///
  /// - Throws: ``JSONError/typeMismatch(expected:found:line:column:)`` for other types.
  public func bool() throws(JSONError) -> Bool {
    guard let value = boolValue else { throw mismatch(expected: "true or false") }
    return value
  }

  /// The value of an integer that fits in `Int64`; see ``integerValue``.
  ///
  /// - Throws: ``JSONError/typeMismatch(expected:found:line:column:)`` for other values,
  ///   including numbers with a fraction or exponent.
  public func integer() throws(JSONError) -> Int64 {
    guard let value = integerValue else { throw mismatch(expected: "an integer") }
    return value
  }

  /// The value of any number, integers included.
  ///
  /// - Throws: ``JSONError/typeMismatch(expected:found:line:column:)`` for other types.
  public func double() throws(JSONError) -> Double {
    guard let value = doubleValue else { throw mismatch(expected: "a number") }
    return value
  }

  /// The decoded text of a string.
  ///
  /// - Throws: ``JSONError/typeMismatch(expected:found:line:column:)`` for other types.
  public func string() throws(JSONError) -> String {
    guard let value = stringValue else { throw mismatch(expected: "a string") }
    return value
  }

  /// The elements of an array.
  ///
  /// - Throws: ``JSONError/typeMismatch(expected:found:line:column:)`` for other types.
  public func array() throws(JSONError) -> Elements {
    guard kind == .array else { throw mismatch(expected: "an array") }
    return elements
  }

  /// The members of an object.
  ///
  /// - Throws: ``JSONError/typeMismatch(expected:found:line:column:)`` for other types.
  public func object() throws(JSONError) -> Members {
    guard kind == .object else { throw mismatch(expected: "an object") }
    return members
  }

  private func mismatch(expected: String) -> JSONError {
    let location = location
    let found =
      switch entry.kind {
      case .null: "null"
      case .falseLiteral: "false"
      case .trueLiteral: "true"
      case .integer: "the integer \(Int64(bitPattern: entry.payload))"
      case .double: "the number \(Double(bitPattern: entry.payload))"
      case .string: "a string"
      case .array: "an array"
      case .object: "an object"
      }
    return .typeMismatch(
      expected: expected, found: found, line: location.line, column: location.column)
  }
}
