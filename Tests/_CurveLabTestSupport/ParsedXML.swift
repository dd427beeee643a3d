import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a document read back with Foundation's `XMLParser`, so tests can check that
/// SVG and XHTML output is well-formed and look inside it.
public struct ParsedXML: Sendable, Equatable {
  /// The element's name, as written.
  public var name: String
  /// The attributes, with entities decoded.
  public var attributes: [String: String]
  /// The child elements, in order.
  public var children: [ParsedXML]
  /// The text directly inside the element, with entities decoded and CDATA included.
  public var text: String

  /// Parses `markup`, or returns why it is not well-formed XML.
  public static func parse(_ markup: String) -> Result<ParsedXML, ParsedXMLError> {
    let collector = Collector()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = collector
    guard parser.parse(), let root = collector.root else {
      let line = parser.lineNumber
      let reason = parser.parserError.map { "\($0)" } ?? "no root element"
      return .failure(ParsedXMLError(line: line, reason: reason))
    }
    return .success(root)
  }

  /// This element and all below it, depth first, in document order.
  public var allElements: [ParsedXML] {
    [self] + children.flatMap(\.allElements)
  }

  /// Every element below or at this one with the given name, in document order.
  public func elements(named name: String) -> [ParsedXML] {
    allElements.filter { $0.name == name }
  }

  /// The text of this element and all below it, in document order.
  public var allText: String {
    text + children.map(\.allText).joined()
  }
}

/// Why markup could not be parsed as XML.
public struct ParsedXMLError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The line the parser stopped at.
  public var line: Int
  /// The parser's description of the problem.
  public var reason: String

  /// A one-line account of the problem.
  public var description: String { "not well-formed XML at line \(line): \(reason)" }
}

/// Builds the tree from the parser's callbacks.
private final class Collector: NSObject, XMLParserDelegate {
  var stack: [ParsedXML] = []
  var root: ParsedXML?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    stack.append(ParsedXML(name: elementName, attributes: attributes, children: [], text: ""))
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    let element = stack.removeLast()
    if stack.isEmpty {
      root = element
    } else {
      stack[stack.count - 1].children.append(element)
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if !stack.isEmpty { stack[stack.count - 1].text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA block: Data) {
    if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: block, as: UTF8.self) }
  }
}
