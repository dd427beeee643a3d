extension SVGMarkup {
  /// The text of a whole picture: the `<svg>` element with its size, fonts, accessible title
  /// and background, holding what `body` writes.
  ///
  /// - Parameter isStandalone: Whether to add the XML declaration and the SVG namespace that a
  ///   `.svg` file needs; inside HTML, the parser supplies the namespace itself.
  static func picture(
    width: Double, height: Double, style: SVGChartStyle, label: String, isStandalone: Bool,
    body: (inout SVGMarkup) -> Void
  ) -> String {
    var markup = SVGMarkup()
    let size = (width.svgNumber, height.svgNumber)
    let fontSize = style.resolvedFontSize
    markup.open(
      "svg",
      (isStandalone ? [("xmlns", "http://www.w3.org/2000/svg")] : []) + [
        ("width", size.0), ("height", size.1), ("viewBox", "0 0 \(size.0) \(size.1)"),
        ("role", "img"), ("font-family", style.fontFamily), ("font-size", fontSize.svgNumber),
      ])
    let label = label.onOneLine
    if !label.isEmpty { markup.element("title", text: label) }
    if let background = style.backgroundColor {
      markup.empty(
        "rect", [("width", size.0), ("height", size.1), ("fill", background)])
    }
    body(&markup)
    markup.close()
    return (isStandalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : "") + markup.text
  }
}
