import CurveClassroom
import CurveDiagnosis
import CurveExercises
import Testing

/// The forms of answers that used to score 0 (issue 12), graded against the roster set of
/// ``Fixtures``.
@Suite struct ForgivingGradingTests {
  private static let key = try! GradingKey(folder: Fixtures.rosterFolder)

  /// Misspellings of each pattern, one or two edits from the name.
  private static let misspelled: [Pattern: String] = [
    .healthy: "helthy", .overfitting: "overfiting", .underfitting: "underfiting", .erratic: "erratik",
  ]

  /// The right answer to `question` of `item`, written in the `form`-th natural way.
  private static func written(_ question: Exercise.Question, _ item: GradingKey.Item, form: Int)
    -> String
  {
    let key = item.solved.key
    switch question {
    case .pattern:
      return form.isMultiple(of: 2) ? misspelled[key.pattern]! : key.pattern.rawValue.uppercased()
    case .keepStep:
      let step = key.keep!.step
      return ["checkpoint-\(step)", "step \(step)", "\(step) steps", "~\(step)", "Step: \(step)"][
        form % 5]
    case .remedy:
      let letter = item.options.letter(of: key.remedy)!
      return [
        letter, "(\(letter.lowercased()))", "\(letter) - \(key.remedy.title)", "option \(letter)",
      ][form % 4]
    case .cause:
      guard let cause = key.causeAnswer, let letter = item.causeOptions?.letter(of: cause.answer)
      else { return "" }
      return [
        letter, "(\(letter.lowercased()))", "\(letter) - \(cause.answer.plainWords)", "option \(letter)",
        cause.answer.plainWords.uppercased(),
      ][form % 5]
    default:
      return ""
    }
  }

  private static func sheet(forms: Range<Int>) throws -> AnswerSheet {
    var lines = ["student,exercise,pattern,stop,cause,remedy"]
    for student in ["ana", "bo"] {
      for item in key.items(for: student)! {
        for form in forms {
          let answers = [Exercise.Question.pattern, .keepStep, .cause, .remedy].map {
            "\"" + written($0, item, form: form) + "\""
          }
          lines.append(([student, item.id] + answers).joined(separator: ","))
        }
      }
    }
    return try AnswerSheet(csv: lines.joined(separator: "\n") + "\n", path: "answers.csv")
  }

  @Test(arguments: 0..<5)
  func naturalFormsOfTheRightAnswerEarnFullMarks(form: Int) throws {
    let grades = ClassGrades(
      sheet: try Self.sheet(forms: form..<(form + 1)), key: Self.key, policy: .weighted)
    for student in grades.students {
      #expect(student.points == student.maximum, "\(student.id) in form \(form)")
    }
    #expect(grades.statistics.allSatisfy { $0.commonWrong == nil && $0.shareRight == 1 })
    #expect(grades.warnings.isEmpty, "\(grades.warnings)")
  }

  @Test func misspellingsAreListedForTheTeacher() throws {
    let grades = ClassGrades(sheet: try Self.sheet(forms: 0..<1), key: Self.key, policy: .weighted)
    let patterns = grades.notes.filter { $0.question == "pattern" }
    #expect(patterns.count == 4)
    #expect(patterns.allSatisfy { $0.text.hasPrefix("accepted '\($0.written)' as ") })
    #expect(grades.summary.contains("Read with a correction (4 answers)"))
    // One line per distinct reading, with the answers it covers.
    let helthy = grades.notes.filter { $0.written == "helthy" }
    #expect(helthy.count == 2)
    #expect(
      grades.summary.contains(
        "  accepted 'helthy' as healthy (2): "
          + helthy.map { "\($0.student) \($0.exercise) pattern" }.joined(separator: ", ") + "\n"))
    let strict = ClassGrades(
      sheet: try Self.sheet(forms: 0..<1), key: Self.key, policy: .weighted, reader: .strict)
    #expect(strict.students.allSatisfy { $0.points == $0.maximum - 4 })
  }

  @Test func aLetterAndWordsThatDisagreeAreGradedByTheLetterAndNoted() throws {
    let item = Self.key.items(for: "ana")![0]
    let right = item.solved.key.remedy
    let wrongIndex = item.options.actions.firstIndex { $0 != right && !item.solved.key.otherRemedies.contains($0) }!
    let wrongLetter = RemedyOptions.letter(at: wrongIndex)
    let csv = "student,exercise,remedy\nana,ex-001,\"\(wrongLetter) - \(right.title)\"\n"
    let grades = ClassGrades(
      sheet: try AnswerSheet(csv: csv, path: "a.csv"), key: Self.key, policy: .weighted)
    let remedy = grades.students[0].grades[0].grade.items.first { $0.question == .remedy }!
    #expect(remedy.credit == 0)
    #expect(remedy.note?.contains("graded as \(wrongLetter)") == true)
  }

  @Test func acceptedAnswersAddAndRefuseCredit() throws {
    // An overfitting set, so the stop question is asked.
    let key = try GradingKey(folder: Fixtures.stopFolder)
    let first = key.items(for: "ana")![0]
    try #require(first.solved.exercise.questions.contains(.keepStep))
    let evaluations = first.solved.log.evaluationEntries.map(\.step)
    let far = try #require(
      evaluations.first {
        !first.solved.key.acceptedKeepSteps.contains($0) && !first.solved.key.nearKeepSteps.contains($0)
      })
    let boPattern = Self.misspelled[key.items(for: "bo")![0].solved.key.pattern]!
    let csv = """
      student,exercise,pattern,stop,remedy
      ana,ex-001,banana,checkpoint-\(far),
      bo,ex-001,\(boPattern),,

      """
    let accept = try AcceptedAnswers(
      csv: """
        exercise,question,answer,credit,student
        1,pattern,Banana!,1,
        ex-001,stop,\(far),0.5,ana
        *,pattern,\(boPattern),0,bo

        """, path: "accept.csv")
    let grades = ClassGrades(
      sheet: try AnswerSheet(csv: csv, path: "a.csv"), key: key, policy: .weighted,
      accepted: accept)
    let anaFirst = grades.students[0].grades[0].grade.items
    #expect(anaFirst[0].credit == 1 && anaFirst[0].note == "full credit by accept.csv:2")
    #expect(anaFirst[1].credit == 0.5 && anaFirst[1].note == "half credit by accept.csv:3")
    let boFirst = grades.students[1].grades[0].grade.items
    #expect(boFirst[0].credit == 0 && boFirst[0].note == "no credit by accept.csv:4")
    #expect(grades.notes.filter(\.isFromAcceptedAnswers).count == 3)
    #expect(grades.summary.contains("Credited by the accepted answers (3)"))
  }

  @Test func aBadAcceptedAnswersFileNamesTheLine() {
    #expect(throws: ClassroomError.cannotRead(path: "x.csv", reason: "line 3: the credit '2' is not a number from 0 to 1")) {
      try AcceptedAnswers(csv: "question,answer,credit\nstop,40,1\nstop,60,2\n", path: "x.csv")
    }
    #expect(throws: ClassroomError.self) {
      try AcceptedAnswers(csv: "question,answer\nmood,happy\n", path: "x.csv")
    }
  }
}
