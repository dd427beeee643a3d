import CurveDiagnosis
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

  /// The exercise's part of `worksheet.md`.
  func worksheetMarkdown(number: Int) -> String {
    var text = "## Exercise \(number) (\(id))\n\n"
    text += "Data: `\(dataFolder)/trainer_state.json` and `\(dataFolder)/log.csv`; "
    text += evaluationCadence + ".\n\n"
    text += "```text\n" + textChart + "\n```\n\n"
    for (position, question) in solved.exercise.questions.enumerated() {
      text += "\(position + 1). " + prompt(question) + "\n"
      if question == .remedy {
        for (index, action) in options.actions.enumerated() {
          text += "   - **\(RemedyOptions.letter(at: index))** \(action.title)\n"
        }
      }
    }
    return text + "\n"
  }

  /// The exercise's part of `worksheet.html`.
  func worksheetHTML(number: Int) -> HTMLNode {
    var nodes: [HTMLNode] = [
      .heading(2, .text("Exercise \(number) "), .code(id)),
      .figure(
        .svg(TrainingLogChart(solved.log).svg(width: 720, panelHeight: 220)),
        caption: .text("Loss and accuracy. " + evaluationCadence + ".")),
      .paragraph(
        .text("Data: "), .code("\(dataFolder)/trainer_state.json"), .text(" and "),
        .code("\(dataFolder)/log.csv")),
    ]
    var items: [HTMLNode] = []
    for question in solved.exercise.questions {
      var parts: [HTMLNode] = [.text(prompt(question))]
      if question == .remedy {
        parts.append(
          .bulletList(
            options.actions.enumerated().map { index, action in
              .group([.strong(.text(RemedyOptions.letter(at: index))), .text(" " + action.title)])
            }))
      }
      parts.append(.answerLines(1))
      items.append(.group(parts))
    }
    nodes.append(.numberedList(items))
    return .exercise(nodes)
  }
}
