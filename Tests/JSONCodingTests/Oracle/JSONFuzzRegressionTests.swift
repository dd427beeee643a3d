import Foundation
import JSONCoding
import Testing

/// Inputs the JSON parser's fuzz target once stopped on (Fixtures/fuzz/*.json, kept by
/// Fuzz/keep.sh): each parses or is refused without a trap, and agrees with Foundation.
@Suite struct JSONFuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz").path

  static var inputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".json") }.sorted()
  }

  @Test(arguments: inputs)
  func aKeptInputParsesAndAgrees(input: String) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + input)))
    _ = try? JSONDocument(parsing: bytes).value
    _ = try? JSONLines.parse(bytes)
    _ = try? JSONDocument(parsing: bytes, streamingArrayAt: "log_history") { _ = $0.value }
    #expect(JSONOracle.disagreement(bytes) == nil)
  }
}
