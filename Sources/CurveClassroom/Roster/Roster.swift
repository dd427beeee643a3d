import CSVCoding

/// One student of a roster.
public struct RosterStudent: Sendable, Equatable {
  /// The id as written in the roster; it seeds the student's variant.
  public var id: String
  /// The name, when the roster has one.
  public var name: String?
  /// The folder under `students/`: the id made safe (see ``Roster/folderName(for:)``).
  public var folder: String
  /// The roster line, for messages.
  public var line: Int
  /// The student's identifiers in the system the roster came from, by column
  /// (`ID`, `SIS User ID`, `SIS Login ID`, `Section` from Canvas; `ID number`,
  /// `Email address` from Moodle), for the gradebook file and for matching answer rows.
  public var identifiers: [RosterField]

  /// Creates a student.
  public init(
    id: String, name: String? = nil, folder: String, line: Int, identifiers: [RosterField] = []
  ) {
    self.id = id
    self.name = name
    self.folder = folder
    self.line = line
    self.identifiers = identifiers
  }

  /// The value of the identifier column `name`, or `nil`.
  public func identifier(_ name: String) -> String? {
    identifiers.first { $0.column == name }?.value
  }
}

/// One column of a student's row in an exported roster.
public struct RosterField: Sendable, Equatable {
  /// The column's name as the export writes it.
  public var column: String
  /// The value.
  public var value: String

  /// Creates a field.
  public init(_ column: String, _ value: String) {
    self.column = column
    self.value = value
  }
}

/// Where a roster came from.
public enum RosterSource: String, Sendable, Equatable, CaseIterable {
  /// A CSV with an `id` (or `student`) column and optionally `name`.
  case plain
  /// A Canvas gradebook export (Grades › Export).
  case canvas
  /// A Moodle grade export or participants download.
  case moodle
}

/// A class list: a plain CSV with an `id` column, or a Canvas or Moodle export.
///
/// The kind is told from the header:
///
/// | Source | Header | Id | Rows left out |
/// |---|---|---|---|
/// | Canvas gradebook export | `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`, then assignments | `SIS Login ID`, else `SIS User ID`, else `ID` (the first every student has) | `Points Possible`, the muted / manual-posting row, the test student |
/// | Moodle grade export or participants | `First name`, `Last name` (or `Surname`), `ID number`, `Username`, `Email address`, ..., `Roles` | `ID number`, else `Username`, else `Email address` | rows whose `Roles` do not include Student |
/// | plain | `id` (or `student id`, `student`), optional `name` | `id` | blank rows |
///
/// ```swift
/// let roster = try Roster(csv: "id,name\nada,Ada Lovelace\n../../etc/x,Mallory\n", path: "roster.csv")
/// roster.students.map(\.folder)   // ["ada", "etc_x"]
/// ```
public struct Roster: Sendable, Equatable {
  /// The students, in file order.
  public var students: [RosterStudent]
  /// Where the roster came from.
  public var source: RosterSource
  /// The column the ids were taken from.
  public var idColumn: String
  /// Rows left out, with the reason: `line 2: Points Possible`.
  public var skipped: [String]

  /// Reads a roster.
  ///
  /// - Throws: ``ClassroomError`` when the file has no id column, a row has no id, an id
  ///   repeats, or two ids give the same folder.
  public init(csv text: String, path: String) throws(ClassroomError) {
    let (table, header) = try ColumnName.table(text) {
      ClassroomError.invalidRoster(path: path, reason: $0)
    }
    let rows: Rows
    if Self.isCanvas(header) {
      rows = try Self.canvasRows(table, path: path)
    } else if Self.isMoodle(header) {
      rows = try Self.moodleRows(table, path: path)
    } else {
      rows = try Self.plainRows(table, path: path)
    }
    var students: [RosterStudent] = []
    var byFolder: [String: RosterStudent] = [:]
    for row in rows.students {
      let folder = Self.folderName(for: row.id)
      guard !folder.isEmpty else { throw .unusableStudentID(row.id, line: row.line) }
      if let other = byFolder[folder.lowercased()] {
        if other.id == row.id {
          throw .invalidRoster(
            path: path, reason: "'\(row.id)' is listed twice (lines \(other.line) and \(row.line))")
        }
        throw .rosterClash(
          first: other.id, firstLine: other.line, second: row.id, secondLine: row.line,
          folder: folder)
      }
      let student = RosterStudent(
        id: row.id, name: row.name, folder: folder, line: row.line, identifiers: row.identifiers)
      byFolder[folder.lowercased()] = student
      students.append(student)
    }
    guard !students.isEmpty else { throw .invalidRoster(path: path, reason: "it lists no students") }
    self.students = students
    source = rows.source
    idColumn = rows.idColumn
    skipped = rows.skipped
  }

  /// The student `text` names: the id exactly, else one whose name or LMS identifier is
  /// exactly `text`; `nil` when none or several do.
  public func student(exactly text: String) -> RosterStudent? {
    if let student = students.first(where: { $0.id == text }) { return student }
    let matches = students.filter { student in
      student.name == text || student.identifiers.contains { $0.value == text && !$0.value.isEmpty }
    }
    return matches.count == 1 ? matches[0] : nil
  }

  /// Students whose id matches `text` ignoring case, spaces and punctuation: the suggestions
  /// when ``student(exactly:)`` finds none.
  public func students(resembling text: String) -> [RosterStudent] {
    let loose = ColumnName.normalized(text)
    return students.filter {
      ColumnName.normalized($0.id) == loose || $0.name.map(ColumnName.normalized) == loose
    }
  }

  /// The students of a file, before folders are made.
  struct Rows {
    var students: [(id: String, name: String?, line: Int, identifiers: [RosterField])] = []
    var source: RosterSource
    var idColumn: String
    var skipped: [String] = []
  }

  private static func plainRows(_ table: CSVTable, path: String) throws(ClassroomError) -> Rows {
    let header = table.header.map(ColumnName.normalized)
    guard
      let idColumn = header.firstIndex(where: { ["id", "studentid", "student"].contains($0) })
    else {
      throw .invalidRoster(
        path: path,
        reason: "no 'id' or 'student' column in the header (\(table.header.joined(separator: ", "))); "
          + "a Canvas gradebook export or a Moodle grade export is also read")
    }
    let nameColumn = header.firstIndex(where: { ["name", "studentname", "fullname"].contains($0) })
    var rows = Rows(source: .plain, idColumn: table.header[idColumn])
    for record in table.records {
      let id = (record.field(at: idColumn) ?? "").trimmingSpaces
      if id.isEmpty {
        if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
        throw .invalidRoster(path: path, reason: "line \(record.line) has no student id")
      }
      let name = nameColumn.flatMap { record.field(at: $0) }?.trimmingSpaces
      rows.students.append((id, name?.isEmpty == false ? name : nil, record.line, []))
    }
    return rows
  }

  /// The first of `columns` that every row in `records` fills, by its index.
  static func firstFilledColumn(
    _ columns: [String], header: [String], records: [CSVRecord]
  ) -> (name: String, index: Int)? {
    for column in columns {
      guard let index = header.firstIndex(of: ColumnName.normalized(column)) else { continue }
      if records.allSatisfy({ !($0.field(at: index) ?? "").trimmingSpaces.isEmpty }) {
        return (column, index)
      }
    }
    return nil
  }

  /// The named columns of a record that have a value, for the student's identifiers.
  static func fields(_ columns: [String], of record: CSVRecord, header: [String]) -> [RosterField] {
    columns.compactMap { column in
      guard let index = header.firstIndex(of: ColumnName.normalized(column)) else { return nil }
      let value = (record.field(at: index) ?? "").trimmingSpaces
      return value.isEmpty ? nil : RosterField(column, value)
    }
  }
}

/// Header names compared loosely: case, spaces, `-` and `_` ignored.
enum ColumnName {
  static func normalized(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }

  /// A CSV file an instructor supplies (a roster, answers, accepted answers), read with ragged
  /// rows allowed, and its header normalized; a file that is not CSV becomes `failure`'s error.
  static func table(_ text: String, failure: (String) -> ClassroomError) throws(ClassroomError)
    -> (table: CSVTable, header: [String])
  {
    do {
      let table = try CSVTable(parsing: text, options: CSVReadingOptions(allowsRaggedRows: true))
      return (table, table.header.map(normalized))
    } catch {
      throw failure(error.description)
    }
  }
}
