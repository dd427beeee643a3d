import CSVCoding
import CurveExercises

/// Answers the instructor accepts (or refuses) beyond the key, read from the CSV file of
/// `curvelab grade --accept FILE`.
///
/// ```text
/// exercise,question,answer,credit,student
/// ex-004,remedy,more regularization,1,
/// ex-002,stop,480,0.5,
/// *,pattern,fine,1,
/// ex-003,pattern,helthy,0,bo
/// ```
///
/// - `exercise`: an exercise id (`ex-004`, `4`), or `*` (or `all`, or blank) for every one.
/// - `question`: `pattern`, `stop`, `cause`, `remedy`, `set_size` or `patience_stop` (names match as
///   in the answers file).
/// - `answer`: the answer to credit. It matches a student's answer written the same way
///   (ignoring case, spaces and punctuation) or read as the same answer: `480` matches
///   `checkpoint-480`, `more regularization` matches `L2`, and a letter is read on each
///   student's own worksheet.
/// - `credit` (optional, default 1): the share of the question's points, from 0 to 1. It
///   replaces the credit the key gives, so 0 refuses an answer the key or the spelling rule
///   accepted.
/// - `student` (optional): only this student's answer; blank for everyone.
///
/// When several lines match one answer, the last one counts.
public struct AcceptedAnswers: Sendable {
  /// One line of the file.
  public struct Entry: Sendable, Equatable {
    /// The CSV line.
    public var line: Int
    /// The exercise, as written; `nil` for every exercise.
    public var exercise: String?
    /// The question's name: `pattern`, `stop`, `cause`, `remedy`, `set-size`, `patience-stop`.
    public var question: String
    /// The answer to credit, as written.
    public var answer: String
    /// The credit it earns, 0 to 1.
    public var credit: Double
    /// The student it is limited to, as written; `nil` for everyone.
    public var student: String?
  }

  /// The lines, in file order.
  public var entries: [Entry]
  /// The file, for messages and notes.
  public var path: String

  /// Reads the file.
  ///
  /// - Throws: ``ClassroomError`` naming the line of an unknown question or a credit outside
  ///   0 to 1, or a missing column.
  public init(csv text: String, path: String) throws(ClassroomError) {
    let (table, header) = try ColumnName.table(text) {
      ClassroomError.cannotRead(path: path, reason: $0)
    }
    func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
    guard let questionColumn = column(["question"]) else {
      throw .missingColumn(path: path, column: "question", found: table.header)
    }
    guard let answerColumn = column(["answer", "accept", "accepted"]) else {
      throw .missingColumn(path: path, column: "answer", found: table.header)
    }
    let exerciseColumn = column(["exercise", "exerciseid", "ex"])
    let creditColumn = column(["credit", "share", "points"])
    let studentColumn = column(["student", "studentid", "id"])
    var entries: [Entry] = []
    for record in table.records {
      func field(_ index: Int?) -> String { index.flatMap { record.field(at: $0) }?.trimmingSpaces ?? "" }
      guard !record.fields.allSatisfy({ $0.trimmingSpaces.isEmpty }) else { continue }
      func bad(_ reason: String) -> ClassroomError {
        .cannotRead(path: path, reason: "line \(record.line): \(reason)")
      }
      let questionText = field(questionColumn)
      guard let question = Self.question(named: questionText) else {
        throw bad(
          "'\(questionText)' is not a question; use pattern, stop, cause, remedy, set_size or "
            + "patience_stop")
      }
      let answer = field(answerColumn)
      guard !answer.isEmpty else { throw bad("no answer to accept") }
      var credit = 1.0
      let creditText = field(creditColumn)
      if !creditText.isEmpty {
        guard let value = Double(creditText), (0...1).contains(value) else {
          throw bad("the credit '\(creditText)' is not a number from 0 to 1")
        }
        credit = value
      }
      let exercise = field(exerciseColumn)
      let student = field(studentColumn)
      entries.append(
        Entry(
          line: record.line,
          exercise: ["", "*", "all"].contains(exercise.lowercased()) ? nil : exercise,
          question: question, answer: answer, credit: credit,
          student: student.isEmpty ? nil : student))
    }
    self.entries = entries
    self.path = path
  }

  /// The question a column-style name gives (`stop`, `keep_step`, `set size`...).
  static func question(named text: String) -> String? {
    let name = ColumnName.normalized(text)
    for (question, names) in AnswerSheet.columnVariants
    where question != "student" && question != "exercise" && names.contains(name) {
      return question
    }
    return nil
  }

  /// The last line that credits `text` as student `student`'s answer to `question` of
  /// `item`, or `nil`.
  func entry(
    for text: String, question: Exercise.Question, item: GradingKey.Item, student: String,
    reader: AnswerReader
  ) -> Entry? {
    let given = Self.loose(text)
    var canonical: String??
    for entry in entries.reversed() where entry.question == question.name {
      if let exercise = entry.exercise, !ClassGrades.names(exercise, item.id) { continue }
      if let only = entry.student, only != student,
        ColumnName.normalized(only) != ColumnName.normalized(student)
      {
        continue
      }
      if !given.isEmpty, Self.loose(entry.answer) == given { return entry }
      if canonical == nil { canonical = item.canonicalAnswer(text, for: question, reader: reader) }
      if let mine = canonical ?? nil,
        item.canonicalAnswer(entry.answer, for: question, reader: reader) == mine
      {
        return entry
      }
    }
    return nil
  }

  /// Letters and digits only, lowercased: how two written answers are compared as text.
  static func loose(_ text: String) -> String { ColumnName.normalized(text) }
}
