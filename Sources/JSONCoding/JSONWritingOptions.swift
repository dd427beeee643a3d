/// How ``JSONValue`` is written out, modeled on the arguments of Python's `json.dumps`.
///
/// ```swift
/// // json.dumps(value, indent=2, sort_keys=True), as Hugging Face writes trainer_state.json
/// value.serialized(.python(indent: 2, sortsKeys: true))
/// // json.dumps(value, separators=(",", ":")), one line for JSON Lines
/// value.serialized(.compact)
/// ```
public struct JSONWritingOptions: Sendable, Equatable {
  /// Spaces per nesting level, with each element and member on its own line; `nil` writes
  /// everything on one line. Empty arrays and objects are always written `[]` and `{}`.
  public var indent: Int?
  /// Whether object members are written in order of their keys' Unicode code points, as
  /// Python's `sort_keys=True` does; otherwise they keep their order.
  public var sortsKeys: Bool
  /// Whether every character outside printable ASCII is written as a `\uXXXX` escape (with
  /// surrogate pairs above U+FFFF), as Python's default `ensure_ascii=True` does; otherwise
  /// only quotes, backslashes, and control characters are escaped.
  public var escapesNonASCII: Bool
  /// Written between elements and members; before the line break when indenting.
  public var itemSeparator: String
  /// Written between a key and its value.
  public var keySeparator: String

  /// Creates writing options; the defaults match `json.dumps(value)`.
  public init(
    indent: Int? = nil, sortsKeys: Bool = false, escapesNonASCII: Bool = true,
    itemSeparator: String? = nil, keySeparator: String = ": "
  ) {
    self.indent = indent.map { max($0, 0) }
    self.sortsKeys = sortsKeys
    self.escapesNonASCII = escapesNonASCII
    self.itemSeparator = itemSeparator ?? (indent == nil ? ", " : ",")
    self.keySeparator = keySeparator
  }

  /// The output of Python's `json.dumps(value, indent=indent, sort_keys=sortsKeys)`: separators
  /// `", "` and `": "` on one line, or `","` and `": "` when indenting.
  public static func python(indent: Int? = nil, sortsKeys: Bool = false) -> JSONWritingOptions {
    JSONWritingOptions(indent: indent, sortsKeys: sortsKeys)
  }

  /// One line without spaces, like `json.dumps(value, separators=(",", ":"))`; for JSON Lines.
  public static var compact: JSONWritingOptions {
    JSONWritingOptions(itemSeparator: ",", keySeparator: ":")
  }
}
