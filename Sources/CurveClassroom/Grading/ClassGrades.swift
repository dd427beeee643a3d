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
    /// Whether the answers file has any row for the student.
    public var hasAnswers: Bool
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

  /// An answer whose reading or credit the teacher should see: a misspelling accepted, a
  /// letter whose words disagree, a line of the accepted-answers file applied.
  public struct Note: Sendable, Equatable {
    /// The student.
    public var student: String
    /// The exercise's id.
    public var exercise: String
    /// The question's name.
    public var question: String
    /// What the student wrote.
    public var written: String
    /// What happened, in a phrase.
    public var text: String
    /// Whether it comes from the accepted-answers file (rather than from reading the answer).
    public var isFromAcceptedAnswers: Bool
  }

  /// The policy used.
  public var policy: GradingPolicy
  /// The students, in roster order (or in order of first appearance without a roster).
  public var students: [Student]
  /// Answers read with a correction or credited by the accepted-answers file, in student
  /// and key order.
  public var notes: [Note]
  /// Per exercise and question, in key order.
  public var statistics: [QuestionStatistic]
  /// Warnings, each naming the CSV line where it can.
  public var warnings: [String]
  /// Blank answers scored 0.
  public var blankAnswers: Int

  /// Grades `sheet` against `key`.
  ///
  /// - Parameters:
  ///   - reader: How written answers are read; ``AnswerReader/forgiving`` accepts small
  ///     misspellings, each one noted.
  ///   - accepted: Answers the instructor accepts or refuses beyond the key.
  public init(
    sheet: AnswerSheet, key: GradingKey, policy: GradingPolicy,
    reader: AnswerReader = .forgiving, accepted: AcceptedAnswers? = nil
  ) {
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
    var notes: [Note] = []
    for id in order {
      guard let items = key.items(for: id) else { continue }
      var grades: [(String, ExerciseGrade)] = []
      var missing: [String] = []
      for item in items {
        let row = chosen[id]?[item.id]
        if row == nil { missing.append(item.id) }
        let read = Self.answer(row, item: item, file: file, reader: reader)
        blanks += read.blanks
        warnings += read.warnings
        var grade = item.solved.grade(read.answer, policy: policy)
        for index in grade.items.indices {
          let question = grade.items[index].question
          let written = row?.answers[question.name] ?? ""
          // An answer that could not be read is wrong, not blank: keep what was written.
          if let text = read.unreadable[question.name] { grade.items[index].given = text }
          if let note = read.notes[question.name] {
            grade.items[index].note = note
            notes.append(
              Note(
                student: id, exercise: item.id, question: question.name, written: written,
                text: note, isFromAcceptedAnswers: false))
          }
          guard let accepted, !written.isEmpty,
            let entry = accepted.entry(
              for: written, question: question, item: item, student: id, reader: reader)
          else { continue }
          var credit = entry.credit
          if policy == .allOrNothing, credit < 1 { credit = 0 }
          let text =
            "\(Self.share(entry.credit)) credit by \(accepted.path):\(entry.line)"
            + (credit != entry.credit ? " (0 under all-or-nothing)" : "")
          grade.items[index].credit = credit
          grade.items[index].points = credit * grade.items[index].maximum
          grade.items[index].note = text
          if read.unreadable[question.name] == nil, grade.items[index].given.isEmpty {
            grade.items[index].given = written
          }
          notes.append(
            Note(
              student: id, exercise: item.id, question: question.name, written: written,
              text: text, isFromAcceptedAnswers: true))
        }
        grades.append((item.id, grade))
      }
      if !missing.isEmpty {
        warnings.append(
          "student '\(id)' has no row for \(missing.joined(separator: ", ")); scored 0")
      }
      students.append(Student(id: id, grades: grades, hasAnswers: chosen[id] != nil))
    }
    if blanks > 0 { warnings.append("\(blanks) blank answer\(blanks == 1 ? "" : "s") scored 0") }
    self.students = students
    self.notes = notes
    self.warnings = warnings
    blankAnswers = blanks
    statistics = Self.statistics(students)
  }

  /// The student id `text` names: the id exactly, then a roster name or LMS identifier
  /// exactly (`Lima, Ana`, a Canvas ID, an email address), then the same ignoring case,
  /// spaces and punctuation; a name several students share names none. Without a roster,
  /// every non-empty name is a student of the shared key.
  private static func student(_ text: String, in key: GradingKey, known: [String]) -> String? {
    guard !text.isEmpty else { return nil }
    guard !key.students.isEmpty else {
      if known.contains(text) { return text }
      let loose = ColumnName.normalized(text)
      return known.first { ColumnName.normalized($0) == loose } ?? text
    }
    let roster = key.students
    if roster.contains(where: { $0.id == text }) { return text }
    func aliases(_ student: RosterStudent) -> [String] {
      [student.name].compactMap { $0 } + student.identifiers.map(\.value)
    }
    func unique(_ matches: [RosterStudent]) -> String? { matches.count == 1 ? matches[0].id : nil }
    if let match = unique(roster.filter { aliases($0).contains(text) }) { return match }
    let loose = ColumnName.normalized(text)
    guard !loose.isEmpty else { return nil }
    if let match = unique(roster.filter { ColumnName.normalized($0.id) == loose }) { return match }
    return unique(roster.filter { aliases($0).map(ColumnName.normalized).contains(loose) })
  }

  /// The exercise `text` names: `ex-001`, `EX 1`, `1`.
  private static func exercise(_ text: String, in items: [GradingKey.Item]) -> GradingKey.Item? {
    items.first { $0.id == text } ?? items.first { names(text, $0.id) }
  }

  /// Whether `text` names the exercise `id`: `ex-001`, `EX 1`, `exercise 1`, `1`.
  static func names(_ text: String, _ id: String) -> Bool {
    if text == id { return true }
    let digits = text.filter(\.isNumber)
    let letters = text.lowercased().filter(\.isLetter)
    guard !digits.isEmpty, ["", "ex", "exercise", "e"].contains(letters), let number = Int(digits),
      number >= 1
    else { return false }
    return id == ExerciseSetSpec.exerciseID(index: number - 1)
  }

  /// A credit share as words: `full`, `half`, `no`, or a percentage.
  static func share(_ credit: Double) -> String {
    switch credit {
    case 1: "full"
    case 0.5: "half"
    case 0: "no"
    default: "\(Int((credit * 100).rounded()))%"
    }
  }

  /// One row's answers to one exercise, read.
  private struct ReadRow {
    var answer = ExerciseAnswer()
    var blanks = 0
    var warnings: [String] = []
    /// What was written, by question, where it could not be read.
    var unreadable: [String: String] = [:]
    /// The reading's note, by question, where it needs the teacher's eye.
    var notes: [String: String] = [:]
  }

  private static func answer(
    _ row: AnswerSheet.Row?, item: GradingKey.Item, file: String, reader: AnswerReader
  ) -> ReadRow {
    var read = ReadRow()
    guard let row else { return read }
    for question in item.solved.exercise.questions {
      let text = row.answers[question.name] ?? ""
      if text.isEmpty {
        read.blanks += 1
        continue
      }
      if let reading = item.read(text, for: question, reader: reader, into: &read.answer) {
        if let note = reading.note { read.notes[question.name] = note }
        continue
      }
      read.unreadable[question.name] = text
      let isStep = [.keepStep, .setSize].contains(question) || question.name == "patience-stop"
      let hint =
        isStep && text.lowercased().contains("epoch")
        ? " (it names an epoch; the question asks for a step)" : ""
      read.warnings.append(
        "\(file):\(row.line): '\(text)' is not a \(question.name) answer CurveLab knows\(hint); "
          + "scored 0")
    }
    return read
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
