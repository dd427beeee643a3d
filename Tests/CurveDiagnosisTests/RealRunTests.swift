import CurveDiagnosis
import CurveIO
import Foundation
import Testing

/// Runs trained for real on scikit-learn's bundled data sets (`RealRuns/train_runs.py`),
/// labelled by eye before the engine saw them (`RealRuns/labels.csv`, `RealRuns/README.md`).
@Suite struct RealRunTests {
  private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("RealRuns")

  private static func labels() throws -> [(file: String, label: String)] {
    let text = try String(contentsOf: folder.appendingPathComponent("labels.csv"), encoding: .utf8)
    return text.split(separator: "\n").dropFirst().compactMap { line in
      let fields = line.split(separator: ",", maxSplits: 2).map(String.init)
      return fields.count >= 2 ? (fields[0], fields[1]) : nil
    }
  }

  @Test func everyLabelledRunLoadsAndGetsAVerdict() throws {
    let labelled = try Self.labels()
    #expect(labelled.count >= 16)
    for (file, _) in labelled {
      let path = Self.folder.appendingPathComponent(file.hasSuffix(".csv") ? file : file + ".csv").path
      let loaded = try LogLoader().load(path: path)
      let diagnosis = Diagnoser().diagnose(loaded.log)
      #expect(diagnosis.pattern != .insufficientData, "\(file)")
      #expect(!diagnosis.remedies.isEmpty, "\(file)")
    }
  }

  /// A floor on agreement with the eye labels, so a change that makes the engine read real
  /// runs worse fails here; the README lists each disagreement and which side is wrong.
  @Test func agreesWithTheEyeLabelsOnMostRuns() throws {
    var agreements = 0
    var disagreements: [String] = []
    let labelled = try Self.labels()
    for (file, label) in labelled {
      let path = Self.folder.appendingPathComponent(file.hasSuffix(".csv") ? file : file + ".csv").path
      let pattern = Diagnoser().diagnose(try LogLoader().load(path: path).log).pattern
      if pattern.rawValue == label.split(separator: " ").first.map(String.init) {
        agreements += 1
      } else {
        disagreements.append("\(file): eye \(label), engine \(pattern.rawValue)")
      }
    }
    #expect(agreements >= 14, "\(disagreements)")
  }
}
