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
