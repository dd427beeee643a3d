import CurveCore
import Testing

@Suite struct CauseTests {
  @Test(arguments: Cause.allCases)
  func nameReadsBackAsTheSameCause(cause: Cause) {
    #expect(Cause(rawValue: cause.rawValue) == cause)
  }

  @Test func namesAreLowercaseWordsJoinedByHyphens() {
    for cause in Cause.allCases {
      #expect(cause.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(cause.rawValue)")
    }
  }

  @Test func changesNameTheSettingTheyActOn() {
    #expect(RemedyChange.scale(.learningRate, by: 10).setting == .learningRate)
    #expect(RemedyChange.set(.weightDecay, to: 0.01).setting == .weightDecay)
    #expect(RemedyChange.keepCheckpoint(step: 800).setting == nil)
    #expect(RemedyChange.checkData.setting == nil)
  }
}
