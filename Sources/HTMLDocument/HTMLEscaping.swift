/// Escaping that keeps text and attribute values from being read as markup.
///
/// Both escape `&`, `<` and `>`; attribute values also escape both quotes. Control characters
/// that XML forbids become U+FFFD, so the output stays well-formed XHTML as well as HTML.
///
/// ```swift
/// HTMLEscaping.text("loss < 0.5 & falling")  // "loss &lt; 0.5 &amp; falling"
/// HTMLEscaping.attributeValue(#"say "hi""#)   // "say &quot;hi&quot;"
/// ```
public enum HTMLEscaping {
  /// `string` made safe as the content of an element.
  public static func text(_ string: String) -> String {
    escaped(string, isAttribute: false)
  }

  /// `string` made safe inside a double- or single-quoted attribute value; line breaks and tabs
  /// become spaces.
  public static func attributeValue(_ string: String) -> String {
    escaped(string, isAttribute: true)
  }

  private static func escaped(_ string: String, isAttribute: Bool) -> String {
    var result = ""
    result.reserveCapacity(string.utf8.count)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"" where isAttribute: result += "&quot;"
      case "'" where isAttribute: result += "&#39;"
      case "\n", "\r", "\t": result += isAttribute ? " " : String(scalar)
      case "\u{0}"..."\u{1F}", "\u{7F}", "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
