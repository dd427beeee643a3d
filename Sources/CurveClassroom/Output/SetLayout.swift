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
/// worksheet.md   worksheet.html   key.json   key.html   solutions.md
/// exercises/ex-001/trainer_state.json   exercises/ex-001/log.csv
/// students/<folder>/...     with a roster: the same files per student,
/// class.html  class-key.html    and every worksheet, then every key, in one printable page
/// ```
///
/// An exam (``Layout/exam``) puts what students get under `handout/` (the worksheets, with no
/// seed and no data files) and the rest under `instructor/`, the manifest staying at the top.
public enum SetLayout {
  /// The name of the answer key's `format` field.
  public static let keyFormatName = "curvelab-exercise-key"

  /// How a set's files are arranged.
  public enum Layout: String, Sendable, Equatable {
    /// Everything together: worksheets, keys, solutions and the runs' data.
    case standard
    /// What students get under `handout/`, without seeds, recipes or data; the rest under
    /// `instructor/`.
    case exam

    /// The folder of the students' files, with a final `/`; empty at the top.
    var handout: String { self == .exam ? "handout/" : "" }
    /// The folder of the instructor's files, with a final `/`; empty at the top.
    public var instructor: String { self == .exam ? "instructor/" : "" }
  }

  /// Every file of `sets`, the set at position i under `folders[i]` (`nil`: the top level),
  /// and the manifest. Exercises are rendered in parallel; the order of the files is fixed.
  public static func files(
    for sets: [ExerciseSet], folders: [String?], manifest: SetManifest, layout: Layout = .standard,
    workers: Int? = nil
  ) -> [SetFile] {
    precondition(sets.count == folders.count, "one folder per set")
    let jobs = sets.indices.flatMap { set in sets[set].exercises.indices.map { (set, $0) } }
    let rendered = Parallel.map(jobs.count, workers: workers) { job in
      let (set, index) = jobs[job]
      return Rendered(
        sets[set].exercises[index], number: index + 1, of: sets[set].exercises.count,
        isExam: layout == .exam)
    }
    var files: [SetFile] = []
    var offset = 0
    var worksheets: [WorksheetDocument.Sheet] = []
    var keys: [WorksheetDocument.Sheet] = []
    for (position, (set, folder)) in zip(sets, folders).enumerated() {
      let mine = Array(rendered[offset..<(offset + set.exercises.count)])
      offset += set.exercises.count
      let student = manifest.students.indices.contains(position)
        ? manifest.students[position] : nil
      let parts = SetParts(set, rendered: mine, student: student, layout: layout)
      let prefix = folder.map { $0 + "/" } ?? ""
      files += parts.handout.map { SetFile(path: layout.handout + prefix + $0.path, contents: $0.contents) }
      files += parts.instructor.map {
        SetFile(path: layout.instructor + prefix + $0.path, contents: $0.contents)
      }
      worksheets.append(parts.worksheet)
      keys.append(parts.key)
    }
    if !manifest.students.isEmpty {
      let title = "CurveLab exercise set: the class"
      files.append(
        SetFile(
          path: layout.handout + "class.html",
          contents: WorksheetDocument(title: title, sheets: worksheets).html))
      files.append(
        SetFile(
          path: layout.instructor + "class-key.html",
          contents: WorksheetDocument(
            title: "CurveLab answer key: the class", sheets: keys, isWorksheet: false
          ).html))
    }
    // The manifest lists every other file, so a later --force knows what the old set wrote.
    var manifest = manifest
    manifest.layout = layout
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
    var keyRow: [HTMLNode]
    var key: JSONValue
    var solution: String
    var trainerState: String
    var csv: String

    init(_ exercise: GeneratedExercise, number: Int, of total: Int, isExam: Bool) {
      id = exercise.id
      markdown = exercise.worksheetMarkdown(number: number, isExam: isExam)
      html = exercise.worksheetHTML(number: number, of: total)
      keyRow = exercise.keyRow()
      key = exercise.keyJSON
      solution = exercise.solutionMarkdown(number: number)
      trainerState = HandoutFiles.trainerState(for: exercise.solved.log)
      csv = HandoutFiles.csv(for: exercise.solved.log)
    }
  }

  /// One set's files, split into what students get and what stays with the instructor, and
  /// its sheets for the class pages.
  private struct SetParts {
    var handout: [SetFile] = []
    var instructor: [SetFile] = []
    var worksheet: WorksheetDocument.Sheet
    var key: WorksheetDocument.Sheet

    init(_ set: ExerciseSet, rendered: [Rendered], student: RosterStudent?, layout: Layout) {
      let spec = set.spec
      // A student's own files name them by id only, so that `--student ID` rebuilds them byte
      // for byte without the roster; the class pages add the roster's names.
      let who = set.student.map { id in (id: id, name: String?.none) }
      let named = set.student.map { id in (id: id, name: student?.name) }
      let title = "CurveLab exercise set" + (set.student.map { ": " + $0 } ?? "")
      var counts = "\(spec.count) exercises · difficulty \(spec.difficulty.rawValue)"
      if let id = set.student { counts += " · student \(id)" }
      // An exam's sheets give nothing to rebuild the set from: no seed.
      let about = layout == .exam ? counts : "Seed \(spec.seed) · " + counts
      let columns = (["student", "exercise"] + spec.questions.map(SetLayout.answerColumn))
        .joined(separator: ", ")
      var instructions =
        "Read each run's learning curves and answer the questions on this sheet or in a CSV file "
        + "with the columns \(columns). For a step, write the step number; for a lettered "
        + "question (the cause, the remedy), the letter of your choice."
      if layout != .exam {
        instructions += " Each run's data is in exercises/<id>/trainer_state.json and log.csv."
      }

      var markdown = "# \(title)\n\n\(about)\n\n\(instructions)\n\n"
      markdown += rendered.map(\.markdown).joined()
      handout.append(SetFile(path: "worksheet.md", contents: markdown))

      func sheet(_ heading: String, _ student: (id: String, name: String?)?) -> WorksheetDocument.Sheet {
        WorksheetDocument.Sheet(
          student: student,
          nodes: [
            .heading(1, .text(heading)), .paragraph(.text(about)), .paragraph(.text(instructions)),
          ] + rendered.map(\.html))
      }
      handout.append(
        SetFile(
          path: "worksheet.html",
          contents: WorksheetDocument(title: title, sheets: [sheet(title, who)]).html))
      worksheet = sheet(
        "CurveLab exercise set" + (named.map { ": " + ($0.name ?? $0.id) } ?? ""), named)

      let keyTitle = "Answer key" + (set.student.map { ": " + $0 } ?? "")
      // The last column holds the optional questions' answers; left out when none is asked.
      let hasOther = spec.questions.count > Exercise.standardQuestions.count
      func keySheet(_ heading: String) -> WorksheetDocument.Sheet {
        WorksheetDocument.Sheet(
          student: who,
          nodes: [
            .heading(2, .text(heading)),
            .paragraph(.text("Seed \(spec.seed) · " + GeneratedExercise.stopTolerance.asSentence)),
            .table(
              header: ["Exercise", "Pattern", "Stop (accepted steps)", "Cause", "Remedy"]
                + (hasOther ? ["Other"] : []),
              rows: rendered.map { hasOther ? $0.keyRow : Array($0.keyRow.dropLast()) }),
          ])
      }
      instructor.append(
        SetFile(
          path: "key.html",
          contents: WorksheetDocument(
            title: keyTitle, sheets: [keySheet(keyTitle)], isWorksheet: false
          ).html))
      key = keySheet(
        "Answer key" + (named.map { ": " + ($0.name.map { "\($0) · " } ?? "") + $0.id } ?? ""))

      let keyJSON: JSONValue = [
        "format": .string(SetLayout.keyFormatName),
        "version": 1,
        "seed": .integer(Int64(clamping: spec.seed)),
        "student": set.student.map(JSONValue.string) ?? .null,
        "difficulty": .string(spec.difficulty.rawValue),
        "policies": .object(GradingPolicy.allCases.map { ($0.rawValue, .string($0.statement)) }),
        "exercises": .array(rendered.map(\.key)),
      ]
      instructor.append(SetFile(path: "key.json", contents: SetLayout.jsonText(keyJSON)))

      var solutions =
        "# Worked solutions: \(title.dropFirst("CurveLab ".count))\n\nSeed \(spec.seed) · "
        + counts + "\n\n"
      solutions += "Every answer comes from CurveLab's diagnosis engine reading the run. The stop "
      solutions += "question's tolerance: \(GeneratedExercise.stopTolerance).\n\n"
      solutions += rendered.map(\.solution).joined()
      instructor.append(SetFile(path: "solutions.md", contents: solutions))

      for item in rendered {
        instructor.append(
          SetFile(path: "exercises/\(item.id)/trainer_state.json", contents: item.trainerState))
        instructor.append(SetFile(path: "exercises/\(item.id)/log.csv", contents: item.csv))
      }
    }
  }

  /// The answers-file column of a question: `pattern`, `stop`, `remedy`, `set_size`,
  /// `patience_stop`.
  static func answerColumn(_ question: Exercise.Question) -> String {
    question.name.split(separator: "-").joined(separator: "_")
  }
}
