import CurveCore
import CurveIO
import Foundation
import Testing

/// Every real public log of the corpus (Tests/CurveDiagnosisTests/PublicRuns, kept verbatim
/// with its source) is read: no refusal, no crash, and no sentence calling a complete file
/// cut short.
@Suite struct PublicRunsReadingTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("CurveDiagnosisTests/PublicRuns").path

  /// `id/name` of every log, from the corpus' `sources.csv` (the file keeps its original name
  /// under `<id>/`).
  static var logs: [String] {
    guard let text = try? String(contentsOfFile: folder + "/sources.csv", encoding: .utf8) else {
      return []
    }
    return text.split(separator: "\n").dropFirst().compactMap { line in
      let fields = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
      guard fields.count >= 3, let name = fields[2].split(separator: "/").last else { return nil }
      return "\(fields[0])/\(name)"
    }
  }

  @Test func theCorpusIsThere() {
    #expect(Self.logs.count >= 74)
  }

  @Test(arguments: logs)
  func eachPublicLogIsRead(log: String) throws {
    let path = Self.folder + "/" + log
    let loaded = try LogLoader().load(path: path)
    #expect(loaded.log.metadata.source == path)
    #expect(!loaded.warnings.contains { $0.contains("cut short") })
    for warning in loaded.warnings { #expect(warning.hasPrefix(path), "\(warning)") }
  }

  @Test func theShapesFoundInTheCorpusAreReadAsTheyMean() throws {
    // A title line above a `;` header.
    let titled = try LogLoader().load(
      path: Self.folder + "/keras-speech-digits-semicolon/model_history_log.csv")
    #expect(titled.log.trainingEntries.count == 17)
    #expect(titled.warnings.contains { $0.contains("line 1 ('model_history_log') is a title") })
    // Several trials, each under a title line: the last run is kept.
    let trials = try LogLoader().load(
      path: Self.folder + "/custom-jazz-trials-trainonly/model_history_log.csv")
    #expect(trials.log.trainingEntries.count == 70)
    #expect(trials.warnings.contains { $0.contains("held only text") })
    // json.dump(str(history.history)).
    let repr = try LogLoader().load(
      path: Self.folder + "/keras-history-repr-string/model_history.json")
    #expect(repr.log.evaluationEntries.map(\.accuracy) == [1, 1, 1, 1, 1])
    // Plural names (train_losses, val_accs).
    let plural = try LogLoader().load(
      path: Self.folder + "/pytorch-cnnlstm-emotion-overfit/train_history.json")
    #expect(plural.log.trainingEntries.count == 8)
    #expect(plural.log.evaluationEntries.allSatisfy { $0.loss != nil && $0.accuracy != nil })
    // Two validation sets named inside the column names.
    let twoSets = try LogLoader().load(path: Self.folder + "/pytorch-font-two-valsets/train_log.csv")
    #expect(twoSets.log.evaluationEntries.first?.loss == 0.9386)
    #expect(twoSets.log.evaluationEntries.first?.metrics["font_val_loss"] == 1.7497)
    // Metadata before the lists.
    let metadata = try LogLoader().load(
      path: Self.folder + "/pytorch-efficientnet-fer-percent/training_history.json")
    #expect(metadata.log.evaluationEntries.count == 90)
  }
}
