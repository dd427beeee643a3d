import CurveLabCLI
import Foundation
import JSONCoding
import Testing

/// `curvelab simulate --cause`, the learning-rate schedules, and the diverged scenario as the
/// Trainer would log it.
@Suite struct SimulateCauseTests {
  private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(arguments, context: .testing, output: &output, errors: &errors)
    return (status, output, errors)
  }

  @Test func theAskedCauseIsDrawnAndRecordedInTrialParams() throws {
    let result = run([
      "simulate", "--scenario", "underfitting", "--cause", "heavy-weight-decay", "--seed", "4",
      "--epochs", "3", "--format", "trainer-state",
    ])
    #expect(result.status == 0, "\(result.errors)")
    let state = try JSONValue(parsing: result.output)
    let trial = try #require(state["trial_params"])
    #expect(trial["scenario"]?.stringValue == "underfitting")
    #expect(trial["cause"]?.stringValue == "heavy-weight-decay")
    #expect(trial["seed"]?.stringValue == "4")
    // The cause's own ranges: decay far above the usual 0.01.
    let decay = try #require(trial["weight_decay"]?.stringValue.flatMap(Double.init))
    #expect(decay >= 10)
  }

  @Test func theChartNamesTheCauseTheSeedPicked() {
    let result = run(["simulate", "--scenario", "erratic", "--seed", "2"])
    #expect(result.status == 0)
    let first = result.output.split(separator: "\n").first.map(String.init) ?? ""
    #expect(first.hasPrefix("erratic · cause "))
    #expect(["high-learning-rate", "tiny-batch", "small-eval-set"].contains { first.contains($0) })
    #expect(result.output.contains("Learning rate"))
    #expect(result.output.contains("learning_rate "))
  }

  @Test(arguments: [
    (["--scenario", "erratic", "--cause", "small-model"], "high-learning-rate, tiny-batch, small-eval-set"),
    (["--scenario", "healthy", "--cause", "converged"], "the healthy scenario has no causes"),
    (["--cause", "sideways"], "--cause"),
    (["--lr-schedule", "steep"], "'linear', 'constant', 'cosine'"),
  ])
  func aCauseOrScheduleThatDoesNotFitIsAUsageError(flags: [String], message: String) {
    let result = run(["simulate"] + flags)
    #expect(result.status == 2)
    #expect(result.errors.contains(message), "\(result.errors)")
    #expect(result.output.isEmpty)
  }

  @Test func aDivergedRunWritesBareNaNAsPythonDoes() throws {
    let result = run([
      "simulate", "--scenario", "diverged", "--seed", "11", "--epochs", "2", "--format", "trainer-state",
    ])
    #expect(result.status == 0)
    #expect(result.output.contains("\"eval_loss\": NaN"))
    #expect(!result.output.contains("null,\n      \"eval_accuracy\""))
    // The Trainer's NaN filter: once every step is NaN, the logged training loss reads 0.0.
    #expect(result.output.contains("\"loss\": 0.0"))
  }

  @Test func theCosineScheduleEndsAtZero() throws {
    let result = run([
      "simulate", "--seed", "3", "--train-size", "120", "--eval-size", "40", "--epochs", "6",
      "--lr-schedule", "cosine", "--warmup-steps", "0", "--batch-size", "8", "--logging-steps", "1",
      "--format", "csv",
    ])
    #expect(result.status == 0)
    let rows = result.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let rates = rows.compactMap { Double($0[3]) }
    #expect(rates.count > 5)
    #expect(rates.first! > 0.9 * rates.max()!)
    #expect(rates.last! < 0.05 * rates.max()!)
    // Slow at first, fastest half-way: the first quarter loses less than the second.
    let quarter = rates.count / 4
    #expect(rates[0] - rates[quarter] < rates[quarter] - rates[2 * quarter])
  }
}
