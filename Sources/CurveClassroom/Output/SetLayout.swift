import CurveExercises
import CurveIO
import HTMLDocument
public import JSONCoding

/// One file of a generated set: a path relative to the output folder, and its text.
public struct SetFile: Sendable, Equatable {
  /// Relative path with `/` separators, built only from safe names.
  public var path: String
  /// The text.
  public var contents: String

  /// Creates a file.
  public init(path: String, contents: String) {
    self.path = path
    self.contents = contents
  }
}

/// Turns generated sets into the files of a set folder.
///
/// ```text
/// manifest.json
/// worksheet.md   worksheet.html   key.json   solutions.md
/// exercises/ex-001/trainer_state.json   exercises/ex-001/log.csv
/// students/<folder>/...   (with a roster: the same files per student)
/// ```
public enum SetLayout {
  /// The name of the answer key's `format` field.
  public static let keyFormatName = "curvelab-exercise-key"

  /// Every file of `sets`, the set at position i under `folders[i]` (`nil`: the top level),
  /// and the manifest. Exercises are rendered in parallel; the order of the files is fixed.
  public static func files(for sets: [ExerciseSet], folders: [String?], manifest: SetManifest)
    -> [SetFile]
  {
    precondition(sets.count == folders.count, "one folder per set")
    let jobs = sets.indices.flatMap { set in sets[set].exercises.indices.map { (set, $0) } }
    let rendered = Parallel.map(jobs.count) { job in
      let (set, index) = jobs[job]
      return Rendered(sets[set].exercises[index], number: index + 1)
    }
    var files: [SetFile] = []
    var offset = 0
    for (set, folder) in zip(sets, folders) {
      let mine = Array(rendered[offset..<(offset + set.exercises.count)])
      offset += set.exercises.count
      let prefix = folder.map { $0 + "/" } ?? ""
      files += setFiles(set, rendered: mine).map { SetFile(path: prefix + $0.path, contents: $0.contents) }
    }
    // The manifest lists every other file, so a later --force knows what the old set wrote.
    var manifest = manifest
    manifest.files = files.map(\.path)
    return [SetFile(path: SetManifest.fileName, contents: jsonText(manifest.json))] + files
  }

  /// The JSON text of a key or manifest: keys sorted, two-space indent, a final newline.
  public static func jsonText(_ value: JSONValue) -> String {
    value.serialized(.python(indent: 2, sortsKeys: true)) + "\n"
  }

  private struct Rendered: Sendable {
    var id: String
    var markdown: String
    var html: HTMLNode
    var key: JSONValue
    var solution: String
    var trainerState: String
    var csv: String

    init(_ exercise: GeneratedExercise, number: Int) {
      id = exercise.id
      markdown = exercise.worksheetMarkdown(number: number)
      html = exercise.worksheetHTML(number: number)
      key = exercise.keyJSON
      solution = exercise.solutionMarkdown(number: number)
      trainerState = TrainerStateWriter().text(for: exercise.solved.log)
      csv = CSVLogWriter().text(for: exercise.solved.log)
    }
  }

  private static func setFiles(_ set: ExerciseSet, rendered: [Rendered]) -> [SetFile] {
    let spec = set.spec
    var files: [SetFile] = []
    let title = "CurveLab exercise set" + (set.student.map { ": \($0)" } ?? "")
    let about =
      "Seed \(spec.seed) · \(spec.count) exercises · difficulty \(spec.difficulty.rawValue)"
      + (set.student.map { " · student \($0)" } ?? "")
    let columns = (["student", "exercise"] + spec.questions.map(answerColumn)).joined(separator: ", ")
    let instructions =
      "Read each run's learning curves and answer the questions. Hand in your answers as a CSV "
      + "file with the columns \(columns); for the remedy, write the letter of your choice."

    var markdown = "# \(title)\n\n\(about)\n\n\(instructions)\n\n"
    markdown += rendered.map(\.markdown).joined()
    files.append(SetFile(path: "worksheet.md", contents: markdown))

    var page = HTMLDocument(title: title)
    page.append(.heading(1, .text(title)))
    page.append(.paragraph(.text(about)))
    page.append(.paragraph(.text(instructions)))
    for item in rendered { page.append(item.html) }
    files.append(SetFile(path: "worksheet.html", contents: page.html))

    let key: JSONValue = [
      "format": .string(keyFormatName),
      "version": 1,
      "seed": .integer(Int64(clamping: spec.seed)),
      "student": set.student.map(JSONValue.string) ?? .null,
      "difficulty": .string(spec.difficulty.rawValue),
      "policies": .object(GradingPolicy.allCases.map { ($0.rawValue, .string($0.statement)) }),
      "exercises": .array(rendered.map(\.key)),
    ]
    files.append(SetFile(path: "key.json", contents: jsonText(key)))

    var solutions = "# Worked solutions: \(title.dropFirst("CurveLab ".count))\n\n\(about)\n\n"
    solutions += "Every answer comes from CurveLab's diagnosis engine reading the run. The stop "
    solutions += "question's tolerance: \(GeneratedExercise.stopTolerance).\n\n"
    solutions += rendered.map(\.solution).joined()
    files.append(SetFile(path: "solutions.md", contents: solutions))

    for item in rendered {
      files.append(SetFile(path: "exercises/\(item.id)/trainer_state.json", contents: item.trainerState))
      files.append(SetFile(path: "exercises/\(item.id)/log.csv", contents: item.csv))
    }
    return files
  }

  /// The answers-file column of a question: `pattern`, `stop`, `remedy`, `set_size`,
  /// `patience_stop`.
  static func answerColumn(_ question: Exercise.Question) -> String {
    question.name.split(separator: "-").joined(separator: "_")
  }
}
