public import ArgumentParsing
import CurveClassroom
import Foundation
import TerminalCanvas

/// `curvelab export`: a generated set as a Moodle XML question file.
struct ExportCommand {
  static let spec = CommandSpec(
    name: "export",
    abstract: "Export a generated set as a Moodle XML quiz: charts, keyed answers, partial credit.",
    discussion: """
      Each exercise becomes one Cloze question (\(MoodleQuiz.targetVersion)): its charts as \
      embedded SVG images, the pattern (2 points) and remedy as drop-down choices, the step to \
      keep as a number with every accepted step right and the close ones at half credit, and \
      the engine's explanations as feedback. A roster set puts each student's variant in a \
      category of its own. Import it in Moodle: Question bank > Import > Moodle XML format. \
      Results go back to the LMS with 'curvelab grade --gradebook'.
      """,
    examples: [
      "curvelab export --key week3 --output week3-moodle.xml",
      "curvelab export --key midterm --category 'ML course/Midterm' --output midterm.xml",
    ],
    options: [
      .option("key", short: "k", valueName: "DIR", help: "The set folder made by 'curvelab generate' (required)."),
      .option("output", short: "o", valueName: "FILE", help: "The Moodle XML file to write (required)."),
      .option(
        "category", valueName: "PATH",
        help: "The question-bank category, '/' between levels (default: CurveLab/<set folder>)."),
    ])

  let keyFolder: String
  let outputPath: String
  let category: String

  init(_ parsed: ParsedArguments) throws {
    let key = try parsed.required("key", as: String.self)
    let output = try parsed.required("output", as: String.self)
    keyFolder = key
    outputPath = output
    let folderName = URL(fileURLWithPath: key).standardizedFileURL.lastPathComponent
    category = try parsed.value("category", as: String.self) ?? "CurveLab/\(folderName)"
  }

  func run(output: inout some TextOutputStream) throws {
    let key = try GradingKey(folder: keyFolder)
    let quiz = MoodleQuiz(key: key, category: category)
    try FileWriting.writeAtomically(quiz.xml, to: outputPath)
    let questions = quiz.variants.reduce(0) { $0 + $1.items.count }
    var text = "Wrote \(outputPath): \(questions) Cloze question\(questions == 1 ? "" : "s")"
    if quiz.variants.count > 1 { text += " in \(quiz.variants.count) categories (one per student)" }
    text += " under \(category), for \(MoodleQuiz.targetVersion)."
    output.write(wrap(text, width: 80).joined(separator: "\n") + "\n")
  }
}
