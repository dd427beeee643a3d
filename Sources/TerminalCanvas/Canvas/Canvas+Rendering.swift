extension Canvas {
  /// One row of cells as styled text, exactly ``columns`` wide.
  public func line(row: Int) -> StyledText {
    precondition(row >= 0 && row < rows, "the row is outside the canvas")
    var text = StyledText()
    for column in 0..<columns {
      let (character, style) = appearance(of: cells[row * columns + column])
      text.append(String(character), style: character == " " ? .plain : style)
    }
    return text
  }

  /// Every row as styled text, top to bottom.
  public func lines() -> [StyledText] {
    (0..<rows).map { line(row: $0) }
  }

  /// Every row as a string, top to bottom, with escape codes only when `isColorEnabled`.
  public func render(isColorEnabled: Bool) -> [String] {
    lines().map { $0.rendered(isColorEnabled: isColorEnabled) }
  }

  /// Writes every row, each followed by a newline.
  public func write(to output: inout some TextOutputStream, isColorEnabled: Bool) {
    for line in render(isColorEnabled: isColorEnabled) {
      output.write(line)
      output.write("\n")
    }
  }
}
