import ArgumentParsing
import CurveClassroom
import CurveCore
import CurveDiagnosis
import CurveIO
import CurveSim
import Dispatch
import Foundation

/// `curvelab bench`: the figures behind CurveLab's speed and reliability claims.
///
/// Meant for a release build (`swift run -c release curvelab bench`); a debug build runs the
/// numeric code many times slower.
struct BenchCommand {
  static let spec = CommandSpec(
    name: "bench",
    abstract: "Measure simulator speed and how reliably each scenario shows its pattern.",
    discussion: """
      Run it from a release build: swift run -c release curvelab bench. Sections: w1 (the \
      reference workload: two moons, 2-32-1 tanh, AdamW, 100 epochs), runs (random-scenario \
      runs on every core), patterns (each scenario and cause's pass rate on the simulator's own \
      pattern checks, which do not use the diagnosis engine), diagnosis (the engine's verdicts \
      on --diagnosis-seeds seeds per scenario and cause: a confusion matrix, and the largest loss \
      logged), remedies (each cause's treatment from the remedies table: how often the treated \
      run reads healthy, to the engine and to the simulator's own check), consistency (every \
      report on those seeds, the test fixtures and odd logs checked for sentences their own \
      numbers deny), generate (a set of --exercises exercises \
      with keys, worksheets and solutions written to a temporary folder, --generate-runs times \
      with all cores free and as often with one core kept busy by a spinning process; medians, \
      the cores used, and whether every run wrote the same bytes), course (drawing every \
      lesson, the whole course check, and the quiz prepared for --quiz-seeds seeds: curve \
      questions keyed by the engine, and where the correct letters fall).
      """,
    examples: ["curvelab bench", "curvelab bench --only patterns --seeds 1000"],
    options: [
      .option(
        "only", valueName: "SECTIONS",
        help: "Comma-separated sections: w1, runs, patterns, diagnosis, remedies, consistency, loop, engine, reading, generate, course.",
        default: "w1,runs,patterns,diagnosis,remedies,consistency,loop,engine,reading,generate,course"),
      .option("repeats", valueName: "N", help: "Timed repetitions of W1.", default: "21"),
      .option("runs", valueName: "N", help: "Random-scenario runs to time.", default: "1000"),
      .option("seeds", valueName: "N", help: "Seeds per scenario for the pattern study.", default: "500"),
      .option(
        "diagnosis-seeds", valueName: "N",
        help: "Seeds per scenario and cause for the engine's confusion matrix.", default: "1000"),
      .option(
        "remedy-seeds", valueName: "N",
        help: "Seeds per cause for the remedies table, and per row of the closed remedy loop.",
        default: "300"),
      .option("exercises", valueName: "N", help: "Exercises in the generated set.", default: "1000"),
      .option(
        "generate-runs", valueName: "N",
        help: "Timed sets per condition (all cores free, one core busy).", default: "3"),
      .option("quiz-seeds", valueName: "N", help: "Quiz seeds for the course study.", default: "500"),
      .option(
        "rows", valueName: "ROWS",
        help: "Comma-separated scenarios or scenario/cause rows that the patterns, diagnosis, "
          + "remedies and loop sections study, e.g. erratic/tiny-batch,diverged; default: all."),
      .option(
        "first-seed", valueName: "N",
        help: "The first seed the patterns, diagnosis, remedies, consistency and loop sections "
          + "study (seeds N, N+1, ...), to check that a figure holds beyond seeds 0 to 999.",
        default: "0"),
      .option(
        "state-file", valueName: "FILE",
        help: "Write the reading section's million-entry trainer_state.json here and keep it "
          + "(to time 'curvelab diagnose FILE' end to end); default: a temporary file."),
    ])

  enum Section: String, CaseIterable {
    case w1, runs, patterns, diagnosis, remedies, consistency, loop, engine, reading, generate, course
  }

  let sections: [Section]
  let repeats: Int
  let runCount: Int
  let seedCount: Int
  let diagnosisSeedCount: Int
  let remedySeedCount: Int
  let exerciseCount: Int
  let generateRuns: Int
  let quizSeedCount: Int
  /// The first seed the by-seed studies use.
  let firstSeed: UInt64
  let stateFile: String?
  /// The rows the by-cause sections study.
  let rows: [StudyRow]

  init(_ parsed: ParsedArguments) throws {
    let names = try parsed.value("only", as: String.self)!.split(separator: ",")
    var sections: [Section] = []
    for name in names {
      guard let section = Section(rawValue: name.lowercased()) else {
        throw ArgumentError.invalidValue(
          argument: "--only", value: String(name), expected: Section.allCases.map(\.rawValue).joined(separator: ", "))
      }
      sections.append(section)
    }
    self.sections = sections
    repeats = try parsed.value("repeats", as: Int.self, validating: .positive)!
    runCount = try parsed.value("runs", as: Int.self, validating: .positive)!
    seedCount = try parsed.value("seeds", as: Int.self, validating: .positive)!
    diagnosisSeedCount = try parsed.value("diagnosis-seeds", as: Int.self, validating: .positive)!
    remedySeedCount = try parsed.value("remedy-seeds", as: Int.self, validating: .positive)!
    exerciseCount = try parsed.value("exercises", as: Int.self, validating: .positive)!
    generateRuns = try parsed.value("generate-runs", as: Int.self, validating: .positive)!
    quizSeedCount = try parsed.value("quiz-seeds", as: Int.self, validating: .positive)!
    firstSeed = try parsed.value("first-seed", as: UInt64.self)!
    let span = UInt64(max(seedCount, diagnosisSeedCount, remedySeedCount))
    guard firstSeed <= UInt64.max - span else {
      throw ArgumentError.invalidValue(
        argument: "--first-seed", value: "\(firstSeed)",
        expected: "at most \(UInt64.max - span), so that every seed studied fits in 64 bits")
    }
    stateFile = try parsed.value("state-file", as: String.self)
    rows = try StudyRow.selected(by: parsed.value("rows", as: String.self))
  }

  func run(context: CommandContext, output: inout some TextOutputStream) throws {
    #if DEBUG
      output.write("note: this is a debug build; figures are many times slower than release.\n\n")
    #endif
    for section in sections {
      switch section {
      case .w1: benchmarkW1(output: &output)
      case .runs: benchmarkRandomRuns(output: &output)
      case .patterns: studyPatterns(output: &output)
      case .diagnosis: studyDiagnosis(output: &output)
      case .remedies: studyRemedies(output: &output)
      case .consistency: checkConsistency(context: context, output: &output)
      case .loop: studyRemedyLoop(output: &output)
      case .engine: timeEngine(output: &output)
      case .reading: try timeReading(output: &output)
      case .generate: try timeGeneration(output: &output)
      case .course: studyCourse(context: context, output: &output)
      }
      output.write("\n")
    }
  }

  /// Workload W1: two moons (noise 0.2), 1,000 training and 500 validation examples, MLP
  /// 2-32-1 tanh, AdamW at 0.01 with linear decay, batch 32, 100 epochs, evaluation every
  /// epoch, training loss logged every 10 steps.
  static var workloadW1: TrainingConfiguration {
    TrainingConfiguration(
      data: DatasetSpec(kind: .moons, trainSize: 1000, evalSize: 500, inputNoise: 0.2, labelNoise: 0),
      hidden: [32], activation: .tanh, optimizer: .adamW, learningRate: 0.01, schedule: .linear,
      batchSize: 32, epochs: 100, weightDecay: 0, loggingSteps: 10)
  }

  private func benchmarkW1(output: inout some TextOutputStream) {
    let simulator = Simulator(configuration: Self.workloadW1, seed: 1)
    _ = simulator.run()  // warm up
    var times: [Double] = []
    var evaluations = 0
    for _ in 0..<repeats {
      let start = DispatchTime.now().uptimeNanoseconds
      let run = simulator.run()
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
      evaluations = run.log.evaluationEntries.count
    }
    let stats = Spread(times)
    output.write("W1 (moons 1000/500, 2-32-1 tanh, AdamW, batch 32, 100 epochs, \(evaluations) evaluations)\n")
    output.write(
      "  \(repeats) runs: median \(ms(stats.median)) ms, min \(ms(stats.minimum)), "
        + "p90 \(ms(stats.p90)), max \(ms(stats.maximum))\n")
  }

  private func benchmarkRandomRuns(output: inout some TextOutputStream) {
    let count = runCount
    let scenarios = Scenario.allCases
    let timings = ResultSlots<Double>(count: count)
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let seed = UInt64(index)
      let scenario = scenarios[index % scenarios.count]
      let begin = DispatchTime.now().uptimeNanoseconds
      _ = Simulator(scenario, seed: seed).run()
      timings[index] = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let perRun = Spread(timings.values)
    output.write(
      "Random-scenario runs (scenario = seed mod \(scenarios.count), seeds 0..<\(count); each "
        + "run includes checking the seed's draws, as `curvelab simulate` does)\n")
    output.write(
      "  \(count) runs in \(secs(wall)) s wall on all cores; per run median \(ms(perRun.median)) ms, "
        + "p90 \(ms(perRun.p90)), max \(ms(perRun.maximum))\n")
    for scenario in scenarios {
      let mine = stride(from: scenarios.firstIndex(of: scenario)!, to: count, by: scenarios.count)
        .map { timings.values[$0] }
      let spread = Spread(mine)
      output.write("  \(scenario.rawValue): median \(ms(spread.median)) ms, max \(ms(spread.maximum))\n")
    }
  }

  /// One row of the by-cause studies: a scenario, and one of its causes (`nil` for healthy).
  struct StudyRow: Sendable {
    var scenario: Scenario
    var cause: Cause?

    /// `erratic/tiny-batch`, or `healthy`.
    var name: String { cause.map { "\(scenario.rawValue)/\($0.rawValue)" } ?? scenario.rawValue }

    /// Every scenario, once per cause.
    static var all: [StudyRow] {
      Scenario.allCases.flatMap { scenario in
        scenario.causes.isEmpty
          ? [StudyRow(scenario: scenario, cause: nil)]
          : scenario.causes.map { StudyRow(scenario: scenario, cause: $0) }
      }
    }

    /// The rows `list` names (`erratic/tiny-batch,diverged`: a scenario alone stands for all
    /// its causes), in the order of ``all``; every row when `list` is `nil`.
    static func selected(by list: String?) throws -> [StudyRow] {
      guard let list else { return all }
      var chosen = Set<String>()
      for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
        let matching = all.filter { $0.name == item || $0.scenario.rawValue == item }
        guard !matching.isEmpty else {
          throw ArgumentError.invalidValue(
            argument: "--rows", value: item, expected: all.map(\.name).joined(separator: ", "))
        }
        chosen.formUnion(matching.map(\.name))
      }
      return all.filter { chosen.contains($0.name) }
    }
  }

  private func studyPatterns(output: inout some TextOutputStream) {
    output.write("Pattern checks (the simulator's own, independent of the diagnosis engine)\n")
    for row in rows {
      let count = seedCount
      let outcomes = ResultSlots<PatternCheck.Outcome?>(count: count)
      let drawIndices = ResultSlots<Int>(count: count)
      let start = DispatchTime.now().uptimeNanoseconds
      DispatchQueue.concurrentPerform(iterations: count) { index in
        let seed = firstSeed + UInt64(index)
        drawIndices[index] = row.scenario.draw(seed: seed, cause: row.cause).index
        outcomes[index] = ScenarioStudy.outcome(of: row.scenario, seed: seed, cause: row.cause)
      }
      let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      let results = outcomes.values.compactMap { $0 }
      let passed = results.filter(\.passed).count
      let rate = Double(passed) / Double(count) * 100
      let redrawn = drawIndices.values.filter { $0 > 0 }.count
      let drawsTried = zip(drawIndices.values, results).map { index, outcome in
        // A seed that never passed tried every draw and kept its first.
        outcome.passed ? index + 1 : (row.scenario == .underfitting ? 1 : Scenario.maximumDraws)
      }.reduce(0, +)
      output.write(
        "  \(row.name): \(passed)/\(count) pass (\(pct(rate))%) in \(secs(wall)) s; "
          + "\(redrawn) seeds redrawn, \(secs(Double(drawsTried) / Double(count))) draws per seed\n")
      var reasons: [String: [UInt64]] = [:]
      for (seed, outcome) in outcomes.values.enumerated() where outcome?.passed == false {
        reasons[outcome?.failure ?? "unknown", default: []].append(firstSeed + UInt64(seed))
      }
      for reason in reasons.keys.sorted() {
        let seeds = reasons[reason]!
        let shown = seeds.prefix(8).map(String.init).joined(separator: ", ")
        output.write("    \(seeds.count) × \(reason) (seeds \(shown)\(seeds.count > 8 ? ", ..." : ""))\n")
      }
    }
  }

  /// Simulates every scenario and cause over many seeds and tabulates the engine's verdicts,
  /// with the largest loss each row's runs logged.
  private func studyDiagnosis(output: inout some TextOutputStream) {
    let count = diagnosisSeedCount
    let results = ResultSlots<DiagnosisResult>(count: count * rows.count)
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: count * rows.count) { index in
      let row = rows[index / count]
      let seed = firstSeed + UInt64(index % count)
      let simulator = Simulator(row.scenario, seed: seed, cause: row.cause)
      let log = simulator.run().log
      let begin = DispatchTime.now().uptimeNanoseconds
      let verdict = Diagnoser().diagnose(log).pattern
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6
      // A disagreement is worth knowing more about: does the run show its pattern at all?
      let shows =
        verdict.rawValue == row.scenario.rawValue
        ? nil
        : ScenarioStudy.outcome(
          of: log, showing: row.scenario, configuration: simulator.configuration, seed: seed
        ).passed
      results[index] = DiagnosisResult(
        verdict: verdict, largestLoss: PatternCheck.largestLoss(in: log), seconds: seconds,
        disagreementShowsPattern: shows)
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let columns = Pattern.allCases
    let nameWidth = max(12, rows.map(\.name.count).max()! + 2)
    output.write("Diagnosis of simulated runs: \(count) seeds per scenario and cause (\(secs(wall)) s)\n")
    output.write("  rows: scenario/cause; columns: the engine's verdict; largest: the largest finite loss logged\n")
    output.write(
      "  " + "".padding(nameWidth) + columns.map { $0.rawValue.prefix(11).padding(12) }.joined()
        + "agree".padding(8) + "largest\n")
    var agreeByScenario: [Scenario: (agree: Int, total: Int)] = [:]
    for (rowIndex, row) in rows.enumerated() {
      let mine = (0..<count).map { results.values[rowIndex * count + $0] }
      var line = "  " + row.name.padding(nameWidth)
      for column in columns { line += String(mine.filter { $0.verdict == column }.count).padding(12) }
      let agree = mine.filter { $0.verdict.rawValue == row.scenario.rawValue }.count
      agreeByScenario[row.scenario, default: (0, 0)].agree += agree
      agreeByScenario[row.scenario, default: (0, 0)].total += count
      let largest = mine.map(\.largestLoss).max() ?? 0
      line += "\(pct(Double(agree) / Double(count) * 100))%".padding(8) + "\(Self.loss(largest))\n"
      output.write(line)
      let wrong = (0..<count).filter { mine[$0].verdict.rawValue != row.scenario.rawValue }
      if !wrong.isEmpty {
        let shown = wrong.prefix(10).map { "\(firstSeed + UInt64($0))→\(mine[$0].verdict.rawValue)" }.joined(separator: ", ")
        output.write("    disagreements: \(shown)\(wrong.count > 10 ? ", ..." : "")\n")
        let unshown = wrong.filter { mine[$0].disagreementShowsPattern == false }
        output.write(
          "    of these, \(unshown.count) fail the simulator's own \(row.scenario.rawValue) check"
            + (unshown.isEmpty ? "\n" : ": \(unshown.prefix(10).map { String(firstSeed + UInt64($0)) }.joined(separator: ", "))\n"))
      }
    }
    let summary = Scenario.allCases.compactMap { scenario -> String? in
      guard let tally = agreeByScenario[scenario] else { return nil }
      return "\(scenario.rawValue) \(pct(Double(tally.agree) / Double(tally.total) * 100))%"
    }
    output.write("  named by the engine, all causes together: \(summary.joined(separator: ", "))\n")
    let erratic = rows.indices.filter { rows[$0].scenario == .erratic }.flatMap { row in
      (0..<count).map { results.values[row * count + $0].largestLoss }
    }
    if let largest = erratic.max() {
      output.write(
        "  erratic runs: largest loss \(Self.loss(largest)) (\(pct(largest / 0.693_147_180_559_945_3)) x ln 2) "
          + "over \(erratic.count) runs\n")
    }
    let spread = Spread(results.values.map(\.seconds))
    output.write(
      "  diagnose time per run: median \(ms3(spread.median)) ms, p90 \(ms3(spread.p90)), max \(ms3(spread.maximum))\n")
  }

  /// One run of the diagnosis study.
  struct DiagnosisResult: Sendable {
    var verdict: Pattern
    var largestLoss: Double
    var seconds: Double
    /// For a verdict that is not the row's scenario: whether the run passes the simulator's
    /// own check for that scenario (`nil` when the engine agreed).
    var disagreementShowsPattern: Bool?
  }

  /// A loss in four significant digits, or in scientific notation when huge.
  static func loss(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value >= 1e5 { return "\(Float(value))" }
    return "\((value * 1000).rounded() / 1000)"
  }

  /// Time to diagnose one run of 100 evaluations and 1,000 training records.
  private func timeEngine(output: inout some TextOutputStream) {
    var configuration = Scenario.overfitting.configuration(seed: 1)
    configuration.evalSteps = max(1, configuration.maxSteps / 100)
    configuration.loggingSteps = max(1, configuration.maxSteps / 1000)
    let log = Simulator(configuration: configuration, seed: 1).run().log
    let engine = Diagnoser()
    _ = engine.diagnose(log)
    var times: [Double] = []
    for _ in 0..<200 {
      let start = DispatchTime.now().uptimeNanoseconds
      _ = engine.diagnose(log)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    let spread = Spread(times)
    output.write(
      "Engine: diagnosing a run of \(log.evaluationEntries.count) evaluations and "
        + "\(log.trainingEntries.count) training records\n")
    output.write(
      "  200 calls: median \(ms3(spread.median)) ms, p90 \(ms3(spread.p90)), max \(ms3(spread.maximum))\n")
  }

  /// Time to read a 1,000,000-entry trainer_state.json written to a temporary folder (or to
  /// `--state-file`, kept for timing `curvelab diagnose` on it from outside).
  private func timeReading(output: inout some TextOutputStream) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "curvelab-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = stateFile ?? folder.appendingPathComponent("trainer_state.json").path
    try SyntheticTrainerState.write(entries: 1_000_000, to: path)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    var times: [Double] = []
    var entries = 0
    for _ in 0..<5 {
      let start = DispatchTime.now().uptimeNanoseconds
      let loaded = try LogLoader().load(path: path, format: .trainerState)
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      entries = loaded.log.trainingEntries.count + loaded.log.evaluationEntries.count
    }
    let spread = Spread(times)
    output.write(
      "Reading: trainer_state.json of \(size / 1_000_000) MB, \(entries) log entries\n")
    output.write(
      "  5 loads: median \(secs(spread.median)) s, min \(secs(spread.minimum)), max \(secs(spread.maximum)) "
        + "(peak memory: measure with /usr/bin/time -v)\n")
  }

  private func ms3(_ value: Double) -> String { "\((value * 1000).rounded() / 1000)" }

  private func ms(_ value: Double) -> String { "\((value * 10).rounded() / 10)" }
  func secs(_ value: Double) -> String { "\((value * 100).rounded() / 100)" }
  func pct(_ value: Double) -> String { "\((value * 10).rounded() / 10)" }
}

/// Median and spread of a sample.
struct Spread {
  let minimum: Double
  let median: Double
  let p90: Double
  let maximum: Double

  init(_ values: [Double]) {
    let sorted = values.sorted()
    guard !sorted.isEmpty else {
      minimum = .nan
      median = .nan
      p90 = .nan
      maximum = .nan
      return
    }
    minimum = sorted[0]
    maximum = sorted[sorted.count - 1]
    median =
      sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    p90 = sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * 0.9).rounded()))]
  }
}

/// One slot per task of a `concurrentPerform`, each written by exactly one task.
final class ResultSlots<Value>: @unchecked Sendable {
  private var storage: [Value?]
  private let lock = DispatchQueue(label: "curvelab.result-slots")

  init(count: Int) { storage = Array(repeating: nil, count: count) }

  subscript(index: Int) -> Value {
    get { lock.sync { storage[index]! } }
    set { lock.sync { storage[index] = newValue } }
  }

  var values: [Value] { lock.sync { storage.map { $0! } } }
}


