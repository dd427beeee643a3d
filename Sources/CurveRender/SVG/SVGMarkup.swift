import TerminalCanvas

/// SVG text being written, one element per line, indented two spaces per level of nesting.
///
/// Attribute values and text are escaped here, so callers pass plain strings.
struct SVGMarkup {
  /// An attribute's name and its unescaped value, in the order written.
  typealias Attribute = (name: String, value: String)

  private(set) var text = ""
  private var openElements: [String] = []

  /// Writes a start tag; every `open` needs a ``close()``.
  mutating func open(_ name: String, _ attributes: [Attribute] = []) {
    line("<\(name)\(Self.attributes(attributes))>")
    openElements.append(name)
  }

  /// Writes the end tag of the innermost open element.
  mutating func close() {
    let name = openElements.removeLast()
    line("</\(name)>")
  }

  /// Writes an element without content.
  mutating func empty(_ name: String, _ attributes: [Attribute]) {
    line("<\(name)\(Self.attributes(attributes))/>")
  }

  /// Writes an element holding text, on one line.
  mutating func element(_ name: String, _ attributes: [Attribute] = [], text: String) {
    line("<\(name)\(Self.attributes(attributes))>\(text.xmlEscaped)</\(name)>")
  }

  /// Writes a line of markup as it is, at the current depth.
  mutating func line(_ markup: String) {
    text += String(repeating: "  ", count: openElements.count) + markup + "\n"
  }

  private static func attributes(_ attributes: [Attribute]) -> String {
    attributes.map { " \($0.name)=\"\($0.value.xmlEscaped)\"" }.joined()
  }
}

extension Double {
  /// The number as SVG writes coordinates: at most two decimals, no trailing zeros, and `0`
  /// for values that are not finite. Far-off values are clamped to ±100 000.
  var svgNumber: String {
    guard isFinite else { return "0" }
    return AxisScale.fixed(Swift.min(Swift.max(self, -100_000), 100_000), decimals: 2)
  }
}

extension String {
  /// The text made safe for XML content and attribute values: markup characters become
  /// entities, line breaks and tabs become spaces, and control characters XML forbids become
  /// U+FFFD.
  var xmlEscaped: String {
    var result = ""
    result.reserveCapacity(utf8.count)
    for scalar in unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\n", "\r", "\t": result += " "
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}

extension SVGChartStyle {
  /// About how wide `text` is at `size` in a proportional sans serif: a little more than half
  /// an em per column, so estimates err on the wide side.
  func textWidth(of text: String, size: Double, isBold: Bool = false) -> Double {
    Double(displayWidth(of: text)) * size * (isBold ? 0.62 : 0.58)
  }

  /// `text`, shortened with an ellipsis until it is at most `maximum` wide at `size`.
  func fitting(_ text: String, within maximum: Double, size: Double, isBold: Bool = false)
    -> String
  {
    guard textWidth(of: text, size: size, isBold: isBold) > maximum else { return text }
    var characters = Array(text)
    while !characters.isEmpty {
      characters.removeLast()
      let shortened = String(characters) + "…"
      if textWidth(of: shortened, size: size, isBold: isBold) <= maximum { return shortened }
    }
    return ""
  }

  /// The stroke attributes of a dash pattern, none for a solid line.
  static func dashAttributes(_ pattern: [Double]) -> [SVGMarkup.Attribute] {
    let lengths = pattern.filter { $0.isFinite && $0 >= 0 }
    guard !lengths.isEmpty, lengths.contains(where: { $0 > 0 }) else { return [] }
    return [("stroke-dasharray", lengths.map(\.svgNumber).joined(separator: " "))]
  }
}
