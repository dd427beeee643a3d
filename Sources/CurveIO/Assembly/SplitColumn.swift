/// A column that says which data set each row measures, in logs written one row per set.
///
/// Many training loops write a long table: `epoch,phase,loss,acc` with a `train` row and a
/// `val` row for every epoch (`split`, `mode`, `stage` and `subset` are other names for the
/// column). Read as it stands, both rows fill one `loss` column at one epoch, and the
/// validation values are lost. With such a column, each row's values are read under the set's
/// name: `loss` on a `val` row is `val_loss`, on a `train` row `train_loss`; ``MetricNames``
/// then gives them their meaning as for any other column. Counters (`epoch`, `step`) and
/// timing stay as they are; a learning rate or gradient norm is kept from training rows only.
///
/// The column counts only when one of its values names a set (`train`, `training`, `val`,
/// `valid`, `validation`, `eval`, `dev`, `test`); otherwise it is a text column like any other.
///
/// ```swift
/// // epoch,phase,loss,acc      ->  columns epoch, train_loss, train_acc, val_loss, val_acc
/// // 1,train,0.61,0.70
/// // 1,val,0.66,0.64
/// ```
struct SplitColumn {
  /// The column's position.
  let column: Int
  /// The values seen, lowercased with separators as `_`, in the order first seen.
  private(set) var names: [String] = []
  /// Each name's position in ``names``.
  private var positions: [String: Int32] = [:]
  /// Whether more than ``largestSetCount`` values were seen: then the column names no sets.
  private(set) var hasTooManyValues = false
  /// The most sets a log holds (train, val, test and a few more evaluation sets); a column with
  /// more values is some other text (a run name per row, say).
  static let largestSetCount = 16
  /// Each row's set, as a position in ``names``, or -1 for a row without one.
  private(set) var rowSets: [Int32] = []
  /// The first line and value, for the warning when the column turns out not to name sets.
  private(set) var firstText: (line: Int, text: String)?

  /// Names a column may have when it says the set a row measures.
  static let columnNames: Set<String> = [
    "phase", "split", "mode", "stage", "subset", "set", "partition", "data_split",
    "dataset_split", "fold_type",
  ]
  /// Values that name a set.
  static let setNames: Set<String> = [
    "train", "training", "val", "valid", "validation", "eval", "evaluation", "dev", "test",
    "testing",
  ]

  /// A split column at `column`.
  init(column: Int) {
    self.column = column
  }

  /// The split column among `header`, if there is one.
  init?(header: [String]) {
    guard
      let column = header.firstIndex(where: {
        Self.columnNames.contains(MetricNames.normalizedText($0))
      })
    else { return nil }
    self.column = column
  }

  /// Whether the column names sets (one of its values does).
  var namesSets: Bool { !hasTooManyValues && names.contains { Self.setNames.contains($0) } }

  /// Notes the set of the row about to be added, from its cell in the column.
  mutating func addRow(cell: String?, line: Int) {
    let text = MetricNames.normalizedText(cell ?? "")
    guard !text.isEmpty else {
      rowSets.append(-1)
      return
    }
    if firstText == nil { firstText = (line, cell ?? "") }
    if let known = positions[text] {
      rowSets.append(known)
    } else if names.count < Self.largestSetCount {
      positions[text] = Int32(names.count)
      names.append(text)
      rowSets.append(Int32(names.count - 1))
    } else {
      hasTooManyValues = true
      rowSets.append(-1)
    }
  }

  /// The table with each row's values moved to columns named after its set, the columns
  /// emptied by the move left out, and the split column left out.
  func pivot(_ header: [String], _ rows: SparseRows)
    -> (header: [String], rows: SparseRows, example: String?)
  {
    let roles = header.map(MetricNames.role(of:))
    let moves = header.indices.map { index in
      index != column && ![.step, .epoch, .ignored, .learningRate, .gradientNorm].contains(roles[index])
    }
    let trainingOnly = header.indices.map { [.learningRate, .gradientNorm].contains(roles[$0]) }
    let isTraining = names.map { $0 == "train" || $0 == "training" }
    // New columns: (column, set) pairs in the order first met, after the kept columns.
    var target: [Int: [Int32: Int]] = [:]
    var moved: [(column: Int, set: Int32)] = []
    var holdsValue = [Bool](repeating: false, count: header.count)
    var cells: [[(column: Int, value: Double)]] = []
    cells.reserveCapacity(rows.count)
    for (position, row) in rows.enumerated() {
      let set = rowSets[position]
      var out: [(column: Int, value: Double)] = []
      for cell in row.cells {
        let index = Int(cell.column)
        if set >= 0 && moves[index] {
          let key: Int
          if let known = target[index]?[set] {
            key = known
          } else {
            key = header.count + moved.count
            target[index, default: [:]][set] = key
            moved.append((index, set))
          }
          out.append((key, cell.value))
        } else if set >= 0 && trainingOnly[index] && !isTraining[Int(set)] {
          continue
        } else {
          holdsValue[index] = true
          out.append((index, cell.value))
        }
      }
      cells.append(out)
    }
    // Keep the original columns that still hold values (or never moved), then the new ones.
    var position = [Int?](repeating: nil, count: header.count + moved.count)
    var newHeader: [String] = []
    for index in header.indices where index != column && (holdsValue[index] || !moves[index]) {
      position[index] = newHeader.count
      newHeader.append(header[index])
    }
    for (offset, entry) in moved.enumerated() {
      position[header.count + offset] = newHeader.count
      newHeader.append("\(names[Int(entry.set)])_\(header[entry.column])")
    }
    var newRows = SparseRows()
    newRows.reserveCapacity(rows: rows.count, cells: 0)
    for row in cells {
      let mapped = row.compactMap { cell in position[cell.column].map { ($0, cell.value) } }
      newRows.append(cells: mapped.sorted { $0.0 < $1.0 })
    }
    // An example for the note: a value moved off an evaluation row, else any.
    let example = (moved.first { !isTraining[Int($0.set)] } ?? moved.first).map {
      let name = LogText.excerpt(header[$0.column])
      let set = names[Int($0.set)]
      return "'\(name)' on a '\(set)' row is read as '\(set)_\(name)'"
    }
    return (newHeader, newRows, example)
  }

  /// The note that says how the rows were read, with an example from ``pivot(_:_:)``.
  func warning(file: String, header: [String], example: String?) -> String {
    "\(file): the '\(LogText.excerpt(header[column]))' column says which set each row "
      + "measures (\(LogText.list(names, limit: 6)))"
      + (example.map { "; \($0), and so on" } ?? "")
  }
}
