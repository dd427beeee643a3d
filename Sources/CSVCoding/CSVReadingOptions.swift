/// Choices that change how CSV text is split into records and fields.
///
/// The defaults suit machine-learning logs: the separator is detected, whitespace around
/// fields is trimmed (Ultralytics pads its columns), and every record must have as many fields
/// as the header.
///
/// ```swift
/// let options = CSVReadingOptions(separator: ";", allowsRaggedRows: true)
/// let table = try CSVTable(parsing: text, options: options)
/// ```
public struct CSVReadingOptions: Sendable, Equatable {
  /// The field separator, an ASCII character; `nil` detects one of `,`, `;`, and tab from the
  /// first lines, as ``CSVTable`` describes.
  public var separator: Unicode.Scalar?
  /// Whether spaces (and tabs, unless tab separates fields) around each field are removed.
  /// Quoted content keeps its spaces: `  " a ",` reads as ` a `.
  public var trimsWhitespace: Bool
  /// Whether records may have fewer or more fields than the header instead of being an error.
  /// Ragged records keep the fields they have.
  public var allowsRaggedRows: Bool

  /// Creates reading options.
  ///
  /// - Parameters:
  ///   - separator: An ASCII separator, or `nil` to detect `,`, `;`, or tab.
  ///   - trimsWhitespace: Whether to trim spaces and tabs around unquoted text.
  ///   - allowsRaggedRows: Whether to accept records whose field count differs from the
  ///     header's.
  /// - Precondition: `separator` is ASCII and not a quote, carriage return, or line feed.
  public init(
    separator: Unicode.Scalar? = nil, trimsWhitespace: Bool = true, allowsRaggedRows: Bool = false
  ) {
    if let separator {
      precondition(
        separator.isASCII && !["\"", "\r", "\n"].contains(separator),
        "the CSV separator must be ASCII and not a quote or line break")
    }
    self.separator = separator
    self.trimsWhitespace = trimsWhitespace
    self.allowsRaggedRows = allowsRaggedRows
  }

  /// RFC 4180 as written: comma-separated, spaces kept, equal field counts.
  public static var rfc4180: CSVReadingOptions {
    CSVReadingOptions(separator: ",", trimsWhitespace: false)
  }
}
