/// Rows of optional numbers kept as one flat list of the cells that hold a value.
///
/// Logs are wide and sparse (a Lightning `metrics.csv` fills two or three of its columns on
/// each row; a table merged from TensorBoard series one), and long (a million rows). An array
/// per row would cost an allocation and 16 bytes a column on every row; here a row costs 8
/// bytes and each value 16, in two arrays for the whole table.
///
/// ```swift
/// var rows = SparseRows()
/// rows.append([0.5, nil, 0.7])
/// rows[0][2]  // 0.7
/// rows[0][1]  // nil
/// ```
struct SparseRows: RandomAccessCollection {
  /// A present value and its column.
  struct Cell {
    var column: Int32
    var value: Double
  }

  /// One row: its present cells, in column order as they were appended.
  struct Row {
    let cells: ArraySlice<Cell>

    /// The value in `column`, or `nil` where the row has none.
    subscript(column: Int) -> Double? {
      for cell in cells where Int(cell.column) == column { return cell.value }
      return nil
    }
  }

  private var cells: [Cell] = []
  /// Where each row's cells end in ``cells``; a row starts where the one before it ends.
  private var ends: [Int] = []

  var startIndex: Int { 0 }
  var endIndex: Int { ends.count }

  subscript(position: Int) -> Row {
    Row(cells: cells[(position == 0 ? 0 : ends[position - 1])..<ends[position]])
  }

  /// Makes room for `rows` rows of `cells` values in all.
  mutating func reserveCapacity(rows: Int, cells: Int) {
    ends.reserveCapacity(rows)
    self.cells.reserveCapacity(cells)
  }

  /// Appends a row from a value (or `nil`) per column.
  mutating func append(_ values: [Double?]) {
    for (column, value) in values.enumerated() {
      if let value { cells.append(Cell(column: Int32(column), value: value)) }
    }
    ends.append(cells.count)
  }

  /// Appends a row from its present cells.
  mutating func append(cells row: some Sequence<(column: Int, value: Double)>) {
    for (column, value) in row { cells.append(Cell(column: Int32(column), value: value)) }
    ends.append(cells.count)
  }

  /// Appends a row whose cells are `row`'s, kept or moved to new columns by `column`
  /// (`nil` leaves a cell out).
  mutating func append(_ row: Row, mappingColumns column: (Int) -> Int?) {
    for cell in row.cells {
      if let target = column(Int(cell.column)) {
        cells.append(Cell(column: Int32(target), value: cell.value))
      }
    }
    ends.append(cells.count)
  }
}
