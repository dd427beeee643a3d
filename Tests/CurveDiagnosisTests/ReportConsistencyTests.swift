import CurveCore
import CurveDiagnosis
import CurveIO
import CurveSim
import Foundation
import Testing

/// No report says something its own numbers deny: over simulated runs (a small sample here;
/// `curvelab bench --only consistency` runs thousands in a release build), every fixture and
/// real log in the repository, and the odd logs built to probe the wording's edges.
@Suite struct ReportConsistencyTests {
  private static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()

  @Test(arguments: Scenario.allCases)
  func simulatedRunsNeverContradictThemselves(scenario: Scenario) {
    for seed in 0..<5 as Range<UInt64> {
      let log = Simulator(configuration: scenario.configuration(seed: seed), seed: seed, scenario: scenario)
        .run().log
      let problems = ReportCheck.contradictions(in: Diagnoser().diagnose(log))
      #expect(problems.isEmpty, "\(scenario.rawValue) seed \(seed): \(problems)")
    }
  }

  @Test func everyLogInTheRepositoryGetsASoundReport() throws {
    let folders = ["CurveIOTests/Fixtures", "CurveDiagnosisTests/RealRuns", "CurveDiagnosisTests/PublicRuns"]
    var diagnosed = 0
    for folder in folders {
      let base = Self.testsFolder.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
      while let relative = walker.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        guard ["csv", "json", "jsonl", "log"].contains((name as NSString).pathExtension),
          !["labels.csv", "sources.csv"].contains(name)
        else { continue }
        guard let loaded = try? LogLoader().load(path: base.appendingPathComponent(relative).path)
        else { continue }
        diagnosed += 1
        let problems = ReportCheck.contradictions(in: Diagnoser().diagnose(loaded.log))
        #expect(problems.isEmpty, "\(folder)/\(relative): \(problems)")
      }
    }
    #expect(diagnosed >= 40)
  }

  /// The simulator's diverged runs log what the Trainer logs after NaN: a run of zeros. A
  /// curve that never moves is no collapse ("fell from 0 to 0, then went back to 0"; seeds 17
  /// and 23 said so).
  @Test(arguments: [17, 23] as [UInt64])
  func zerosLoggedAfterABlowUpAreNoCollapse(seed: UInt64) {
    let log = Simulator(configuration: Scenario.diverged.configuration(seed: seed), seed: seed, scenario: .diverged)
      .run().log
    let diagnosis = Diagnoser().diagnose(log)
    #expect(ReportCheck.contradictions(in: diagnosis).isEmpty, "\(ReportCheck.contradictions(in: diagnosis))")
    #expect(!diagnosis.evidence.contains { $0.key == "collapse_level" })
  }

  @Test func oddLogsGetSoundReports() {
    for (name, log, options) in OddLogs.all {
      let diagnosis = Diagnoser(options: options).diagnose(log)
      let problems = ReportCheck.contradictions(in: diagnosis)
      #expect(problems.isEmpty, "\(name): \(problems)")
    }
  }

  @Test func accuracyLoggedInPercentNeverPrintsOverAHundred() {
    for (name, log, options) in OddLogs.all where name.contains("accuracy") {
      let diagnosis = Diagnoser(options: options).diagnose(log)
      let text = ([diagnosis.headline] + diagnosis.evidence.map(\.meaning) + diagnosis.findings.map(\.message))
        .joined(separator: " ")
      #expect(!text.contains("10000%") && !text.contains("1191%"), "\(name): \(text)")
    }
  }

  // MARK: The check itself can fail

  private func report(headline: String, evidence: [String] = [], findings: [String] = [], remedies: [Remedy] = [])
    -> Diagnosis
  {
    var diagnosis = Diagnoser().diagnose(TrainingLog(metadata: RunMetadata(source: "empty")))
    diagnosis.pattern = .healthy
    diagnosis.missing = []
    diagnosis.headline = headline
    diagnosis.evidence = evidence.map { Evidence(key: "k", value: 0, meaning: $0) }
    diagnosis.findings = findings.map { Finding(kind: .stillImproving, step: nil, message: $0) }
    diagnosis.remedies = remedies
    return diagnosis
  }

  @Test(arguments: [
    ("training loss fell from 2.224 to 4.19", "verb-against-sign"),
    ("the model removed only -3% of its loss", "negative-after-direction"),
    ("validation ends -0.007 above training", "negative-before-direction"),
    ("validation accuracy held (10000% → 10000%)", "accuracy-over-100"),
    ("accuracy gap 1191 points", "points-over-100"),
    ("validation loss ends 12% above its minimum (0.5 → 0.4), 3 evaluations later", "rise-that-falls"),
  ])
  func theCheckCatchesEachKnownContradiction(sentence: String, kind: String) {
    let problems = ReportCheck.contradictions(in: report(headline: "Healthy.", evidence: [sentence]))
    #expect(problems.contains { $0.kind == kind }, "\(problems)")
  }

  @Test func theCheckCatchesNothingToFixBesideStillFalling() {
    let diagnosis = report(
      headline: "Healthy.", findings: ["Training loss is still falling at the end."],
      remedies: [Remedy(action: .nothing, text: "Nothing to fix: converged.")])
    #expect(ReportCheck.contradictions(in: diagnosis).contains { $0.kind == "done-and-still-falling" })
  }

  @Test func theCheckCatchesAHeadlineNumberTheEvidenceDoesNotHave() {
    let diagnosis = report(
      headline: "Healthy: training loss fell from 0.9 to 0.2.",
      evidence: ["training loss fell from 0.8 to 0.2 (the levels of its first and last stretch)"])
    #expect(ReportCheck.contradictions(in: diagnosis).contains { $0.kind == "headline-number-not-in-evidence" })
  }

  @Test func theCheckCatchesHealthyBesideALargeRise() {
    var diagnosis = report(headline: "Healthy.")
    diagnosis.evidence = [Evidence(key: "validation_rise", value: 1.35, meaning: "validation loss ends 135% above its minimum")]
    #expect(ReportCheck.contradictions(in: diagnosis).contains { $0.kind == "healthy-beside-rise" })
  }
}
