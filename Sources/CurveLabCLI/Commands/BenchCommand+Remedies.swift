import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveSim
import Dispatch

extension BenchCommand {
  /// One run of the remedies study: a scenario's run for one seed and cause, as the engine
  /// read it, and the same run (same seed, same data) with the cause's treatment from
  /// ``CauseKnowledge`` made.
  struct RemedyTrialRun: Sendable {
    var row: StudyRow
    var seed: UInt64
    var configuration: TrainingConfiguration
    var log: TrainingLog
    var diagnosis: Diagnosis
    /// The configuration with the table's treatment made.
    var treated: TrainingConfiguration
    /// The treated run, or `nil` when the treatment gave a configuration the simulator
    /// cannot run.
    var treatedLog: TrainingLog?
    var treatedDiagnosis: Diagnosis?
  }

  /// One column of the remedies table: what it measures, and whether a run counts. A column
  /// that needs another run (the engine's own remedy, say) trains it inside `counts`.
  struct RemedyColumn: Sendable {
    var title: String
    var counts: @Sendable (RemedyTrialRun) -> Bool
  }

  /// The columns, in order. Add a column by adding a value here.
  static var remedyColumns: [RemedyColumn] { [.patternNamed, .healthyByEngine, .healthyByCheck] }

  /// Per cause, ``remedySeedCount`` seeds: how often the engine names the run's pattern, and
  /// how often the table's treatment makes the run healthy, by the engine and by the
  /// simulator's own check.
  func studyRemedies(output: inout some TextOutputStream) {
    let rows = rows.filter { $0.cause != nil }
    let columns = Self.remedyColumns
    let count = remedySeedCount
    let verdicts = ResultSlots<[Bool]>(count: count * rows.count)
    let treatedPatterns = ResultSlots<Pattern?>(count: count * rows.count)
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: count * rows.count) { index in
      let trial = Self.remedyTrial(rows[index / count], seed: firstSeed + UInt64(index % count))
      verdicts[index] = columns.map { $0.counts(trial) }
      treatedPatterns[index] = trial.treatedDiagnosis?.pattern
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    output.write(
      "Remedies: each cause's treatment from CauseKnowledge, on the same scenario, seed and "
        + "cause; \(count) seeds per cause (\(secs(wall)) s)\n")
    let nameWidth = rows.map(\.name.count).max()! + 2
    let columnWidth = max(12, columns.map(\.title.count).max()! + 2)
    output.write("  " + "".padding(nameWidth) + columns.map { $0.title.padding(columnWidth) }.joined() + "\n")
    for (rowIndex, row) in rows.enumerated() {
      let mine = (0..<count).map { verdicts.values[rowIndex * count + $0] }
      var line = "  " + row.name.padding(nameWidth)
      for column in columns.indices {
        let counted = mine.filter { $0[column] }.count
        line += "\(pct(Double(counted) / Double(count) * 100))%".padding(columnWidth)
      }
      output.write(line + "\n")
      let treatment = CauseKnowledge.treatment(for: row.cause!, showing: Pattern(row.scenario))
      var treatmentLine = "    treatment: \(treatment.changes.map(Self.describe).joined(separator: ", "))"
      if row.cause == .lowLearningRate { treatmentLine += ", or to the usual rate for the network's size" }
      if row.cause == .highLearningRate, row.scenario == .erratic {
        treatmentLine += ", or down to the usual rate for the network's size (ten times the epochs when thirtyfold or more)"
      }
      output.write(treatmentLine + "\n")
      if let healthy = columns.firstIndex(where: { $0.title == RemedyColumn.healthyByEngine.title }) {
        let failed = (0..<count).filter { !mine[$0][healthy] }
        if !failed.isEmpty {
          // What the engine read instead, so a shortfall says which way the treated runs went.
          var readings: [String: Int] = [:]
          for seed in failed {
            readings[treatedPatterns.values[rowIndex * count + seed]?.rawValue ?? "not run", default: 0] += 1
          }
          let tally = readings.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
          let shown = failed.prefix(8).map { String(firstSeed + UInt64($0)) }.joined(separator: ", ")
          output.write(
            "    not healthy by the engine: \(tally); seeds \(shown)\(failed.count > 8 ? ", ..." : "")\n")
        }
      }
    }
  }

  /// Trains one row's run for `seed`, and the same run treated.
  static func remedyTrial(_ row: StudyRow, seed: UInt64) -> RemedyTrialRun {
    let simulator = Simulator(row.scenario, seed: seed, cause: row.cause)
    let log = simulator.run().log
    let treatment = RemedyTrial.treatment(
      of: row.cause!, showing: Pattern(row.scenario), in: simulator.configuration)
    let treated = simulator.configuration.applying(treatment.changes)
    let treatedLog =
      treated.problems.isEmpty ? Simulator(configuration: treated, seed: seed).run().log : nil
    return RemedyTrialRun(
      row: row, seed: seed, configuration: simulator.configuration, log: log,
      diagnosis: Diagnoser().diagnose(log), treated: treated, treatedLog: treatedLog,
      treatedDiagnosis: treatedLog.map { Diagnoser().diagnose($0) })
  }

  /// `learning_rate x 0.1`, `weight_decay = 0.01`, `check the data`.
  static func describe(_ change: RemedyChange) -> String {
    func number(_ value: Double) -> String {
      value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : "\(value)"
    }
    switch change {
    case .scale(let setting, let factor): return "\(setting.rawValue) x \(number(factor))"
    case .set(let setting, let value): return "\(setting.rawValue) = \(number(value))"
    case .keepCheckpoint(let step): return "keep checkpoint \(step)"
    case .checkData: return "check the data"
    }
  }
}

extension BenchCommand.RemedyColumn {
  /// The engine names the untreated run's pattern (the scenario).
  static let patternNamed = Self(title: "pattern named") { trial in
    trial.diagnosis.pattern.rawValue == trial.row.scenario.rawValue
  }

  /// The engine reads the treated run as healthy.
  static let healthyByEngine = Self(title: "healthy (engine)") { trial in
    trial.treatedDiagnosis?.pattern == .healthy
  }

  /// The simulator's own check, without the engine, finds the treated run healthy.
  static let healthyByCheck = Self(title: "healthy (check)") { trial in
    guard let log = trial.treatedLog else { return false }
    return PatternCheck.check(log, shows: .healthy).passed
  }
}

extension Pattern {
  /// The pattern a scenario's runs show.
  init(_ scenario: Scenario) { self = Pattern(rawValue: scenario.rawValue)! }
}

extension StringProtocol {
  /// Left-aligned in a column of `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? String(self) + " " : String(self) + String(repeating: " ", count: width - count)
  }
}
