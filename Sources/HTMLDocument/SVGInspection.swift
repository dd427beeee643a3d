/// A quick look through SVG markup for anything more than a picture.
enum SVGInspection {
  /// Elements that run code, load or link to something, or restyle the whole page.
  static let forbiddenElements = [
    "script", "foreignobject", "a", "image", "use", "style", "iframe", "object", "embed", "audio",
    "video", "link", "feimage",
  ]

  /// A description of the first forbidden element or attribute, or `nil` when there is none.
  ///
  /// Scans the tags only: text between tags cannot hold a `<`, so it is skipped. Attribute
  /// values may be quoted with either quote and hold `>`.
  static func firstUnsafePart(of markup: Substring) -> String? {
    var index = markup.startIndex
    while let open = markup[index...].firstIndex(of: "<") {
      var cursor = markup.index(after: open)
      if markup[cursor...].hasPrefix("!--") {
        guard let end = markup[cursor...].firstRange(of: "-->") else { return nil }
        index = end.upperBound
        continue
      }
      if cursor < markup.endIndex, "/?!".contains(markup[cursor]) {
        cursor = markup.index(after: cursor)
      }
      let name = markup[cursor...].prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
      if forbiddenElements.contains(name.lowercased()) { return "a <\(name)> element" }
      cursor = name.endIndex
      // Attributes, up to the end of the tag.
      while cursor < markup.endIndex, markup[cursor] != ">" {
        let character = markup[cursor]
        if character == "\"" || character == "'" {
          let rest = markup[markup.index(after: cursor)...]
          let end = rest.firstIndex(of: character) ?? markup.endIndex
          if Self.loadsSomething(rest[..<end]) { return "an external url(…) reference" }
          cursor = end < markup.endIndex ? markup.index(after: end) : end
          continue
        }
        if character.isLetter {
          let attribute = markup[cursor...].prefix {
            !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/"
          }
          let lowered = attribute.lowercased()
          if lowered.hasPrefix("on") || lowered.hasSuffix("href") || lowered == "src" {
            return "a '\(attribute)' attribute"
          }
          cursor = attribute.endIndex
          continue
        }
        cursor = markup.index(after: cursor)
      }
      index = cursor
    }
    return nil
  }

  /// Whether an attribute value refers to something outside the picture with `url(…)`.
  private static func loadsSomething(_ value: Substring) -> Bool {
    let lowered = value.lowercased().filter { !$0.isWhitespace }
    var rest = Substring(lowered)
    while let range = rest.firstRange(of: "url(") {
      rest = rest[range.upperBound...]
      let target = rest.drop { $0 == "\"" || $0 == "'" }
      if !target.hasPrefix("#") { return true }
    }
    return false
  }
}
