import CurveClassroom
import Foundation

/// Small sets shared by the tests: debug builds train slowly, so each is made once.
enum Fixtures {
  /// Two cheap exercises, with both optional questions.
  static let spec = ExerciseSetSpec(
    count: 2, seed: 11, mix: try! ExerciseMix(parsing: "healthy:1,erratic:1"),
    extraQuestions: [.setSize, .patienceStop(2)])

  /// The class set of ``spec``.
  static let classBuild = try! SetBuild(spec: spec, command: "test")

  /// A roster of two students.
  static let roster = try! Roster(csv: "id,name\nana,Ana A\nbo,Bo B\n", path: "roster.csv")

  /// ``spec`` without the optional questions, for the roster set.
  static let rosterSpec = ExerciseSetSpec(
    count: 2, seed: 11, mix: try! ExerciseMix(parsing: "healthy:1,erratic:1"))

  /// The roster set, written to a temporary folder.
  static let rosterFolder: String = {
    let folder = temporaryFolder("roster-set")
    let build = try! SetBuild(spec: rosterSpec, roster: roster, command: "test")
    try! SetDirectory(path: folder).write(build.files)
    return folder
  }()

  /// A roster set of one overfitting exercise: a run with a checkpoint worth keeping, so every
  /// student is asked the stop question.
  static let stopFolder: String = {
    let folder = temporaryFolder("stop-set")
    let spec = ExerciseSetSpec(count: 1, seed: 11, mix: try! ExerciseMix(parsing: "overfitting:1"))
    let build = try! SetBuild(spec: spec, roster: roster, command: "test")
    try! SetDirectory(path: folder).write(build.files)
    return folder
  }()

  /// The roster set as an exam, written to a temporary folder.
  static let examFolder: String = {
    let folder = temporaryFolder("exam-set")
    let build = try! SetBuild(spec: rosterSpec, roster: roster, command: "test", layout: .exam)
    try! SetDirectory(path: folder).write(build.files)
    return folder
  }()

  /// The roster set made from ``LMSRosterTests/canvas``, a Canvas gradebook export of three
  /// students, written to a temporary folder.
  static let canvasFolder: String = {
    let folder = temporaryFolder("canvas-set")
    let roster = try! Roster(csv: LMSRosterTests.canvas, path: "canvas.csv")
    let build = try! SetBuild(spec: rosterSpec, roster: roster, command: "test")
    try! SetDirectory(path: folder).write(build.files)
    return folder
  }()

  /// Runs a program found on the PATH; its status and standard error.
  static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  /// A new, not yet existing folder under the temporary directory.
  static func temporaryFolder(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "curveclassroom-\(name)-\(UUID().uuidString)"
    ).path
  }

  /// The text of `path` inside `folder`.
  static func read(_ folder: String, _ path: String) -> String? {
    FileManager.default.contents(atPath: folder + "/" + path).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  /// Every file under `folder`, relative, sorted.
  static func listing(_ folder: String) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(path)
      }
    }
    return files.sorted()
  }
}
