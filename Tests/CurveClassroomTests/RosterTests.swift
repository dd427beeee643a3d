import CurveClassroom
import CurveLabCLI
import Foundation
import Testing

@Suite struct RosterTests {
  @Test(arguments: [
    ("ana", "ana"), ("../../etc/x", "etc_x"), ("/abs", "abs"), (".hidden", "hidden"),
    ("Jo Smith", "Jo_Smith"), ("a\\b", "a_b"), ("..", ""), ("x/../y", "x_y"),
  ])
  func makesSafeFolderNames(id: String, folder: String) {
    let name = Roster.folderName(for: id)
    #expect(name == folder)
    #expect(!name.contains("/") && !name.contains("..") && !name.hasPrefix("."))
  }

  @Test func readsIDsAndNamesWithLooseHeaders() throws {
    let roster = try Roster(csv: "Student ID , Name\n ana ,Ana A\n\nbo,\n", path: "r.csv")
    #expect(roster.students.map(\.id) == ["ana", "bo"])
    #expect(roster.students.map(\.name) == ["Ana A", nil])
    #expect(roster.students.map(\.line) == [2, 4])
  }

  @Test func namesBothRowsOfAClash() {
    #expect(throws: ClassroomError.rosterClash(
      first: "jo.smith", firstLine: 2, second: "jo/smith", secondLine: 3, folder: "jo_smith"))
    {
      try Roster(csv: "id\njo.smith\njo/smith\n", path: "r.csv")
    }
    #expect(throws: ClassroomError.self) { try Roster(csv: "name\nana\n", path: "r.csv") }
    #expect(throws: ClassroomError.unusableStudentID("..", line: 2)) {
      try Roster(csv: "id\n..\n", path: "r.csv")
    }
  }

  @Test func studentsGetTheirOwnCurves() throws {
    let folder = Fixtures.rosterFolder
    let files = Fixtures.listing(folder)
    #expect(files.contains("students/ana/key.json"))
    #expect(files.contains("students/bo/exercises/ex-001/trainer_state.json"))
    #expect(!files.contains("key.json"))
    let ana = Fixtures.read(folder, "students/ana/exercises/ex-001/log.csv")
    let bo = Fixtures.read(folder, "students/bo/exercises/ex-001/log.csv")
    #expect(ana != nil && ana != bo)
    let manifest = try #require(Fixtures.read(folder, "manifest.json"))
    #expect(manifest.contains("\"folder\": \"students/ana\""))
    #expect(manifest.contains("\"name\": \"Bo B\""))
  }

  @Test func studentRebuildsTheRosterVariantExactly() throws {
    let out = Fixtures.temporaryFolder("student")
    defer { try? FileManager.default.removeItem(atPath: out) }
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(
      ["generate", "--count", "2", "--seed", "11", "--mix", "healthy:1,erratic:1", "--student", "bo",
       "--out", out], context: .testing, output: &output, errors: &errors)
    #expect(status == 0, "\(errors)")
    #expect(output.contains("student id 'bo' exactly as written"))
    let rebuilt = Fixtures.listing(out).filter { $0 != "manifest.json" }
    #expect(rebuilt == Fixtures.listing(Fixtures.rosterFolder + "/students/bo"))
    for file in rebuilt {
      #expect(
        Fixtures.read(out, file) == Fixtures.read(Fixtures.rosterFolder, "students/bo/" + file),
        "\(file) differs")
    }
  }

  @Test func hostileIDsStayInsideTheOutputFolder() throws {
    let parent = Fixtures.temporaryFolder("hostile")
    let out = parent + "/set"
    defer { try? FileManager.default.removeItem(atPath: parent) }
    let roster = try Roster(csv: "id\n../../etc/x\n/abs\n", path: "r.csv")
    let spec = ExerciseSetSpec(count: 1, seed: 1, mix: try ExerciseMix(parsing: "erratic"))
    try SetDirectory(path: out).write(SetBuild(spec: spec, roster: roster, command: "test").files)
    #expect(Fixtures.listing(parent).allSatisfy { $0.hasPrefix("set/") })
    #expect(Fixtures.listing(out).contains("students/etc_x/key.json"))
    #expect(Fixtures.listing(out).contains("students/abs/key.json"))
  }

  @Test func variantsShareThePatternOrderButNotTheCurves() throws {
    let sets = try ExerciseSet.generate(ExerciseSetSpec(count: 8, seed: 11), students: ["ana", "bo"])
    #expect(sets[0].exercises.map(\.scenario) == sets[1].exercises.map(\.scenario))
    #expect(sets[0].exercises.map(\.solved.log) != sets[1].exercises.map(\.solved.log))
  }
}

/// Rosters exported by Canvas and Moodle, laid out as those systems write them.
@Suite struct LMSRosterTests {
  /// A Canvas gradebook export: the identity columns, an assignment, the read-only totals, the
  /// "Points Possible" row, a muted-assignments row and the test student.
  static let canvas = """
    \u{FEFF}Student,ID,SIS User ID,SIS Login ID,Section,Week 3 (88213),Current Score,Final Score
    ,,,,,Muted,,
        Points Possible,,,,,10.00,(read only),(read only)
    "Lima, Ana",5512,2023001,alima,Section 01,8.00,80.00,80.00
    "García, José",5513,2023002,jgarcia,Section 01,,,
    "李, 小龍",5514,2023003,xli,Section 02,9.50,95.00,95.00
    "Student, Test",5599,,,Section 01,,,

    """

  static let moodleGrades = """
    First name,Last name,ID number,Institution,Department,Email address,Quiz: Week 3 (Real),Course total (Real),Last downloaded from this course
    Ana,Lima,,Uni,,ana@example.edu,8.00,8.00,1701700000
    José,García,,Uni,,jose@example.edu,-,-,1701700000

    """

  static let moodleParticipants = """
    First name,Last name,Email address,Roles,Groups,Last access to course
    Ana,Lima,ana@example.edu,Student,Group A,1 day
    Tom,Tutor,tom@example.edu,"Non-editing teacher",,2 days
    Zoë,Ng,zoe@example.edu,"Student, Observer",,never

    """

  @Test func readsACanvasGradebookExport() throws {
    let roster = try Roster(csv: Self.canvas, path: "canvas.csv")
    #expect(roster.source == .canvas)
    #expect(roster.idColumn == "SIS Login ID")
    #expect(roster.students.map(\.id) == ["alima", "jgarcia", "xli"])
    #expect(roster.students.map(\.name) == ["Lima, Ana", "García, José", "李, 小龍"])
    #expect(roster.students[0].identifier("ID") == "5512")
    #expect(roster.students[2].identifier("Section") == "Section 02")
    #expect(roster.skipped.count == 3)
    #expect(roster.skipped.contains("line 3: Points Possible"))
    #expect(roster.skipped.contains("line 7: the test student"))
  }

  @Test func fallsBackToTheCanvasIDWithoutSISIDs() throws {
    let export = "Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n\"Lima, Ana\",5512,,,S1\n"
    let roster = try Roster(csv: export, path: "c.csv")
    #expect(roster.idColumn == "ID" && roster.students.map(\.id) == ["5512"])
  }

  @Test func readsMoodleExports() throws {
    let grades = try Roster(csv: Self.moodleGrades, path: "moodle.csv")
    #expect(grades.source == .moodle)
    #expect(grades.idColumn == "Email address")
    #expect(grades.students.map(\.id) == ["ana@example.edu", "jose@example.edu"])
    #expect(grades.students.map(\.name) == ["Ana Lima", "José García"])
    let participants = try Roster(csv: Self.moodleParticipants, path: "participants.csv")
    #expect(participants.students.map(\.id) == ["ana@example.edu", "zoe@example.edu"])
    #expect(participants.skipped == ["line 3: not a student (Non-editing teacher)"])
  }

  @Test(arguments: [
    ("José", "José"), ("Jose\u{301}", "José"), ("李小龍", "李小龍"), ("Lima, Ana", "Lima_Ana"),
    ("Ørsted/../x", "Ørsted_x"), ("ana@example.edu", "ana_example_edu"), ("Μαρία", "Μαρία"),
  ])
  func unicodeIDsKeepEveryLetter(id: String, folder: String) {
    #expect(Roster.folderName(for: id) == folder)
  }

  @Test func composedAndDecomposedNamesClash() {
    #expect(throws: ClassroomError.self) { try Roster(csv: "id\nJosé\nJose\u{301}\n", path: "r.csv") }
  }

  @Test func studentMatchesTheRosterIDExactly() throws {
    let folder = Fixtures.temporaryFolder("exact")
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/canvas.csv"
    try Data(Self.canvas.utf8).write(to: URL(fileURLWithPath: path))
    func generate(_ student: String) -> (Int32, String, String) {
      var output = ""
      var errors = ""
      let status = CurveLabCLI.run(
        ["generate", "--count", "1", "--seed", "3", "--mix", "erratic", "--roster", path,
         "--student", student, "--out", folder + "/" + UUID().uuidString],
        context: .testing, output: &output, errors: &errors)
      return (status, output, errors)
    }
    let (wrongCase, _, message) = generate("ALIMA")
    #expect(wrongCase == 2)
    #expect(message.contains("did you mean 'alima'?"))
    let (byName, output, _) = generate("Lima, Ana")
    #expect(byName == 0)
    #expect(output.contains("for student alima"))
    #expect(output.contains("Canvas gradebook export: 3 students"))
  }
}
