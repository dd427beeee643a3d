import CurveDiagnosis
public import CurveExercises

/// A class's answers graded against a set's keys, with per-question statistics and the
/// warnings raised by messy input.
///
/// Nothing is dropped silently: a blank answer scores 0 and is counted; an unknown student or
/// exercise, an unreadable answer, or a repeated row gives a warning naming the CSV line.
public struct ClassGrades: Sendable {
  /// One student's marks.
  public struct Student: Sendable {
    /// The id.
    public var id: String
    /// Each exercise's grade, in key order, with its id.
    public var grades: [(exercise: String, grade: ExerciseGrade)]
    /// Points earned.
    public var points: Double { grades.reduce(0) { $0 + $1.grade.points } }
    /// Points available.
    public var maximum: Double { grades.reduce(0) { $0 + $1.grade.maximum } }
    /// Share of the points, 0 to 1.
    public var fraction: Double { maximum > 0 ? points / maximum : 0 }
  }

  /// How one question of one exercise went across the class.
  public struct QuestionStatistic: Sendable, Equatable {
    /// The exercise's id.
    public var exercise: String
    /// The question's name.
    public var question: String
    /// Students graded.
    public var answered: Int
    /// Students with full credit.
    public var right: Int
    /// Blank answers.
    public var blank: Int
    /// The most common wrong (non-blank) answer and how often it was given.
    public var commonWrong: (answer: String, count: Int)?

    /// Share with full credit.
    public var shareRight: Double { answered > 0 ? Double(right) / Double(answered) : 0 }

    public static func == (a: QuestionStatistic, b: QuestionStatistic) -> Bool {
      a.exercise == b.exercise && a.question == b.question && a.answered == b.answered
        && a.right == b.right && a.blank == b.blank && a.commonWrong?.answer == b.commonWrong?.answer
        && a.commonWrong?.count == b.commonWrong?.count
    }
  }

  /// The policy used.
  public var policy: GradingPolicy
  /// The students, in roster order (or in order of first appearance without a roster).
  public var students: [Student]
  /// Per exercise and question, in key order.
  public var statistics: [QuestionStatistic]
  /// Warnings, each naming the CSV line where it can.
  public var warnings: [String]
  /// Blank answers scored 0.
  public var blankAnswers: Int

  /// Grades `sheet` against `key`.
  public init(sheet: AnswerSheet, key: GradingKey, policy: GradingPolicy) {
    self.policy = policy
    var warnings: [String] = []
    let file = sheet.path
    // Resolve each row's student and exercise; the last of repeated rows wins.
    var order: [String] = key.students.map(\.id)
    var chosen: [String: [String: AnswerSheet.Row]] = [:]
    var firstLine: [String: Int] = [:]
    for row in sheet.rows {
      guard let student = Self.student(row.student, in: key, known: order) else {
        warnings.append(
          "\(file):\(row.line): unknown student '\(row.student)'; row skipped"
            + (key.students.isEmpty ? "" : " (not in the set's roster)"))
        continue
      }
      let items = key.items(for: student) ?? []
      guard let item = Self.exercise(row.exercise, in: items) else {
        warnings.append("\(file):\(row.line): unknown exercise '\(row.exercise)'; row skipped")
        continue
      }
      if !order.contains(student) { order.append(student) }
      let pair = student + "\u{0}" + item.id
      if let earlier = firstLine[pair] {
        warnings.append(
          "\(file):\(row.line): student '\(student)' answers \(item.id) again (first on line "
            + "\(earlier)); this later row counts")
      } else {
        firstLine[pair] = row.line
      }
      chosen[student, default: [:]][item.id] = row
    }
    var blanks = 0
    var students: [Student] = []
    for id in order {
      guard let items = key.items(for: id) else { continue }
      var grades: [(String, ExerciseGrade)] = []
      var missing: [String] = []
      for item in items {
        let row = chosen[id]?[item.id]
        if row == nil { missing.append(item.id) }
        let (answer, rowBlanks, rowWarnings, unreadable) = Self.answer(row, item: item, file: file)
        blanks += rowBlanks
        warnings += rowWarnings
        var grade = item.solved.grade(answer, policy: policy)
        // An answer that could not be read is wrong, not blank: keep what was written.
        for index in grade.items.indices {
          if let text = unreadable[grade.items[index].question.name] { grade.items[index].given = text }
        }
        grades.append((item.id, grade))
      }
      if !missing.isEmpty {
        warnings.append(
          "student '\(id)' has no row for \(missing.joined(separator: ", ")); scored 0")
      }
      students.append(Student(id: id, grades: grades))
    }
    if blanks > 0 { warnings.append("\(blanks) blank answer\(blanks == 1 ? "" : "s") scored 0") }
    self.students = students
    self.warnings = warnings
    blankAnswers = blanks
    statistics = Self.statistics(students)
  }

  /// The student id `text` names: exact, then ignoring case and spaces. Without a roster,
  /// every non-empty name is a student of the shared key.
  private static func student(_ text: String, in key: GradingKey, known: [String]) -> String? {
    guard !text.isEmpty else { return nil }
    let candidates = key.students.isEmpty ? known : key.students.map(\.id)
    if candidates.contains(text) { return text }
    let loose = ColumnName.normalized(text)
    if let match = candidates.first(where: { ColumnName.normalized($0) == loose }) { return match }
    return key.students.isEmpty ? text : nil
  }

  /// The exercise `text` names: `ex-001`, `EX 1`, `1`.
  private static func exercise(_ text: String, in items: [GradingKey.Item]) -> GradingKey.Item? {
    if let exact = items.first(where: { $0.id == text }) { return exact }
    let digits = text.filter(\.isNumber)
    let letters = text.lowercased().filter(\.isLetter)
    guard !digits.isEmpty, ["", "ex", "exercise", "e"].contains(letters), let number = Int(digits)
    else { return nil }
    return items.first { $0.id == ExerciseSetSpec.exerciseID(index: number - 1) }
  }

  private static func answer(_ row: AnswerSheet.Row?, item: GradingKey.Item, file: String)
    -> (ExerciseAnswer, blanks: Int, warnings: [String], unreadable: [String: String])
  {
    var answer = ExerciseAnswer()
    var blanks = 0
    var warnings: [String] = []
    var unreadable: [String: String] = [:]
    guard let row else { return (answer, 0, [], [:]) }
    for question in item.solved.exercise.questions {
      let text = row.answers[question.name] ?? ""
      if text.isEmpty {
        blanks += 1
        continue
      }
      // A remedy may be the letter from the student's own worksheet.
      let letter = question == .remedy ? item.options.action(forLetter: text)?.rawValue : nil
      if !answer.set(question, from: letter ?? text) {
        unreadable[question.name] = text
        warnings.append(
          "\(file):\(row.line): '\(text)' is not a \(question.name) answer CurveLab knows; scored 0")
      }
    }
    return (answer, blanks, warnings, unreadable)
  }

  private static func statistics(_ students: [Student]) -> [QuestionStatistic] {
    guard let first = students.first else { return [] }
    var result: [QuestionStatistic] = []
    for (position, exercise) in first.grades.enumerated() {
      for (itemIndex, item) in exercise.grade.items.enumerated() {
        var right = 0
        var blank = 0
        var wrong: [String: Int] = [:]
        var answered = 0
        for student in students where position < student.grades.count {
          let items = student.grades[position].grade.items
          guard itemIndex < items.count else { continue }
          let mark = items[itemIndex]
          answered += 1
          if mark.isRight {
            right += 1
          } else if mark.given.isEmpty {
            blank += 1
          } else {
            wrong[mark.given, default: 0] += 1
          }
        }
        let common = wrong.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
          .first
        result.append(
          QuestionStatistic(
            exercise: exercise.exercise, question: item.question.name, answered: answered,
            right: right, blank: blank, commonWrong: common.map { ($0.key, $0.value) }))
      }
    }
    return result
  }
}
