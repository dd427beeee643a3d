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
