import CurveLabCLI
import Foundation
import JSONCoding
import Testing
import _CurveLabTestSupport

/// Drives `curvelab simulate` end to end through ``CurveLabCLI/run(_:context:output:errors:)``.
@Suite struct SimulateCommandTests {
  private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(arguments, context: .testing, output: &output, errors: &errors)
    return (status, output, errors)
  }

  /// A run small enough for a debug build.
  private let quick = [
    "simulate", "--seed", "3", "--train-size", "120", "--eval-size", "40", "--epochs", "6",
  ]

  @Test func drawsAChartAndASummary() {
    let result = run(quick)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    #expect(result.output.contains("healthy · seed 3"))
    #expect(result.output.contains("Loss"))
    #expect(result.output.contains("Accuracy"))
    #expect(result.output.contains("best eval_loss"))
    #expect(!result.output.contains("\u{1B}["))  // no escape codes when not a terminal
    for line in result.output.split(separator: "\n") {
      #expect(line.count <= 80, "\(line)")
    }
  }

  @Test func anOutputOnTheNullDeviceLeavesTheDevice() throws {
    // Written in place, not replaced by a renamed file (which, run as root, breaks every
    // program on the machine that writes to /dev/null).
    #expect(run(quick + ["--format", "csv", "--output", "/dev/null"]).status == 0)
    let kind = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
    #expect(kind == .typeCharacterSpecial)
  }

  @Test func csvOutputIsStable() {
    let result = run(quick + ["--format", "csv"])
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.output, named: "simulate-quick-csv") == nil)
  }

  @Test func anExportedRunReadsAsTheSimulatorsOwnLogDoes() throws {
    // Too few steps on xor: the loss ends near ln 2. Read from the exported file, the engine
    // must know the task has two classes (the num_labels the simulator records) to call it
    // underfitting; without it, it read a flat curve as healthy.
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-export-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let simulated = run([
      "simulate", "--scenario", "underfitting", "--seed", "589946849391", "--format",
      "trainer-state", "--output", path,
    ])
    #expect(simulated.status == 0, "\(simulated.errors)")
    let read = run(["diagnose", path, "--json"])
    #expect(read.status == 0, "\(read.errors)")
    let report = try JSONValue(parsing: read.output)
    let first = try #require(report["runs"]?.arrayValue?.first)
    #expect(first["pattern"]?.stringValue == "underfitting")
    #expect(first["baseline"]?["classes"]?.doubleValue == 2)
  }

  @Test func trainerStateHasTheTrainersFields() throws {
    let result = run(quick + ["--format", "trainer-state", "--eval-steps", "4"])
    #expect(result.status == 0)
    let state = try JSONValue(parsing: result.output)
    for key in [
      "global_step", "max_steps", "num_train_epochs", "logging_steps", "eval_steps",
      "train_batch_size", "best_metric", "best_global_step", "best_model_checkpoint", "log_history",
    ] {
      #expect(state[key] != nil, "missing \(key)")
    }
    let history = try #require(state["log_history"]?.arrayValue)
    let training = try #require(history.first { $0["loss"] != nil && $0["total_flos"] == nil })
    for key in ["loss", "grad_norm", "learning_rate", "epoch", "step"] {
      #expect(training[key] != nil, "training entry lacks \(key)")
    }
    let evaluation = try #require(history.first { $0["eval_loss"] != nil })
    for key in ["eval_loss", "eval_accuracy", "epoch", "step"] {
      #expect(evaluation[key] != nil, "evaluation entry lacks \(key)")
    }
    let summary = try #require(history.last)
    #expect(summary["train_loss"] != nil && summary["total_flos"] != nil)
    #expect(state["global_step"]?.integerValue == state["max_steps"]?.integerValue)
    #expect(state["eval_steps"]?.integerValue == 4)
  }

  @Test func earlyStoppingFillsTheBestCheckpoint() throws {
    let result = run([
      "simulate", "--seed", "3", "--train-size", "40", "--eval-size", "40", "--epochs", "60",
      "--label-noise", "0.3", "--hidden", "64", "--weight-decay", "0",
      "--early-stopping-patience", "2", "--format", "trainer-state",
    ])
    #expect(result.status == 0)
    let state = try JSONValue(parsing: result.output)
    let step = try #require(state["best_global_step"]?.integerValue)
    #expect(state["best_model_checkpoint"]?.stringValue == "output/checkpoint-\(step)")
    #expect(try #require(state["global_step"]?.integerValue) < 60 * 2)
  }

  @Test func sameSeedSameBytesOtherSeedOtherRun() {
    let a = run(quick + ["--format", "json"]).output
    let b = run(quick + ["--format", "json"]).output
    var other = quick
    other[2] = "4"
    let c = run(other + ["--format", "json"]).output
    #expect(a == b)
    #expect(a != c)
  }

  @Test func writesToAFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "curvelab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("trainer_state.json").path
    let result = run(quick + ["--format", "trainer-state", "--output", path])
    #expect(result.status == 0)
    #expect(result.output.isEmpty)
    let written = try String(contentsOfFile: path, encoding: .utf8)
    #expect(written == run(quick + ["--format", "trainer-state"]).output)
  }

  @Test func aMissingFolderIsAClearFailure() {
    let result = run(quick + ["--format", "csv", "--output", "/no/such/folder/run.csv"])
    #expect(result.status == 1)
    #expect(result.errors.contains("/no/such/folder/run.csv"))
    #expect(result.errors.contains("does not exist"))
  }

  @Test(arguments: [
    (["--scenario", "overfit"], "overfit"),
    (["--learning-rate", "-0.1"], "--learning-rate"),
    (["--batch-size", "0"], "--batch-size"),
    (["--learning-rat", "0.1"], "did you mean '--learning-rate'"),
    (["--label-noise", "0.9"], "--label-noise"),
    (["--hidden", "32,x"], "--hidden"),
    (["--eval-steps", "soon"], "--eval-steps"),
    (["--format", "xml"], "--format"),
    (["--early-stopping-threshold", "0.1"], "--early-stopping-patience"),
  ])
  func badFlagsExitWithStatusTwoAndSayWhy(arguments: [String], mentions: String) {
    let result = run(["simulate"] + arguments)
    #expect(result.status == 2)
    #expect(result.errors.contains(mentions), "\(result.errors)")
    #expect(result.output.isEmpty)
  }

  @Test func helpIsStable() {
    let result = run(["simulate", "--help"])
    #expect(result.status == 0)
    #expect(snapshotMismatch(result.output, named: "simulate-help") == nil)
  }

  @Test func anUnknownCommandSuggestsTheClosest() {
    let result = run(["simulat"])
    #expect(result.status == 2)
    #expect(result.errors.contains("simulate"))
  }
}
