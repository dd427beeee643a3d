/// Line helpers for the quiz reader and writer that work on Unicode scalars, not characters.
///
/// A stray combining mark merges with the character before it, so `"# \u{301}"` has no `" "`
/// character and `" \u{301}"` counts as whitespace. Scalars keep markers, indents and spaces
/// where an author sees them, and keep the writer's output reading back the same.
extension String {
  /// Whether the line starts with `prefix`, scalar by scalar.
  func hasScalarPrefix(_ prefix: String) -> Bool {
    unicodeScalars.starts(with: prefix.unicodeScalars)
  }

  /// The text after the first `count` scalars.
  func droppingScalars(_ count: Int) -> String {
    String(UnicodeScalarView(unicodeScalars.dropFirst(count)))
  }

  /// The text without whitespace scalars at either end.
  var trimmed: String {
    var scalars = unicodeScalars[...]
    while scalars.first?.properties.isWhitespace == true { scalars.removeFirst() }
    while scalars.last?.properties.isWhitespace == true { scalars.removeLast() }
    return String(UnicodeScalarView(scalars))
  }

  /// The pieces between scalars that match `isSeparator`.
  func pieces(
    omittingEmpty: Bool = true, separatedBy isSeparator: (Unicode.Scalar) -> Bool
  ) -> [String] {
    unicodeScalars.split(omittingEmptySubsequences: omittingEmpty, whereSeparator: isSeparator)
      .map { String(UnicodeScalarView($0)) }
  }

  /// The trimmed text before and after the first `separator`; the second is `nil` without one.
  func splitOnce(at separator: Unicode.Scalar) -> (String, String?) {
    guard let index = unicodeScalars.firstIndex(of: separator) else { return (self, nil) }
    let after = unicodeScalars.index(after: index)
    return (
      String(UnicodeScalarView(unicodeScalars[..<index])).trimmed,
      String(UnicodeScalarView(unicodeScalars[after...])).trimmed
    )
  }
}

extension Unicode.Scalar {
  /// Whether the scalar is whitespace, for splitting on it.
  var isSpace: Bool { properties.isWhitespace }
}
