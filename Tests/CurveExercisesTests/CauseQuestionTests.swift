import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveSim
import Testing

/// The cause question: asked on underfitting and erratic runs whose cause the engine can tell,
/// keyed from the engine's cause layer (never the simulator's true cause), read forgivingly.
@Suite struct CauseQuestionTests {
  private let reader = AnswerReader.forgiving

  private func solve(_ scenario: Scenario, seed: UInt64, cause: Cause? = nil) throws -> SolvedExercise {
    try Exercise(id: "c", recipe: RunRecipe(scenario: scenario, seed: seed, cause: cause)).solve()
  }

  @Test(arguments: [Scenario.erratic, .underfitting], [3, 4] as [UInt64])
  func theKeyIsTheEnginesCauseLayer(scenario: Scenario, seed: UInt64) throws {
    let solved = try solve(scenario, seed: seed)
    let diagnosis = solved.diagnosis
    let open = diagnosis.openCauses
    #expect(solved.exercise.questions.contains(.cause) == (solved.key.causeAnswer != nil))
    guard let key = solved.key.causeAnswer else {
      #expect(open.isEmpty || open.count > ExerciseKey.causeOpenLimit)
      return
    }
    #expect(key.answer == open.first)
    #expect(key.isNamed == (diagnosis.cause != nil))
    #expect(key.alsoRight == Array(open.dropFirst()))
    #expect(Array(key.halfCredit.prefix(diagnosis.possibleCauses.count)) == diagnosis.possibleCauses)
    for twin in key.halfCredit.dropFirst(diagnosis.possibleCauses.count) {
      #expect(open.contains { ExerciseKey.isRelated(twin, $0) })
    }
    #expect(key.distractors.count == ExerciseKey.causeDistractorCount)
    #expect(Set(key.distractors).count == key.distractors.count)
    for distractor in key.distractors {
      // Ruled out by the evidence, or a cause that never shows as this pattern.
      let ruledOut = diagnosis.unlikelyCauses.contains(distractor)
        || !CauseKnowledge.patterns(of: distractor).contains(diagnosis.pattern)
      #expect(ruledOut, "\(distractor) is offered as wrong")
      #expect(key.credit(for: distractor) == 0)
    }
    // At least one distractor belongs to another pattern: the options do not name the pattern.
    #expect(key.distractors.contains { !CauseKnowledge.patterns(of: $0).contains(diagnosis.pattern) })
    // The engine's answer is graded right, its explanation carries the engine's evidence.
    let item = solved.grade(ExerciseAnswer(cause: key.answer)).items.first { $0.question == .cause }
    #expect(item?.credit == 1)
    for evidence in key.evidence { #expect(item?.explanation.contains(evidence) == true) }
  }

  @Test func anErraticRunWhoseCauseTheEngineCanTellIsAskedIt() throws {
    let solved = try solve(.erratic, seed: 3)
    #expect(solved.exercise.questions == [.pattern, .cause, .remedy])
    #expect(Exercise.Question.cause.name == "cause")
    // The example in ExerciseKey.CauseAnswer's documentation.
    let key = try #require(solved.key.causeAnswer)
    #expect(key.answer == .highLearningRate)
    #expect(key.distractors == [.smallEvalSet, .warmupInstability, .lowLearningRate])
  }

  @Test(arguments: [Scenario.healthy, .overfitting])
  func runsWithACheckpointToKeepAreNotAskedTheCause(scenario: Scenario) throws {
    let solved = try solve(scenario, seed: 5)
    #expect(solved.key.causeAnswer == nil)
    #expect(!solved.exercise.questions.contains(.cause))
  }

  /// A real erratic run's diagnosis with its candidate causes replaced, so each keying rule is
  /// checked on weights chosen for it.
  private func key(causes: [CauseAssessment]) throws -> ExerciseKey {
    let solved = try solve(.erratic, seed: 3)
    var diagnosis = solved.diagnosis
    try #require(diagnosis.pattern == .erratic)
    diagnosis.causes = causes
    return ExerciseKey(log: solved.log, diagnosis: diagnosis, questions: Exercise.standardQuestions)
  }

  @Test func causesLeftOpenAreAllRightAndPossibleOnesEarnHalf() throws {
    let key = try key(causes: [
      CauseAssessment(cause: .tinyBatch, weight: 0.5, evidence: ["each update saw 2 examples"]),
      CauseAssessment(cause: .highLearningRate, weight: 0.4),
      CauseAssessment(cause: .smallEvalSet, weight: 0.2),
      CauseAssessment(cause: .badBatches, weight: 0.05),
      CauseAssessment(cause: .warmupInstability, weight: 0),
    ])
    let cause = try #require(key.causeAnswer)
    #expect(cause.answer == .tinyBatch && !cause.isNamed)
    #expect(cause.alsoRight == [.highLearningRate])
    // Possible by its weight, and bad batches as a high rate's twin (clipping treats both).
    #expect(cause.halfCredit == [.smallEvalSet, .badBatches])
    #expect(cause.credit(for: .tinyBatch) == 1 && cause.credit(for: .highLearningRate) == 1)
    #expect(cause.credit(for: .smallEvalSet) == 0.5 && cause.credit(for: .warmupInstability) == 0)
    #expect(cause.distractors == [.warmupInstability, .lowLearningRate, .smallModel])
  }

  @Test func aNamedCauseIsTheOnlyFullAnswer() throws {
    let key = try key(causes: [
      CauseAssessment(cause: .highLearningRate, weight: 0.8, isDetermined: true),
      CauseAssessment(cause: .tinyBatch, weight: 0.3),
      CauseAssessment(cause: .smallEvalSet, weight: 0.1),
      CauseAssessment(cause: .badBatches, weight: 0.05),
      CauseAssessment(cause: .warmupInstability, weight: 0),
    ])
    let cause = try #require(key.causeAnswer)
    #expect(cause.answer == .highLearningRate && cause.isNamed && cause.alsoRight.isEmpty)
    #expect(cause.halfCredit == [.tinyBatch, .badBatches])
    #expect(cause.distractors == [.smallEvalSet, .warmupInstability, .lowLearningRate])
  }

  @Test func aSingleCauseTheEngineLeansToWithoutNamingItIsNotAsked() throws {
    let key = try key(causes: [
      CauseAssessment(cause: .highLearningRate, weight: 0.5),
      CauseAssessment(cause: .tinyBatch, weight: 0.2),
      CauseAssessment(cause: .smallEvalSet, weight: 0.1),
      CauseAssessment(cause: .badBatches, weight: 0.05),
      CauseAssessment(cause: .warmupInstability, weight: 0),
    ])
    #expect(key.causeAnswer == nil)
  }

  @Test func twinsAreTheCausesWhoseTreatmentsTreatEachOther() {
    #expect(ExerciseKey.isRelated(.lowLearningRate, .tooFewSteps))
    #expect(ExerciseKey.isRelated(.tooFewSteps, .lowLearningRate))
    #expect(ExerciseKey.isRelated(.highLearningRate, .tinyBatch))
    #expect(!ExerciseKey.isRelated(.highLearningRate, .warmupInstability))
    #expect(!ExerciseKey.isRelated(.smallModel, .heavyWeightDecay))
    #expect(!ExerciseKey.isRelated(.lowLearningRate, .highLearningRate))
  }

  @Test func aCauseTheEngineCannotNarrowIsNotAsked() throws {
    let key = try key(causes: [
      CauseAssessment(cause: .highLearningRate, weight: 0.35),
      CauseAssessment(cause: .tinyBatch, weight: 0.3),
      CauseAssessment(cause: .smallEvalSet, weight: 0.3),
      CauseAssessment(cause: .badBatches, weight: 0.25),
      CauseAssessment(cause: .warmupInstability, weight: 0),
    ])
    #expect(key.causeAnswer == nil)
  }

  @Test(arguments: [
    ("the learning rate is too low", Cause.lowLearningRate), ("LR too low", .lowLearningRate),
    ("Learning-rate too small", .lowLearningRate), ("low-learning-rate", .lowLearningRate),
    ("lr too high", .highLearningRate), ("The learning rate is too high.", .highLearningRate),
    ("batch size too small", .tinyBatch), ("tiny batch", .tinyBatch), ("small batches", .tinyBatch),
    ("not enough capacity", .smallModel), ("model too small", .smallModel),
    ("too much weight decay", .heavyWeightDecay), ("weight decay too heavy", .heavyWeightDecay),
    ("not enough training", .tooFewSteps), ("too few steps", .tooFewSteps),
    ("validation set too small", .smallEvalSet), ("instability after warmup", .warmupInstability),
  ])
  func readsCausesInTheirNaturalForms(text: String, cause: Cause) {
    #expect(reader.cause(text)?.value == cause)
  }

  @Test func readsAMisspelledCauseAndSaysSo() {
    let reading = reader.cause("the learnig rate is too hihg")
    #expect(reading?.value == .highLearningRate)
    #expect(reading?.note == "accepted 'the learnig rate is too hihg' as high-learning-rate")
    #expect(AnswerReader.strict.cause("the learnig rate is too hihg") == nil)
  }

  @Test(arguments: ["the learning rate", "too", "batch", "bad", "lr too"])
  func doesNotGuessACause(text: String) {
    #expect(reader.cause(text) == nil)
  }

  @Test func everyCauseReadsBackFromItsPlainWords() {
    for cause in Cause.allCases {
      #expect(reader.cause(cause.plainWords)?.value == cause, "\(cause)")
      #expect(reader.cause(cause.plainWords)?.note == nil)
    }
  }
}
