import CurveCourse
import Foundation

/// The course shipped in this repository, and scratch copies of it to break.
enum CourseFixture {
  /// The package root: Tests/CurveCourseTests/CourseFixture.swift → ../..
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  static func shipped() throws -> Course { try Course(root: root) }

  /// A fresh copy of Lessons/, Quizzes/ and Solutions/ in a temporary folder.
  static func scratchCopy() throws -> String {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-course-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in ["Lessons", "Quizzes", "Solutions"] {
      try FileManager.default.copyItem(atPath: root + "/" + name, toPath: folder + "/" + name)
    }
    return folder
  }

  /// Replaces the first occurrence of `old` in a file of a scratch course; returns its line.
  @discardableResult
  static func edit(_ folder: String, _ file: String, replacing old: String, with new: String) throws -> Int {
    let path = folder + "/" + file
    let text = try String(contentsOfFile: path, encoding: .utf8)
    guard let range = text.range(of: old) else { throw FixtureError(message: "'\(old)' not in \(file)") }
    try text.replacingCharacters(in: range, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
  }

  struct FixtureError: Error { var message: String }
}
