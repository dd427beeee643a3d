/// A cursor on one value inside a ``JSONDocument``.
///
/// A node is two words: a reference to the shared document and a position on its tape. Reading
/// a scalar costs a table lookup; looking up a member compares raw key bytes without building
/// strings. Optional accessors return `nil` for a value of another type; the throwing ones
/// (``member(_:)``, ``double()`` and friends) report what was expected and where.
///
/// ```swift
/// let document = try JSONDocument(parsing: #"{"step": 10, "loss": 0.69, "tags": ["a"]}"#)
/// let root = document.root
/// root["step"]?.integerValue     // 10
/// root["loss"]?.doubleValue      // 0.69
/// root["tags"]?[0]?.stringValue  // "a"
/// try root.member("epoch")       // throws: line 1, column 1: object has no member 'epoch'
/// ```
public struct JSONNode: Sendable {
  let storage: JSONStorage
  let index: Int

  init(storage: JSONStorage, index: Int) {
    self.storage = storage
    self.index = index
  }

  /// The JSON type of a value.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool
    /// An integer or floating-point number, including `NaN` and the infinities.
    case number
    /// A string.
    case string
    /// An array.
    case array
    /// An object.
    case object
  }

  @inline(__always) var entry: TapeEntry { storage.tape[index] }

  /// The JSON type of this value.
  public var kind: Kind {
    switch entry.kind {
    case .null: .null
    case .falseLiteral, .trueLiteral: .bool
    case .integer, .double: .number
    case .string: .string
    case .array: .array
    case .object: .object
    }
  }

  /// Whether this value is `null`.
  public var isNull: Bool { entry.kind == .null }

  /// The value of `true` or `false`, or `nil` for other types.
  public var boolValue: Bool? {
    switch entry.kind {
    case .trueLiteral: true
    case .falseLiteral: false
    default: nil
    }
  }

  /// The value of a number written without a fraction or exponent that fits in `Int64`, such
  /// as `10` or `-3`; `nil` for `10.0`, `1e3`, other types, and integers too large for 64 bits
  /// (those read as doubles).
  public var integerValue: Int64? {
    let entry = entry
    return entry.kind == .integer ? Int64(bitPattern: entry.payload) : nil
  }

  /// The value of any number, integers included, or `nil` for other types.
  public var doubleValue: Double? {
    let entry = entry
    switch entry.kind {
    case .double: return Double(bitPattern: entry.payload)
    case .integer: return Double(Int64(bitPattern: entry.payload))
    default: return nil
    }
  }

  /// Whether this number was written as an integer (no fraction, no exponent) that fits in
  /// `Int64`; Python's `json` writes `int` values this way and `float` values with a `.`, an
  /// exponent, or as `NaN` or `Infinity`.
  public var isInteger: Bool { entry.kind == .integer }

  /// The decoded text of a string, or `nil` for other types.
  public var stringValue: String? {
    entry.kind == .string ? storage.string(at: index) : nil
  }

  /// The number of elements of an array or members of an object; 0 for other types.
  public var count: Int {
    let entry = entry
    return entry.kind == .array || entry.kind == .object ? entry.count : 0
  }

  /// The value of an object's member, or `nil` when this is not an object or has no such key.
  ///
  /// When a key appears more than once the last one wins, as in Python.
  ///
  /// - Complexity: O(*m*) in the number of members; keys are compared as raw bytes.
  public subscript(key: String) -> JSONNode? {
    guard entry.is(.object) else { return nil }
    var key = key
    let found = key.withUTF8 { storage.member($0, inObjectAt: index) }
    guard let found else { return nil }
    return JSONNode(storage: storage, index: found)
  }

  /// The array element at a zero-based position, or `nil` when this is not an array or the
  /// position is out of range.
  ///
  /// - Complexity: O(*k*) for position *k*, stepping over whole elements; iterate ``elements``
  ///   to visit them all.
  public subscript(position: Int) -> JSONNode? {
    guard entry.kind == .array, position >= 0, position < count else { return nil }
    let elements = elements
    return elements[elements.index(elements.startIndex, offsetBy: position)]
  }

  /// The elements of an array in order; empty for other types.
  public var elements: Elements { Elements(node: self) }

  /// The members of an object in order, duplicates included; empty for other types.
  public var members: Members { Members(node: self) }

  /// The keys of an object in order; empty for other types.
  public var keys: [String] { members.map(\.key) }

  /// This value and everything inside it as a ``JSONValue`` tree.
  public var value: JSONValue {
    let entry = entry
    switch entry.kind {
    case .null: return .null
    case .falseLiteral: return .bool(false)
    case .trueLiteral: return .bool(true)
    case .integer: return .integer(Int64(bitPattern: entry.payload))
    case .double: return .double(Double(bitPattern: entry.payload))
    case .string: return .string(storage.string(at: index))
    case .array: return .array(elements.map(\.value))
    case .object: return .object(members.map { (key: $0.key, value: $0.value.value) })
    }
  }

  /// Where this value starts in the text: its first character, quote, bracket, or brace.
  ///
  /// - Complexity: O(*n*) in the position of the value, since lines are counted on demand.
  ///   Call it when reporting a problem, not for every value.
  public var location: JSONLocation { storage.location(ofOffset: entry.offset) }

  /// The byte offset in the text where this value starts, to find its location later with
  /// `JSONLocation.location(ofOffset:in:)` without keeping the node.
  package var byteOffset: Int { entry.offset }
}

extension JSONNode: Equatable {
  /// Whether two nodes point at the same place in the same parsed document.
  public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
    lhs.storage === rhs.storage && lhs.index == rhs.index
  }
}
