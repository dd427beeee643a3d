import CSVCoding

/// A gradebook file to import into a learning-management system: one row per student with the
/// set's score, identified as the system knows them.
///
/// **Canvas** (Grades › Import): `Student`, `ID`, `SIS User ID`, `SIS Login ID`, `Section`
/// as Canvas exports them, then one column named after the assignment; a second row
/// `    Points Possible` gives the set's maximum, so Canvas creates the assignment with those
/// points when no assignment has that name. Students from a Canvas roster keep their Canvas
/// ids; others get their id as `SIS Login ID`.
///
/// **Moodle** (Grades › Import › CSV file): the identity columns of a Moodle roster
/// (`First name`, `Last name`, `ID number`, `Username`, `Email address`), or `Student ID` and
/// `Name` for another roster, then `<assignment> (points)` and `<assignment> (%)`. On import,
/// map the identity column to the matching user field and one score column to the grade item
/// (the percentage to a new item, whose maximum is 100).
///
/// A student with no answers at all gets an empty score, so an import leaves their grade
/// alone rather than writing 0.
///
/// Variants need not be worth the same points (the stop question is asked only where a
/// student's run has a checkpoint worth keeping). Canvas takes one `Points Possible` for the
/// assignment, so it is the largest maximum and each student's score is their share of what
/// they could earn in those points; Moodle's `(points)` column is the points earned and its
/// `(%)` column the share.
public struct Gradebook: Sendable {
  /// The systems a gradebook is written for.
  public enum System: String, Sendable, CaseIterable {
    /// Canvas LMS.
    case canvas
    /// Moodle.
    case moodle
  }

  /// The system.
  public var system: System
  /// The assignment's (grade item's) name.
  public var assignment: String
  /// The grades.
  public var grades: ClassGrades
  /// The roster, for each student's identifiers; empty for a class set.
  public var roster: [RosterStudent]

  /// Creates a gradebook.
  public init(system: System, assignment: String, grades: ClassGrades, roster: [RosterStudent]) {
    self.system = system
    self.assignment = assignment
    self.grades = grades
    self.roster = roster
  }

  /// The CSV text.
  public var csv: String {
    let byID = Dictionary(roster.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let maximum = grades.students.map(\.maximum).max() ?? 0
    func points(_ student: ClassGrades.Student) -> String {
      student.hasAnswers ? ClassGrades.points(student.points) : ""
    }
    func canvasPoints(_ student: ClassGrades.Student) -> String {
      guard student.hasAnswers else { return "" }
      return student.maximum == maximum
        ? ClassGrades.points(student.points) : ClassGrades.points(student.fraction * maximum)
    }
    switch system {
    case .canvas:
      var rows = [["    Points Possible", "", "", "", "", ClassGrades.points(maximum)]]
      for student in grades.students {
        let known = byID[student.id]
        let fromCanvas = known?.identifier("ID") != nil
        rows.append([
          known?.identifier("Student") ?? known?.name ?? student.id,
          known?.identifier("ID") ?? "",
          known?.identifier("SIS User ID") ?? "",
          fromCanvas ? known?.identifier("SIS Login ID") ?? "" : student.id,
          known?.identifier("Section") ?? "",
          canvasPoints(student),
        ])
      }
      return CSVWriter().text(header: Roster.canvasColumns + [assignment], rows: rows)
    case .moodle:
      let columns = Roster.moodleColumns.filter { column in
        roster.contains { $0.identifier(column) != nil }
      }
      let identity = columns.isEmpty ? ["Student ID", "Name"] : columns
      let header = identity + ["\(assignment) (points)", "\(assignment) (%)"]
      let rows = grades.students.map { student -> [String] in
        let known = byID[student.id]
        let names =
          columns.isEmpty
          ? [student.id, known?.name ?? ""] : columns.map { known?.identifier($0) ?? "" }
        return names + [
          points(student), student.hasAnswers ? ClassGrades.percent(student.fraction) : "",
        ]
      }
      return CSVWriter().text(header: header, rows: rows)
    }
  }
}
