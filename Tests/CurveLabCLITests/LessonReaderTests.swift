import CurveCourse
import CurveLabCLI
import Foundation
import TerminalCanvas
import Testing

/// The lesson pager as a learner at a terminal meets it, driven by scripted key presses (each
/// line one key or one answer).
@Suite struct LessonReaderTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  let progressPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("curvelab-pager-\(UUID().uuidString)/progress.json").path

  private func run(_ arguments: [String], keys: [String]) -> (output: String, progress: CourseProgress) {
    var output = ""
    var errors = ""
    let context = CommandContext(
      terminal: Terminal(isTTY: true, width: 80, isColorEnabled: false),
      environment: ["CURVELAB_COURSE": Self.root, "HOME": "/nonexistent"], screenHeight: 30)
    _ = CurveLabCLI.run(
      arguments + ["--progress", progressPath], context: context,
      input: ScriptedInput(keys, isInteractive: true), output: &output, errors: &errors)
    return (output, ProgressStore(path: progressPath).load(settingAsideDamage: false).progress)
  }

  @Test func theLessonStopsAtItsExerciseAsksItAndGoesOn() throws {
    let lesson = try Course(root: Self.root).lesson(number: 2)
    let exercise = try #require(lesson.exercises.first?.exercise)
    // Enter through the pages; at the exercise a stray Enter asks again, so extra ones are
    // harmless. Then: the pattern, a step (where the run asks for one), a change, no worked
    // solution, on to the end, and stop instead of opening lesson 3.
    let asksStop = try exercise.solve().exercise.questions.contains(.keepStep)
    let keys = Array(repeating: "", count: 20) + ["a"] + (asksStop ? ["300"] : []) + ["c", "n", "", "q"]
    let (output, progress) = run(["lesson", "2"], keys: keys)
    #expect(output.contains("Exercise \(exercise.id)  (exercise 1 of 1 in lesson 2)"))
    #expect(output.contains("Score:"))
    #expect(output.contains("Lesson 2 done. Next up: lesson 3"))
    #expect(progress.lessons[lesson.entry.id]?.isFinished == true)
    let state = try #require(progress.exercises[exercise.id])
    #expect(state.attempts == 1)
    #expect(state.lastAnswer?.hasPrefix(asksStop ? "healthy,300," : "healthy,") == true)
  }

  @Test func predictionsAreAskedBeforeTheirChartAndRecorded() throws {
    let lesson = try Course(root: Self.root).lesson(number: 7)
    let predictions = lesson.predictions.map(\.prediction)
    #expect(predictions.count == 2)
    // "c" is ignored on a text page and Enter turns it; at a prediction "c" is the answer and
    // Enter shows the run. The input ends before the exercises: the lesson stops, saved.
    let keys = Array(repeating: ["c", ""], count: 16).flatMap { $0 }
    let (output, progress) = run(["lesson", "7"], keys: keys)
    #expect(output.contains("Predict before you look"))
    for prediction in predictions {
      let made = try #require(progress.predictions[prediction.id])
      #expect(made.choice == "c")
      #expect(made.isRight == (prediction.correctLetter == "c"))
    }
    // The weight-decay chart comes only after its prediction.
    let asked = try #require(output.range(of: "What will a weight decay of 0.1 do"))
    // The chart's rerun command (it may wrap after the seed at the pager's width).
    let chart = try #require(output.range(of: "--weight-decay 0.1"))
    #expect(asked.upperBound < chart.lowerBound)
    #expect(progress.lessons[lesson.entry.id]?.isFinished == false)
  }

  /// At a terminal a stray Enter at a prediction asks again instead of skipping it unseen; s
  /// skips on purpose.
  @Test func aStrayEnterAtAPredictionAsksAgain() throws {
    let (output, progress) = run(["lesson", "7"], keys: Array(repeating: "", count: 14))
    #expect(output.contains("Predict before you look"))
    #expect(output.contains("or s to skip the prediction"))
    #expect(progress.predictions.isEmpty)
    let (skipped, _) = run(["lesson", "7"], keys: Array(repeating: "s", count: 14))
    #expect(!skipped.contains("or s to skip the prediction"))
  }

  @Test func commandsOnAPageRunInPlace() throws {
    // Lesson 2's "Try it" block: press r on every page until one has commands, pick the
    // first, and come back.
    let keys = Array(repeating: ["r", "1", "", ""], count: 12).flatMap { $0 }
    let (output, _) = run(["lesson", "2"], keys: keys)
    #expect(output.contains("$ swift run curvelab simulate --scenario healthy --seed 2"))
    #expect(output.contains("best eval_loss"))
    #expect(output.contains("Enter: back to the lesson"))
    // The run's report is taller than the 30-row screen: it comes a screenful at a time, and
    // no screenful is taller than the screen.
    let report = try #require(output.range(of: "$ swift run curvelab simulate --scenario healthy --seed 2"))
    let shown = output[report.lowerBound...]
    #expect(shown.contains("-- more ("))
    let first = try #require(shown.components(separatedBy: "-- more (").first)
    #expect(first.split(separator: "\n", omittingEmptySubsequences: false).count <= 30)
  }
}
