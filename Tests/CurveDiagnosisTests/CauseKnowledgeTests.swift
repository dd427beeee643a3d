import CurveCore
import CurveDiagnosis
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
