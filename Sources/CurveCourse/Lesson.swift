public import CurveExercises
import Foundation
public import MarkdownText
import TerminalCanvas

/// A lesson's Markdown with its simulated blocks understood.
public struct Lesson: Sendable {
  /// The manifest entry.
  public var entry: Course.LessonEntry
  /// Its 1-based position in the course.
  public var number: Int
  /// The parsed Markdown.
  public var document: MarkdownDocument
  /// The course's own fenced blocks, in the order they appear, each read once.
  public var blocks: [Block]

  /// A course block in the lesson: where it is and what it says.
  public struct Block: Sendable {
    /// The line of its opening fence.
    public var line: Int
    /// The keyword: `curve`, `prediction` or `exercise`.
    public var keyword: String
    /// Whatever sits between the fences (it should be nothing).
    public var body: String
    /// The block, or why its settings do not read.
    public var parsed: Result<CourseBlock, RunRecipe.Problem>
  }

  /// Parses a lesson's text. Blocks that cannot be read are reported by
  /// ``problems(file:)`` and drawn as a note in their place.
  public init(entry: Course.LessonEntry, number: Int, text: String) {
    self.entry = entry
    self.number = number
    let document = MarkdownDocument(parsing: text)
    self.document = document
    blocks = CourseBlock.keywords.flatMap { keyword in
      document.codeBlocks(withInfo: keyword).compactMap { code in
        CourseBlock.read(info: code.info, body: code.text).map {
          Block(line: code.line, keyword: keyword, body: code.text, parsed: $0)
        }
      }
    }.sorted { $0.line < $1.line }
  }

  /// The exercises at its end, in order, with the line of each block.
  public var exercises: [(exercise: Exercise, line: Int)] {
    blocks.compactMap { block in
      guard case .success(.exercise(let exercise)) = block.parsed else { return nil }
      return (exercise.exercise, block.line)
    }
  }

  /// Every problem in the lesson, located: Markdown problems and blocks that do not read.
  public func problems(file: String) -> [CourseError] {
    var errors = document.problems.map { CourseError(file: file, line: $0.line, message: $0.message) }
    for block in blocks {
      switch block.parsed {
      case .failure(let problem):
        errors.append(CourseError(file: file, line: block.line, message: "\(block.keyword) block: \(problem.message)"))
      case .success where CourseBlock.keywordsWithBody.contains(block.keyword):
        if case .success(.predict(let predict)) = block.parsed, predict.options.filter(\.isCorrect).count != 1 {
          errors.append(CourseError(file: file, line: block.line, message: "predict block: mark exactly one option [x]"))
        }
      case .success:
        if !block.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          errors.append(CourseError(file: file, line: block.line, message: "a \(block.keyword) block must be empty; its settings go after ```\(block.keyword)"))
        }
      }
    }
    if case .heading(level: 1, _) = document.blocks.first?.kind {} else {
      errors.append(CourseError(file: file, line: 1, message: "a lesson starts with a '# Title' line"))
    }
    return errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
  }

  /// The predictions in it, in order, with the line of each block.
  public var predictions: [(prediction: PredictBlock, line: Int)] {
    blocks.compactMap { block in
      guard case .success(.predict(let prediction)) = block.parsed else { return nil }
      return (prediction, block.line)
    }
  }

  /// The lesson drawn for a terminal, whole: Markdown rendered, simulated runs drawn in place,
  /// exercises and predictions as printed questions.
  public func render(style: FigureStyle, asciiOnly: Bool = false) -> [String] {
    var lines: [String] = []
    for part in parts(style: style, asciiOnly: asciiOnly) {
      if !lines.isEmpty { lines.append("") }
      lines += part.printedLines
    }
    return lines
  }

  /// The renderer for this lesson's Markdown, drawing the course's blocks.
  func renderer(style: FigureStyle, asciiOnly: Bool) -> TerminalMarkdownRenderer {
    TerminalMarkdownRenderer(
      width: style.width, isColorEnabled: style.chart.isColorEnabled, asciiOnly: asciiOnly,
      codeBlockRenderer: { info, text, width in
        var style = style
        style.width = width
        return Self.renderBlock(info: info, body: text, style: style)
      })
  }

  /// Draws one of the course's blocks, or `nil` for ordinary code.
  static func renderBlock(info: String, body: String = "", style: FigureStyle) -> [String]? {
    switch CourseBlock.read(info: info, body: body) {
    case nil: return nil
    case .failure(let problem)?: return ["[block could not be drawn: \(problem.message)]"]
    case .success(let block)?:
      do {
        switch block {
        case .curve(let curve): return try curve.render(style: style)
        case .prediction(let prediction): return try prediction.render(style: style)
        case .exercise(let block):
          let exercise = block.exercise
          let log = try exercise.recipe.simulate().log
          return RunFigure.chart(of: log, style: style) + [""]
            + wrap(
              "Exercise \(exercise.id): answer it in the lesson (swift run curvelab lesson, or the "
                + "menu's e), or with: \(LearnerCommand.line("curvelab exercise \(exercise.id)"))",
              width: style.width)
        case .predict(let prediction):
          return prediction.printedLines(width: style.width)
        }
      } catch {
        return ["[block could not be drawn: \(error.message)]"]
      }
    }
  }
}
