public import ArgumentParsing
import CurveClassroom
import CurveExercises
import Dispatch
import Foundation
import TerminalCanvas

/// `curvelab generate`: a reproducible exercise set with worksheets, keys and solutions.
struct GenerateCommand {
  static let spec = CommandSpec(
    name: "generate",
    abstract: "Generate an exercise set: run data, worksheets, answer key and worked solutions.",
    discussion: """
      Every exercise is a real simulated run whose pattern the diagnosis engine confirms; a \
      candidate the engine reads differently is redrawn, never shipped. The set folder holds \
      worksheet.md and a printable worksheet.html, key.json and key.html, solutions.md, each \
      run's trainer_state.json and log.csv, and manifest.json with the command that made it. \
      The same seed gives byte-identical files. With --roster (a CSV with an id column, or a \
      Canvas or Moodle export) each student gets a variant under students/<id>/ (same mix and \
      difficulty, different curves), and class.html and class-key.html print the whole class; \
      --student ID rebuilds one student's variant exactly. --exam puts what students get in \
      handout/ (no seed, no data files) and the rest in instructor/. An existing non-empty \
      --out is refused unless --force is given, and then only the set's own files are \
      replaced.
      """,
    examples: [
      "curvelab generate --count 20 --seed 7 --out week3",
      "curvelab generate --count 10 --seed 7 --mix overfitting:1,healthy:1 --difficulty hard --out quiz",
      "curvelab generate --count 10 --seed 7 --roster roster.csv --out week3",
      "curvelab generate --count 10 --seed 7 --roster canvas-export.csv --exam --out midterm",
      "curvelab generate --count 10 --seed 7 --roster roster.csv --student ada --out ada",
    ],
    options: [
      .option("count", short: "n", valueName: "N", help: "Exercises in the set.", default: "10"),
      .option("seed", short: "s", valueName: "N", help: "Seed of the whole set.", default: "42"),
      .option(
        "mix", valueName: "MIX",
        help: "Share of each pattern as name:weight pairs, scaled to --count.",
        default: ExerciseMix.standard.text),
      .option(
        "difficulty", valueName: "LEVEL", help: "easy, medium or hard: how clear the patterns are.",
        default: "medium"),
      .option(
        "questions", valueName: "LIST",
        help: "Extra questions: set-size, patience-stop=N (comma-separated)."),
      .option("out", short: "o", valueName: "DIR", help: "The set folder to write (required).", section: "Output"),
      .flag(
        "force", help: "Write into a non-empty --out, replacing only the set's own files.",
        section: "Output"),
      .flag(
        "exam",
        help: "Students' files in handout/ (no seeds, recipes or data), the rest in instructor/.",
        section: "Output"),
      .option(
        "roster", valueName: "FILE",
        help: "A variant per student: a CSV with an 'id' column, or a Canvas or Moodle export.",
        section: "Students"),
      .option(
        "student", valueName: "ID",
        help: "Rebuild only this student's variant; with --roster, the id must be the roster's.",
        section: "Students"),
    ])

  let spec: ExerciseSetSpec
  let outputPath: String
  let force: Bool
  let layout: SetLayout.Layout
  let rosterPath: String?
  let student: String?
  let command: String

  init(_ parsed: ParsedArguments) throws {
    let count = try parsed.value("count", as: Int.self, validating: .in(1...ExerciseSetSpec.maximumCount))!
    let seed = try parsed.value("seed", as: UInt64.self, validating: .seed)!
    let mixText = try parsed.value("mix", as: String.self)!
    let difficulty = try parsed.value("difficulty", as: Difficulty.self)!
    let mix: ExerciseMix
    do {
      mix = try ExerciseMix(parsing: mixText)
    } catch {
      throw ArgumentError.invalidValue(
        argument: "--mix", value: mixText,
        expected: "name:weight pairs such as healthy:3,overfitting:1 (\(Self.reason(error)))")
    }
    let questionsText = try parsed.value("questions", as: String.self) ?? ""
    let extra: [Exercise.Question]
    do {
      extra = try ExerciseSetSpec.extraQuestions(parsing: questionsText)
    } catch {
      throw ArgumentError.invalidValue(
        argument: "--questions", value: questionsText,
        expected: "set-size or patience-stop=N, comma-separated (\(Self.reason(error)))")
    }
    spec = ExerciseSetSpec(
      count: count, seed: seed, mix: mix, difficulty: difficulty, extraQuestions: extra)
    let out = try parsed.required("out", as: String.self)
    outputPath = out
    force = parsed.isSet("force")
    layout = parsed.isSet("exam") ? .exam : .standard
    rosterPath = try parsed.value("roster", as: String.self)
    student = try parsed.value("student", as: String.self)
    // Every setting spelled out (defaults too, so a later change of default cannot alter the
    // set); where the set goes is left out, so sets made in two folders are identical.
    var words = [
      "curvelab", "generate", "--count", String(count), "--seed", String(seed), "--mix",
      spec.mix.text, "--difficulty", difficulty.rawValue,
    ]
    if !extra.isEmpty { words += ["--questions", ExerciseSetSpec.text(of: extra)] }
    if let rosterPath { words += ["--roster", rosterPath] }
    if let student { words += ["--student", student] }
    if layout == .exam { words.append("--exam") }
    command = words.map(Self.quoted).joined(separator: " ")
  }

  func run(output: inout some TextOutputStream) throws {
    let directory = SetDirectory(path: outputPath, replacesFiles: force)
    try directory.checkWritable()
    var roster: Roster?
    var student = self.student
    var text = ""
    if let rosterPath {
      guard let data = FileManager.default.contents(atPath: rosterPath) else {
        throw CLIError.cannotRead(path: rosterPath, reason: "no such file")
      }
      let read = try Roster(csv: String(decoding: data, as: UTF8.self), path: rosterPath)
      text += Self.describe(read, path: rosterPath) + "\n"
      if let wanted = student {
        student = try Self.resolve(wanted, in: read, path: rosterPath).id
      } else {
        roster = read
      }
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let build = try SetBuild(
      spec: spec, roster: roster, student: student, command: command, layout: layout)
    let replaced = try directory.write(build.files)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    text += "Wrote \(build.files.count) files to \(outputPath)"
    text += replaced > 0 ? " (\(replaced) replaced)" : ""
    text += ": \(build.exerciseCount) exercises"
    if let roster { text += " for \(roster.students.count) students" }
    if let student { text += " for student \(student)" }
    text += ", seed \(spec.seed), \(spec.difficulty.rawValue), mix \(spec.mix.text)"
    text += "; \(build.redraws) candidates redrawn; \(String((seconds * 100).rounded() / 100)) s."
    if rosterPath == nil, let student {
      text += "\nThe variant of student id '\(student)' exactly as written (case and accents "
      text += "count); add --roster to check the id against the class list."
    }
    if layout == .exam {
      text += "\nHand out \(outputPath)/handout/ only; keys, solutions and the runs are in "
      text += "\(outputPath)/instructor/."
    }
    output.write(
      text.split(separator: "\n").map { wrap(String($0), width: 80).joined(separator: "\n") }
        .joined(separator: "\n") + "\n")
  }

  /// What the roster was read as: its kind, the students, the id column, the rows left out.
  static func describe(_ roster: Roster, path: String) -> String {
    let kind: String
    switch roster.source {
    case .plain: kind = "a class list"
    case .canvas: kind = "a Canvas gradebook export"
    case .moodle: kind = "a Moodle export"
    }
    var text = "Read \(path) as \(kind): \(roster.students.count) student"
    text += roster.students.count == 1 ? "" : "s"
    text += " (ids from '\(roster.idColumn)')"
    if !roster.skipped.isEmpty { text += "; left out " + roster.skipped.joined(separator: ", ") }
    return text + "."
  }

  /// The roster student `--student` names: the id exactly (the id seeds the variant, so `Ana`
  /// and `ana` would be different variants), or a name or LMS identifier exactly.
  static func resolve(_ wanted: String, in roster: Roster, path: String) throws -> RosterStudent {
    if let student = roster.student(exactly: wanted) { return student }
    let near = roster.students(resembling: wanted).map { "'\($0.id)'" }
    throw ArgumentError.invalidValue(
      argument: "--student", value: wanted,
      expected: "an id from \(path), written exactly as there"
        + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: " or "))?)"))
  }

  private static func reason(_ error: ClassroomError) -> String {
    switch error {
    case .invalidMix(_, let reason), .invalidQuestions(_, let reason): reason
    default: error.description
    }
  }

  private static func quoted(_ word: String) -> String {
    let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./:,=+@".contains($0) }
    return plain && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

extension Difficulty: ArgumentValue {}
