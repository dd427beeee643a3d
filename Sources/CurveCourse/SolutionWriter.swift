import CurveCore
import CurveDiagnosis
public import CurveExercises
import CurveRender
import TerminalCanvas

/// Writes the worked solution of an exercise as Markdown: the chart, the reading step by step
/// with the engine's evidence, the answers, and the run again with the remedy applied.
///
/// The text depends only on the exercise, so the committed `Solutions/` files can be
/// regenerated and compared byte for byte.
public struct SolutionWriter: Sendable {
  /// Charts are drawn in ASCII, without colour, so they read anywhere.
  /// Charts are 76 columns, so they fit an 80-column terminal inside a code block's indent.
  public var style = FigureStyle(width: 76, panelHeight: 12, chart: ChartOptions(charset: .ascii))

  /// Creates a writer.
  public init() {}

  /// The solution of `solved`, from lesson `lessonTitle` when it belongs to one.
  public func markdown(for solved: SolvedExercise, lessonTitle: String?) -> String {
    let exercise = solved.exercise
    let diagnosis = solved.diagnosis
    let key = solved.key
    var out: [String] = ["# Worked solution: \(exercise.id)", ""]
    if let lessonTitle { out += ["From the lesson *\(lessonTitle)*.", ""] }
    out += ["The run:", "", "```sh", LearnerCommand.line(exercise.recipe.commandLine), "```", "", "## The run", "", "```text"]
    // The engine's own replay of early stopping (patience 3) places the stop mark.
    out += RunFigure.chart(
      of: solved.log, marksBest: true, stopStep: diagnosis.earlyStopping?.stopStep, style: style)
    out += ["```", "", TrainingLogSummary(solved.log).line, ""]

    out += ["## Reading it, step by step", ""]
    var steps: [String] = []
    if let first = solved.log.trainingEntries.first?.loss,
      let last = solved.log.trainingEntries.last?.loss
    {
      steps.append(
        "Training loss goes from \(Format.number(first)) at the first log to \(Format.number(last)) at the last.")
    }
    let losses = solved.log.evaluationEntries.compactMap(\.loss)
    if let firstLoss = losses.first, let lastLoss = losses.last, let keep = key.keep {
      steps.append(
        "Validation loss starts at \(Format.number(firstLoss)), is lowest at step \(keep.step) "
          + "(\(Format.number(keep.loss))) and ends at \(Format.number(lastLoss)).")
    }
    steps += diagnosis.evidence.map(\.meaning.asSentence)
    for (index, step) in steps.enumerated() { out.append("\(index + 1). \(step)") }
    out.append("")
    if !diagnosis.findings.isEmpty {
      out.append("Also worth noticing:")
      out.append("")
      out += diagnosis.findings.map { "- " + $0.message.asSentence }
      out.append("")
    }

    out += ["## The answers", ""]
    let grade = solved.grade(Self.keyAnswer(solved))
    for item in grade.items {
      out.append("- **\(Self.label(item.question))**: \(item.expected). \(item.explanation)")
    }
    out.append("")

    out += ["## What the remedy does", ""]
    if key.remedy == .nothing || !RemedyTrial.canSimulate(key.remedy) {
      out += [
        "The engine advises no change: the run already does what a good run should. Changing a "
          + "knob anyway is still a good experiment; see the lab lesson.", "",
      ]
    } else {
      // The change as the key sizes it: the diagnosed cause's treatment from the one table
      // when that is the remedy asked for (a thirtyfold rate, not the generic tenfold).
      let treated = key.cause.flatMap { cause in
        CauseKnowledge.treatment(for: cause, showing: key.pattern).action == key.remedy
          ? exercise.recipe.treating(cause) : nil
      }
      let remedied = treated ?? exercise.recipe.adding(key.remedy)
      if let log = try? remedied.simulate().log {
        let after = Diagnoser().diagnose(log)
        out += [
          "The same run with the change (\(key.remedy.title)):", "", "```sh", LearnerCommand.line(remedied.commandLine),
          "```", "", "```text",
        ]
        out += RunFigure.chart(of: log, marksBest: true, style: style)
        out += ["```", "", TrainingLogSummary(log).line, ""]
        var comparison = "The engine now reads it as **\(after.pattern.rawValue)**: \(after.headline)"
        if let before = key.keep?.loss, let best = log.evaluationEntries.compactMap(\.loss).min() {
          comparison +=
            " Best validation loss: \(Format.number(before)) before, \(Format.number(best)) after."
        }
        out += [comparison, ""]
      }
    }
    return out.joined(separator: "\n")
  }

  /// The engine's own answers, to grade and explain.
  static func keyAnswer(_ solved: SolvedExercise) -> ExerciseAnswer {
    ExerciseAnswer(
      pattern: solved.key.pattern, keepStep: solved.key.keep?.step, remedy: solved.key.remedy,
      setSize: solved.key.setSize, patienceStop: solved.key.patienceStop?.stopStep,
      cause: solved.key.causeAnswer?.answer)
  }

  static func label(_ question: Exercise.Question) -> String {
    switch question {
    case .pattern: "Pattern"
    case .keepStep: "Checkpoint to keep (step)"
    case .remedy: "Best change"
    case .cause: "Cause"
    case .setSize: "Evaluation-set size"
    case .patienceStop(let patience): "Early stop with patience \(patience) (step)"
    }
  }
}
