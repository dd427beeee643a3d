import CSVCoding
import Foundation
import Testing

/// Inputs the CSV parser's fuzz target once stopped on (Fixtures/fuzz/*.csv, kept by
/// Fuzz/keep.sh): each parses or is refused, with every option, without a trap.
@Suite struct CSVFuzzRegressionTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fuzz").path

  static var inputs: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix(".csv") }.sorted()
  }

  @Test(arguments: inputs)
  func aKeptInputParsesWithEveryOption(input: String) throws {
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + input)))
    for options in [
      CSVReadingOptions(), CSVReadingOptions(allowsRaggedRows: true), .rfc4180,
      CSVReadingOptions(separator: ";", trimsWhitespace: false, allowsRaggedRows: true),
    ] {
      if let table = try? CSVTable(parsing: bytes, options: options) {
        #expect(zip(table.records, table.records.dropFirst()).allSatisfy { $0.line <= $1.line })
      }
    }
  }
}
