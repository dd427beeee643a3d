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
    #expect(!HandoutFiles.readAsKeyed(plain))

    var checked = ExerciseGenerator()
    checked.handoutAgrees = HandoutFiles.readAsKeyed
    let shipped = try checked.make(id: "ex", scenario: .underfitting, seed: Self.seed)
    #expect(shipped.exercise.recipe.seed != Self.seed)
    #expect(shipped.diagnosis.pattern == .underfitting)
    #expect(HandoutFiles.readAsKeyed(shipped))
  }

  @Test func theClassSetsHandoutFilesReadAsKeyed() {
    for exercise in Fixtures.classBuild.sets[0].exercises {
      #expect(HandoutFiles.readAsKeyed(exercise.solved), "\(exercise.id)")
    }
  }
}
