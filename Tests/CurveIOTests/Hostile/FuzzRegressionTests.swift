import CurveCore
import CurveIO
import Foundation
import Testing

/// Every input the fuzzer ever found a problem with (Fixtures/fuzz/<target>/, written by
/// Fuzz/keep.sh as `LABEL--FORMAT--NAME`, `~` standing for `/`) keeps every load promise.
@Suite struct FuzzRegressionTests {
  static let folder = Fixture.path("fuzz")

  /// `target/file` of every kept input.
  static var inputs: [String] {
    let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return targets.sorted().flatMap { target in
      ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + target)) ?? [])
        .filter { !$0.hasPrefix(".") }.sorted().map { "\(target)/\($0)" }
    }
  }

  @Test func inputsAreKept() {
    #expect(!Self.inputs.isEmpty)
  }

  @Test(arguments: inputs)
  func aKeptInputKeepsEveryPromise(input: String) throws {
    let file = try #require(input.split(separator: "/").last)
    let parts = file.components(separatedBy: "--")
    try #require(parts.count == 3, "name it LABEL--FORMAT--NAME: \(file)")
    let format = parts[1] == "detect" ? nil : LogFormat(rawValue: parts[1])
    let name = parts[2].replacingOccurrences(of: "~", with: "/")
    let bytes = try Fixture.bytes("fuzz/" + input)
    #expect(loadInvariantViolation(bytes, name: name, format: format) == nil)
  }
}
