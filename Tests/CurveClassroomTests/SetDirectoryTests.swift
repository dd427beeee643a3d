import CurveClassroom
import CurveLabCLI
import Foundation
import Testing

@Suite struct SetDirectoryTests {
  private let files = [
    SetFile(path: "manifest.json", contents: "{}\n"),
    SetFile(path: "exercises/ex-001/log.csv", contents: "step\n"),
  ]

  @Test func refusesANonEmptyFolderWithoutForce() throws {
    let out = Fixtures.temporaryFolder("refuse")
    defer { try? FileManager.default.removeItem(atPath: out) }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
    #expect(throws: ClassroomError.outputNotEmpty(path: out)) {
      try SetDirectory(path: out).write(files)
    }
    #expect(Fixtures.listing(out) == ["notes.txt"])

    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(
      ["generate", "--count", "1", "--out", out], context: .testing, output: &output, errors: &errors)
    #expect(status == 1)
    #expect(errors.contains(out) && errors.contains("--force"))
  }

  @Test func forceReplacesOnlyTheSetsFiles() throws {
    let out = Fixtures.temporaryFolder("force")
    defer { try? FileManager.default.removeItem(atPath: out) }
    try SetDirectory(path: out).write(files)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/notes.txt"))
    let replaced = try SetDirectory(path: out, replacesFiles: true).write(
      [SetFile(path: "manifest.json", contents: "{\"new\": 1}\n")])
    #expect(replaced == 1)
    #expect(Fixtures.read(out, "notes.txt") == "mine")
    #expect(Fixtures.read(out, "manifest.json") == "{\"new\": 1}\n")
    #expect(Fixtures.read(out, "exercises/ex-001/log.csv") == "step\n")
  }

  @Test(arguments: ["../x.txt", "/etc/x.txt", "a/../../x.txt", ".hidden", "a//b"])
  func refusesPathsThatCouldLeave(path: String) {
    let out = Fixtures.temporaryFolder("escape")
    defer { try? FileManager.default.removeItem(atPath: out) }
    #expect(throws: ClassroomError.escapesOutput(path: path)) {
      try SetDirectory(path: out).write([SetFile(path: path, contents: "x")])
    }
  }

  @Test func refusesAFolderLinkedOutside() throws {
    let out = Fixtures.temporaryFolder("link")
    let elsewhere = Fixtures.temporaryFolder("elsewhere")
    defer {
      try? FileManager.default.removeItem(atPath: out)
      try? FileManager.default.removeItem(atPath: elsewhere)
    }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: out + "/exercises", withDestinationPath: elsewhere)
    #expect(throws: ClassroomError.self) {
      try SetDirectory(path: out, replacesFiles: true).write(files)
    }
    // Not even a folder appears on the far side of the link.
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
  }

  @Test func forceRemovesWhatTheEarlierSetListedAndNothingElse() throws {
    let out = Fixtures.temporaryFolder("stale")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let big = try SetBuild(spec: ExerciseSetSpec(count: 3, seed: 5), command: "test")
    try SetDirectory(path: out).write(big.files)
    try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/exercises/notes.txt"))
    let small = try SetBuild(spec: ExerciseSetSpec(count: 1, seed: 5), command: "test")
    try SetDirectory(path: out, replacesFiles: true).write(small.files)
    let left = Set(Fixtures.listing(out))
    #expect(left == Set(small.files.map(\.path) + ["exercises/notes.txt"]))
    #expect(!FileManager.default.fileExists(atPath: out + "/exercises/ex-003"))
  }
}
