import CurveLabCLI
import Foundation
import JSONCoding
import Testing
import _CurveLabTestSupport

/// `diagnose`'s early-stopping flags, checked from outside: small logs written as each framework
/// writes them, replayed with `--json`. The expected stops and checkpoints are the hand
/// derivations of `EarlyStoppingPolicyTests` and `TrainerEarlyStoppingTests`, which name the
/// framework source each follows.
@Suite struct EarlyStoppingFlagsTests {
  private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(arguments, context: .testing, output: &output, errors: &errors)
    return (status, output, errors)
  }

  /// Writes `text` to a fresh file, runs `diagnose FILE --json` with `arguments`, and returns
  /// the report's run.
  private func diagnosed(_ text: String, named name: String, _ arguments: [String]) throws
    -> JSONValue
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "curvelab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = run(["diagnose", path, "--json"] + arguments)
    #expect(result.status == 0, "\(result.errors)")
    let report = try JSONValue(parsing: result.output)
    return try #require(report["runs"]?[0])
  }

  /// The `early_stopping` object of ``diagnosed(_:named:_:)``.
  private func earlyStopping(of text: String, named name: String, _ arguments: [String]) throws
    -> JSONValue
  {
    try #require(try diagnosed(text, named: name, arguments)["early_stopping"])
  }

  /// A `trainer_state.json` as the Trainer writes it: a training record and an evaluation at
  /// each step (no training record at step 0, as with `eval_on_start`).
  private func trainerState(_ losses: [Double], steps: [Int], maxSteps: Int, saveSteps: Int = 100)
    -> String
  {
    var records: [String] = []
    for (loss, step) in zip(losses, steps) {
      if step > 0 {
        records.append(
          #"{"epoch": \#(Double(step) / 100), "learning_rate": 5e-05, "loss": 0.4, "step": \#(step)}"#
        )
      }
      records.append(
        #"{"epoch": \#(Double(step) / 100), "eval_loss": \#(loss), "eval_runtime": 1.0, "step": \#(step)}"#
      )
    }
    return """
      {"best_metric": null, "best_model_checkpoint": null, "epoch": \(Double(maxSteps) / 100),
       "eval_steps": 100, "global_step": \(maxSteps), "logging_steps": 100,
       "max_steps": \(maxSteps), "num_train_epochs": \(maxSteps / 100), "save_steps": \(saveSteps),
       "train_batch_size": 8, "log_history": [\(records.joined(separator: ",\n"))]}
      """
  }

  /// A Keras `CSVLogger` file: one row per epoch from 0, so epoch e is step e + 1.
  private func kerasCSV(_ losses: [Double]) -> String {
    "epoch,loss,val_loss\n"
      + losses.enumerated().map { "\($0.offset),0.5,\($0.element)" }.joined(separator: "\n") + "\n"
  }

  /// A Lightning `metrics.csv` with a validation row at the end of each 100-step epoch (step
  /// 99, 199, ...; read as steps 100, 200, ...) and a training row beside it.
  private func lightningCSV(_ losses: [Double]) -> String {
    var rows = ["epoch,step,train_loss,val_loss"]
    for (epoch, loss) in losses.enumerated() {
      rows.append("\(epoch),\(epoch * 100 + 99),0.5,")
      rows.append("\(epoch),\(epoch * 100 + 99),,\(loss)")
    }
    return rows.joined(separator: "\n") + "\n"
  }

  // MARK: Help and wrong flags

  @Test func helpNamesTheRulesEachFlagAppliesTo() {
    let help = run(["diagnose", "--help"]).output
    let start = help.range(of: "EARLY STOPPING:")
    let end = help.range(of: "OUTPUT:")
    guard let start, let end else {
      Issue.record("no EARLY STOPPING section in:\n\(help)")
      return
    }
    let section = String(help[start.lowerBound..<end.lowerBound])
    #expect(snapshotMismatch(section, named: "diagnose-help-early-stopping") == nil)
  }

  @Test(arguments: [
    (
      "transformers", ["--baseline", "0.5"], "--baseline applies to --rules keras, not transformers"
    ),
    (
      "transformers", ["--restore-best"],
      "--restore-best applies to --rules keras and lightning, not transformers"
    ),
    (
      "transformers", ["--precision", "float32"],
      "--precision applies to --rules keras and lightning, not transformers"
    ),
    ("keras", ["--save-steps", "200"], "--save-steps applies to --rules transformers, not keras"),
    (
      "keras", ["--stopping-threshold", "0.1"],
      "--stopping-threshold applies to --rules lightning, not keras"
    ),
    (
      "keras", ["--divergence-threshold", "3"],
      "--divergence-threshold applies to --rules lightning, not keras"
    ),
    (
      "lightning", ["--start-from-epoch", "2"],
      "--start-from-epoch applies to --rules keras, not lightning"
    ),
    (
      "lightning", ["--transformers-version", "4.46"],
      "--transformers-version applies to --rules transformers, not lightning"
    ),
  ])
  func aFlagOfAnotherRuleSetIsAUsageError(rules: String, flag: [String], message: String) {
    let result = run(["diagnose", "run.json", "--rules", rules] + flag)
    #expect(result.status == 2)
    #expect(result.errors.contains(message), "\(result.errors)")
  }

  @Test func everyMisplacedFlagIsNamedAtOnce() {
    let result = run(["diagnose", "run.json", "--baseline", "0.5", "--stopping-threshold", "0.1"])
    #expect(result.status == 2)
    #expect(result.errors.contains("--baseline"))
    #expect(result.errors.contains("--stopping-threshold"))
  }

  @Test(arguments: [
    ["--transformers-version", "3.9"], ["--save-steps", "0"], ["--precision", "half"],
  ])
  func aValueThatIsNoSettingIsAUsageError(flag: [String]) {
    let result = run(["diagnose", "run.json"] + flag)
    #expect(result.status == 2)
    #expect(result.errors.contains(flag[0]))
  }

  // MARK: transformers

  @Test func anEvaluationAtStepZeroIsNeverTheBest() throws {
    let state = trainerState(
      [0.5, 0.6, 0.7, 0.8, 0.9], steps: [0, 100, 200, 300, 400], maxSteps: 400)
    let outcome = try earlyStopping(of: state, named: "trainer_state.json", ["--patience", "1"])
    #expect(outcome["stop_step"]?.integerValue == 200)
    #expect(outcome["restored_step"]?.integerValue == 100)
  }

  @Test(arguments: [
    ("5", 500, nil as Int64?, 500), ("4.48", 500, nil, 500), ("4.46.3", 600, 400, 400),
  ])
  func saveStepsAndTheReleaseDecideTheCheckpoint(
    release: String, stop: Int64, restored: Int64?, kept: Int64
  ) throws {
    let state = trainerState(
      [0.5, 0.6, 0.4, 0.45, 0.46, 0.47], steps: [100, 200, 300, 400, 500, 600], maxSteps: 600,
      saveSteps: 200)
    let outcome = try earlyStopping(
      of: state, named: "trainer_state.json",
      ["--patience", "2", "--save-steps", "200", "--transformers-version", release])
    #expect(outcome["stop_step"]?.integerValue == stop)
    #expect(outcome["restored_step"]?.integerValue == restored)
    #expect(outcome["kept_step"]?.integerValue == kept)
    #expect(outcome["save_steps"]?.integerValue == 200)
  }

  @Test func aSaveStepsTheTrainerWouldRefuseIsNoted() throws {
    let state = trainerState([0.9, 0.8, 0.7], steps: [100, 200, 300], maxSteps: 300)
    let run = try diagnosed(state, named: "trainer_state.json", ["--save-steps", "150"])
    let warning = run["warnings"]?[0]?.stringValue ?? ""
    #expect(warning.contains("not a multiple of the log's eval_steps 100"), "\(warning)")
  }

  // MARK: Keras

  @Test func kerasKeepsTheLastEpochUnlessRestoreBestIsGiven() throws {
    let log = kerasCSV([1.0, 0.8, 0.85, 0.9])
    let plain = try earlyStopping(
      of: log, named: "log.csv", ["--rules", "keras", "--patience", "2"])
    let restoring = try earlyStopping(
      of: log, named: "log.csv", ["--rules", "keras", "--patience", "2", "--restore-best"])
    #expect(plain["stop_step"]?.integerValue == 4)
    #expect(plain["restored_step"] == .null)
    #expect(plain["kept_step"]?.integerValue == 4)
    #expect(restoring["restored_step"]?.integerValue == 2)
  }

  @Test func kerasBaselineAndStartFromEpochReachTheReplay() throws {
    let baseline = try earlyStopping(
      of: kerasCSV([0.9, 0.8, 0.7, 0.75]), named: "log.csv",
      ["--rules", "keras", "--patience", "2", "--baseline", "0.5", "--restore-best"])
    #expect(baseline["stop_step"]?.integerValue == 4)
    #expect(baseline["restored_step"]?.integerValue == 3)
    let late = try earlyStopping(
      of: kerasCSV([0.1, 0.9, 0.8, 0.85, 0.86]), named: "log.csv",
      ["--rules", "keras", "--patience", "2", "--start-from-epoch", "1", "--restore-best"])
    #expect(late["stop_step"]?.integerValue == 5)
    #expect(late["restored_step"]?.integerValue == 3)
  }

  // MARK: Lightning

  @Test func lightningKeepsModelCheckpointsBestWithRestoreBest() throws {
    let log = lightningCSV([1.0, 0.8, 0.795, 0.84, 0.85])
    let arguments = ["--rules", "lightning", "--patience", "2", "--threshold", "0.01"]
    let plain = try earlyStopping(of: log, named: "metrics.csv", arguments)
    let checkpointed = try earlyStopping(
      of: log, named: "metrics.csv", arguments + ["--restore-best"])
    #expect(plain["stop_step"]?.integerValue == 400)
    #expect(plain["restored_step"] == .null)
    #expect(checkpointed["best_step"]?.integerValue == 200)
    #expect(checkpointed["restored_step"]?.integerValue == 300)
  }

  @Test func lightningThresholdsReachTheReplay() throws {
    let reached = try earlyStopping(
      of: lightningCSV([1.0, 0.4, 0.2, 0.1]), named: "metrics.csv",
      ["--rules", "lightning", "--patience", "5", "--stopping-threshold", "0.25"])
    #expect(reached["stop_step"]?.integerValue == 300)
    #expect(reached["reason"]?.stringValue == "reached-threshold")
    let diverged = try earlyStopping(
      of: lightningCSV([1.0, 0.8, 3.5, 0.5]), named: "metrics.csv",
      ["--rules", "lightning", "--patience", "5", "--divergence-threshold", "3"])
    #expect(diverged["stop_step"]?.integerValue == 300)
    #expect(diverged["reason"]?.stringValue == "diverged")
  }

  /// float32(0.24) + 0.01 rounds to 0.25 in float32, no improvement on 0.25: patience 1 stops
  /// at the second evaluation; in float64 it is one and the run goes on.
  @Test(arguments: ["keras", "lightning"])
  func float32LogsAreComparedInFloat32(rules: String) throws {
    let values = [0.25, 0.23999999463558197]
    let log = rules == "keras" ? kerasCSV(values) : lightningCSV(values)
    let name = rules == "keras" ? "log.csv" : "metrics.csv"
    let arguments = ["--rules", rules, "--patience", "1", "--threshold", "0.01"]
    let inferred = try earlyStopping(of: log, named: name, arguments)
    let wide = try earlyStopping(of: log, named: name, arguments + ["--precision", "float64"])
    #expect(inferred["precision"]?.stringValue == "float32")
    #expect(inferred["stop_index"]?.integerValue == 1)
    #expect(wide["stop_index"] == .null)
  }
}
