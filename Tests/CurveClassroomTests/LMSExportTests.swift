import CSVCoding
import CurveClassroom
import CurveDiagnosis
import CurveExercises
import CurveLabCLI
import Foundation
import Testing
import _CurveLabTestSupport

/// The Moodle XML quiz and the gradebook files, checked as Moodle and Canvas read them.
@Suite struct LMSExportTests {
  private static let classKey = try! GradingKey(folder: Fixtures.rosterFolder)
  private static let quiz = MoodleQuiz(key: classKey, category: "CurveLab/week 3")

  /// The schema of what the export writes, beside this file.
  private static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Schemas/moodle-quiz.xsd").path

  /// One embedded answer of a Cloze question, read as Moodle's parser reads it.
  struct Part: Equatable {
    var weight: Int
    var type: String
    /// Each answer: its credit (1, 0.5, 0), its text, and its feedback.
    var answers: [(credit: Double, text: String, feedback: String)]

    static func == (a: Part, b: Part) -> Bool {
      a.weight == b.weight && a.type == b.type && a.answers.map(\.text) == b.answers.map(\.text)
    }

    /// The parts in a question's HTML: `{weight:TYPE:answer~answer}`, where `~`, `#` and `}`
    /// separate unless escaped with a backslash.
    static func all(in html: String) -> [Part] {
      var parts: [Part] = []
      var rest = Substring(html)
      while let open = rest.firstRange(of: "{") {
        rest = rest[open.upperBound...]
        var body = ""
        var escaped = false
        while let character = rest.first {
          rest = rest.dropFirst()
          if escaped {
            body.append(character)
            escaped = false
          } else if character == "\\" {
            body.append(character)
            escaped = true
          } else if character == "}" {
            break
          } else {
            body.append(character)
          }
        }
        let header = body.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard header.count == 3, let weight = Int(header[0]) else { continue }
        var answers: [(Double, String, String)] = []
        for alternative in split(String(header[2]), at: "~") {
          var text = Substring(alternative)
          var credit = 0.0
          if text.hasPrefix("=") {
            credit = 1
            text = text.dropFirst()
          } else if text.hasPrefix("%"), let end = text.dropFirst().firstIndex(of: "%") {
            credit = (Double(text[text.index(after: text.startIndex)..<end]) ?? -1) / 100
            text = text[text.index(after: end)...]
          }
          let pieces = split(String(text), at: "#")
          answers.append((credit, pieces[0], pieces.count > 1 ? pieces[1] : ""))
        }
        parts.append(Part(weight: weight, type: String(header[1]), answers: answers))
      }
      return parts
    }

    /// `text` split at `separator` where no backslash escapes it.
    private static func split(_ text: String, at separator: Character) -> [String] {
      var pieces = [""]
      var escaped = false
      for character in text {
        if escaped {
          pieces[pieces.count - 1].append(character)
          escaped = false
        } else if character == "\\" {
          pieces[pieces.count - 1].append(character)
          escaped = true
        } else if character == separator {
          pieces.append("")
        } else {
          pieces[pieces.count - 1].append(character)
        }
      }
      return pieces
    }
  }

  @Test func theQuizValidatesWithXmllint() throws {
    let folder = Fixtures.temporaryFolder("moodle")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/quiz.xml"
    try Data(Self.quiz.xml.utf8).write(to: URL(fileURLWithPath: path))
    let result = try Fixtures.run("xmllint", ["--noout", "--schema", Self.schema, path])
    #expect(
      result.status == 0,
      "xmllint (from libxml2-utils, which .ci/run installs) rejected the quiz: \(result.errors)")
    #expect(result.errors.contains("validates"))
  }

  @Test func eachExerciseIsAClozeQuestionWhosePartsMatchTheKey() throws {
    let root = try ParsedXML.parse(Self.quiz.xml).get()
    let questions = root.elements(named: "question")
    let categories = questions.filter { $0.attributes["type"] == "category" }
    #expect(categories.map { $0.elements(named: "text").first?.text } == [
      "$course$/top/CurveLab/week 3/ana", "$course$/top/CurveLab/week 3/bo",
    ])
    let cloze = questions.filter { $0.attributes["type"] == "cloze" }
    let items = ["ana", "bo"].flatMap { Self.classKey.items(for: $0)! }
    #expect(cloze.count == items.count)
    for (question, item) in zip(cloze, items) {
      let html = try #require(question.elements(named: "questiontext").first?.elements(named: "text").first?.text)
      let parts = Part.all(in: html)
      let key = item.solved.key
      #expect(parts.map(\.weight) == item.solved.exercise.questions.map { Int(GradingPolicy.weighted.weight(of: $0)) })
      for (part, question) in zip(parts, item.solved.exercise.questions) {
        let right = part.answers.filter { $0.credit == 1 }.map(\.text)
        let half = part.answers.filter { $0.credit == 0.5 }.map(\.text)
        switch question {
        case .pattern:
          #expect(part.type == "MULTICHOICE" && right == [key.pattern.rawValue])
        case .keepStep:
          #expect(part.type == "NUMERICAL")
          #expect(right.map { Int($0.split(separator: ":")[0])! } == key.acceptedKeepSteps)
          #expect(half.map { Int($0.split(separator: ":")[0])! } == key.nearKeepSteps)
        case .remedy:
          let letter = item.options.letter(of: key.remedy)!
          #expect(right == ["\(letter). \(key.remedy.title)"])
          #expect(half.count == item.options.actions.filter(key.otherRemedies.contains).count)
          #expect(part.answers.count == item.options.actions.count)
        case .cause:
          let cause = try #require(key.causeAnswer)
          let options = try #require(item.causeOptions)
          let letter = try #require(options.letter(of: cause.answer))
          #expect(part.type == "MULTICHOICE")
          #expect(right.contains("\(letter). \(cause.answer.plainWords.capitalisingFirstLetter)"))
          #expect(part.answers.count == options.choices.count)
          #expect(right.count + half.count == options.choices.filter { cause.credit(for: $0) > 0 }.count)
        default: break
        }
      }
    }
  }

  @Test func chartsAreEmbeddedAsSVGImagesTheTextShows() throws {
    let root = try ParsedXML.parse(Self.quiz.xml).get()
    let texts = root.elements(named: "questiontext")
    #expect(!texts.isEmpty)
    for text in texts {
      let html = text.elements(named: "text").first?.text ?? ""
      let files = text.elements(named: "file")
      #expect(!files.isEmpty)
      for file in files {
        let name = try #require(file.attributes["name"])
        #expect(html.contains("<img src=\"@@PLUGINFILE@@/\(name)\""))
        let svg = String(decoding: try #require(Data(base64Encoded: file.text)), as: UTF8.self)
        let picture = try ParsedXML.parse(svg).get()
        #expect(picture.name == "svg" && picture.attributes["xmlns"] == "http://www.w3.org/2000/svg")
      }
    }
  }

  @Test func clozeTextEscapesItsSeparators() {
    #expect(MoodleQuiz.clozeEscaped("a}b#c~d<e>") == "a\\}b\\#c&#126;d&lt;e&gt;")
  }

  /// Answers for two of the three Canvas students; the third hands in nothing.
  private static func canvasGrades() throws -> (ClassGrades, GradingKey) {
    let key = try GradingKey(folder: Fixtures.canvasFolder)
    var lines = ["student,exercise,pattern,stop,cause,remedy"]
    for (written, id) in [("Lima, Ana", "alima"), ("5513", "jgarcia")] {
      for item in key.items(for: id)! {
        let k = item.solved.key
        let stop = item.solved.exercise.questions.contains(.keepStep) ? k.keep.map { "\($0.step)" } ?? "" : ""
        let cause = k.causeAnswer?.answer.rawValue ?? ""
        lines.append("\"\(written)\",\(item.id),\(k.pattern.rawValue),\(stop),\(cause),\(item.options.letter(of: k.remedy)!)")
      }
    }
    let sheet = try AnswerSheet(csv: lines.joined(separator: "\n") + "\n", path: "a.csv")
    return (ClassGrades(sheet: sheet, key: key, policy: .weighted), key)
  }

  /// The points a key's exercises are worth under the weighted policy, from the questions asked.
  private static func maximum(of items: [GradingKey.Item]) -> Int {
    items.reduce(0) { total, item in
      total + item.solved.exercise.questions.reduce(0) { $0 + Int(GradingPolicy.weighted.weight(of: $1)) }
    }
  }

  @Test func aCanvasGradebookKeepsCanvasIdentitiesAndThePointsPossible() throws {
    let (grades, key) = try Self.canvasGrades()
    #expect(key.rosterSource == .canvas)
    let csv = Gradebook(system: .canvas, assignment: "CurveLab week 3", grades: grades, roster: key.students).csv
    let table = try CSVTable(parsing: csv, options: .rfc4180)
    #expect(table.header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "CurveLab week 3"])
    // Both answer everything right: full marks in the set's points, whatever their variant
    // asks (the largest maximum is the assignment's).
    let possible = ["alima", "jgarcia", "xli"].map { Self.maximum(of: key.items(for: $0)!) }.max()!
    #expect(table.records.map(\.fields) == [
      ["    Points Possible", "", "", "", "", "\(possible)"],
      ["Lima, Ana", "5512", "2023001", "alima", "Section 01", "\(possible)"],
      ["García, José", "5513", "2023002", "jgarcia", "Section 01", "\(possible)"],
      ["李, 小龍", "5514", "2023003", "xli", "Section 02", ""],
    ])
  }

  @Test func aMoodleGradebookHasTheIdentityColumnsAndBothScores() throws {
    let roster = try Roster(csv: LMSRosterTests.moodleGrades, path: "m.csv")
    let build = try SetBuild(spec: Fixtures.rosterSpec, roster: roster, command: "test")
    let folder = Fixtures.temporaryFolder("moodle-set")
    try SetDirectory(path: folder).write(build.files)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let key = try GradingKey(folder: folder)
    let item = key.items(for: "ana@example.edu")![0]
    let sheet = try AnswerSheet(
      csv: "student,exercise,pattern\nana@example.edu,ex-001,\(item.solved.key.pattern.rawValue)\n",
      path: "a.csv")
    let grades = ClassGrades(sheet: sheet, key: key, policy: .weighted)
    let csv = Gradebook(system: .moodle, assignment: "Week 3", grades: grades, roster: key.students).csv
    let table = try CSVTable(parsing: csv, options: .rfc4180)
    #expect(table.header == ["First name", "Last name", "Email address", "Week 3 (points)", "Week 3 (%)"])
    // Only the first pattern is answered (2 points, weighted) of ana's whole set.
    let share = 2.0 / Double(Self.maximum(of: key.items(for: "ana@example.edu")!))
    #expect(table.records.map(\.fields) == [
      ["Ana", "Lima", "ana@example.edu", "2", String((share * 1000).rounded() / 10)],
      ["José", "García", "jose@example.edu", "", ""],
    ])
  }

  @Test func theCommandsWriteTheQuizAndTheGradebook() throws {
    let folder = Fixtures.temporaryFolder("lms-cli")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var output = ""
    var errors = ""
    var status = CurveLabCLI.run(
      ["export", "--key", Fixtures.canvasFolder, "--output", folder + "/quiz.xml"],
      context: .testing, output: &output, errors: &errors)
    #expect(status == 0, "\(errors)")
    #expect(output.contains("6 Cloze questions in 3 categories"))
    try Data("student,exercise,pattern\nalima,1,healthy\n".utf8).write(to: URL(fileURLWithPath: folder + "/a.csv"))
    status = CurveLabCLI.run(
      ["grade", "--key", Fixtures.canvasFolder, "--answers", folder + "/a.csv", "--gradebook",
       folder + "/canvas.csv"],
      context: .testing, output: &output, errors: &errors)
    #expect(status == 0, "\(errors)")
    #expect(output.contains("Canvas gradebook written to"))
    #expect(Fixtures.read(folder, "canvas.csv")?.hasPrefix("Student,ID,SIS User ID,SIS Login ID,Section,CurveLab ") == true)
  }
}
