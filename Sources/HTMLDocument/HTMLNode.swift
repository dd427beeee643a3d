/// A piece of an ``HTMLDocument``: text, an element with its children, or an inline SVG picture.
///
/// Build nodes with the static members (``heading(_:_:)``, ``paragraph(_:)``,
/// ``table(header:rows:caption:)``, ``figure(_:caption:)``…) or from a string literal, which is
/// text. Text is escaped when the document is written, so any string is safe. Only the elements
/// these members make can appear, so a document never holds scripts, forms, links or anything
/// loaded from elsewhere.
///
/// ```swift
/// let intro: [HTMLNode] = [
///   .heading(2, "Reading the loss curve"),
///   .paragraph("Validation loss is lowest at step ", .code("200"), ", then ", .emphasis("rises")),
///   .bulletList(["Training loss keeps falling.", "The gap between the curves widens."]),
/// ]
/// ```
public struct HTMLNode: Sendable, Equatable, ExpressibleByStringLiteral {
  /// What a node is.
  enum Content: Sendable, Equatable {
    /// Text, escaped when written.
    case text(String)
    /// An element; `isVoid` ones (`br`) have no end tag and no children.
    case element(name: String, attributes: [Attribute], children: [HTMLNode], isVoid: Bool)
    /// Nodes written one after another, with no element around them.
    case group([HTMLNode])
    /// An `<svg>` element's markup, written as it is.
    case svg(String)
  }

  /// An attribute's name and its unescaped value.
  struct Attribute: Sendable, Equatable {
    var name: String
    var value: String
  }

  let content: Content

  init(_ content: Content) { self.content = content }

  /// Text, as ``text(_:)`` makes it.
  public init(stringLiteral value: String) {
    self.init(.text(value))
  }

  /// An element with children; the name must be one the builder knows is safe.
  static func element(
    _ name: String, _ attributes: [Attribute] = [], _ children: [HTMLNode] = []
  ) -> HTMLNode {
    HTMLNode(.element(name: name, attributes: attributes, children: children, isVoid: false))
  }

  /// A `class` attribute, or none when `classes` is empty.
  static func classAttribute(_ classes: [String]) -> [Attribute] {
    let names = classes.filter { !$0.isEmpty }
    return names.isEmpty ? [] : [Attribute(name: "class", value: names.joined(separator: " "))]
  }
}
