import CurveCore
@testable import CurveDiagnosis
import Testing

@Suite struct CauseKnowledgeTests {
  @Test(arguments: Cause.allCases)
  func everyCauseBelongsToAPatternThatListsIt(cause: Cause) {
    let patterns = CauseKnowledge.patterns(of: cause)
    #expect(!patterns.isEmpty)
    for pattern in patterns { #expect(CauseKnowledge.causes(of: pattern).contains(cause)) }
  }

  @Test(arguments: [Pattern.healthy, .overfitting, .underfitting, .erratic, .diverged])
  func everyPatternHasCauses(pattern: Pattern) {
    #expect(!CauseKnowledge.causes(of: pattern).isEmpty)
  }

  @Test(arguments: Cause.allCases)
  func treatmentsThatChangeSomethingSayBy(cause: Cause) {
    let treatment = CauseKnowledge.treatment(for: cause)
    #expect(treatment.changes.isEmpty == (treatment.action == .nothing))
    #expect(!treatment.reason.isEmpty)
  }
}

@Suite struct CauseKnowledgeSizingTests {
  @Test func aRateFarBelowASmallNetworksRangeIsRaisedToReachIt() {
    let treatment = CauseKnowledge.treatment(
      for: .lowLearningRate, learningRate: 8e-6, isAdaptive: true, parameters: 120_000)
    #expect(treatment.changes == [.scale(.learningRate, by: 100)])
  }

  @Test func withoutTheModelsSizeTheTablesFactorStands() {
    // A pretrained model may be fine-tuned at 1e-5 on purpose: no range to reach.
    let treatment = CauseKnowledge.treatment(
      for: .lowLearningRate, learningRate: 1e-5, isAdaptive: true, parameters: nil)
    #expect(treatment == CauseKnowledge.treatment(for: .lowLearningRate))
  }

  @Test func aRateAlreadyNearTheRangeGetsAtLeastTheTablesFactor() {
    let table = CauseKnowledge.treatment(for: .lowLearningRate)
    let treatment = CauseKnowledge.treatment(
      for: .lowLearningRate, learningRate: 5e-4, isAdaptive: true, parameters: 500_000)
    #expect(treatment == table)
  }

  @Test func aRateFarAboveASmallNetworksRangeIsLoweredToItWithMoreEpochs() {
    // AdamW at 0.3 on a network of a few hundred weights, whose usual rate is about 1e-2.
    let far = CauseKnowledge.treatment(
      for: .highLearningRate, showing: .erratic, learningRate: 0.3, isAdaptive: true, parameters: 600)
    #expect(far.changes == [.scale(.learningRate, by: 1.0 / 30), .scale(.epochs, by: 10)])
    // Twice the usual rate: the table's tenth stands (it is already the larger cut).
    let near = CauseKnowledge.treatment(
      for: .highLearningRate, showing: .erratic, learningRate: 0.02, isAdaptive: true, parameters: 600)
    #expect(near == CauseKnowledge.treatment(for: .highLearningRate, showing: .erratic))
    // A fine-tune of an unknown or large model keeps the table's tenth.
    let large = CauseKnowledge.treatment(
      for: .highLearningRate, showing: .erratic, learningRate: 3e-3, isAdaptive: true,
      parameters: 110_000_000)
    #expect(large == CauseKnowledge.treatment(for: .highLearningRate, showing: .erratic))
    // A diverged run keeps its own, larger cut.
    let diverged = CauseKnowledge.treatment(
      for: .highLearningRate, showing: .diverged, learningRate: 12, isAdaptive: false, parameters: 5000)
    #expect(diverged == CauseKnowledge.treatment(for: .highLearningRate, showing: .diverged))
  }

  @Test(arguments: [(7.0, 10.0), (25.0, 30.0), (120.0, 100.0), (2.0, 3.0), (0.5, 1.0)])
  func factorsAreRound(ratio: Double, factor: Double) {
    #expect(CauseKnowledge.roundFactor(ratio) == factor)
  }

  @Test(arguments: Cause.allCases)
  func noCauseCountsOneChangeAsBothHelpfulAndUnhelpful(cause: Cause) {
    let helpful = Set(CauseKnowledge.treatments(for: cause).map(\.action))
    #expect(helpful.isDisjoint(with: CauseKnowledge.unhelpful(for: cause)))
  }
}

@Suite struct RemedyWordingTests {
  @Test func aCutByAWholeFactorReadsAsADivision() {
    let log = TrainingLog(
      metadata: RunMetadata(source: "test", configuration: ["learning_rate": "0.3"], numTrainEpochs: 10))
    let settings = RunSettings(log: log, schedule: nil, impliedEvaluationSetSize: nil)
    let cut = CurveReading.size(
      of: [.scale(.learningRate, by: 1.0 / 30), .scale(.epochs, by: 10)], settings: settings)
    #expect(cut == "learning rate ÷30: 0.3 → 0.01; epochs ×10: 10 → 100")
    // A factor that is not a whole division keeps its ×.
    let scaled = CurveReading.size(of: [.scale(.learningRate, by: 0.3)], settings: settings)
    #expect(scaled == "learning rate ×0.3: 0.3 → 0.09")
  }
}
