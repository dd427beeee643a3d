import CurveClassroom
import CurveLabCLI
import Foundation
import Testing
import _CurveLabTestSupport

/// The statistics against values worked out by hand (shown in each test).
@Suite struct ItemAnalysisTests {
  /// Five students, three right-or-wrong items:
  ///
  /// ```text
  ///       i1 i2 i3  total
  /// s1     1  1  1    3
  /// s2     1  1  0    2
  /// s3     1  0  1    2
  /// s4     0  1  0    1
  /// s5     0  0  0    0
  /// ```
  private static let dichotomous = ItemAnalysis(
    labels: [("ex-001", "i1", 1), ("ex-001", "i2", 1), ("ex-001", "i3", 1)],
    students: ["s1", "s2", "s3", "s4", "s5"],
    scores: [[1, 1, 1], [1, 1, 0], [1, 0, 1], [0, 1, 0], [0, 0, 0]],
    choices: [["a", "a", "a"], ["a", "a", "b"], ["a", "b", "a"], ["b", "a", "b"], ["b", "b", "b"]],
    keyed: [["a"], ["a"], ["a"]])

  @Test func meanScoresAreTheShareOfPointsEarned() {
    #expect(Self.dichotomous.items.map(\.meanScore) == [0.6, 0.6, 0.4])
  }

  /// KR-20 = k/(k−1) · (1 − Σpq/σ²): Σpq = 0.24 + 0.24 + 0.24 = 0.72; totals 3, 2, 2, 1, 0 have
  /// mean 1.6 and variance (1.96 + 0.16 + 0.16 + 0.36 + 2.56)/5 = 1.04; so
  /// 1.5 · (1 − 0.72/1.04) = 0.461538.
  @Test func reliabilityOfRightOrWrongItemsIsKR20() throws {
    let reliability = Self.dichotomous.reliability
    #expect(reliability.name == "KR-20")
    #expect(abs(try #require(reliability.value) - 0.461538) < 1e-6)
  }

  /// i1 = (1, 1, 1, 0, 0) against the rest (2, 1, 1, 1, 0): Σdxdy = 1.0, Σdx² = 1.2, Σdy² = 2,
  /// r = 1/√2.4 = 0.645497. i3 = (1, 0, 1, 0, 0) against (2, 2, 1, 1, 0): 0.6/√(1.2·2.8) =
  /// 0.327327.
  @Test func pointBiserialCorrelatesTheItemWithTheRest() throws {
    let items = Self.dichotomous.items
    #expect(abs(try #require(items[0].pointBiserial) - 0.645497) < 1e-6)
    #expect(abs(try #require(items[2].pointBiserial) - 0.327327) < 1e-6)
  }

  /// 27 % of 5 is one student each: s1 on top, s5 at the bottom (s2 and s3 tie in the middle).
  @Test func upperLowerComparesTheTopAndBottomGroups() {
    #expect(Self.dichotomous.groupSize == 1)
    #expect(Self.dichotomous.items.map(\.upperLower) == [1, 1, 1])
  }

  @Test func choicesAreCountedWithTheKeyedOneMarked() {
    let first = Self.dichotomous.items[0]
    #expect(first.choices.map(\.answer) == ["a", "b"])
    #expect(first.choices.map(\.count) == [3, 2])
    #expect(first.choices.map(\.isKeyed) == [true, false])
  }

  /// Items worth 2 and 1 with half credit: item 1 (2, 1, 0, 0) has variance 0.6875, item 2
  /// (1, 1, 1, 0) 0.1875, totals (3, 2, 1, 0) 1.25; alpha = 2 · (1 − 0.875/1.25) = 0.6.
  @Test func partialCreditGivesCronbachsAlpha() throws {
    let analysis = ItemAnalysis(
      labels: [("ex-001", "pattern", 2), ("ex-001", "stop", 1)],
      students: ["a", "b", "c", "d"], scores: [[2, 1], [1, 1], [0, 1], [0, 0]],
      choices: Array(repeating: ["x", "y"], count: 4), keyed: [[], []])
    #expect(analysis.reliability.name == "Cronbach's alpha")
    #expect(abs(try #require(analysis.reliability.value) - 0.6) < 1e-9)
    #expect(analysis.items.map(\.meanScore) == [0.375, 0.75])
  }

  @Test func aConstantItemHasNoCorrelationAndTheHistogramCountsTenths() {
    let analysis = ItemAnalysis(
      labels: [("e", "q1", 1), ("e", "q2", 1), ("e", "q3", 1)], students: ["a", "b", "c", "d"],
      scores: [[1, 1, 1], [1, 1, 0], [1, 0, 0], [1, 0, 0]],
      choices: Array(repeating: ["x", "y", "z"], count: 4), keyed: [[], [], []])
    #expect(analysis.items[0].pointBiserial == nil)
    // Shares 1, 2/3, 1/3, 1/3 fall in the tenths 9, 6, 3, 3.
    #expect(analysis.histogram == [0, 0, 0, 2, 0, 0, 1, 0, 0, 1])
    #expect(analysis.isWeak(analysis.items[0]))
  }

  @Test func aGradedClassIsAnalysedAndReported() throws {
    let folder = Fixtures.temporaryFolder("analysis")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let key = try GradingKey(folder: Fixtures.rosterFolder)
    let ana = key.items(for: "ana")![0].solved.key.pattern.rawValue
    let csv = "student,exercise,pattern\nana,ex-001,\(ana)\nbo,ex-001,nonsense\n"
    try Data(csv.utf8).write(to: URL(fileURLWithPath: folder + "/a.csv"))
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(
      ["grade", "--key", Fixtures.rosterFolder, "--answers", folder + "/a.csv", "--item-analysis",
       "--report", folder + "/items.html"],
      context: .testing, output: &output, errors: &errors)
    #expect(status == 0, "\(errors)")
    // The items are every question either student was asked (their variants may differ).
    let items = Self.askedItems(of: ["ana", "bo"], in: key)
    #expect(output.contains("Item analysis: 2 students who answered, \(items) items"))
    #expect(output.contains("\(ana)* 1, unreadable 1"))
    #expect(output.split(separator: "\n").allSatisfy { $0.count <= 80 || $0.contains(folder) })
    // Table rows keep the spaces that line up their columns.
    #expect(output.contains("Student" + String(repeating: " ", count: 1) + "Points"))
    #expect(output.contains("  item                  mean   r      D\n"))
    let report = try ParsedXML.parse(try #require(Fixtures.read(folder, "items.html"))).get()
    #expect(report.elements(named: "rect").count == 10)
    #expect(report.elements(named: "tr").count == items + 1)
  }

  /// A class set (everyone saw the same letters): causes are counted by letter and name, the
  /// keyed one marked.
  @Test func causesAreCountedByLetterWithTheKeyedOneMarked() throws {
    let folder = Fixtures.temporaryFolder("cause-analysis")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try SetDirectory(path: folder).write(Fixtures.classBuild.files)
    let key = try GradingKey(folder: folder)
    let item = try #require(key.shared?.first { $0.solved.exercise.questions.contains(.cause) })
    let cause = try #require(item.solved.key.causeAnswer)
    let options = try #require(item.causeOptions)
    let right = try #require(options.letter(of: cause.answer))
    let wrong = try #require(options.choices.first { cause.credit(for: $0) == 0 })
    let csv = "student,exercise,cause\nana,\(item.id),\(right)\nbo,\(item.id),\(wrong.plainWords)\n"
    let grades = ClassGrades(
      sheet: try AnswerSheet(csv: csv, path: "a.csv"), key: key, policy: .weighted)
    let analysis = ItemAnalysis(grades: grades, key: key)
    let figures = try #require(analysis.items.first { $0.exercise == item.id && $0.question == "cause" })
    #expect(figures.meanScore == 0.5)
    let keyed = figures.choices.filter(\.isKeyed).map(\.answer)
    #expect(keyed == ["\(right) \(cause.answer.rawValue)"])
    #expect(figures.choices.map(\.answer).contains("\(options.letter(of: wrong)!) \(wrong.rawValue)"))
  }

  /// A hand-edited key whose cause question lost its options is refused by name, not graded
  /// against options nobody saw.
  @Test func aKeyWhoseCauseQuestionHasNoOptionsIsRefused() throws {
    let folder = Fixtures.temporaryFolder("cause-no-options")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try SetDirectory(path: folder).write(Fixtures.classBuild.files)
    let item = try #require(
      Fixtures.classBuild.sets[0].exercises.first { $0.solved.exercise.questions.contains(.cause) })
    var text = try #require(Fixtures.read(folder, "key.json"))
    let options = try #require(item.causeOptions)
    // Each option's cause name is written once, in its own entry; drop them all.
    for cause in options.choices {
      text = text.replacingOccurrences(of: "\"cause\": \"\(cause.rawValue)\"", with: "\"was\": \"\(cause.rawValue)\"")
    }
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/key.json"))
    #expect(throws: ClassroomError.cannotRead(
      path: folder + "/key.json", reason: "\(item.id): the cause question lists no options")) {
      _ = try GradingKey(folder: folder)
    }
  }

  /// Students with variants that ask different questions: each item's figures cover the
  /// students asked it, totals are shares of what each could earn, and the reliability covers
  /// the items asked of everyone.
  ///
  /// ```text
  ///       i1 i2 i3(stop)  share
  /// s1     1  1   1       3/3
  /// s2     1  0   -       1/2
  /// s3     0  1   0       1/3
  /// s4     0  0   -       0/2
  /// ```
  /// i3's mean is 1/2 over s1 and s3; i1 and i2 alone give KR-20 = 2 · (1 − 0.5/1) = 0 (item
  /// variances 0.25 each, totals 2, 1, 1, 0 with variance 0.5).
  @Test func studentsNotAskedAnItemAreLeftOutOfIt() throws {
    let analysis = ItemAnalysis(
      labels: [("e", "i1", 1), ("e", "i2", 1), ("e", "i3", 1)], students: ["s1", "s2", "s3", "s4"],
      scores: [[1, 1, 1], [1, 0, nil], [0, 1, 0], [0, 0, nil]],
      choices: [["a", "a", "a"], ["a", "b", nil], ["b", "a", "b"], ["b", "b", nil]],
      keyed: [["a"], ["a"], ["a"]])
    #expect(analysis.items.map(\.meanScore) == [0.5, 0.5, 0.5])
    #expect(analysis.items[2].choices.map(\.count) == [1, 1])
    #expect(analysis.totals.map(\.share) == [1, 0.5, 1.0 / 3, 0])
    #expect(analysis.reliability.itemCount == 2)
    #expect(abs(try #require(analysis.reliability.value)) < 1e-9)
    #expect(analysis.summary.contains("over the 2 items every student was asked"))
  }

  /// How many items (a question of an exercise) any of `students` is asked under `key`.
  static func askedItems(of students: [String], in key: GradingKey) -> Int {
    Set(
      students.flatMap { student in
        (key.items(for: student) ?? []).flatMap { item in
          item.solved.exercise.questions.map { "\(item.id) \($0.name)" }
        }
      }
    ).count
  }
}
