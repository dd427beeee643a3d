import ArgumentParsing
import CurveCore
import CurveDiagnosis
import CurveIO
import Foundation
import TerminalCanvas

/// `curvelab watch FILE`: re-reads a growing log and prints what changes.
struct WatchCommand {
  static let spec = CommandSpec(
    name: "watch",
    abstract: "Follow a log while it is written and print new findings as they appear.",
    discussion: """
      Re-reads FILE every few seconds. Prints the verdict when it changes and each new finding \
      once. A half-written file is skipped until the next read. Stop with Ctrl-C.
      """,
    examples: ["curvelab watch output/checkpoint-500/../trainer_state.json --interval 10"],
    options: [
      .option("interval", valueName: "SECONDS", help: "Time between reads.", default: "5"),
      .option("format", short: "f", valueName: "FORMAT", help: "Force the log format."),
      .option("patience", valueName: "N", help: "Early-stopping patience.", default: "3"),
      .option("polls", valueName: "N", help: "Stop after N reads (0: never).", default: "0"),
    ],
    positionals: [PositionalSpec("FILE", help: "The log file or run folder to follow.")])

  let path: String
  let interval: Double
  let format: LogFormat?
  let patience: Int
  let polls: Int

  init(_ parsed: ParsedArguments) throws {
    path = parsed.positionals[0]
    interval = try parsed.value("interval", as: Double.self, validating: .positive)!
    format = try parsed.value("format", as: LogFormat.self)
    patience = try parsed.value("patience", as: Int.self, validating: .atLeastZero)!
    polls = try parsed.value("polls", as: Int.self, validating: .atLeastZero)!
  }

  func run(context: CommandContext, output: inout some TextOutputStream) throws {
    let engine = Diagnoser(
      options: DiagnosisOptions(earlyStopping: EarlyStoppingPolicy(patience: patience)))
    var lastHeadline: String?
    var seen = Set<String>()
    var lastProblem: String?
    var count = 0
    while polls == 0 || count < polls {
      if count > 0 { Thread.sleep(forTimeInterval: interval) }
      count += 1
      let loaded: LoadedLog
      do {
        loaded = try LogLoader().load(path: path, format: format)
      } catch {
        // A file caught mid-write is retried; say so once per distinct problem.
        let message = "\(error)"
        if message != lastProblem { output.write("waiting: \(sanitizedForTerminal(message))\n") }
        lastProblem = message
        continue
      }
      lastProblem = nil
      let diagnosis = engine.diagnose(loaded.log)
      let step = loaded.log.lastStep.map { "step \($0)" } ?? "no steps yet"
      if diagnosis.headline != lastHeadline {
        output.write("[\(step)] \(sanitizedForTerminal(diagnosis.headline))\n")
        lastHeadline = diagnosis.headline
      }
      for finding in diagnosis.findings where seen.insert(finding.kind.rawValue + "\(finding.step ?? -1)").inserted {
        output.write("[\(step)] \(sanitizedForTerminal(finding.message))\n")
      }
      if let stop = diagnosis.earlyStopping?.stopStep, seen.insert("stop").inserted {
        output.write(
          "[\(step)] Early stopping with patience \(patience) would have stopped at step \(stop).\n")
      }
    }
  }
}
