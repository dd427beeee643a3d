import CSVCoding

extension Roster {
  /// The columns of a Canvas gradebook export that identify a student, in the order Canvas
  /// writes them (its gradebook import wants them back in that order).
  public static let canvasColumns = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
  /// The columns of a Moodle grade export or participants download that identify a student.
  public static let moodleColumns = [
    "First name", "Last name", "Surname", "ID number", "Username", "Email address",
  ]

  /// Whether the header is a Canvas gradebook export's: `Student`, `ID`, and an SIS column or
  /// `Section`.
  static func isCanvas(_ header: [String]) -> Bool {
    header.contains("student") && header.contains("id")
      && (header.contains("sisuserid") || header.contains("sisloginid")
        || header.contains("section"))
  }

  /// Whether the header is a Moodle export's: `First name`, `Last name` (or `Surname`), and an
  /// `Email address`, `ID number` or `Username` column.
  static func isMoodle(_ header: [String]) -> Bool {
    header.contains("firstname") && (header.contains("lastname") || header.contains("surname"))
      && (header.contains("emailaddress") || header.contains("idnumber")
        || header.contains("username"))
  }

  /// A Canvas gradebook export's students. Canvas writes `Student` as "Last, First", then
  /// the Canvas user `ID`, `SIS User ID`, `SIS Login ID` (when the institution has SIS ids)
  /// and `Section`, then one column per assignment and the totals. Its second row holds each
  /// assignment's points under a `Student` of "    Points Possible"; older exports add a row
  /// with no student that marks muted assignments (newer ones, "Manual Posting"); and the
  /// course's test student appears as "Student, Test".
  static func canvasRows(_ table: CSVTable, path: String) throws(ClassroomError) -> Rows {
    let header = table.header.map(ColumnName.normalized)
    let studentIndex = header.firstIndex(of: "student")!
    let idIndex = header.firstIndex(of: "id")!
    var skipped: [String] = []
    var records: [CSVRecord] = []
    for record in table.records {
      guard !record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) else { continue }
      let name = (record.field(at: studentIndex) ?? "").trimmingSpaces
      let canvasID = (record.field(at: idIndex) ?? "").trimmingSpaces
      if name.lowercased().hasPrefix("points possible") {
        skipped.append("line \(record.line): Points Possible")
      } else if name.isEmpty, canvasID.isEmpty {
        skipped.append("line \(record.line): a row with no student (muted or manual posting)")
      } else if ["student, test", "test student"].contains(name.lowercased()) {
        skipped.append("line \(record.line): the test student")
      } else {
        records.append(record)
      }
    }
    guard
      let idColumn = firstFilledColumn(
        ["SIS Login ID", "SIS User ID", "ID"], header: header, records: records)
    else {
      let line = records.first { ($0.field(at: idIndex) ?? "").trimmingSpaces.isEmpty }?.line ?? 0
      throw .invalidRoster(path: path, reason: "line \(line) has no Canvas ID")
    }
    var rows = Rows(source: .canvas, idColumn: idColumn.name, skipped: skipped)
    for record in records {
      let id = (record.field(at: idColumn.index) ?? "").trimmingSpaces
      let name = (record.field(at: studentIndex) ?? "").trimmingSpaces
      rows.students.append(
        (id, name.isEmpty ? nil : name, record.line, fields(canvasColumns, of: record, header: header)))
    }
    return rows
  }

  /// A Moodle export's students: the grade export (Grades › Export › Plain text file:
  /// `First name`, `Last name` or `Surname` in older versions, `ID number`, `Institution`,
  /// `Department`, `Email address`, the grade items, `Last downloaded from this course`) or the
  /// participants download (names, identity fields, `Roles`, `Groups`...). Rows whose `Roles`
  /// do not include Student (teachers, no roles) are left out.
  static func moodleRows(_ table: CSVTable, path: String) throws(ClassroomError) -> Rows {
    let header = table.header.map(ColumnName.normalized)
    let rolesIndex = header.firstIndex(of: "roles")
    var skipped: [String] = []
    var records: [CSVRecord] = []
    for record in table.records {
      guard !record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) else { continue }
      if let rolesIndex {
        let roles = (record.field(at: rolesIndex) ?? "").trimmingSpaces
        let isStudent = roles.split(separator: ",").contains {
          $0.trimmingSpaces.lowercased() == "student"
        }
        if !isStudent {
          skipped.append("line \(record.line): not a student (\(roles.isEmpty ? "no roles" : roles))")
          continue
        }
      }
      records.append(record)
    }
    guard
      let idColumn = firstFilledColumn(
        ["ID number", "Username", "Email address"], header: header, records: records)
    else {
      throw .invalidRoster(
        path: path,
        reason: "no column of ID number, Username or Email address is filled for every student")
    }
    let first = header.firstIndex(of: "firstname")!
    let last = header.firstIndex(of: "lastname") ?? header.firstIndex(of: "surname")!
    var rows = Rows(source: .moodle, idColumn: idColumn.name, skipped: skipped)
    for record in records {
      let id = (record.field(at: idColumn.index) ?? "").trimmingSpaces
      let name = [first, last].map { (record.field(at: $0) ?? "").trimmingSpaces }
        .filter { !$0.isEmpty }.joined(separator: " ")
      rows.students.append(
        (id, name.isEmpty ? nil : name, record.line, fields(moodleColumns, of: record, header: header)))
    }
    return rows
  }
}
