import ArgumentParsing
import CurveCourse

/// `curvelab check`: validates the course for its authors.
struct CheckCommand {
  static let spec = CommandSpec(
    name: "check",
    abstract: "Check the whole course: lessons, quiz, simulated blocks, solutions.",
    discussion: """
      Parses the manifest, every lesson and quiz; trains every curve, prediction and exercise \
      block; asks the engine for the key of every curve question over many quiz seeds; compares \
      each committed solution with what the kit generates now; and reports files nothing uses. \
      Errors name the file and line. --write-solutions rewrites Solutions/ from the engine.
      """,
    examples: [
      "curvelab check", "curvelab check --course ../my-course --seeds 50",
      "curvelab check --quiz week3.quiz", "curvelab check --write-solutions",
    ],
    options: [
      .option("course", valueName: "DIR", help: "The course folder (holding Lessons/)."),
      .option("seeds", valueName: "N", help: "Quiz seeds to try for each curve question.", default: "20"),
      .option("quiz", valueName: "FILE", help: "Check only this quiz file (an instructor's own quiz)."),
      .flag("write-solutions", help: "Write Solutions/ as the kit generates them now."),
    ])

  let parsed: ParsedArguments

  init(_ parsed: ParsedArguments) { self.parsed = parsed }

  /// Returns whether the course passed.
  func run(context: CommandContext, output: inout some TextOutputStream, errors: inout some TextOutputStream) throws -> Bool {
    let explicit = try parsed.value("course", as: String.self)
    guard let root = Course.locate(explicit: explicit, environment: context.environment) else {
      throw CLIError.cannotRead(path: "Lessons/manifest.json", reason: "no course found; pass --course DIR")
    }
    let course: Course
    do { course = try Course(root: root) } catch {
      errors.write("\(error)\n1 problem found: the manifest must read before anything else can be checked.\n")
      return false
    }
    let seeds = try parsed.value("seeds", as: Int.self, validating: .positive)!
    let check = CourseCheck(course: course, quizSeeds: seeds)
    var report: CourseCheck.Report
    if let quiz = try parsed.value("quiz", as: String.self) {
      report = CourseCheck.Report()
      check.checkQuiz(at: quiz, coveringEverySection: false, into: &report)
    } else {
      report = check.run()
    }
    if parsed.isSet("write-solutions") {
      try FileWriting.createFolder(course.path("Solutions"))
      for (path, text) in report.staleSolutions {
        try FileWriting.writeAtomically(text, to: path)
        output.write("wrote \(path)\n")
      }
      let written = Set(report.staleSolutions.map(\.path))
      report.errors.removeAll { written.contains($0.file) && $0.line == nil }
    }
    for line in report.checked { output.write("checked: \(line)\n") }
    for error in report.errors { errors.write("\(error)\n") }
    if report.errors.isEmpty {
      output.write("The course is consistent.\n")
      return true
    }
    errors.write("\(report.errors.count) problem\(report.errors.count == 1 ? "" : "s") found.\n")
    return false
  }
}
