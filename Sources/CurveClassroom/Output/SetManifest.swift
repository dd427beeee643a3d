import CurveExercises
public import JSONCoding

/// `manifest.json`: what made a set, so that it can be made again.
public struct SetManifest: Sendable {
  /// The name in the `format` field.
  public static let formatName = "curvelab-exercise-set"
  /// The schema version.
  public static let version = 1

  /// The spec.
  public var spec: ExerciseSetSpec
  /// The command line that made the set.
  public var command: String
  /// Roster students, in roster order; empty for a class set.
  public var students: [RosterStudent]
  /// Where the roster came from and which column gave the ids; `nil` without a roster.
  public var roster: (source: RosterSource, idColumn: String)?
  /// The student of a `--student` rebuild.
  public var student: String?
  /// Every other file of the set, relative to its folder.
  public var files: [String] = []
  /// How the files are arranged.
  public var layout: SetLayout.Layout = .standard

  /// The manifest's name in a set's folder.
  public static let fileName = "manifest.json"

  /// Creates a manifest.
  public init(
    spec: ExerciseSetSpec, command: String, students: [RosterStudent] = [], student: String? = nil
  ) {
    self.spec = spec
    self.command = command
    self.students = students
    self.student = student
  }

  /// Creates the manifest of a roster set.
  public init(spec: ExerciseSetSpec, command: String, roster: Roster) {
    self.init(spec: spec, command: command, students: roster.students)
    self.roster = (roster.source, roster.idColumn)
  }

  /// The manifest as JSON.
  public var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("format", .string(Self.formatName)),
      ("version", .integer(Int64(Self.version))),
      ("curvelab_version", .string(CurveLabVersion.string)),
      ("command", .string(command)),
      ("seed", .integer(Int64(clamping: spec.seed))),
      ("count", .integer(Int64(spec.count))),
      ("mix", .string(spec.mix.text)),
      ("difficulty", .string(spec.difficulty.rawValue)),
      ("questions", .array(spec.questions.map { .string(question($0)) })),
    ]
    if let student { members.append(("student", .string(student))) }
    if layout != .standard { members.append(("layout", .string(layout.rawValue))) }
    if !files.isEmpty { members.append(("files", .array(files.map(JSONValue.string)))) }
    if let roster {
      members.append(
        ("roster", ["source": .string(roster.source.rawValue), "id_column": .string(roster.idColumn)]))
    }
    if !students.isEmpty {
      members.append(
        (
          "students",
          .array(
            students.map { student in
              var entry: [(key: String, value: JSONValue)] = [
                ("id", .string(student.id)), ("name", student.name.map(JSONValue.string) ?? .null),
                ("folder", .string("students/" + student.folder)),
              ]
              if !student.identifiers.isEmpty {
                entry.append(
                  (
                    "identifiers",
                    .array(student.identifiers.map { [.string($0.column), .string($0.value)] })
                  ))
              }
              return .object(entry)
            })
        ))
    }
    return .object(members)
  }

  private func question(_ question: Exercise.Question) -> String {
    if case .patienceStop(let patience) = question { return "patience-stop=\(patience)" }
    return question.name
  }
}
