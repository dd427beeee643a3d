import TerminalCanvas

extension StyledText {
  /// The text broken into lines no wider than `width` columns, keeping every run's style.
  ///
  /// Words break at spaces with ``TerminalCanvas/wrap(_:width:)``; leading spaces are
  /// dropped and runs of spaces shrink to one. A word wider than `width` is cut into pieces
  /// first, so its tail can share a line with the words after it. Line breaks in the text
  /// must already be spaces.
  func wrapped(toWidth width: Int) -> [StyledText] {
    let width = max(1, width)
    var source: [(scalar: Unicode.Scalar, style: TextStyle)] = []
    var column = 0
    for span in spans {
      for scalar in span.text.unicodeScalars {
        if scalar == " " {
          if !source.isEmpty { source.append((scalar, span.style)) }
          column = 0
          continue
        }
        let columns = TerminalCanvas.displayWidth(of: String(scalar))
        if column + columns > width, column > 0 {
          source.append((" ", span.style))
          column = 0
        }
        source.append((scalar, span.style))
        column += columns
      }
    }
    var plain = String.UnicodeScalarView()
    plain.append(contentsOf: source.map(\.scalar))

    // `wrap` only drops spaces, so each scalar it returns is the next equal one in `source`.
    var position = 0
    return wrap(String(plain), width: width).map { line in
      var styled = StyledText()
      for scalar in line.unicodeScalars {
        while position < source.count, source[position].scalar != scalar { position += 1 }
        guard position < source.count else { break }
        styled.append(String(scalar), style: source[position].style)
        position += 1
      }
      return styled
    }
  }
}
