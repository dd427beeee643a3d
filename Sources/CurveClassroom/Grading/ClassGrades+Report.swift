import CSVCoding
import CurveDiagnosis
public import JSONCoding

extension ClassGrades {
  /// The results CSV: one row per student with points per exercise, then the total, the
  /// maximum and the percentage.
  public var resultsCSV: String {
    let exercises = students.first?.grades.map(\.exercise) ?? []
    let header = ["student"] + exercises + ["points", "maximum", "percent", "policy"]
    let rows = students.map { student in
      [student.id] + student.grades.map { Self.points($0.grade.points) }
        + [
          Self.points(student.points), Self.points(student.maximum),
          Self.percent(student.fraction), policy.rawValue,
        ]
    }
    return CSVWriter().text(header: header, rows: rows)
  }

  /// The readable summary: the policy, each student's score, and how each question went.
  public var summary: String {
    var text = "Policy: \(policy.statement).\n\n"
    let width = max(7, (students.map(\.id.count).max() ?? 0) + 2)
    text += "Student".padded(width) + "Points".padded(9) + "Max".padded(7) + "Percent\n"
    for student in students {
      text += student.id.padded(width) + Self.points(student.points).padded(9)
      text += Self.points(student.maximum).padded(7) + Self.percent(student.fraction) + "%\n"
    }
    if !students.isEmpty {
      let mean = students.reduce(0) { $0 + $1.fraction } / Double(students.count)
      text += "Class average: \(Self.percent(mean))% over \(students.count) student"
      text += students.count == 1 ? "\n" : "s\n"
    }
    text += "\nPer question: share fully right, and the most common wrong answer\n"
    for statistic in statistics {
      var line = "  " + statistic.exercise.padded(8) + statistic.question.padded(15)
      line += "\(Self.percent(statistic.shareRight))% right".padded(13)
      if let wrong = statistic.commonWrong {
        line += "wrong: \(wrong.answer) (\(wrong.count))"
      }
      if statistic.blank > 0 { line += (statistic.commonWrong == nil ? "" : "; ") + "blank \(statistic.blank)" }
      text += line.trailingSpacesRemoved + "\n"
    }
    let read = notes.filter { !$0.isFromAcceptedAnswers }
    if !read.isEmpty {
      text += "\nRead with a correction (\(read.count) answer\(read.count == 1 ? "" : "s")); "
      text += "check them (--json lists every one):\n"
      text += Self.groupedNoteLines(read)
    }
    let accepted = notes.filter(\.isFromAcceptedAnswers)
    if !accepted.isEmpty {
      text += "\nCredited by the accepted answers (\(accepted.count)):\n"
      text += Self.noteLines(accepted)
    }
    if !warnings.isEmpty {
      text += "\n\(warnings.count) warning\(warnings.count == 1 ? "" : "s") (on standard error)\n"
    }
    return text
  }

  /// Everything as JSON: policy, students with each answer and explanation, statistics and
  /// warnings.
  public var json: JSONValue {
    [
      "format": "curvelab-grades",
      "version": 1,
      "policy": .string(policy.rawValue),
      "policy_statement": .string(policy.statement),
      "students": .array(
        students.map { student in
          [
            "id": .string(student.id),
            "points": .double(student.points),
            "maximum": .double(student.maximum),
            "percent": .double((student.fraction * 1000).rounded() / 10),
            "exercises": .array(
              student.grades.map { exercise, grade in
                [
                  "id": .string(exercise),
                  "points": .double(grade.points),
                  "maximum": .double(grade.maximum),
                  "answers": .array(
                    grade.items.map { item in
                      [
                        "question": .string(item.question.name),
                        "given": .string(item.given),
                        "expected": .string(item.expected),
                        "credit": .double(item.credit),
                        "points": .double(item.points),
                        "explanation": .string(item.explanation),
                        "note": item.note.map(JSONValue.string) ?? .null,
                      ]
                    }),
                ]
              }),
          ]
        }),
      "statistics": .array(
        statistics.map { statistic in
          [
            "exercise": .string(statistic.exercise),
            "question": .string(statistic.question),
            "answered": .integer(Int64(statistic.answered)),
            "right": .integer(Int64(statistic.right)),
            "blank": .integer(Int64(statistic.blank)),
            "most_common_wrong": statistic.commonWrong.map { .string($0.answer) } ?? .null,
            "most_common_wrong_count": .integer(Int64(statistic.commonWrong?.count ?? 0)),
          ]
        }),
      "notes": .array(
        notes.map {
          [
            "student": .string($0.student), "exercise": .string($0.exercise),
            "question": .string($0.question), "written": .string($0.written),
            "note": .string($0.text),
            "source": .string($0.isFromAcceptedAnswers ? "accepted-answers" : "reading"),
          ]
        }),
      "warnings": .array(warnings.map(JSONValue.string)),
    ]
  }

  /// One line per distinct reading, most frequent first: what happened, how many answers, and
  /// the first few students and exercises.
  private static func groupedNoteLines(_ notes: [Note]) -> String {
    var groups: [(text: String, notes: [Note])] = []
    for note in notes {
      if let index = groups.firstIndex(where: { $0.text == note.text }) {
        groups[index].notes.append(note)
      } else {
        groups.append((note.text, [note]))
      }
    }
    let ordered = groups.enumerated().sorted {
      $0.element.notes.count != $1.element.notes.count
        ? $0.element.notes.count > $1.element.notes.count : $0.offset < $1.offset
    }.map(\.element)
    return ordered.map { group in
      let shown = group.notes.prefix(6).map { "\($0.student) \($0.exercise) \($0.question)" }
      let more = group.notes.count > shown.count ? ", +\(group.notes.count - shown.count) more" : ""
      let count = group.notes.count == 1 ? "" : " (\(group.notes.count))"
      return "  \(group.text)\(count): \(shown.joined(separator: ", "))\(more)\n"
    }.joined()
  }

  /// One line per note: student, exercise, question, what was written, and what happened.
  private static func noteLines(_ notes: [Note]) -> String {
    let width = min(24, (notes.map(\.student.count).max() ?? 0) + 2)
    return notes.map { note in
      var line = "  " + note.student.padded(width) + note.exercise.padded(8) + note.question.padded(15)
      line += note.isFromAcceptedAnswers ? "'\(note.written)': \(note.text)" : note.text
      return line + "\n"
    }.joined()
  }

  static func points(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
  }

  static func percent(_ fraction: Double) -> String {
    String((fraction * 1000).rounded() / 10)
  }
}

extension String {
  fileprivate func padded(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  fileprivate var trailingSpacesRemoved: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
