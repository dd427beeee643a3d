import CSVCoding
import CurveClassroom
import CurveLabCLI
import Foundation
import Testing
import _CurveLabTestSupport

/// A class of 30 from start to end, through the command line as an instructor runs it: a
/// Canvas gradebook export as the roster, an exam set, a messy answers file, the Moodle quiz,
/// the gradebook to import, and the item analysis.
@Suite struct ClassOf30Tests {
  /// Thirty students as Canvas exports them ("Last, First"), with the rows Canvas adds.
  static let names: [(first: String, last: String, login: String)] = [
    ("Ana", "Lima", "alima"), ("José", "García", "jgarcia"), ("Mia", "Müller", "mmuller"),
    ("Noah", "Smith", "nsmith"), ("Zoë", "Ng", "zng"), ("Liam", "Brown", "lbrown"),
    ("Emma", "Dubois", "edubois"), ("Olivia", "Rossi", "orossi"), ("Lucas", "Silva", "lsilva"),
    ("Sofía", "López", "slopez"), ("Hana", "Kim", "hkim"), ("Yuki", "Sato", "ysato"),
    ("Ravi", "Patel", "rpatel"), ("Inês", "Costa", "icosta"), ("Omar", "Haddad", "ohaddad"),
    ("Chloé", "Martin", "cmartin"), ("Mateo", "Torres", "mtorres"), ("Aiko", "Ito", "aito"),
    ("Leo", "Weber", "lweber"), ("Nora", "Berg", "nberg"), ("Ivan", "Petrov", "ipetrov"),
    ("Sara", "Cohen", "scohen"), ("Tariq", "Aziz", "taziz"), ("Lena", "Novak", "lnovak"),
    ("Kofi", "Mensah", "kmensah"), ("Maya", "Reyes", "mreyes"), ("Finn", "Walsh", "fwalsh"),
    ("Ola", "Nowak", "onowak"), ("Eli", "Katz", "ekatz"), ("小龍", "李", "xli"),
  ]

  static let canvasExport: String = {
    var lines = [
      "Student,ID,SIS User ID,SIS Login ID,Section,Week 2 (77120),Current Score,Final Score",
      ",,,,,Manual Posting,,", "    Points Possible,,,,,10.00,(read only),(read only)",
    ]
    for (index, name) in names.enumerated() {
      lines.append(
        "\"\(name.last), \(name.first)\",\(6100 + index),\(2024000 + index),\(name.login),"
          + "Section 0\(1 + index % 2),7.00,70.00,70.00")
    }
    lines.append("\"Student, Test\",6999,,,Section 01,,,")
    return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
  }()

  /// The folder of the whole journey: the export, the set, and what the commands write.
  static let folder: String = {
    let folder = Fixtures.temporaryFolder("class-of-30")
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try! Data(canvasExport.utf8).write(to: URL(fileURLWithPath: folder + "/canvas.csv"))
    return folder
  }()

  static func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(arguments, context: .testing, output: &output, errors: &errors)
    return (status, output, errors)
  }

  /// `generate --exam` from the Canvas export, once for all the tests.
  static let generated = run([
    "generate", "--count", "3", "--seed", "2024", "--mix", "overfitting:1,healthy:1,erratic:1",
    "--roster", folder + "/canvas.csv",
    "--exam", "--out", folder + "/set",
  ])

  static let key: GradingKey = {
    _ = generated
    return try! GradingKey(folder: folder + "/set")
  }()

  /// Every student answers every question right, in the forms real classes write: the
  /// student as their login, their Canvas name or their Canvas ID; patterns misspelled or in
  /// capitals; steps as `checkpoint-N`, `step N`, `N steps`, `~N`, `Step: N`; letters as `B`,
  /// `(b)`, `B - words`, `option B`; causes by letter in those forms, in words, or in words with
  /// a letter missing. Students 25 to 29 get their first pattern wrong.
  static let answers: String = {
    var lines = ["Student Name,Exercise,Pattern,Keep Step,Cause,Remedy"]
    let misspelled = [
      "healthy": "helthy", "overfitting": "overfiting", "underfitting": "Underfiting",
      "erratic": "Erratik",
    ]
    for (index, name) in names.enumerated() {
      let who = [name.login, "\(name.last), \(name.first)", String(6100 + index)][index % 3]
      for (position, item) in key.items(for: name.login)!.enumerated() {
        let k = item.solved.key
        let form = index + position
        var pattern = form % 2 == 0 ? misspelled[k.pattern.rawValue]! : k.pattern.rawValue.uppercased()
        if index >= 25, position == 0 { pattern = k.pattern == .healthy ? "overfitting" : "healthy" }
        var stop = ""
        if let step = k.keep?.step, item.solved.exercise.questions.contains(.keepStep) {
          stop = ["checkpoint-\(step)", "step \(step)", "\(step) steps", "~\(step)", "Step: \(step)"][form % 5]
        }
        var cause = ""
        if let answer = k.causeAnswer, let options = item.causeOptions {
          let letter = options.letter(of: answer.answer)!
          var words = answer.answer.plainWords
          let typo = ["\(letter)", "(\(letter.lowercased()))", "\(letter) - \(words)", "option \(letter)", words, ""][form % 6]
          if typo.isEmpty {
            // A letter missing from the longest word.
            let longest = String(words.split(separator: " ").max { $0.count < $1.count }!)
            words = words.replacingOccurrences(
              of: longest, with: String(longest.dropLast(2)) + String(longest.suffix(1)))
          }
          cause = typo.isEmpty ? words : typo
        }
        let letter = item.options.letter(of: k.remedy)!
        let remedy = [letter, "(\(letter.lowercased()))", "\(letter) - \(k.remedy.title)", "option \(letter)"][form % 4]
        lines.append(
          ["\"\(who)\"", "Exercise \(position + 1)", pattern, stop, "\"\(cause)\"", "\"\(remedy)\""]
            .joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  static let graded: (status: Int32, output: String, errors: String) = {
    _ = key
    try! Data(answers.utf8).write(to: URL(fileURLWithPath: folder + "/answers.csv"))
    return run([
      "grade", "--key", folder + "/set", "--answers", folder + "/answers.csv", "--gradebook",
      folder + "/gradebook.csv", "--assignment", "Week 3 curves", "--output",
      folder + "/results.csv", "--item-analysis", "--report", folder + "/items.html",
    ])
  }()

  @Test func theCanvasExportGivesThirtyStudentsAndTheExamHandsOutNothingToRebuild() throws {
    #expect(Self.generated.status == 0, "\(Self.generated.errors)")
    #expect(Self.generated.output.contains("Canvas gradebook export: 30 students"))
    let files = Fixtures.listing(Self.folder + "/set")
    let handout = files.filter { $0.hasPrefix("handout/") }
    #expect(handout.count == 30 * 2 + 1)
    #expect(files.contains("handout/students/xli/worksheet.html"))
    #expect(files.contains("instructor/students/jgarcia/key.json"))
    for path in handout {
      let text = try #require(Fixtures.read(Self.folder + "/set", path))
      #expect(!text.contains("2024 ·") && !text.contains("Seed") && !text.contains("trainer_state"))
    }
  }

  @Test func theClassPageHasASheetPerStudent() throws {
    _ = Self.generated
    let html = try #require(Fixtures.read(Self.folder + "/set", "handout/class.html"))
    let root = try ParsedXML.parse(html).get()
    let sheets = root.allElements.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains("sheet") }
    #expect(sheets.count == 30)
    #expect(sheets[1].allText.contains("García, José"))
    #expect(html.contains("counter(page)"))
  }

  @Test func theMessyAnswersHaveNoFalseZeros() throws {
    #expect(Self.graded.status == 0, "\(Self.graded.errors)")
    let results = try CSVTable(parsing: try #require(Fixtures.read(Self.folder, "results.csv")))
    #expect(results.records.count == 30)
    let wrongPattern = Set(Self.names[25...].map(\.login))
    for record in results.records {
      let id = record.fields[0]
      let points = Double(results.field("points", in: record) ?? "")
      let maximum = Double(results.field("maximum", in: record) ?? "")
      let expected = wrongPattern.contains(id) ? maximum.map { $0 - 2 } : maximum
      #expect(points == expected, "\(id): \(points ?? -1) of \(maximum ?? -1)")
    }
    #expect(!Self.graded.errors.contains("is not a"), "\(Self.graded.errors)")
    #expect(!Self.graded.errors.contains("unknown student"))
    #expect(Self.graded.output.contains("Read with a correction ("))
  }

  @Test func theQuizAndTheGradebookAreReadyToImport() throws {
    _ = Self.graded
    let exported = Self.run(["export", "--key", Self.folder + "/set", "--output", Self.folder + "/quiz.xml"])
    #expect(exported.status == 0, "\(exported.errors)")
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Schemas/moodle-quiz.xsd").path
    let lint = try Fixtures.run("xmllint", ["--noout", "--schema", schema, Self.folder + "/quiz.xml"])
    #expect(lint.status == 0, "\(lint.errors)")
    let gradebook = try CSVTable(
      parsing: try #require(Fixtures.read(Self.folder, "gradebook.csv")), options: .rfc4180)
    #expect(gradebook.header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "Week 3 curves"])
    #expect(gradebook.records.count == 31)
    #expect(gradebook.records[0].fields[0] == "    Points Possible")
    #expect(gradebook.records[1].fields[0...3] == ["Lima, Ana", "6100", "2024000", "alima"])
  }

  @Test func theItemAnalysisCoversEveryQuestion() throws {
    #expect(Self.graded.output.contains("Item analysis: 30 students who answered"))
    #expect(Self.graded.output.contains("Reliability ("))
    let report = try ParsedXML.parse(try #require(Fixtures.read(Self.folder, "items.html"))).get()
    #expect(report.elements(named: "rect").count == 10)
    // Every question any student was asked: variants ask the stop question only where the
    // student's run has a checkpoint worth keeping.
    let items = ItemAnalysisTests.askedItems(of: Self.names.map(\.login), in: Self.key)
    #expect(Self.graded.output.contains("\(items) items"))
    #expect(report.elements(named: "tr").count == items + 1)
  }
}
