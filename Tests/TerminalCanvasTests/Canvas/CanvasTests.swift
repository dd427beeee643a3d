import TerminalCanvas
import Testing

@Suite struct CanvasTests {
  static let singleDots: [(x: Int, y: Int, pattern: Character)] = [
    (0, 0, "⠁"), (0, 1, "⠂"), (0, 2, "⠄"), (0, 3, "⡀"),
    (1, 0, "⠈"), (1, 1, "⠐"), (1, 2, "⠠"), (1, 3, "⢀"),
  ]

  @Test(arguments: singleDots)
  func eachBrailleDotHasItsOwnBit(dot: (x: Int, y: Int, pattern: Character)) {
    var canvas = Canvas(columns: 1, rows: 1, charset: .braille)
    canvas.plot(x: dot.x, y: dot.y, pen: .plain)
    #expect(canvas.character(column: 0, row: 0) == dot.pattern)
    #expect(canvas.isSet(x: dot.x, y: dot.y))
  }

  @Test func allEightDotsFillTheCell() {
    var canvas = Canvas(columns: 1, rows: 1, charset: .braille)
    for dot in Self.singleDots { canvas.plot(x: dot.x, y: dot.y, pen: .plain) }
    #expect(canvas.render(isColorEnabled: false) == ["⣿"])
  }

  @Test func dimensionsInDots() {
    let braille = Canvas(columns: 10, rows: 3, charset: .braille)
    #expect(braille.dotColumns == 20 && braille.dotRows == 12)
    let ascii = Canvas(columns: 10, rows: 3, charset: .ascii)
    #expect(ascii.dotColumns == 10 && ascii.dotRows == 3)
  }

  @Test func horizontalAndVerticalLines() {
    var canvas = Canvas(columns: 2, rows: 2, charset: .braille)
    canvas.drawLine(from: (0, 0), to: (3, 0), pen: .plain)
    canvas.drawLine(from: (0, 4), to: (0, 7), pen: .plain)
    #expect(canvas.render(isColorEnabled: false) == ["⠉⠉", "⡇ "])
  }

  @Test func diagonalLineOnAnASCIICanvas() {
    var canvas = Canvas(columns: 5, rows: 3, charset: .ascii)
    canvas.drawLine(from: (0, 2), to: (4, 0), pen: Pen(glyph: "o"))
    #expect(canvas.render(isColorEnabled: false) == ["   oo", " oo  ", "o    "])
  }

  @Test(arguments: [((0, 0), (7, 3)), ((7, 3), (0, 0)), ((0, 3), (7, 0)), ((2, 0), (2, 3))])
  func lineIncludesBothEndsAndLeavesNoGaps(ends: ((Int, Int), (Int, Int))) {
    var canvas = Canvas(columns: 8, rows: 4, charset: .ascii)
    canvas.drawLine(from: ends.0, to: ends.1, pen: .plain)
    #expect(canvas.isSet(x: ends.0.0, y: ends.0.1))
    #expect(canvas.isSet(x: ends.1.0, y: ends.1.1))
    let columns = min(ends.0.0, ends.1.0)...max(ends.0.0, ends.1.0)
    for x in columns {
      #expect((0..<4).contains { canvas.isSet(x: x, y: $0) }, "column \(x) is empty")
    }
  }

  @Test func farAwayEndsAreClippedQuickly() {
    var canvas = Canvas(columns: 4, rows: 2, charset: .braille)
    canvas.drawLine(from: (-1_000_000_000_000, 3), to: (1_000_000_000_000, 3), pen: .plain)
    canvas.drawLine(from: (-50, -50), to: (-10, -90), pen: .plain)
    #expect(canvas.render(isColorEnabled: false) == ["⣀⣀⣀⣀", "    "])
  }

  @Test func dotsOutsideTheCanvasAreIgnored() {
    var canvas = Canvas(columns: 2, rows: 1, charset: .ascii)
    canvas.plot(x: -1, y: 0, pen: .plain)
    canvas.plot(x: 2, y: 0, pen: .plain)
    canvas.plot(x: 0, y: 1, pen: .plain)
    #expect(canvas.render(isColorEnabled: false) == ["  "])
    #expect(!canvas.isSet(x: 5, y: 5))
  }

  @Test func lastPenDrawnWinsTheCellsColourAndGlyph() {
    var ascii = Canvas(columns: 3, rows: 1, charset: .ascii)
    ascii.drawLine(from: (0, 0), to: (2, 0), pen: Pen(style: .foreground(.cyan), glyph: "*"))
    ascii.plot(x: 1, y: 0, pen: Pen(style: .foreground(.magenta), glyph: "o"))
    #expect(ascii.render(isColorEnabled: false) == ["*o*"])
    #expect(ascii.style(column: 1, row: 0) == .foreground(.magenta))

    var braille = Canvas(columns: 1, rows: 1, charset: .braille)
    braille.plot(x: 0, y: 0, pen: Pen(style: .foreground(.cyan)))
    braille.plot(x: 1, y: 3, pen: Pen(style: .foreground(.magenta)))
    #expect(braille.character(column: 0, row: 0) == "⢁")
    #expect(braille.style(column: 0, row: 0) == .foreground(.magenta))
  }

  @Test func textCoversDotsAndBackgroundShowsOnlyInEmptyCells() {
    var canvas = Canvas(columns: 4, rows: 1, charset: .braille)
    canvas.drawLine(from: (0, 0), to: (7, 0), pen: .plain)
    canvas.put("ab", column: 1, row: 0)
    canvas.put("z", column: 9, row: 0)
    canvas.putBackground(":", column: 3, row: 0)
    #expect(canvas.render(isColorEnabled: false) == ["⠉ab⠉"])

    var empty = Canvas(columns: 2, rows: 1, charset: .ascii)
    empty.putBackground(":", column: 1, row: 0, style: .dim)
    #expect(empty.render(isColorEnabled: false) == [" :"])
    #expect(empty.style(column: 1, row: 0) == .dim)
  }

  @Test func colourAppearsOnlyWhenEnabled() {
    var canvas = Canvas(columns: 3, rows: 1, charset: .ascii)
    canvas.drawLine(from: (0, 0), to: (1, 0), pen: Pen(style: .foreground(.red), glyph: "#"))
    #expect(canvas.render(isColorEnabled: false) == ["## "])
    #expect(canvas.render(isColorEnabled: true) == ["\u{1B}[31m##\u{1B}[0m "])
    var output = ""
    canvas.write(to: &output, isColorEnabled: false)
    #expect(output == "## \n")
  }

  @Test func emptyCanvasDrawsNothing() {
    var canvas = Canvas(columns: 0, rows: 0)
    canvas.drawLine(from: (0, 0), to: (10, 10), pen: .plain)
    #expect(canvas.render(isColorEnabled: true).isEmpty)
  }

  @Test func charsetReadsOptionValues() {
    #expect(Charset(argument: "ASCII") == .ascii)
    #expect(Charset(argument: "braille") == .braille)
    #expect(Charset(argument: "ebcdic") == nil)
  }
}
