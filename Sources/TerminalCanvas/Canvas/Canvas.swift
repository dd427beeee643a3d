/// A grid of terminal cells to draw dots, lines and text on, in braille or ASCII.
///
/// Drawing happens in *dot* coordinates: ``dotColumns`` × ``dotRows`` dots, `(0, 0)` at the top
/// left. A braille canvas has 2 × 4 dots per cell; an ASCII canvas has one, shown as the
/// glyph of the pen that drew it, so the same drawing code serves both. Dots outside the canvas
/// are clipped.
///
/// Each cell has one style. When pens of different styles touch one cell, the last one drawn
/// wins; on an ASCII canvas its glyph wins too, while braille keeps every dot. Text put on a
/// cell covers its dots, and a background character shows only in a cell with nothing else.
///
/// ```swift
/// var canvas = Canvas(columns: 10, rows: 3, charset: .braille)
/// canvas.drawLine(from: (0, 11), to: (19, 0), pen: Pen(style: .foreground(.cyan)))
/// for line in canvas.render(isColorEnabled: false) { print(line) }
/// ```
public struct Canvas: Sendable, Equatable {
  /// Cells across.
  public let columns: Int
  /// Cells down.
  public let rows: Int
  /// The characters the canvas draws with.
  public let charset: Charset

  var cells: [Cell]

  struct Cell: Sendable, Equatable {
    var dots: UInt8 = 0
    var dotStyle = TextStyle.plain
    var glyph: Character = "*"
    var text: Character?
    var textStyle = TextStyle.plain
    var background: Character?
    var backgroundStyle = TextStyle.plain
  }

  /// Creates an empty canvas.
  ///
  /// - Precondition: `columns` and `rows` are not negative.
  public init(columns: Int, rows: Int, charset: Charset = .braille) {
    precondition(columns >= 0 && rows >= 0, "a canvas cannot have a negative size")
    self.columns = columns
    self.rows = rows
    self.charset = charset
    self.cells = Array(repeating: Cell(), count: columns * rows)
  }

  /// Dots across the whole canvas.
  public var dotColumns: Int { columns * charset.dotsPerCell.columns }
  /// Dots down the whole canvas.
  public var dotRows: Int { rows * charset.dotsPerCell.rows }

  /// Sets the dot at `(x, y)`; does nothing outside the canvas.
  public mutating func plot(x: Int, y: Int, pen: Pen) {
    guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
    let (across, down) = charset.dotsPerCell
    let index = (y / down) * columns + x / across
    cells[index].dots |= Self.dotBit(column: x % across, row: y % down, charset: charset)
    cells[index].dotStyle = pen.style
    cells[index].glyph = pen.glyph
  }

  /// Whether the dot at `(x, y)` is set; `false` outside the canvas.
  public func isSet(x: Int, y: Int) -> Bool {
    guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return false }
    let (across, down) = charset.dotsPerCell
    let bit = Self.dotBit(column: x % across, row: y % down, charset: charset)
    return cells[(y / down) * columns + x / across].dots & bit != 0
  }

  /// Writes text into consecutive cells from `(column, row)`, one character per cell, covering
  /// any dots there; characters falling outside the canvas are dropped.
  ///
  /// Use characters one column wide.
  public mutating func put(_ text: String, column: Int, row: Int, style: TextStyle = .plain) {
    guard row >= 0, row < rows else { return }
    for (offset, character) in text.enumerated() {
      let x = column + offset
      guard x >= 0 else { continue }
      guard x < columns else { break }
      cells[row * columns + x].text = character
      cells[row * columns + x].textStyle = style
    }
  }

  /// Sets the character a cell shows when nothing else is drawn in it, such as a grid line.
  public mutating func putBackground(
    _ character: Character, column: Int, row: Int, style: TextStyle = .plain
  ) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    cells[row * columns + column].background = character
    cells[row * columns + column].backgroundStyle = style
  }

  /// The character the cell at `(column, row)` shows: text, else dots, else background, else a
  /// space.
  public func character(column: Int, row: Int) -> Character {
    appearance(of: cells[index(column: column, row: row)]).character
  }

  /// The style the cell at `(column, row)` is shown in.
  public func style(column: Int, row: Int) -> TextStyle {
    appearance(of: cells[index(column: column, row: row)]).style
  }

  private func index(column: Int, row: Int) -> Int {
    precondition(
      column >= 0 && row >= 0 && column < columns && row < rows, "the cell is outside the canvas")
    return row * columns + column
  }

  func appearance(of cell: Cell) -> (character: Character, style: TextStyle) {
    if let text = cell.text { return (text, cell.textStyle) }
    if cell.dots != 0 {
      switch charset {
      case .braille:
        return (Character(Unicode.Scalar(0x2800 + UInt32(cell.dots))!), cell.dotStyle)
      case .ascii:
        return (cell.glyph, cell.dotStyle)
      }
    }
    if let background = cell.background { return (background, cell.backgroundStyle) }
    return (" ", .plain)
  }

  /// The bit of a braille pattern for a dot, numbered as in Unicode's braille block:
  /// dots 1-2-3-7 down the left column, 4-5-6-8 down the right.
  static func dotBit(column: Int, row: Int, charset: Charset) -> UInt8 {
    guard charset == .braille else { return 1 }
    let left: [UInt8] = [0x01, 0x02, 0x04, 0x40]
    let right: [UInt8] = [0x08, 0x10, 0x20, 0x80]
    return column == 0 ? left[row] : right[row]
  }
}
