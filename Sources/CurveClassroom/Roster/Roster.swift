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

  /// Creates a student.
  public init(id: String, name: String? = nil, folder: String, line: Int) {
    self.id = id
    self.name = name
    self.folder = folder
    self.line = line
  }
}

/// A class list: a CSV file with an `id` (or `student`) column and, optionally, `name`.
///
/// ```swift
/// let roster = try Roster(csv: "id,name\nada,Ada Lovelace\n../../etc/x,Mallory\n", path: "roster.csv")
/// roster.students.map(\.folder)   // ["ada", "etc_x"]
/// ```
public struct Roster: Sendable, Equatable {
  /// The students, in file order.
  public var students: [RosterStudent]

  /// Reads a roster.
  ///
  /// - Throws: ``ClassroomError`` when the file has no id column, a row has no id, an id
  ///   repeats, or two ids give the same folder.
  public init(csv text: String, path: String) throws(ClassroomError) {
    let table: CSVTable
    do {
      table = try CSVTable(parsing: text, options: CSVReadingOptions(allowsRaggedRows: true))
    } catch {
      throw .invalidRoster(path: path, reason: error.description)
    }
    let header = table.header.map { ColumnName.normalized($0) }
    guard
      let idColumn = header.firstIndex(where: { ["id", "studentid", "student"].contains($0) })
    else {
      throw .invalidRoster(
        path: path,
        reason: "no 'id' or 'student' column in the header (\(table.header.joined(separator: ", ")))")
    }
    let nameColumn = header.firstIndex(where: { ["name", "studentname", "fullname"].contains($0) })
    var students: [RosterStudent] = []
    var byFolder: [String: RosterStudent] = [:]
    for record in table.records {
      let id = (record.field(at: idColumn) ?? "").trimmingSpaces
      if id.isEmpty {
        if record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) { continue }
        throw .invalidRoster(path: path, reason: "line \(record.line) has no student id")
      }
      let folder = Self.folderName(for: id)
      guard !folder.isEmpty else { throw .unusableStudentID(id, line: record.line) }
      if let other = byFolder[folder.lowercased()] {
        if other.id == id {
          throw .invalidRoster(
            path: path, reason: "'\(id)' is listed twice (lines \(other.line) and \(record.line))")
        }
        throw .rosterClash(
          first: other.id, firstLine: other.line, second: id, secondLine: record.line,
          folder: folder)
      }
      let name = nameColumn.flatMap { record.field(at: $0) }?.trimmingSpaces
      let student = RosterStudent(
        id: id, name: name?.isEmpty == false ? name : nil, folder: folder, line: record.line)
      byFolder[folder.lowercased()] = student
      students.append(student)
    }
    guard !students.isEmpty else { throw .invalidRoster(path: path, reason: "it lists no students") }
    self.students = students
  }

  /// A folder name for a student id that cannot leave `students/`: letters, digits, `-` and
  /// `_` are kept, every other run of characters (`/`, `\`, `.`, spaces, ...) becomes one
  /// `_`, and `_` or `-` at either end is dropped. So there is no separator, no `..` and no
  /// leading dot; `../../etc/x` becomes `etc_x` and `/abs` becomes `abs`. Empty when the id
  /// has no letter or digit.
  public static func folderName(for id: String) -> String {
    var result = ""
    var pendingSeparator = false
    for character in id {
      let isSafe = character.isASCII && (character.isLetter || character.isNumber || character == "-")
      if isSafe {
        if pendingSeparator, !result.isEmpty { result.append("_") }
        pendingSeparator = false
        result.append(character)
      } else {
        pendingSeparator = true
      }
    }
    while result.last == "-" { result.removeLast() }
    while result.first == "-" { result.removeFirst() }
    return String(result.prefix(64))
  }
}

/// Header names compared loosely: case, spaces, `-` and `_` ignored.
enum ColumnName {
  static func normalized(_ name: String) -> String {
    String(name.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
