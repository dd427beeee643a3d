import CurveDiagnosis
import CurveExercises
import CurveSim
import Testing

@Suite struct ExerciseTests {
  static let overfitting = try! Exercise(
    id: "overfitting-test", recipe: RunRecipe(scenario: .overfitting, seed: 22),
    questions: [.pattern, .keepStep, .remedy, .patienceStop(3)]
  ).solve()

  @Test func theKeyComesFromTheEngine() throws {
    let solved = Self.overfitting
    #expect(solved.key.pattern == solved.diagnosis.pattern)
    #expect(solved.key.pattern == .overfitting)
    let losses = solved.log.evaluationEntries.compactMap(\.loss)
    let keep = try #require(solved.key.keep)
    #expect(keep.loss == losses.min())
    #expect(solved.key.acceptedKeepSteps.contains(keep.step))
    #expect(solved.key.remedy == solved.diagnosis.remedies.first?.action)
    let stop = try #require(solved.key.patienceStop)
    #expect(stop.keptStep == keep.step)
    let steps = solved.log.evaluationEntries.map(\.step)
    #expect(steps.firstIndex(of: stop.stopStep!)! - steps.firstIndex(of: keep.step)! == 3)
  }

  @Test func theEnginesOwnAnswersScoreFullMarks() {
    let solved = Self.overfitting
    let answer = ExerciseAnswer(
      pattern: solved.key.pattern, keepStep: solved.key.keep?.step, remedy: solved.key.remedy,
      patienceStop: solved.key.patienceStop?.stopStep)
    for policy in GradingPolicy.allCases {
      let grade = solved.grade(answer, policy: policy)
      #expect(grade.points == grade.maximum)
      #expect(grade.items.allSatisfy { $0.isRight })
    }
    #expect(solved.grade(answer, policy: .weighted).maximum == 5)
    #expect(solved.grade(answer, policy: .allOrNothing).maximum == 4)
  }

  @Test func partialCreditForACloseStepAndASecondaryRemedy() throws {
    let solved = Self.overfitting
    let near = try #require(solved.key.nearKeepSteps.first)
    let other = try #require(solved.key.otherRemedies.first)
    let answer = ExerciseAnswer(pattern: .underfitting, keepStep: near, remedy: other)
    let weighted = solved.grade(answer, policy: .weighted)
    #expect(weighted.items.map(\.credit) == [0, 0.5, 0.5, 0])
    #expect(weighted.points == 1)
    let strict = solved.grade(answer, policy: .allOrNothing)
    #expect(strict.points == 0)
    #expect(weighted.items[0].explanation.contains(solved.diagnosis.headline))
  }

  @Test func aStepBetweenEvaluationsCountsAsTheNearestOne() throws {
    let solved = Self.overfitting
    let keep = try #require(solved.key.keep)
    let grade = solved.grade(ExerciseAnswer(keepStep: keep.step + 1))
    #expect(grade.items[1].credit == 1)
    #expect(solved.grade(ExerciseAnswer(keepStep: solved.log.evaluationEntries.last!.step)).items[1].credit == 0)
  }

  @Test func aStepNoEvaluationIsNearEarnsNothing() throws {
    let solved = Self.overfitting
    let steps = solved.log.evaluationEntries.map(\.step)
    #expect(solved.grade(ExerciseAnswer(keepStep: 99_999_999)).items[1].credit == 0)
    #expect(solved.grade(ExerciseAnswer(keepStep: Int.max)).items[1].credit == 0)
    if steps[0] > 2 { #expect(solved.grade(ExerciseAnswer(keepStep: 0)).items[1].credit == 0) }
  }

  @Test func blankAnswersScoreNothingAndSaySo() {
    let grade = Self.overfitting.grade(ExerciseAnswer())
    #expect(grade.points == 0)
    #expect(grade.items.allSatisfy { $0.given.isEmpty && !$0.expected.isEmpty })
  }

  @Test(arguments: Scenario.allCases)
  func theGeneratorOnlyShipsRunsTheEngineAgreesWith(scenario: Scenario) throws {
    for difficulty in Difficulty.allCases {
      let solved = try ExerciseGenerator(difficulty: difficulty).make(id: "x", scenario: scenario, seed: 11)
      #expect(solved.key.pattern.rawValue == scenario.rawValue)
      let again = try ExerciseGenerator(difficulty: difficulty).make(id: "x", scenario: scenario, seed: 11)
      // Compared as text: a diverged run's NaN losses are never equal to themselves.
      #expect(again.log.metadata == solved.log.metadata)
      #expect("\(again.log.trainingEntries)" == "\(solved.log.trainingEntries)")
      #expect("\(again.log.evaluationEntries)" == "\(solved.log.evaluationEntries)")
    }
  }

  @Test func hardRunsAreNoisierThanEasyOnes() throws {
    let easy = try ExerciseGenerator(difficulty: .easy).make(id: "e", scenario: .overfitting, seed: 3)
    let hard = try ExerciseGenerator(difficulty: .hard).make(id: "h", scenario: .overfitting, seed: 3)
    #expect(hard.configuration.data.evalSize < easy.configuration.data.evalSize)
    #expect(hard.log.evaluationEntries.count <= easy.log.evaluationEntries.count)
  }
}

@Suite struct AnswerVocabularyTests {
  @Test(arguments: [
    ("Overfitting", Pattern.overfitting), (" overfit ", .overfitting), ("OVER-FITTING", .overfitting),
    ("under_fit", .underfitting), ("high bias", .underfitting), ("Healthy", .healthy),
    ("jumpy", .erratic), ("insufficient data", .insufficientData),
  ])
  func patternsAreReadThroughCaseSpacesAndSynonyms(text: String, pattern: Pattern) {
    #expect(AnswerVocabulary.pattern(text) == pattern)
  }

  @Test(arguments: [
    ("lower lr", Remedy.Action.lowerLearningRate), ("Reduce learning rate", .lowerLearningRate),
    ("early-stopping", .earlyStopping), ("stop early", .earlyStopping), ("L2", .weightDecay),
    ("data augmentation", .moreData), ("bigger batch", .biggerBatch), ("nothing", .nothing),
    ("add dropout", .dropout),
  ])
  func remediesAreReadThroughSynonymsAndTitles(text: String, action: Remedy.Action) {
    #expect(AnswerVocabulary.remedy(text) == action)
  }

  @Test func nonsenseIsNotAnAnswer() {
    #expect(AnswerVocabulary.pattern("sideways") == nil)
    #expect(AnswerVocabulary.remedy("pray") == nil)
    #expect(AnswerVocabulary.step("soon") == nil)
    #expect(AnswerVocabulary.step("-4") == nil)
  }

  @Test func stepsAcceptCommonSpellings() {
    #expect(AnswerVocabulary.step("320") == 320)
    #expect(AnswerVocabulary.step("step 320") == 320)
    #expect(AnswerVocabulary.step("3,200") == 3200)
    #expect(AnswerVocabulary.step("320.0") == 320)
  }
}
