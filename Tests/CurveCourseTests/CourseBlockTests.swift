import CurveCourse
import Foundation
import CurveExercises
import CurveRender
import MarkdownText
import Testing

@Suite struct CourseBlockTests {
  @Test func aCurveBlockReadsItsDisplayKeys() throws {
    let block = try CurveBlock(info: "curve scenario=overfitting seed=12 show=loss mark=best,stop patience=5 x=epoch verdict=yes eval-size=40")
    #expect(block.recipe.scenario == .overfitting)
    #expect(block.recipe.settings == [RunRecipe.Setting(.evalSize, "40")])
    #expect(block.panels == .loss)
    #expect(block.marksBest && block.marksStop)
    #expect(block.patience == 5)
    #expect(block.xAxis == .epoch)
    #expect(block.showsVerdict)
  }

  @Test(arguments: [
    "curve scenario=healthy seed=1 show=gradients", "curve scenario=healthy seed=1 mark=worst",
    "curve scenario=healthy seed=1 patience=0", "curve scenario=healthy seed=1 seed=2",
    "curve scenario=healthy seed=1 x=time", "curve scenario=healthy seed=1 loose",
  ])
  func badCurveBlocksAreRejected(info: String) {
    #expect(throws: RunRecipe.Problem.self) { try CurveBlock(info: info) }
  }

  @Test func aCurveBlockDrawsTheRunAndHowToRerunIt() throws {
    let block = try CurveBlock(info: "curve scenario=overfitting seed=22 mark=best,stop")
    let lines = try block.render(style: FigureStyle(width: 80))
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.contains { $0.contains("best") && $0.contains("stop") })
    #expect(lines.contains { $0.hasPrefix("The stop mark: early stopping with patience 3") })
    #expect(lines.last?.contains("curvelab simulate --scenario overfitting --seed 22") == true)
  }

  @Test func thePredictionTraceCrossesOneHalfWhileTheClassFlips() throws {
    let trace = try #require(try PredictionBlock(info: "prediction scenario=healthy seed=16 eval-size=25").trace())
    #expect(trace.setSize == 25)
    let crossing = try #require(trace.rows.firstIndex { $0.score > 0.5 })
    #expect(crossing >= 2)
    #expect(trace.rows[..<crossing].allSatisfy { $0.score <= 0.5 })
    #expect(trace.rows[crossing...].allSatisfy { $0.score > 0.5 })
    // Accuracy can only move in steps of 1/25.
    for row in trace.rows {
      let count = row.validationAccuracy * 25
      #expect(abs(count - count.rounded()) < 1e-9)
    }
  }

  @Test func anExerciseBlockAsksWhatItSays() throws {
    let block = try ExerciseBlock(info: "exercise id=lab-9 scenario=erratic seed=3 ask=pattern,set-size,patience-stop patience=4")
    #expect(block.exercise.id == "lab-9")
    #expect(block.exercise.questions == [.pattern, .setSize, .patienceStop(4)])
    #expect(throws: RunRecipe.Problem.self) { try ExerciseBlock(info: "exercise scenario=erratic seed=3") }
    #expect(throws: RunRecipe.Problem.self) { try ExerciseBlock(info: "exercise id=Bad_Id scenario=erratic seed=3") }
  }

  @Test func aLessonRendersWithinTheWidthAndDrawsItsRuns() throws {
    let course = try CourseFixture.shipped()
    let entry = course.lessons[2]
    let lesson = Lesson(entry: entry, number: 3, text: try course.text(of: entry))
    for width in [60, 80] {
      let lines = lesson.render(style: FigureStyle(width: width))
      #expect(lines.allSatisfy { $0.count <= width })
      #expect(lines.contains { $0.hasPrefix("  swift run curvelab simulate") })
      #expect(!lines.contains { $0.hasPrefix("```") })
      #expect(!lines.joined().contains("\u{1B}["))
    }
    #expect(!lesson.exercises.isEmpty)
  }
}

@Suite struct CommandLinesTests {
  @Test func longCommandsBreakBetweenFlagsAndStillPaste() {
    let command = "curvelab simulate --scenario erratic --seed 60 --eval-steps 10 --learning-rate 0.184638 --batch-size 16"
    let lines = commandLines(command, width: 40)
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" \\") })
    // Every flag stays with its value.
    #expect(lines.contains { $0.contains("--learning-rate 0.184638") })
    let rejoined = lines.map { $0.replacingOccurrences(of: " \\", with: "").trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
    #expect(rejoined == command)
  }

  @Test func aShortCommandIsOneLine() {
    #expect(commandLines("curvelab simulate --seed 1", width: 80) == ["  curvelab simulate --seed 1"])
  }
}
