import CSVCoding

/// A class's answers as read from CSV, one row per student and exercise, before grading.
///
/// Columns are found by name, ignoring case, spaces, `-` and `_`, with common variants:
/// `student` (`student_id`, `id`, `name`), `exercise` (`ex`, `exercise_id`), `pattern`,
/// `stop` (`keep_step`, `step`, `checkpoint`), `cause` (`why`, `reason`), `remedy` (`change`,
/// `fix`), `set_size`
/// (`eval_size`) and `patience_stop`.
public struct AnswerSheet: Sendable {
  /// One row.
  public struct Row: Sendable, Equatable {
    /// The CSV line.
    public var line: Int
    /// The student as written.
    public var student: String
    /// The exercise as written.
    public var exercise: String
    /// The answer text by question name (`pattern`, `stop`, `cause`, `remedy`, `set-size`,
    /// `patience-stop`); trimmed, possibly empty.
    public var answers: [String: String]
  }

  /// The rows, in file order.
  public var rows: [Row]
  /// The path, for messages.
  public var path: String

  static let columnVariants: [(question: String, names: [String])] = [
    ("student", ["student", "studentid", "id", "name", "studentname"]),
    ("exercise", ["exercise", "exerciseid", "ex", "exerciseno", "exercisenumber"]),
    ("pattern", ["pattern", "diagnosis", "verdict"]),
    ("stop", ["stop", "keepstep", "step", "stopstep", "checkpoint", "beststep"]),
    ("remedy", ["remedy", "change", "fix", "action"]),
    ("cause", ["cause", "why", "reason"]),
    ("set-size", ["setsize", "evalsize", "evaluationsetsize"]),
    ("patience-stop", ["patiencestop", "patience"]),
  ]

  /// Reads an answers file.
  ///
  /// - Throws: ``ClassroomError/missingColumn(path:column:found:)`` without a student or
  ///   exercise column; ``ClassroomError/cannotRead(path:reason:)`` when it is not CSV.
  public init(csv text: String, path: String) throws(ClassroomError) {
    let (table, header) = try ColumnName.table(text) {
      ClassroomError.cannotRead(path: path, reason: $0)
    }
    var columns: [String: Int] = [:]
    for (question, names) in Self.columnVariants {
      for name in names {
        if let index = header.firstIndex(of: name), !columns.values.contains(index) {
          columns[question] = index
          break
        }
      }
    }
    for required in ["student", "exercise"] where columns[required] == nil {
      throw .missingColumn(path: path, column: required, found: table.header)
    }
    rows = table.records.compactMap { record -> Row? in
      guard !record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) else { return nil }
      var answers: [String: String] = [:]
      for (question, index) in columns where question != "student" && question != "exercise" {
        answers[question] = record.field(at: index)?.trimmingSpaces ?? ""
      }
      return Row(
        line: record.line, student: record.field(at: columns["student"]!)?.trimmingSpaces ?? "",
        exercise: record.field(at: columns["exercise"]!)?.trimmingSpaces ?? "", answers: answers)
    }
    self.path = path
  }
}
