public import CurveExercises
import MarkdownText
import TerminalCanvas

/// A piece of a lesson as the pager takes it: text to page through, or a stop where the learner
/// does something (answers an exercise, makes a prediction, runs a command).
public enum LessonPart: Sendable {
  /// Text and figures, drawn.
  case text([String])
  /// A shell block whose `curvelab` commands the learner can run from the pager.
  case commands(lines: [String], runnable: [RunnableCommand])
  /// An exercise, asked where it stands; `number` of `count` in the lesson.
  case exercise(Exercise, number: Int, count: Int, printed: [String])
  /// A prediction, asked before the chart that follows it.
  case prediction(PredictBlock, printed: [String])

  /// The lines of the part when the lesson is printed whole.
  public var printedLines: [String] {
    switch self {
    case .text(let lines), .commands(let lines, _), .exercise(_, _, _, let lines),
      .prediction(_, let lines):
      lines
    }
  }
}

/// A command a lesson prints that the pager can run in place: `swift run curvelab simulate ...`.
public struct RunnableCommand: Sendable, Equatable {
  /// The command as printed.
  public var text: String
  /// Its arguments after the program name: `["simulate", "--scenario", ...]`.
  public var arguments: [String]

  /// The subcommands a lesson may run from the pager: they draw or read runs and end by
  /// themselves (unlike `watch`).
  static let runnableSubcommands: Set<String> = ["simulate", "diagnose"]

  /// The command on a line of a shell block, or `nil` when the line is not a runnable
  /// `curvelab` command.
  public init?(line: String) {
    let words = line.split(separator: " ").map(String.init)
    let program: ArraySlice<String>
    if words.starts(with: ["swift", "run", "curvelab"]) {
      program = words.dropFirst(3)
    } else if words.first == "curvelab" {
      program = words.dropFirst()
    } else {
      return nil
    }
    guard let subcommand = program.first, Self.runnableSubcommands.contains(subcommand),
      !program.contains(where: { $0.contains("\"") || $0.contains("'") || $0.contains("$") })
    else { return nil }
    text = line.trimmingCharacters(in: .whitespaces)
    arguments = Array(program)
  }
}

extension Lesson {
  /// The lesson cut into parts: text runs between the blocks the learner acts on.
  public func parts(style: FigureStyle, asciiOnly: Bool = false) -> [LessonPart] {
    let renderer = renderer(style: style, asciiOnly: asciiOnly)
    let exercises = self.exercises.map(\.exercise)
    var parts: [LessonPart] = []
    var pending: [MarkdownBlock] = []
    func flush() {
      guard !pending.isEmpty else { return }
      parts.append(.text(renderer.render(MarkdownDocument(blocks: pending))))
      pending = []
    }
    for block in document.blocks {
      guard case .code(let info, let text) = block.kind else {
        pending.append(block)
        continue
      }
      let printed = { renderer.render(MarkdownDocument(blocks: [block])) }
      switch CourseBlock.read(info: info, body: text) {
      case .success(.exercise(let exercise))?:
        flush()
        let number = (exercises.firstIndex(of: exercise.exercise) ?? 0) + 1
        parts.append(.exercise(exercise.exercise, number: number, count: exercises.count, printed: printed()))
      case .success(.predict(let prediction))?:
        flush()
        parts.append(.prediction(prediction, printed: printed()))
      case nil where CodeSyntax(info: info) == .shell:
        let runnable = text.split(separator: "\n").compactMap { RunnableCommand(line: String($0)) }
        guard !runnable.isEmpty else { fallthrough }
        flush()
        parts.append(.commands(lines: printed(), runnable: runnable))
      default:
        pending.append(block)
      }
    }
    flush()
    return parts
  }
}

extension PredictBlock {
  /// The question as printed in a lesson read whole: the prompt and the options, lettered.
  func printedLines(width: Int) -> [String] {
    var lines = wrap("Predict before you look: " + prompt, width: width)
    for (index, option) in options.enumerated() {
      let label = "  \(QuizPlan.letter(index))) "
      for (number, line) in wrap(option.text, width: width - label.count).enumerated() {
        lines.append((number == 0 ? label : String(repeating: " ", count: label.count)) + line)
      }
    }
    lines += wrap("(The run below shows what happens; in the pager the answer is asked first.)", width: width)
    return lines
  }
}
