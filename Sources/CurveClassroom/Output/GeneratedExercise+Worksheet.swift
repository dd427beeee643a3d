import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveRender
import HTMLDocument

extension GeneratedExercise {
  /// The chart as plain text: 80 columns, ASCII, no colour, and no markers (they would give
  /// the answers away).
  var textChart: String {
    TrainingLogChart(solved.log).render(
      width: 80, options: ChartOptions(isColorEnabled: false, charset: .ascii)
    ).joined(separator: "\n")
  }

  /// Whether a question asks for a step that the validation curve decides, so the printed
  /// worksheet adds the validation panel with every evaluation marked.
  var asksForAStep: Bool {
    solved.exercise.questions.contains {
      if case .patienceStop = $0 { return true }
      return $0 == .keepStep
    }
  }

  /// The run's settings in one line, for an exercise that asks the cause: the engine weighs
  /// the curves together with the learning rate, batch size, model and data sizes, so the
  /// learner sees them too (the updates made are the chart's steps). `nil` when the cause is
  /// not asked.
  var settingsLine: String? {
    guard solved.exercise.questions.contains(.cause) else { return nil }
    return "Settings: \(solved.configuration)."
  }

  /// The options of `question`, as letters and words; empty for a question answered with a
  /// number.
  func lettered(_ question: Exercise.Question) -> [(letter: String, text: String)] {
    switch question {
    case .remedy:
      options.actions.enumerated().map { (RemedyOptions.letter(at: $0), $1.title) }
    case .cause:
      (causeOptions?.choices ?? []).enumerated().map {
        (CauseOptions.letter(at: $0), $1.plainWords.capitalisingFirstLetter)
      }
    default: []
    }
  }

  /// The exercise's part of `worksheet.md`; without the data files' paths in an exam.
  func worksheetMarkdown(number: Int, isExam: Bool) -> String {
    var text = "## Exercise \(number) (\(id))\n\n"
    if !isExam {
      text += "Data: `\(dataFolder)/trainer_state.json` and `\(dataFolder)/log.csv`; "
    }
    text += (isExam ? evaluationCadence.capitalisingFirstLetter : evaluationCadence) + ".\n\n"
    text += "```text\n" + textChart + "\n```\n\n"
    if let settingsLine { text += settingsLine + "\n\n" }
    if asksForAStep {
      text += "Evaluation steps: "
      text += solved.log.evaluationEntries.map { String($0.step) }.joined(separator: ", ") + ".\n\n"
    }
    for (position, question) in solved.exercise.questions.enumerated() {
      text += "\(position + 1). " + prompt(question) + "\n"
      for (letter, option) in lettered(question) {
        text += "   - **\(letter)** \(option)\n"
      }
    }
    return text + "\n"
  }

  /// The exercise's part of a printable worksheet: a heading line, the loss and accuracy
  /// panels side by side (the loss panel at least 12 cm wide on A4 or Letter), the validation
  /// panel with every evaluation marked when a question asks for a step, and the questions
  /// with blanks to write on.
  func worksheetHTML(number: Int, of total: Int) -> HTMLNode {
    let charts = WorksheetCharts(log: solved.log)
    var nodes: [HTMLNode] = [
      .division(
        [
          .heading(2, .text("Exercise \(number)"), .span([.text(" of \(total)")], classes: ["of"])),
          .span([.text(id + " · " + evaluationCadence)], classes: ["about"]),
        ], classes: ["exercise-head"]),
      .division(
        [
          .division([.svg(charts.loss)], classes: ["loss"]),
          .division([.svg(charts.accuracy)], classes: ["accuracy"]),
        ], classes: ["charts"]),
    ]
    if asksForAStep {
      nodes.append(.division([.svg(charts.validation)], classes: ["validation"]))
    }
    if let settingsLine {
      nodes.append(.division([.text(settingsLine)], classes: ["settings"]))
    }
    var items: [HTMLNode] = []
    for question in solved.exercise.questions {
      var parts: [HTMLNode] = [.text(prompt(question) + " "), .span([], classes: ["blank"])]
      let choices = lettered(question)
      if !choices.isEmpty {
        parts = [.text(prompt(question) + " Letter: "), .span([], classes: ["blank", "short"])]
        parts.append(
          .bulletList(choices.map { .group([.strong(.text($0.letter)), .text(" " + $0.text)]) }))
      }
      items.append(.group(parts))
    }
    nodes.append(.division([.numberedList(items)], classes: ["questions"]))
    return .exercise(nodes)
  }
}

/// The SVG panels of a printed exercise, sized in points so that their tick labels print at
/// 9.5 pt and the loss panel at least 12 cm wide.
///
/// The printed text is 180 mm (510 pt) wide on A4 and 186 mm on Letter; the loss panel takes
/// 68 % of it (122 mm on A4), the accuracy panel 30 %, the validation panel all of it. Each
/// picture's width in user units is its printed width in points, so a font size of 9.5 units
/// prints at 9.5 pt.
struct WorksheetCharts {
  /// The printed text width in points (A4 with 15 mm margins), the narrower paper.
  static let textWidth = 510.0
  /// The tick-label size in points.
  static let fontSize = 9.5
  /// The height of each panel in points (37 mm), so that two exercises with three panels
  /// each fit on a Letter page.
  static let height = 106

  /// Training and validation loss.
  var loss: String
  /// Training and validation accuracy.
  var accuracy: String
  /// Validation loss alone, every evaluation marked and its step written under the axis, so
  /// that the best one can be found on paper even when training loss is noisy.
  var validation: String

  init(log: TrainingLog) {
    var style = SVGChartStyle.standard
    style.fontSize = Self.fontSize
    style.lineWidth = 1.5
    style.legendPlacement = .besideTitle
    // The accuracy panel and the validation panel use the loss panel's strokes, which its
    // legend names.
    var bare = style
    bare.legendPlacement = .hidden
    let chart = TrainingLogChart(log)
    loss = chart.lossChart.svg(
      width: Int((Self.textWidth * 0.68).rounded()), height: Self.height, style: style)
    accuracy = chart.accuracyChart.svg(
      width: Int((Self.textWidth * 0.30).rounded()), height: Self.height, style: bare)
    // Taller than the others: its step labels stand upright under the plot.
    validation = chart.validationPanel.svg(
      width: Int(Self.textWidth), height: Self.height + 12, style: bare)
  }
}
