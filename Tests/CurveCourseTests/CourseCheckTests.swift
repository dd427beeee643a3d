import CurveCore
import CurveCourse
import CurveExercises
import CurveSim
import Foundation
import Testing

@Suite struct CourseCheckTests {
  @Test func theShippedCoursePassesEveryCheck() throws {
    let report = CourseCheck(course: try CourseFixture.shipped(), quizSeeds: 6).run()
    #expect(report.errors.isEmpty, "\(report.errors.map(\.description).joined(separator: "\n"))")
    #expect(report.checked.count >= 4)
  }

  @Test func theCommittedSolutionsAreWhatTheEngineGivesNow() throws {
    let course = try CourseFixture.shipped()
    let check = CourseCheck(course: course)
    var report = CourseCheck.Report()
    let solutions = check.solutions(check.lessons(into: &report))
    #expect(solutions.count >= 10)
    for (path, text, error) in solutions {
      #expect(error == nil)
      let committed = try String(contentsOfFile: path, encoding: .utf8)
      #expect(committed == text, "\(path) drifted: run 'swift run curvelab check --write-solutions'")
    }
  }

  /// Lesson prose quotes the numbers of the runs it shows, and `curvelab check` cannot read
  /// prose: a stricter pattern check that redrew one of those seeds would leave the prose
  /// describing another run. So every seed a lesson names keeps its first draw.
  @Test func everySeedALessonNamesKeepsItsFirstDraw() throws {
    let course = try CourseFixture.shipped()
    // Figures and commands; an exercise's worked solution is regenerated, not written.
    let block = /```curve scenario=(?<scenario>[a-z]+)(?: cause=(?<cause>[a-z-]+))? seed=(?<seed>[0-9]+)/
    let command = /--scenario (?<scenario>[a-z]+)(?: --cause (?<cause>[a-z-]+))? --seed (?<seed>[0-9]+)/
    var named: Set<String> = []
    for lesson in course.lessons {
      let text = try course.text(of: lesson)
      let found =
        text.matches(of: block).map { ($0.scenario, $0.cause, $0.seed) }
        + text.matches(of: command).map { ($0.scenario, $0.cause, $0.seed) }
      for (scenarioName, causeName, seedText) in found {
        let scenario = try #require(Scenario(rawValue: String(scenarioName)))
        let cause = causeName.map { Cause(rawValue: String($0)) } ?? nil
        let seed = try #require(UInt64(seedText))
        guard named.insert("\(scenario) \(cause.map(\.rawValue) ?? "-") \(seed)").inserted else { continue }
        let draw = scenario.draw(seed: seed, cause: cause)
        #expect(draw.index == 0, "\(lesson.file): \(scenario) \(cause?.rawValue ?? "") seed \(seed)")
      }
    }
    #expect(named.count >= 15)
  }

  @Test func aBrokenCopyFailsWithFileAndLine() throws {
    let folder = try CourseFixture.scratchCopy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let curveLine = try CourseFixture.edit(
      folder, "Lessons/07-overfitting.md", replacing: "```curve scenario=overfitting",
      with: "```curve scenario=sideways")
    let quizLine = try CourseFixture.edit(
      folder, "Quizzes/section-quiz.quiz", replacing: "section: 7", with: "sectoin: 7")
    try CourseFixture.edit(folder, "Solutions/overfitting-1.md", replacing: "# Worked", with: "# Stale")
    try "# Orphan\n".write(toFile: folder + "/Lessons/99-orphan.md", atomically: true, encoding: .utf8)

    let report = CourseCheck(course: try Course(root: folder), quizSeeds: 2).run()
    let messages = report.errors.map(\.description)
    #expect(messages.contains { $0.contains("07-overfitting.md:\(curveLine):") && $0.contains("sideways") })
    #expect(messages.contains { $0.contains("section-quiz.quiz:\(quizLine):") && $0.contains("section") })
    #expect(messages.contains { $0.contains("overfitting-1.md") && $0.contains("out of date") })
    #expect(messages.contains { $0.contains("99-orphan.md") && $0.contains("not listed") })
  }

  @Test func aPredictionWhoseAnswerTheRunsDoNotBearOutFails() throws {
    let folder = try CourseFixture.scratchCopy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Claim the opposite of what weight decay does, and break another prediction's place.
    let wrongLine = try CourseFixture.edit(
      folder, "Lessons/07-overfitting.md",
      replacing: "```predict id=overfitting-weight-decay without=remedy expect=val-loss-climb:lower,final-val-loss:lower",
      with: "```predict id=overfitting-weight-decay without=remedy expect=final-val-loss:higher")
    let misplacedLine = try CourseFixture.edit(
      folder, "Lessons/08-underfitting.md",
      replacing: "```curve scenario=underfitting cause=too-few-steps seed=0 show=loss,learning-rate remedy=more-epochs\n```",
      with: "")
    // A verdict the engine does not give on the changed run.
    let verdictLine = try CourseFixture.edit(
      folder, "Lessons/08-underfitting.md",
      replacing: "without=weight-decay reads=healthy", with: "without=weight-decay reads=overfitting")
    let report = CourseCheck(course: try Course(root: folder), quizSeeds: 1).run()
    let messages = report.errors.map(\.description)
    #expect(messages.contains {
      $0.contains("07-overfitting.md:\(wrongLine):") && $0.contains("final-val-loss:higher does not hold on seed 569")
    })
    // The chart after that prediction is now the next section's, which has no such change.
    #expect(messages.contains {
      $0.contains("08-underfitting.md:") && $0.contains("without=remedy, but the chart after it sets no remedy")
    }, "\(messages) (edited at line \(misplacedLine))")
    #expect(messages.contains {
      $0.contains("08-underfitting.md:\(verdictLine):")
        && $0.contains("reads=overfitting does not hold on seed 0: the engine reads the run with the change as healthy")
    }, "\(messages)")
  }

  @Test func aPredictBlockMayClaimTheEnginesVerdictInstead() throws {
    let body = "Q?\n\n[x] A\n    yes\n[ ] B\n    no"
    let block = try PredictBlock(info: "predict id=x without=treat reads=healthy", body: body)
    #expect(block.reads == .healthy)
    #expect(block.claims.isEmpty)
    #expect {
      try PredictBlock(info: "predict id=x without=treat reads=fine", body: body)
    } throws: { "\($0)".contains("reads=fine") }
    #expect {
      try PredictBlock(info: "predict id=x without=treat", body: body)
    } throws: { "\($0)".contains("expect= or reads=") }
  }

  @Test func aPredictBlockNeedsOneRightOptionAndItsChecks() throws {
    #expect(throws: RunRecipe.Problem.self) {
      try PredictBlock(info: "predict id=x expect=steps:lower", body: "Q?\n\n[x] A\n    yes\n[ ] B\n    no")
    }
    #expect(throws: RunRecipe.Problem.self) {
      try PredictBlock(info: "predict id=x without=remedy expect=speed:lower", body: "Q?\n\n[x] A\n    yes\n[ ] B\n    no")
    }
    let block = try PredictBlock(
      info: "predict id=x without=remedy expect=steps:lower", body: "Q?\n\n[ ] A\n    no\n[x] B\n    yes")
    #expect(block.correctLetter == "b")
    #expect(block.prompt == "Q?")
  }

  @Test func aManifestProblemIsNamed() throws {
    let folder = try CourseFixture.scratchCopy()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try CourseFixture.edit(folder, "Lessons/manifest.json", replacing: "\"format\": 1", with: "\"format\": 9")
    #expect {
      _ = try Course(root: folder)
    } throws: { error in
      "\(error)".contains("manifest.json") && "\(error)".contains("format 9")
    }
  }
}
