import CurveCourse
import Foundation
import Testing
import _CurveLabTestSupport

/// The course through the real terminal path: `curvelab` in a tmux terminal of 80 × 30, keys
/// pressed one at a time (the pager reads single keys in raw mode, answers are typed lines),
/// and the progress it saved read back.
@Suite(.enabled(if: TmuxSession.executable != nil || TmuxSession.isRequired))
struct TerminalSessionTests {
  @Test func aLessonWithAnExerciseIsReadAndAnsweredAtARealTerminal() throws {
    let program = try #require(BuiltProgram.curvelab, "swift test builds curvelab beside the tests")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-tmux-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let progress = folder + "/progress.json"
    let command =
      "cd '\(BuiltProgram.packageRoot)' && exec env HOME='\(folder)' TERM=xterm-256color "
      + "'\(program)' lesson 2 --progress '\(progress)'"
    let terminal = try TmuxSession(command: command)

    try #require(terminal.wait(for: "-- page 1 of"), "the lesson never showed:\n\(terminal.screen)")
    // Page on, one key at a time, until the lesson stops at its exercise.
    var pages = 0
    while !terminal.screen.contains("Which pattern does the run show"), pages < 30,
      terminal.exitStatus == nil
    {
      let before = terminal.screen
      terminal.press("Enter")
      // One key per page: the next only once this page has been drawn whole.
      terminal.wait(changingFrom: before, thenQuietFor: 0.2)
      pages += 1
    }
    // The whole exercise, chart to first question, fits the 30 rows.
    #expect(terminal.wait(for: "Letter or name (h: hint"))
    let exercise = terminal.screen
    #expect(exercise.contains("Exercise loss-1  (exercise 1 of 1 in lesson 2)"), "\(exercise)")
    #expect(exercise.contains("Loss") && exercise.contains("Accuracy"))
    terminal.press("a", "Enter")
    // The checkpoint question comes only where the run has a checkpoint worth keeping.
    let asksStop = try Course(root: BuiltProgram.packageRoot).lesson(number: 2).exercises.first
      .map { try $0.exercise.solve().exercise.questions.contains(.keepStep) } ?? false
    if asksStop {
      #expect(terminal.wait(for: "At which step"))
      terminal.press("300", literal: true)
      terminal.press("Enter")
    }
    #expect(terminal.wait(for: "Which change would help"))
    // v draws the chart again at full height and asks the same question again.
    let beforeChart = terminal.screen
    terminal.press("v", "Enter")
    #expect(terminal.wait(changingFrom: beforeChart, thenQuietFor: 0.2))
    let redrawn = terminal.screen
    // The redrawn chart (taller than the first, as tall as fits with the question) has pushed
    // the exercise's heading away, and the whole chart is on the screen.
    #expect(
      redrawn.contains("Loss") && redrawn.contains("Accuracy")
        && redrawn.contains("Which change would help") && !redrawn.contains("Exercise loss-1"),
      "\(redrawn)")
    terminal.press("c", "Enter")
    #expect(terminal.wait(for: "Show the worked solution?"), "\(terminal.screen)")
    #expect(terminal.screen.contains("Score:"))
    terminal.press("n", "Enter")
    #expect(terminal.wait(for: "Enter: go on"))
    terminal.press("Enter")
    #expect(terminal.wait(for: "Lesson 2 done."), "\(terminal.screen)")
    terminal.press("q")
    #expect(BuiltProgram.wait(seconds: 30) { terminal.exitStatus != nil })
    #expect(terminal.exitStatus == 0, "\(terminal.screen)")

    let saved = ProgressStore(path: progress).load(settingAsideDamage: false).progress
    #expect(saved.lessons["loss-curves"]?.isFinished == true)
    #expect(saved.lastLesson == "loss-curves")
    let state = try #require(saved.exercises["loss-1"], "\(saved)")
    #expect(state.attempts == 1)
    #expect(state.lastAnswer?.hasPrefix(asksStop ? "healthy,300," : "healthy,") == true)
  }
}
