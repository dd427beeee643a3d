import Foundation
import JSONCoding

/// The course on disk: a manifest listing lessons in order, the lessons, the quizzes.
///
/// ```swift
/// let course = try Course(root: "/path/to/CurveLab")
/// course.lessons.first?.title   // "What learning curves are"
/// try course.text(of: course.lessons[0])
/// ```
public struct Course: Sendable {
  /// The folder holding `Lessons/`, `Quizzes/` and `Solutions/`.
  public var root: String
  /// The course's title.
  public var title: String
  /// The lessons, in order.
  public var lessons: [LessonEntry]
  /// Quiz files, relative to ``root``.
  public var quizzes: [String]

  /// The manifest format this version reads.
  public static let manifestFormat = 1
  /// Where the manifest lives, relative to the root.
  public static let manifestPath = "Lessons/manifest.json"

  /// One lesson in the manifest.
  public struct LessonEntry: Sendable, Equatable {
    /// A stable name, used for progress and `curvelab reset`.
    public var id: String
    /// The Markdown file, relative to `Lessons/`.
    public var file: String
    /// The lesson's title.
    public var title: String
    /// The outline sections it teaches.
    public var sections: [Int]
  }

  /// Reads the manifest under `root`.
  public init(root: String) throws(CourseError) {
    self.root = root
    let path = Self.join(root, Self.manifestPath)
    let text = try Self.read(path)
    let value: JSONValue
    do {
      value = try JSONValue(parsing: text)
    } catch {
      throw CourseError(file: path, line: nil, message: "not valid JSON: \(error)")
    }
    func fail(_ message: String) -> CourseError { CourseError(file: path, line: nil, message: message) }
    guard let format = value["format"]?.integerValue else {
      throw fail("no \"format\" number; this version reads format \(Self.manifestFormat)")
    }
    guard format == Self.manifestFormat else {
      throw fail("format \(format) is not one this version reads (\(Self.manifestFormat))")
    }
    title = value["title"]?.stringValue ?? "CurveLab course"
    guard let entries = value["lessons"]?.arrayValue, !entries.isEmpty else {
      throw fail("no \"lessons\" list")
    }
    var lessons: [LessonEntry] = []
    for (index, entry) in entries.enumerated() {
      guard let id = entry["id"]?.stringValue, let file = entry["file"]?.stringValue,
        let lessonTitle = entry["title"]?.stringValue
      else {
        throw fail("lesson \(index + 1) needs \"id\", \"file\" and \"title\" strings")
      }
      guard CourseIdentifier.isValid(id) else {
        throw fail("lesson id '\(id)' must be lowercase letters, digits and hyphens")
      }
      guard !lessons.contains(where: { $0.id == id }) else { throw fail("lesson id '\(id)' is listed twice") }
      guard !file.contains(".."), !file.hasPrefix("/") else {
        throw fail("lesson file '\(file)' must stay inside Lessons/")
      }
      let sections = (entry["sections"]?.arrayValue ?? []).compactMap { $0.integerValue.map(Int.init) }
      lessons.append(LessonEntry(id: id, file: file, title: lessonTitle, sections: sections))
    }
    self.lessons = lessons
    quizzes = (value["quizzes"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  /// The path of a lesson's Markdown file.
  public func path(of lesson: LessonEntry) -> String { Self.join(root, "Lessons/" + lesson.file) }

  /// A lesson's Markdown text.
  public func text(of lesson: LessonEntry) throws(CourseError) -> String {
    try Self.read(path(of: lesson))
  }

  /// Lesson `number` (from 1), read and parsed.
  public func lesson(number: Int) throws(CourseError) -> Lesson {
    let entry = lessons[number - 1]
    return Lesson(entry: entry, number: number, text: try text(of: entry))
  }

  /// Every lesson that can be read, in order, and an error for each one that cannot.
  public func readLessons() -> (lessons: [Lesson], errors: [CourseError]) {
    var read: [Lesson] = []
    var errors: [CourseError] = []
    for number in 1...lessons.count {
      do {
        read.append(try lesson(number: number))
      } catch {
        errors.append(error)
      }
    }
    return (read, errors)
  }

  /// The path of a file given relative to the root.
  public func path(_ relative: String) -> String { Self.join(root, relative) }

  /// The lesson at a 1-based position or with an id.
  public func lesson(named name: String) -> (number: Int, entry: LessonEntry)? {
    if let number = Int(name), (1...lessons.count).contains(number) {
      return (number, lessons[number - 1])
    }
    guard let index = lessons.firstIndex(where: { $0.id == name }) else { return nil }
    return (index + 1, lessons[index])
  }

  /// Where to find the course: `explicit` if given, else `CURVELAB_COURSE`, else the first of
  /// the current directory and its parents that holds the manifest, else the package this
  /// binary was built from.
  public static func locate(explicit: String?, environment: [String: String]) -> String? {
    if let explicit { return explicit }
    if let variable = environment["CURVELAB_COURSE"], !variable.isEmpty { return variable }
    let manager = FileManager.default
    var directory = URL(fileURLWithPath: manager.currentDirectoryPath)
    for _ in 0..<32 {
      if manager.fileExists(atPath: directory.appendingPathComponent(manifestPath).path) {
        return directory.path
      }
      let parent = directory.deletingLastPathComponent()
      if parent.path == directory.path { break }
      directory = parent
    }
    // Sources/CurveCourse/Course.swift → the package root.
    let built = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    if manager.fileExists(atPath: built.appendingPathComponent(manifestPath).path) {
      return built.path
    }
    return nil
  }

  static func join(_ root: String, _ relative: String) -> String {
    root.hasSuffix("/") ? root + relative : root + "/" + relative
  }

  /// A file's text, or an error naming it.
  public static func read(_ path: String) throws(CourseError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CourseError(file: path, line: nil, message: "cannot be read (missing, or not a file)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw CourseError(file: path, line: nil, message: "is not UTF-8 text")
    }
    return text
  }
}

/// A problem in a course file, with its place.
public struct CourseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file.
  public var file: String
  /// The 1-based line, when known.
  public var line: Int?
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int?, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
  }
}

/// Identifiers of lessons, questions and exercises: lowercase letters, digits and hyphens.
enum CourseIdentifier {
  static func isValid(_ id: String) -> Bool {
    !id.isEmpty && !id.hasPrefix("-")
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }
}
