import Foundation
import JSONCoding
import Testing

/// The hand-written parser against Foundation's `JSONSerialization` on generated documents:
/// same values, or both refuse, or a documented difference (see ``JSONOracle``).
///
/// A few thousand documents here; `CURVELAB_ORACLE_DOCUMENTS=1000000 swift test --filter
/// JSONOracleTests` (or `Fuzz/run.sh`, whose JSON target compares every input) runs more.
@Suite struct JSONOracleTests {
  static var documentCount: Int {
    ProcessInfo.processInfo.environment["CURVELAB_ORACLE_DOCUMENTS"].flatMap(Int.init) ?? 3_000
  }

  @Test(arguments: 0..<4 as Range<UInt64>)
  func theParserAgreesWithFoundation(seed: UInt64) {
    var generator = JSONDocumentGenerator(seed: seed)
    var checked = 0
    var accepted = 0
    for _ in 0..<(Self.documentCount / 4) {
      let document = generator.document()
      if let problem = JSONOracle.disagreement(document) {
        Issue.record("\(problem) for \(String(decoding: document, as: UTF8.self).debugDescription)")
        return
      }
      checked += 1
      if JSONOracle.ours(document) != nil { accepted += 1 }
    }
    // Both kinds were exercised: documents read and documents refused.
    #expect(accepted > checked / 3)
    #expect(accepted < checked)
  }

  @Test(arguments: [
    ("[1, 2.5, true, null, \"a\\u00e9\"]", true), ("{\"a\": 1, \"a\": 2}", true),
    ("9223372036854775808", true), ("-0", true), ("1e-400", true), ("[01]", false),
    ("[\"\t\"]", false), ("{\"a\" 1}", false), ("[1 2]", false), ("\"\\x\"", false),
  ])
  func knownDocumentsAgree(text: String, isValid: Bool) {
    #expect(JSONOracle.disagreement(Array(text.utf8)) == nil)
    #expect((JSONOracle.ours(Array(text.utf8)) != nil) == isValid)
  }

  @Test func theDocumentedDifferencesAreTheOnlyOnes() {
    // Foundation reads these; CurveLab, like Python, refuses the trailing comma.
    #expect(JSONOracle.foundation(Array("[1,]".utf8)) != nil)
    #expect(JSONOracle.ours(Array("[1,]".utf8)) == nil)
    // CurveLab, like Python, reads a lone surrogate and an overflowing number.
    #expect(JSONOracle.ours(Array("[\"\\ud800\"]".utf8)) == .array([.string([0xFFFD])]))
    #expect(JSONOracle.foundation(Array("[\"\\ud800\"]".utf8)) == nil)
    #expect(JSONOracle.ours(Array("[1e400]".utf8)) == .array([.number(.infinity, approximate: false)]))
    #expect(JSONOracle.foundation(Array("[1e400]".utf8)) == nil)
  }
}
