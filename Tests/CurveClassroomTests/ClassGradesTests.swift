import CSVCoding
import CurveClassroom
import CurveDiagnosis
import CurveExercises
import CurveLabCLI
import Foundation
import Testing

/// Grades hand-built answer files against the roster set of ``Fixtures``: two students, two
/// exercises each (pattern 2 points, stop 1 and cause 1 where the key asks them, remedy 1 under
/// the weighted policy).
@Suite struct ClassGradesTests {
  private static let key = try! GradingKey(folder: Fixtures.rosterFolder)

  private static let synonyms: [Pattern: String] = [
    .healthy: " Good Fit ", .overfitting: "OVERFIT", .underfitting: "high bias", .erratic: "unstable",
  ]

  /// A step of `item`'s run that earns nothing.
  private static func wrongStep(_ item: GradingKey.Item) -> Int {
    let key = item.solved.key
    return item.solved.log.evaluationEntries.map(\.step).first {
      !key.acceptedKeepSteps.contains($0) && !key.nearKeepSteps.contains($0)
    }!
  }

  /// A cause option of `item` that earns nothing, by letter; blank where the cause is not asked.
  private static func wrongCause(_ item: GradingKey.Item) -> String {
    guard let options = item.causeOptions, let key = item.solved.key.causeAnswer else { return "" }
    return options.choices.first { key.credit(for: $0) == 0 }.flatMap(options.letter(of:)) ?? ""
  }

  /// ana: everything right (letters for causes and remedies), after a first, wrong, row for
  /// ex-001.
  /// bo: ex-001 right in messy words; ex-002 pattern blank, stop wrong, cause and remedy wrong
  /// letters.
  /// Then an unknown student and an unknown exercise.
  private static let answers: String = {
    let ana = key.items(for: "ana")!
    let bo = key.items(for: "bo")!
    var lines = ["Student,Exercise,Pattern,Keep Step,Why,Remedy"]
    lines.append("ana,ex-001,underfitting,0,B,A")
    for item in ana {
      let k = item.solved.key
      let cause = k.causeAnswer.flatMap { item.causeOptions?.letter(of: $0.answer) } ?? ""
      lines.append("ana,\(item.id),\(k.pattern.rawValue),\(k.keep!.step),\(cause),\(item.options.letter(of: k.remedy)!)")
    }
    let first = bo[0].solved.key
    let firstCause = first.causeAnswer.map { " " + $0.answer.plainWords.uppercased() + "." } ?? ""
    lines.append(
      " BO ,EX 1,\(synonyms[first.pattern]!),step \(first.keep!.step),\(firstCause),\"\(first.remedy.rawValue.replacingOccurrences(of: "-", with: " ").uppercased())\"")
    let second = bo[1]
    let wrongLetter = second.options.actions.indices.map(RemedyOptions.letter(at:)).first {
      second.options.action(forLetter: $0) != second.solved.key.remedy
        && !second.solved.key.otherRemedies.contains(second.options.action(forLetter: $0)!)
    }!
    lines.append("bo,2,,\(wrongStep(second)),(\(wrongCause(second).lowercased())),\(wrongLetter.lowercased())")
    lines.append("zed,ex-001,healthy,10,,A")
    lines.append("ana,ex-099,healthy,10,,A")
    return lines.joined(separator: "\n") + "\n"
  }()

  private func grade(_ policy: GradingPolicy) throws -> ClassGrades {
    ClassGrades(sheet: try AnswerSheet(csv: Self.answers, path: "answers.csv"), key: Self.key, policy: policy)
  }

  /// The points each of ana's exercises is worth: pattern and remedy always, the stop
  /// question only where the key asks it (a run where the kept checkpoint matters), the cause
  /// question likewise (a run whose cause the engine can tell).
  private static func worth(_ policy: GradingPolicy) -> [Double] {
    key.items(for: "ana")!.map { item in
      (policy == .weighted ? 2 : 1) + 1 + (item.solved.exercise.questions.contains(.keepStep) ? 1 : 0)
        + (item.solved.exercise.questions.contains(.cause) ? 1 : 0)
    }
  }

  @Test func weightedScoresMatchTheHandCount() throws {
    let grades = try grade(.weighted)
    let worth = Self.worth(.weighted)
    #expect(grades.students.map(\.id) == ["ana", "bo"])
    #expect(grades.students.map(\.points) == [worth.reduce(0, +), worth[0]])
    #expect(grades.students.map(\.maximum) == [worth.reduce(0, +), worth.reduce(0, +)])
    #expect(grades.blankAnswers == 1)
  }

  @Test func allOrNothingScoresMatchTheHandCount() throws {
    let grades = try grade(.allOrNothing)
    let worth = Self.worth(.allOrNothing)
    #expect(grades.students.map(\.points) == [worth.reduce(0, +), worth[0]])
    #expect(grades.students.map(\.maximum) == [worth.reduce(0, +), worth.reduce(0, +)])
    #expect(grades.summary.contains("all-or-nothing"))
  }

  @Test func messyInputIsWarnedAboutByLine() throws {
    let warnings = try grade(.weighted).warnings
    #expect(warnings.contains { $0.hasPrefix("answers.csv:7:") && $0.contains("unknown student 'zed'") })
    #expect(warnings.contains { $0.hasPrefix("answers.csv:8:") && $0.contains("unknown exercise 'ex-099'") })
    #expect(warnings.contains { $0.hasPrefix("answers.csv:3:") && $0.contains("first on line 2") })
    #expect(warnings.contains { $0 == "1 blank answer scored 0" })
  }

  @Test func statisticsShowWhatTheClassGotWrong() throws {
    let grades = try grade(.weighted)
    let pattern = try #require(grades.statistics.first { $0.exercise == "ex-002" && $0.question == "pattern" })
    #expect(pattern.right == 1 && pattern.blank == 1 && pattern.answered == 2)
    #expect(pattern.shareRight == 0.5)
    let remedy = try #require(grades.statistics.first { $0.exercise == "ex-002" && $0.question == "remedy" })
    #expect(remedy.right == 1)
    #expect(remedy.commonWrong?.count == 1)
    let firstQuestion = Self.key.items(for: "ana")![0].solved.exercise.questions.contains(.keepStep)
      ? "stop" : "remedy"
    let first = try #require(grades.statistics.first { $0.exercise == "ex-001" && $0.question == firstQuestion })
    #expect(first.shareRight == 1 && first.commonWrong == nil)
    #expect(grades.summary.contains("50.0% right"))
  }

  @Test func resultsCSVHasARowPerStudent() throws {
    let table = try CSVTable(parsing: try grade(.weighted).resultsCSV)
    #expect(table.header == ["student", "ex-001", "ex-002", "points", "maximum", "percent", "policy"])
    let worth = Self.worth(.weighted).map { String(Int($0)) }
    let total = Self.worth(.weighted).reduce(0, +)
    let boShare = (Self.worth(.weighted)[0] / total * 1000).rounded() / 10
    #expect(table.records.map(\.fields) == [
      ["ana", worth[0], worth[1], String(Int(total)), String(Int(total)), "100.0", "weighted"],
      ["bo", worth[0], "0", worth[0], String(Int(total)), String(boShare), "weighted"],
    ])
  }

  @Test func theCommandPrintsASummaryAndWritesTheCSV() throws {
    let folder = Fixtures.temporaryFolder("grade")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data(Self.answers.utf8).write(to: URL(fileURLWithPath: folder + "/answers.csv"))
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(
      ["grade", "--key", Fixtures.rosterFolder, "--answers", folder + "/answers.csv", "--policy",
       "all-or-nothing", "--output", folder + "/results.csv"],
      context: .testing, output: &output, errors: &errors)
    #expect(status == 0, "\(errors)")
    #expect(output.contains("Policy: all-or-nothing"))
    #expect(errors.contains("warning:") && errors.contains("zed"))
    #expect(Fixtures.read(folder, "results.csv")?.hasPrefix("student,ex-001") == true)
  }

  @Test func aMissingColumnIsAnError() {
    #expect(throws: ClassroomError.self) {
      try AnswerSheet(csv: "who,pattern\nana,healthy\n", path: "a.csv")
    }
  }
}
