/// Choices that change what the JSON parser accepts.
///
/// The defaults read what Python's `json` module writes, including the bare `NaN`, `Infinity`
/// and `-Infinity` that `json.dumps` emits for non-finite floats.
///
/// ```swift
/// let strict = JSONParsingOptions(allowsNonFiniteNumbers: false)
/// _ = try JSONDocument(parsing: "[NaN]", options: strict)  // throws JSONError.nonFiniteNumber
/// ```
public struct JSONParsingOptions: Sendable, Equatable {
  /// Whether the literals `NaN`, `Infinity`, and `-Infinity` are read as numbers, as Python's
  /// `json.loads` does. When `false` they are errors, as RFC 8259 says.
  public var allowsNonFiniteNumbers: Bool
  /// How deeply arrays and objects may nest before parsing stops with
  /// ``JSONError/nestingTooDeep(limit:line:column:)``.
  ///
  /// Parsing and reading through ``JSONNode`` never recurse, so any depth is safe there. Turning
  /// a document into a ``JSONValue``, and comparing, writing, or releasing such trees, recurse
  /// once per level; the default of 128 (serde_json's limit too) keeps that well within the
  /// 512 KB stack of a secondary thread even in debug builds.
  public var maximumDepth: Int
  /// How many values (numbers, strings, keys, arrays, and objects, each 16 bytes of parsed
  /// document) a text may hold before parsing stops with
  /// ``JSONError/documentTooLarge(limit:)``; a bound on memory for text from anywhere.
  ///
  /// The default, 2^32 - 1, is as many as the parser can index.
  public var maximumValues: Int

  /// Creates parsing options.
  ///
  /// - Parameters:
  ///   - allowsNonFiniteNumbers: Whether `NaN`, `Infinity`, and `-Infinity` are accepted.
  ///   - maximumDepth: The deepest nesting of arrays and objects to accept.
  ///   - maximumValues: The most values a text may hold.
  /// - Precondition: `maximumDepth` is between 1 and 1,000; `maximumValues` between 16 and
  ///   2^32 - 1.
  public init(
    allowsNonFiniteNumbers: Bool = true, maximumDepth: Int = 128,
    maximumValues: Int = Int(UInt32.max)
  ) {
    precondition((1...1_000).contains(maximumDepth), "maximumDepth must be in 1...1_000")
    precondition(
      (16...Int(UInt32.max)).contains(maximumValues), "maximumValues must be in 16...2^32 - 1")
    self.allowsNonFiniteNumbers = allowsNonFiniteNumbers
    self.maximumDepth = maximumDepth
    self.maximumValues = maximumValues
  }

  /// Accepts what Python's `json` module writes: non-finite literals, nesting up to 128 levels.
  public static var python: JSONParsingOptions { JSONParsingOptions() }

  /// Accepts only RFC 8259 JSON: non-finite literals are errors.
  public static var strict: JSONParsingOptions {
    JSONParsingOptions(allowsNonFiniteNumbers: false)
  }
}
