import CurveCourse
import Foundation
import Testing
import _CurveLabTestSupport

/// Two real `curvelab` processes save progress to one file in turn, each holding what it loaded
/// at its start: nothing either of them recorded may be lost.
@Suite struct ProgressProcessTests {
  @Test func twoProcessesSavingInTurnLoseNothing() throws {
    let program = try #require(BuiltProgram.curvelab, "swift test builds curvelab beside the tests")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-two-windows-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/progress.json"
    let store = ProgressStore(path: path)
    let environment = ["CURVELAB_COURSE": BuiltProgram.packageRoot, "HOME": folder]
    // One window takes the quiz (a save after every answer), the other practises (a save after
    // every exercise); both load the (empty) progress file once, when they start.
    let quiz = try ProgramProcess(
      program, ["quiz", "--seed", "3", "--progress", path], environment: environment)
    let practice = try ProgramProcess(
      // Overfitting runs ask pattern, stop and remedy every time, so the scripted lines below
      // answer the same three questions in every round.
      program, ["exercise", "--seed", "100", "--scenario", "overfitting", "--progress", path],
      environment: environment)
    defer {
      quiz.finish()
      practice.finish()
    }
    let rounds = 3
    for round in 0..<rounds {
      quiz.send(["s"])
      let quizSaved = BuiltProgram.wait(seconds: 60) {
        store.load(settingAsideDamage: false).progress.quizzes["Quizzes/section-quiz.quiz"]?
          .unfinished?.answers.count == round + 1
      }
      #expect(quizSaved, "the quiz's answer \(round + 1) was not saved:\n\(quiz.output)")
      practice.send(["overfitting", "", "early stopping", "y"])
      let practiceSaved = BuiltProgram.wait(seconds: 60) {
        store.load(settingAsideDamage: false).progress.exercises["practice-\(100 + round)"] != nil
      }
      #expect(practiceSaved, "practice run \(round + 1) was not saved:\n\(practice.output)")
    }
    #expect(quiz.finish() == 0)
    #expect(practice.finish() == 0)
    let saved = store.load(settingAsideDamage: false).progress
    #expect(saved.quizzes["Quizzes/section-quiz.quiz"]?.unfinished?.answers.count == rounds)
    #expect(saved.exercises.keys.sorted() == (0..<rounds).map { "practice-\(100 + $0)" }.sorted())
    for round in 0..<rounds {
      #expect(saved.exercises["practice-\(100 + round)"]?.attempts == 1)
      #expect(saved.exercises["practice-\(100 + round)"]?.lastAnswer?.hasPrefix("overfitting,,") == true)
    }
  }

  @Test func processesSavingAtOnceTakeTurnsThroughTheLock() throws {
    let program = try #require(BuiltProgram.curvelab)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-many-windows-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/progress.json"
    let environment = ["CURVELAB_COURSE": BuiltProgram.packageRoot, "HOME": folder]
    let ids = ["loss-1", "curves-1", "healthy-1", "convergence-1", "accuracy-1", "watching-1"]
    let processes = try ids.map { id in
      try ProgramProcess(
        program, ["exercise", id, "--answers", "healthy", "--progress", path],
        environment: environment)
    }
    for process in processes { #expect(process.finish() == 0, "\(process.output)") }
    let saved = ProgressStore(path: path).load(settingAsideDamage: false).progress
    #expect(saved.exercises.keys.sorted() == ids.sorted())
  }
}
