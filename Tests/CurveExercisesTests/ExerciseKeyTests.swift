import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveSim
import Testing

/// Keys that are fair: the stop question only where a kept checkpoint matters, with a
/// tolerance in loss terms scaled to the run's noise; remedies credited by the cause.
@Suite struct ExerciseKeyTests {
  private func solve(
    _ scenario: Scenario, seed: UInt64, cause: Cause? = nil, _ settings: [RunRecipe.Setting] = []
  ) throws -> SolvedExercise {
    try Exercise(
      id: "k", recipe: RunRecipe(scenario: scenario, seed: seed, cause: cause, settings: settings)
    ).solve()
  }

  @Test(arguments: [Scenario.erratic, .underfitting], [3, 4] as [UInt64])
  func runsWithoutACheckpointWorthKeepingAreNotAskedForOne(scenario: Scenario, seed: UInt64) throws {
    let solved = try solve(scenario, seed: seed)
    #expect(solved.key.pattern.rawValue == scenario.rawValue)
    #expect(!solved.key.asksKeepStep)
    #expect(!solved.exercise.questions.contains(.keepStep))
  }

  @Test(arguments: [5, 6] as [UInt64])
  func anOverfitRunIsAskedAndItsToleranceIsInLossTerms(seed: UInt64) throws {
    let solved = try solve(.overfitting, seed: seed)
    #expect(solved.key.pattern == .overfitting)
    #expect(solved.exercise.questions.contains(.keepStep))
    let keep = try #require(solved.key.keep)
    let tolerance = try #require(solved.key.keepLossTolerance)
    #expect(tolerance >= 0.01 * keep.loss)
    for entry in solved.log.evaluationEntries {
      let loss = try #require(entry.loss)
      #expect(solved.key.acceptedKeepSteps.contains(entry.step) == (loss <= keep.loss + tolerance))
      if solved.key.nearKeepSteps.contains(entry.step) { #expect(loss <= keep.loss + 2 * tolerance) }
    }
    // The key says the tolerance with its numbers.
    let explanation = solved.grade(ExerciseAnswer()).items.first { $0.question == .keepStep }?.explanation
    #expect(explanation?.contains(Format.number(tolerance)) == true)
  }

  @Test func theToleranceFollowsTheNoise() {
    #expect(ExerciseKey.keepTolerance(best: 0.5, noise: 0.03) == 0.06)
    #expect(ExerciseKey.keepTolerance(best: 0.5, noise: 0.0001) == 0.005)
    #expect(ExerciseKey.keepTolerance(best: 0.5, noise: nil) == 0.005)
  }

  @Test func aLowLearningRateIsCreditedForRaisingItNotForABiggerModel() throws {
    // The underfitting scenario's slow-rate cause, forced further: a rate far too small for AdamW.
    let solved = try solve(
      .underfitting, seed: 2, cause: .lowLearningRate,
      [.init(.learningRate, "0.000008"), .init(.hidden, "32")])
    #expect(solved.key.pattern == .underfitting)
    #expect(solved.key.cause == .lowLearningRate)
    #expect(solved.key.remedy == .higherLearningRate)
    #expect(solved.key.distractors.contains(.biggerModel))
    #expect(!solved.key.otherRemedies.contains(.biggerModel))
    let grade = solved.grade(ExerciseAnswer(remedy: .biggerModel))
    #expect(grade.items.first { $0.question == .remedy }?.credit == 0)
  }

  @Test func otherChangesThatTreatTheCauseEarnHalf() throws {
    let solved = try solve(
      .underfitting, seed: 2, cause: .lowLearningRate,
      [.init(.learningRate, "0.000008"), .init(.hidden, "32")])
    let other = try #require(solved.key.otherRemedies.first)
    #expect(CauseKnowledge.treatments(for: .lowLearningRate).contains { $0.action == other })
    let grade = solved.grade(ExerciseAnswer(remedy: other))
    #expect(grade.items.first { $0.question == .remedy }?.credit == 0.5)
  }

  @Test func noDistractorTreatsTheDiagnosedCause() throws {
    for scenario in Scenario.allCases {
      let solved = try solve(scenario, seed: 7)
      let key = solved.key
      #expect(!key.distractors.contains(key.remedy))
      #expect(Set(key.distractors).isDisjoint(with: key.otherRemedies))
      if let cause = key.cause {
        #expect(Set(key.distractors).isDisjoint(with: CauseKnowledge.treatments(for: cause).map(\.action)))
      }
    }
  }
}
