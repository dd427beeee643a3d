import ArgumentParsing
import Foundation
import MarkdownText
import CurveCourse
import CurveRender
import TerminalCanvas

/// A course command: it reads the course and the learner's progress, then does its one job.
protocol CourseSubcommand {
  /// The command's name, options and help.
  static var spec: CommandSpec { get }
  /// Whether the command only shows progress: a damaged progress file is then left in place.
  static var readsOnly: Bool { get }
  /// The parsed command line.
  var parsed: ParsedArguments { get }
  init(parsed: ParsedArguments)
  /// Does the job; saving progress is up to the command.
  func run(
    session: CourseSession, progress: inout CourseProgress, input: some TerminalInput,
    output: inout some TextOutputStream, errors: inout some TextOutputStream
  ) throws
}

extension CourseSubcommand {
  static var readsOnly: Bool { false }

  /// Finds the course, loads progress and runs the command.
  func run(
    context: CommandContext, input: some TerminalInput, output: inout some TextOutputStream,
    errors: inout some TextOutputStream
  ) throws {
    let session = try CourseSession(parsed, context: context, input: input)
    var progress = session.loadProgress(errors: &errors, readOnly: Self.readsOnly)
    try run(session: session, progress: &progress, input: input, output: &output, errors: &errors)
  }
}

/// What every course command shares: where the course and the progress file are, how to
/// draw, and how to talk to the learner.
struct CourseSession {
  let course: Course
  let store: ProgressStore?
  var style: FigureStyle
  let asciiOnly: Bool
  let isInteractive: Bool
  /// Whether standard output is a terminal (a person sees what is printed), not a pipe.
  let writesToTerminal: Bool
  let screenHeight: Int
  /// The terminal and environment, for commands a lesson runs in place.
  let context: CommandContext

  /// Options every course command takes.
  static let options: [OptionSpec] = [
    .option("course", valueName: "DIR", help: "The course folder (holding Lessons/); found automatically by default.", section: "Course"),
    .option("progress", valueName: "FILE", help: "Progress file (default: $XDG_STATE_HOME/curvelab/progress.json).", section: "Course"),
    .flag("ascii", help: "Draw with ASCII characters only.", section: "Output"),
    .flag("no-color", help: "No colour (also when NO_COLOR is set).", section: "Output"),
  ]

  init(_ parsed: ParsedArguments, context: CommandContext, input: some TerminalInput) throws {
    let explicit = try parsed.value("course", as: String.self)
    guard let root = Course.locate(explicit: explicit, environment: context.environment) else {
      throw CLIError.cannotRead(
        path: "Lessons/manifest.json",
        reason: "no course found here or in a parent folder; run from the CurveLab folder, or pass --course DIR (or set CURVELAB_COURSE)")
    }
    do {
      course = try Course(root: root)
    } catch {
      throw CLIError.cannotRead(path: error.file, reason: error.message + (error.line.map { " (line \($0))" } ?? ""))
    }
    if let path = try parsed.value("progress", as: String.self) {
      store = ProgressStore(path: path)
    } else {
      store = ProgressStore.defaultPath(environment: context.environment).map(ProgressStore.init)
    }
    asciiOnly = parsed.isSet("ascii")
    let colour = context.terminal.isColorEnabled && !parsed.isSet("no-color")
    style = FigureStyle(
      width: min(context.terminal.width, 100), panelHeight: 12,
      chart: ChartOptions(isColorEnabled: colour, charset: asciiOnly ? .ascii : .braille))
    isInteractive = context.terminal.isTTY && input.isInteractive
    writesToTerminal = context.terminal.isTTY
    self.context = context
    screenHeight = context.screenHeight
  }

  /// Loads progress, reporting a damaged file on `errors`; a read-only command leaves a damaged
  /// file where it is.
  func loadProgress(errors: inout some TextOutputStream, readOnly: Bool = false) -> CourseProgress {
    guard let store else { return CourseProgress() }
    let (progress, warning) = store.load(settingAsideDamage: !readOnly)
    if let warning { errors.write("curvelab: warning: \(warning)\n") }
    return progress
  }

  /// Saves progress, merged with whatever another window saved meanwhile, and carries on from
  /// the merged progress; a failure is a warning, never a crash, and says what was not saved.
  /// Returns whether it was saved.
  @discardableResult
  func save(_ progress: inout CourseProgress, errors: inout some TextOutputStream) -> Bool {
    guard let store else {
      errors.write("curvelab: warning: no HOME or XDG_STATE_HOME, so progress is not saved (use --progress FILE)\n")
      return false
    }
    do {
      progress = try store.save(progress)
      return true
    } catch let damage as ProgressStore.Damage {
      errors.write("curvelab: warning: progress not saved: \(damage.reason)\n")
    } catch {
      errors.write("curvelab: warning: progress not saved to \(store.path): \(Self.reason(error, path: store.path))\n")
    }
    return false
  }

  /// A plain reason for a failed write.
  static func reason(_ error: any Error, path: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
      return "'\(folder)' is a file, not a folder"
    }
    return (error as NSError).localizedDescription
  }

  /// The lesson named by a number or id, or a usage error listing what exists.
  func lesson(named name: String) throws -> Lesson {
    guard let (number, _) = course.lesson(named: name) else {
      throw ArgumentError.invalidValue(
        argument: "LESSON", value: name,
        expected: "a lesson number from 1 to \(course.lessons.count), or an id such as \(course.lessons[0].id)")
    }
    do {
      return try course.lesson(number: number)
    } catch {
      throw CLIError.cannotRead(path: error.file, reason: error.message)
    }
  }

  /// Writes lines, wrapping text to the screen width.
  func say(_ text: String, to output: inout some TextOutputStream, indent: String = "") {
    for line in wrap(text, width: max(20, style.width - indent.count)) {
      output.write(indent + line + "\n")
    }
  }

  /// Markdown text (inline marks, paragraphs) drawn for this terminal, `width` columns wide.
  func markdown(_ text: String, width: Int? = nil) -> [String] {
    TerminalMarkdownRenderer(
      width: max(20, width ?? style.width), isColorEnabled: style.chart.isColorEnabled,
      asciiOnly: asciiOnly
    ).render(MarkdownDocument(parsing: text))
  }

  /// A multiple-choice question: its prompt, a blank line, and its options lettered a, b, ...,
  /// each wrapped under its own text.
  func writeQuestion(_ prompt: String, options: [QuizPlan.Option], to output: inout some TextOutputStream) {
    for line in markdown(prompt) { output.write(line + "\n") }
    output.write("\n")
    for (index, option) in options.enumerated() {
      let label = "  \(QuizPlan.letter(index))) "
      let lines = markdown(option.text, width: style.width - label.count)
      for (number, line) in lines.enumerated() {
        output.write((number == 0 ? label : String(repeating: " ", count: label.count)) + line + "\n")
      }
    }
  }

  /// "lesson 7" or "lessons 5, 7": the lessons that teach these outline sections.
  func lessonReference(for sections: [Int]) -> String {
    let numbers = course.lessons.indices.filter { !Set(course.lessons[$0].sections).isDisjoint(with: sections) }
      .map { String($0 + 1) }
    guard !numbers.isEmpty else { return "the course" }
    return (numbers.count == 1 ? "lesson " : "lessons ") + numbers.joined(separator: ", ")
  }

  /// `text` in bold when colour is on.
  func bold(_ text: String) -> String {
    style.chart.isColorEnabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text
  }

  /// `text` in a colour when colour is on.
  func colored(_ text: String, _ code: Int) -> String {
    style.chart.isColorEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
