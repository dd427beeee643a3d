@testable import CurveClassroom
import CurveExercises
import CurveSim
import Testing

@Suite struct HandoutFilesTests {
  /// Underfitting seed 589946849391: the simulator's own log tells the engine the task has two
  /// classes, so it reads the run as underfitting; the handed-out trainer_state.json carries
  /// no settings, its first loss is already well below ln 2, and it reads healthy. A student
  /// checking the file with `curvelab diagnose` would be told the key is wrong.
  static let seed: UInt64 = 589_946_849_391

  @Test func aRunWhoseFilesReadDifferentlyIsNotHandedOut() throws {
    let plain = try ExerciseGenerator().make(id: "ex", scenario: .underfitting, seed: Self.seed)
    #expect(plain.exercise.recipe.seed == Self.seed)
    #expect(plain.diagnosis.pattern == .underfitting)
    let plainAgrees = HandoutFiles.readAsKeyed(plain)
    #expect(!plainAgrees)

    var checked = ExerciseGenerator()
    checked.handoutAgrees = HandoutFiles.readAsKeyed
    let shipped = try checked.make(id: "ex", scenario: .underfitting, seed: Self.seed)
    #expect(shipped.exercise.recipe.seed != Self.seed)
    #expect(shipped.diagnosis.pattern == .underfitting)
    let shippedAgrees = HandoutFiles.readAsKeyed(shipped)
    #expect(shippedAgrees)
  }

  @Test func theClassroomsGeneratorRedrawsSuchARun() throws {
    // The generator `curvelab generate` uses (the classroom caps leave this run as drawn).
    let generator = RunBudget.classroom.generator(
      difficulty: .medium, questions: Exercise.standardQuestions)
    let shipped = try generator.make(id: "ex", scenario: .underfitting, seed: Self.seed)
    #expect(shipped.exercise.recipe.seed != Self.seed)
    let agrees = HandoutFiles.readAsKeyed(shipped)
    #expect(agrees)
  }
}
