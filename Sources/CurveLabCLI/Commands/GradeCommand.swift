public import ArgumentParsing
import CurveClassroom
import CurveExercises
import Foundation
import TerminalCanvas
import JSONCoding

/// `curvelab grade`: a class's answers against a generated set's keys.
struct GradeCommand {
  static let spec = CommandSpec(
    name: "grade",
    abstract: "Grade a class's answers against a generated set: scores, statistics, results CSV.",
    discussion: """
      The answers file is CSV with a header: student, exercise, pattern, stop, remedy, and \
      set_size or patience_stop when the set asks them (names match loosely: case, spaces, \
      'keep_step' for stop...). Patterns and remedies are read with their usual synonyms \
      ('overfit', 'lower lr', 'L2'); a remedy may also be the letter from that student's \
      worksheet. Blank answers score 0; unknown students or exercises, unreadable answers and \
      repeated rows (the last one counts) are reported on standard error with their line. \
      With a roster set, each student is graded against their own variant's key. Steps may be \
      written 'checkpoint-60', 'step 60', '60 steps', '~60'; letters 'B', '(b)', 'B - add \
      dropout', 'option B'; a small misspelling of a pattern or remedy ('helthy') is accepted \
      and listed under 'Read with a correction' (--strict-spelling turns that off). --accept \
      FILE credits answers the key did not foresee (or refuses some): a CSV of exercise, \
      question, answer, credit and optional student, described in Docs/instructors.md.
      """,
    examples: [
      "curvelab grade --key week3 --answers answers.csv",
      "curvelab grade --key week3 --answers answers.csv --policy all-or-nothing --output results.csv",
      "curvelab grade --key week3 --answers answers.csv --json",
      "curvelab grade --key week3 --answers answers.csv --accept accept.csv",
      "curvelab grade --key week3 --answers answers.csv --gradebook canvas-import.csv",
      "curvelab grade --key week3 --answers answers.csv --item-analysis --report items.html",
    ],
    options: [
      .option("key", short: "k", valueName: "DIR", help: "The set folder made by 'curvelab generate' (required)."),
      .option("answers", short: "a", valueName: "FILE", help: "The class's answers, as CSV (required)."),
      .option(
        "policy", valueName: "POLICY",
        help: "weighted (partial credit, pattern counts twice) or all-or-nothing.",
        default: "weighted"),
      .option(
        "accept", valueName: "FILE",
        help: "Answers to credit (or refuse) beyond the key: exercise,question,answer,credit,student."),
      .flag("strict-spelling", help: "Do not accept misspelled patterns and remedies."),
      .option("output", short: "o", valueName: "FILE", help: "Also write the results as CSV.", section: "Output"),
      .flag("json", help: "Print the grades as JSON instead of the summary.", section: "Output"),
      .flag(
        "item-analysis",
        help: "Also print the item analysis: each question's mean, discrimination and answers, "
          + "the score distribution and the set's reliability.",
        section: "Output"),
      .option(
        "report", valueName: "FILE",
        help: "Write the item analysis as an HTML page with a histogram of the scores.",
        section: "Output"),
      .option(
        "gradebook", valueName: "FILE",
        help: "Also write a gradebook CSV to import into Canvas or Moodle.", section: "Output"),
      .option(
        "lms", valueName: "SYSTEM",
        help: "canvas or moodle: the gradebook's layout (default: where the roster came from).",
        section: "Output"),
      .option(
        "assignment", valueName: "NAME",
        help: "The gradebook column's name (default: CurveLab <set folder>).", section: "Output"),
    ])

  let keyFolder: String
  let answersPath: String
  let policy: GradingPolicy
  let outputPath: String?
  let printsJSON: Bool
  let acceptPath: String?
  let reader: AnswerReader
  let gradebookPath: String?
  let printsAnalysis: Bool
  let reportPath: String?
  let system: Gradebook.System?
  let assignment: String

  init(_ parsed: ParsedArguments) throws {
    let key = try parsed.required("key", as: String.self)
    let answers = try parsed.required("answers", as: String.self)
    keyFolder = key
    answersPath = answers
    policy = try parsed.value("policy", as: GradingPolicy.self)!
    outputPath = try parsed.value("output", as: String.self)
    printsJSON = parsed.isSet("json")
    acceptPath = try parsed.value("accept", as: String.self)
    reader = parsed.isSet("strict-spelling") ? .strict : .forgiving
    gradebookPath = try parsed.value("gradebook", as: String.self)
    printsAnalysis = parsed.isSet("item-analysis")
    reportPath = try parsed.value("report", as: String.self)
    system = try parsed.value("lms", as: Gradebook.System.self)
    let folderName = URL(fileURLWithPath: key).standardizedFileURL.lastPathComponent
    assignment = try parsed.value("assignment", as: String.self) ?? "CurveLab \(folderName)"
  }

  func run(output: inout some TextOutputStream, errors: inout some TextOutputStream) throws {
    guard let data = FileManager.default.contents(atPath: answersPath) else {
      throw CLIError.cannotRead(path: answersPath, reason: "no such file")
    }
    let sheet = try AnswerSheet(csv: String(decoding: data, as: UTF8.self), path: answersPath)
    var accepted: AcceptedAnswers?
    if let acceptPath {
      guard let data = FileManager.default.contents(atPath: acceptPath) else {
        throw CLIError.cannotRead(path: acceptPath, reason: "no such file")
      }
      accepted = try AcceptedAnswers(csv: String(decoding: data, as: UTF8.self), path: acceptPath)
    }
    let key = try GradingKey(folder: keyFolder)
    let grades = ClassGrades(
      sheet: sheet, key: key, policy: policy, reader: reader, accepted: accepted)
    for warning in grades.warnings { errors.write("curvelab: warning: \(warning)\n") }
    if let outputPath { try FileWriting.writeAtomically(grades.resultsCSV, to: outputPath) }
    let analysis = ItemAnalysis(grades: grades, key: key)
    if let reportPath {
      try FileWriting.writeAtomically(
        analysis.html(title: "Item analysis: \(assignment)"), to: reportPath)
    }
    var gradebook: Gradebook?
    if let gradebookPath {
      let chosen = system ?? (key.rosterSource == .moodle ? .moodle : .canvas)
      gradebook = Gradebook(
        system: chosen, assignment: assignment, grades: grades, roster: key.students)
      try FileWriting.writeAtomically(gradebook!.csv, to: gradebookPath)
    }
    if printsJSON {
      var json = grades.json
      if printsAnalysis, case .object(var members) = json {
        members.append(("item_analysis", analysis.json))
        json = .object(members)
      }
      output.write(json.serialized(.python(indent: 2, sortsKeys: true)) + "\n")
    } else {
      // Prose lines (the policy) wrap to 80 columns; table rows, already narrower, keep the
      // spaces that line up their columns.
      func wrapped(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
          displayWidth(of: line) <= 80 ? String(line) : wrap(String(line), width: 80).joined(separator: "\n")
        }.joined(separator: "\n")
      }
      output.write(wrapped(grades.summary))
      if printsAnalysis { output.write("\n" + wrapped(analysis.summary)) }
      if let outputPath { output.write("\nResults written to \(outputPath).\n") }
      if let reportPath { output.write("Item analysis written to \(reportPath).\n") }
      if let gradebookPath, let gradebook {
        let name = gradebook.system == .canvas ? "Canvas" : "Moodle"
        output.write("\(name) gradebook written to \(gradebookPath) (column '\(assignment)').\n")
      }
    }
  }
}

extension GradingPolicy: ArgumentValue {}

extension Gradebook.System: ArgumentValue {}
