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
  /// The exercises at its end, in order, with the line of each block.
  public var exercises: [(exercise: Exercise, line: Int)]

  /// The fenced-block keywords the course draws itself.
  public static let blockKeywords: Set<String> = ["curve", "prediction", "exercise"]

  /// Parses a lesson's text. Blocks that cannot be read are reported by
  /// ``problems(file:)`` and drawn as a note in their place.
  public init(entry: Course.LessonEntry, number: Int, text: String) {
    self.entry = entry
    self.number = number
    document = MarkdownDocument(parsing: text)
    exercises = document.codeBlocks(withInfo: "exercise").compactMap { block in
      (try? ExerciseBlock(info: block.info)).map { ($0.exercise, block.line) }
    }
  }

  /// Every problem in the lesson, located: Markdown problems and blocks that do not read.
  public func problems(file: String) -> [CourseError] {
    var errors = document.problems.map { CourseError(file: file, line: $0.line, message: $0.message) }
    for keyword in Self.blockKeywords.sorted() {
      for block in document.codeBlocks(withInfo: keyword) {
        do {
          switch keyword {
          case "curve": _ = try CurveBlock(info: block.info)
          case "prediction": _ = try PredictionBlock(info: block.info)
          default: _ = try ExerciseBlock(info: block.info)
          }
          if !block.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(CourseError(file: file, line: block.line, message: "a \(keyword) block must be empty; its settings go after ```\(keyword)"))
          }
        } catch {
          errors.append(CourseError(file: file, line: block.line, message: "\(keyword) block: \(error.message)"))
        }
      }
    }
    if case .heading(level: 1, _) = document.blocks.first?.kind {} else {
      errors.append(CourseError(file: file, line: 1, message: "a lesson starts with a '# Title' line"))
    }
    return errors.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
  }

  /// The lesson drawn for a terminal: Markdown rendered, simulated runs drawn in place.
  public func render(style: FigureStyle, asciiOnly: Bool = false) -> [String] {
    let renderer = TerminalMarkdownRenderer(
      width: style.width, isColorEnabled: style.chart.isColorEnabled, asciiOnly: asciiOnly,
      codeBlockRenderer: { info, _, width in
        var style = style
        style.width = width
        return Self.renderBlock(info: info, style: style)
      })
    return renderer.render(document)
  }

  /// Draws one of the course's blocks, or `nil` for ordinary code.
  static func renderBlock(info: String, style: FigureStyle) -> [String]? {
    let keyword = info.split(separator: " ").first.map(String.init) ?? ""
    guard blockKeywords.contains(keyword) else { return nil }
    do {
      switch keyword {
      case "curve": return try CurveBlock(info: info).render(style: style)
      case "prediction": return try PredictionBlock(info: info).render(style: style)
      default:
        let exercise = try ExerciseBlock(info: info).exercise
        let log = try exercise.recipe.simulate().log
        return RunFigure.chart(of: log, style: style) + [""]
          + wrap(
            "Exercise \(exercise.id): name the pattern, the step of the checkpoint to keep and "
              + "the best change, then check yourself with: curvelab exercise \(exercise.id)",
            width: style.width)
      }
    } catch {
      return ["[\(keyword) block could not be drawn: \(error.message)]"]
    }
  }
}
