import CurveCore
import CurveCourse
import CurveDiagnosis
import CurveIO
import CurveSim
import Dispatch
import Foundation

extension BenchCommand {
  /// The self-consistency property over many runs: every report the engine writes for
  /// simulated runs (`--diagnosis-seeds` per scenario), for every log under the package's test
  /// fixtures and real-run folders, and for the odd logs, checked by ``ReportCheck``.
  func checkConsistency(context: CommandContext, output: inout some TextOutputStream) {
    let scenarios = Scenario.allCases
    let count = diagnosisSeedCount
    let found = ResultSlots<[String]>(count: count * scenarios.count)
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: count * scenarios.count) { index in
      let scenario = scenarios[index / count]
      let seed = firstSeed + UInt64(index % count)
      let log = Simulator(scenario, seed: seed).run().log
      let diagnosis = Diagnoser().diagnose(log)
      found[index] = ReportCheck.contradictions(in: diagnosis).map {
        "\(scenario.rawValue) seed \(seed) (\(diagnosis.pattern.rawValue)): \($0)"
      }
    }
    var problems = found.values.flatMap { $0 }
    var files = 0
    if let root = Course.locate(explicit: nil, environment: context.environment) {
      for path in Self.fixtureLogs(under: root) {
        guard let loaded = try? LogLoader().load(path: path) else { continue }
        files += 1
        let diagnosis = Diagnoser().diagnose(loaded.log)
        problems += ReportCheck.contradictions(in: diagnosis).map {
          "\(path.dropFirst(root.count + 1)) (\(diagnosis.pattern.rawValue)): \($0)"
        }
      }
    }
    let odd = OddLogs.all
    for (name, log, options) in odd {
      let diagnosis = Diagnoser(options: options).diagnose(log)
      problems += ReportCheck.contradictions(in: diagnosis).map { "odd log '\(name)': \($0)" }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    output.write(
      "Self-consistency: \(count * scenarios.count) simulated runs (\(count) per scenario), "
        + "\(files) fixture logs, \(odd.count) odd logs in \((wall * 100).rounded() / 100) s\n")
    var kinds: [String: Int] = [:]
    for problem in problems {
      let kind = problem.split(separator: ": ").dropFirst().first.map(String.init) ?? problem
      kinds[kind, default: 0] += 1
    }
    output.write("  contradictions: \(problems.count)\n")
    for kind in kinds.keys.sorted() { output.write("    \(kind): \(kinds[kind]!)\n") }
    for problem in problems.prefix(12) { output.write("  - \(problem.prefix(400))\n") }
  }

  /// Every log file under the package's fixture folders, sorted.
  static func fixtureLogs(under root: String) -> [String] {
    let folders = [
      "Tests/CurveIOTests/Fixtures", "Tests/CurveDiagnosisTests/RealRuns",
      "Tests/CurveDiagnosisTests/PublicRuns",
    ]
    let extensions = ["csv", "json", "jsonl", "log", "tsv", "txt"]
    var paths: [String] = []
    for folder in folders {
      let base = root + "/" + folder
      guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
      while let relative = walker.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        guard extensions.contains((name as NSString).pathExtension.lowercased()),
          !["labels.csv", "sources.csv", "README.md"].contains(name), !relative.contains("malformed")
        else { continue }
        paths.append(base + "/" + relative)
      }
    }
    return paths.sorted()
  }
}
