import CurveDiagnosis
import CurveExercises
import CurveRender
import Foundation

/// A generated set as a Moodle XML question file, to import into a Moodle question bank
/// (Question bank › Import › Moodle XML format).
///
/// Written for Moodle 4.1 LTS and later; the parts used (categories, Cloze questions with
/// MULTICHOICE and NUMERICAL parts, files embedded in base64) read the same in every Moodle
/// since 2.x (`question/format/xml/format.php`).
///
/// Each exercise becomes one **Cloze** (embedded answers) question, so its charts are shown
/// once and its questions are marked together with partial credit:
///
/// - the charts as SVG images embedded in the question text (`@@PLUGINFILE@@`): loss and
///   accuracy, and the validation loss with every evaluation marked when a step is asked;
/// - the pattern: a MULTICHOICE part worth 2 (as under the weighted policy);
/// - the step to keep: a NUMERICAL part worth 1; every accepted step is a right answer and every
///   half-credit step earns 50 %, each within half an evaluation interval, as `curvelab grade`
///   reads a step;
/// - the cause, where asked: a MULTICHOICE part worth 1 with the worksheet's letters and order
///   (the run's settings printed under the questions, as on the worksheet);
/// - the remedy: a MULTICHOICE part worth 1 with the worksheet's letters and order, the
///   engine's other remedies at 50 %;
/// - the evaluation-set size (within 10 %, 50 % within 20 %) and the patience stop (the
///   evaluation where the rule stops; 50 % one evaluation off), when the set asks them.
///
/// The general feedback holds the engine's explanation of each answer. A roster set gives
/// each student's variant its own category.
public struct MoodleQuiz: Sendable {
  /// The category path under the course: `CurveLab/week3`.
  public var category: String
  /// Each variant's exercises: `(student, items)`, the student `nil` for a class set.
  public var variants: [(student: String?, items: [GradingKey.Item])]

  /// The Moodle version the file is written for.
  public static let targetVersion = "Moodle 4.1 LTS and later"

  /// Creates the quiz of a set read with ``GradingKey``.
  public init(key: GradingKey, category: String) {
    self.category = category
    if let shared = key.shared {
      variants = [(nil, shared)]
    } else {
      variants = key.students.compactMap { student in
        key.perStudent[student.id].map { (student.id, $0) }
      }
    }
  }

  /// The XML file.
  public var xml: String {
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<!-- CurveLab \(CurveLabVersion.string): a Moodle XML question file for "
    text += "\(Self.targetVersion). Import it in Question bank > Import > Moodle XML format. -->\n"
    text += "<quiz>\n"
    for (student, items) in variants {
      let path = "$course$/top/" + ([category] + (student.map { [$0] } ?? [])).joined(separator: "/")
      text += "  <question type=\"category\">\n"
      text += "    <category>\n      <text>\(Self.escaped(path))</text>\n    </category>\n"
      text += "    <info format=\"html\">\n      <text>\(Self.cdata(Self.categoryInfo(student)))</text>\n"
      text += "    </info>\n  </question>\n"
      for (index, item) in items.enumerated() {
        text += Self.question(item, number: index + 1, of: items.count, student: student, category: category)
      }
    }
    text += "</quiz>\n"
    return text
  }

  private static func categoryInfo(_ student: String?) -> String {
    "<p>Learning-curve exercises made by CurveLab"
      + (student.map { " for student " + htmlEscaped($0) } ?? "") + ".</p>"
  }

  /// One exercise as a Cloze question.
  private static func question(
    _ item: GradingKey.Item, number: Int, of total: Int, student: String?, category: String
  ) -> String {
    let exercise = GeneratedExercise(
      solved: item.solved, scenario: item.solved.exercise.recipe.scenario, options: item.options,
      causeOptions: item.causeOptions, redraws: 0, trial: nil)
    let charts = MoodleCharts(exercise)
    var html = "<p><strong>Exercise \(number) of \(total)</strong> (\(exercise.id)). "
    html += htmlEscaped(exercise.evaluationCadence.capitalisingFirstLetter) + ".</p>\n"
    for chart in charts.files {
      html += "<p><img src=\"@@PLUGINFILE@@/\(chart.name)\" alt=\"\(htmlEscaped(chart.label))\" "
      html += "width=\"\(chart.width)\" height=\"\(chart.height)\" style=\"max-width: 100%; height: auto;\" /></p>\n"
    }
    html += "<ol>\n"
    for question in item.solved.exercise.questions {
      html += "<li>" + htmlEscaped(exercise.prompt(question)) + " " + part(question, exercise) + "</li>\n"
    }
    html += "</ol>\n"
    if let settings = exercise.settingsLine { html += "<p>" + htmlEscaped(settings) + "</p>\n" }
    let grade = exercise.keyGrade
    var feedback = "<ol>\n"
    for entry in grade.items {
      feedback += "<li><strong>\(htmlEscaped(entry.expected))</strong>: \(htmlEscaped(entry.explanation))</li>\n"
    }
    feedback += "</ol>\n"

    var text = "  <question type=\"cloze\">\n"
    let name = "Exercise \(number): \(exercise.id)" + (student.map { " (\($0))" } ?? "")
    text += "    <name>\n      <text>\(escaped(name))</text>\n    </name>\n"
    text += "    <questiontext format=\"html\">\n      <text>\(cdata(html))</text>\n"
    for chart in charts.files {
      text += "      <file name=\"\(chart.name)\" path=\"/\" encoding=\"base64\">"
      text += Data(chart.svg.utf8).base64EncodedString() + "</file>\n"
    }
    text += "    </questiontext>\n"
    text += "    <generalfeedback format=\"html\">\n      <text>\(cdata(feedback))</text>\n"
    text += "    </generalfeedback>\n"
    text += "    <penalty>0.3333333</penalty>\n"
    text += "    <hidden>0</hidden>\n"
    let idNumber = ["curvelab", category, student, exercise.id].compactMap { $0 }
      .map(Roster.folderName).joined(separator: "-")
    text += "    <idnumber>\(escaped(String(idNumber.prefix(100))))</idnumber>\n"
    text += "  </question>\n"
    return text
  }

  /// The embedded answer of one question, in Moodle's Cloze syntax.
  static func part(_ question: Exercise.Question, _ exercise: GeneratedExercise) -> String {
    let key = exercise.solved.key
    let weight = Int(GradingPolicy.weighted.weight(of: question))
    switch question {
    case .pattern:
      let choices = Pattern.taught.map { pattern in
        (pattern == key.pattern ? "=" : "") + clozeEscaped(pattern.rawValue)
      }
      return "{\(weight):MULTICHOICE:" + choices.joined(separator: "~") + "}"
    case .remedy:
      let choices = exercise.options.actions.enumerated().map { index, action in
        let credit =
          action == key.remedy ? "=" : key.otherRemedies.contains(action) ? "%50%" : ""
        let text = RemedyOptions.letter(at: index) + ". " + action.title
        let why =
          action == key.remedy || key.otherRemedies.contains(action)
          ? "" : "#" + clozeEscaped(CauseKnowledge.whyNot(action, for: key.pattern, cause: key.cause))
        return credit + clozeEscaped(text) + why
      }
      return "{\(weight):MULTICHOICE:" + choices.joined(separator: "~") + "}"
    case .cause:
      // A key read back always has both (``GradingKey`` refuses a cause question without
      // options); a part with no right answer would not import.
      guard let cause = key.causeAnswer, let options = exercise.causeOptions else {
        preconditionFailure("a cause question without its key or options")
      }
      let choices = options.choices.enumerated().map { index, choice in
        let credit = cause.credit(for: choice)
        let mark = credit >= 1 ? "=" : credit > 0 ? "%50%" : ""
        let text = CauseOptions.letter(at: index) + ". " + choice.plainWords.capitalisingFirstLetter
        return mark + clozeEscaped(text)
      }
      return "{\(weight):MULTICHOICE:" + choices.joined(separator: "~") + "}"
    case .keepStep:
      let tolerance = halfInterval(exercise.solved)
      let right = key.acceptedKeepSteps.map { "=\($0):\(tolerance)" }
      let half = key.nearKeepSteps.map { "%50%\($0):\(tolerance)" }
      return "{\(weight):NUMERICAL:" + (right + half).joined(separator: "~") + "}"
    case .setSize:
      guard let size = key.setSize else { return "{\(weight):NUMERICAL:=0:0}" }
      let tolerance = Double(size) * ExerciseKey.setSizeTolerance
      return "{\(weight):NUMERICAL:=\(size):\(number(tolerance))~%50%\(size):\(number(2 * tolerance))}"
    case .patienceStop:
      let steps = exercise.solved.log.evaluationEntries.map(\.step)
      let tolerance = halfInterval(exercise.solved)
      guard let stop = key.patienceStop?.stopStep ?? steps.last,
        let index = steps.firstIndex(of: stop)
      else { return "{\(weight):NUMERICAL:=0:0}" }
      let neighbours = [index - 1, index + 1].filter(steps.indices.contains).map {
        "%50%\(steps[$0]):\(tolerance)"
      }
      return "{\(weight):NUMERICAL:" + (["=\(stop):\(tolerance)"] + neighbours).joined(separator: "~") + "}"
    }
  }

  /// Half the usual gap between evaluations: the distance within which `curvelab grade` reads
  /// a step as an evaluation. Moodle takes the first answer that matches, so the right steps,
  /// listed first, win where two ranges touch.
  static func halfInterval(_ solved: SolvedExercise) -> Int {
    let steps = solved.log.evaluationEntries.map(\.step)
    let gaps = zip(steps, steps.dropFirst()).map { $1 - $0 }.sorted()
    return max(1, (gaps.isEmpty ? 2 : gaps[gaps.count / 2]) / 2)
  }

  private static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
  }

  /// Text for an answer or feedback of a Cloze part: markup characters as entities, `}` and
  /// `#` escaped with a backslash and `~` as an entity, the only forms Moodle's parser reads
  /// back (`qtype_multianswer_extract_question`).
  public static func clozeEscaped(_ text: String) -> String {
    var result = ""
    for character in htmlEscaped(text) {
      switch character {
      case "}", "#": result += "\\" + String(character)
      case "~": result += "&#126;"
      default: result.append(character)
      }
    }
    return result
  }

  /// Text for HTML: `&`, `<`, `>` and `"` as entities.
  static func htmlEscaped(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }

  /// Text for an XML element.
  static func escaped(_ text: String) -> String {
    htmlEscaped(text).replacingOccurrences(of: "'", with: "&apos;")
  }

  /// HTML in a CDATA section, split where it would hold the section's end.
  static func cdata(_ text: String) -> String {
    "<![CDATA[" + text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
  }
}

/// The charts of an exercise as SVG files for a Moodle question, sized for a screen.
struct MoodleCharts {
  struct File {
    var name: String
    var label: String
    var svg: String
    var width: Int
    var height: Int
  }

  var files: [File] = []

  init(_ exercise: GeneratedExercise) {
    var style = SVGChartStyle.standard
    style.legendPlacement = .besideTitle
    let chart = TrainingLogChart(exercise.solved.log)
    let width = 760
    files.append(
      File(
        name: "\(exercise.id)-curves.svg", label: "Loss and accuracy of run \(exercise.id)",
        svg: chart.svgDocument(width: width, panelHeight: 240, arrangement: .sideBySide, style: style),
        width: width, height: 240))
    if exercise.asksForAStep {
      var bare = style
      bare.legendPlacement = .hidden
      files.append(
        File(
          name: "\(exercise.id)-validation.svg",
          label: "Validation loss of run \(exercise.id) at each evaluation",
          svg: chart.validationPanel.svgDocument(width: width, height: 230, style: bare),
          width: width, height: 230))
    }
  }
}
