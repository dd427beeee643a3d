/// A GitHub pipe table: a header row, column alignments and body rows.
///
/// Every row has exactly one cell per column: short rows are filled with empty cells and
/// extra cells are dropped, as GitHub does.
///
/// ```swift
/// let table = MarkdownTable(
///   alignments: [.left, .right],
///   header: [[.text("metric")], [.text("value")]],
///   rows: [[[.text("loss")], [.text("0.42")]]])
/// ```
public struct MarkdownTable: Sendable, Equatable {
  /// How a column's cells line up, from the colons in the delimiter row.
  public enum Alignment: Sendable, Equatable {
    /// No colons: `---`; shown left-aligned.
    case none
    /// `:---`
    case left
    /// `:---:`
    case center
    /// `---:`
    case right
  }

  /// The inline content of one cell.
  public typealias Cell = [MarkdownInline]

  /// One alignment per column.
  public var alignments: [Alignment]
  /// The header cells, one per column.
  public var header: [Cell]
  /// The body rows, each with one cell per column.
  public var rows: [[Cell]]

  /// Creates a table.
  public init(alignments: [Alignment], header: [Cell], rows: [[Cell]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }
}
