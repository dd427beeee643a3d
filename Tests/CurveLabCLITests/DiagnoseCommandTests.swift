import CurveLabCLI
import Foundation
import JSONCoding
import Testing

/// Drives `curvelab simulate` and `curvelab diagnose` together, as a user would.
@Suite struct DiagnoseCommandTests {
  private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(arguments, context: .testing, output: &output, errors: &errors)
    return (status, output, errors)
  }

  /// A fresh folder, removed when the test ends.
  private func withFolder(_ body: (URL) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "curvelab-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try body(folder)
  }

  private func simulate(_ scenario: String, seed: Int, format: String, to path: String) {
    let result = run([
      "simulate", "--scenario", scenario, "--seed", String(seed), "--format", format,
      "--output", path,
    ])
    #expect(result.status == 0, "\(result.errors)")
  }

  @Test(arguments: ["healthy", "overfitting", "underfitting", "erratic"])
  func namesTheScenarioOfASimulatedTrainerState(scenario: String) throws {
    try withFolder { folder in
      let path = folder.appendingPathComponent("trainer_state.json").path
      simulate(scenario, seed: 1, format: "trainer-state", to: path)
      let result = run(["diagnose", path, "--no-chart"])
      #expect(result.status == 0, "\(result.errors)")
      #expect(result.output.contains("Verdict: \(scenario.prefix(1).uppercased() + scenario.dropFirst())"))
      #expect(result.output.contains("What to change"))
    }
  }

  @Test func jsonFollowsTheDocumentedSchema() throws {
    try withFolder { folder in
      let path = folder.appendingPathComponent("run.csv").path
      simulate("overfitting", seed: 2, format: "csv", to: path)
      let result = run(["diagnose", path, "--json"])
      #expect(result.status == 0)
      let report = try JSONValue(parsing: result.output)
      #expect(report["schema"]?.stringValue == "curvelab-diagnosis")
      #expect(report["version"]?.integerValue == 1)
      let first = try #require(report["runs"]?[0])
      #expect(first["pattern"]?.stringValue == "overfitting")
      #expect(first["early_stopping"]?["patience"]?.integerValue == 3)
      #expect(first["remedies"]?[0]?["action"]?.stringValue == "early-stopping")
      #expect(first["best"]?["step"]?.integerValue != nil)
      #expect(first["accuracy_steps"]?["quantized"]?.boolValue == true)
    }
  }

  @Test func failOnExitsWithStatusOneWhenMatched() throws {
    try withFolder { folder in
      let path = folder.appendingPathComponent("run.json").path
      simulate("erratic", seed: 3, format: "json", to: path)
      #expect(run(["diagnose", path, "--fail-on", "overfitting,diverged", "--no-chart"]).status == 0)
      let matched = run(["diagnose", path, "--fail-on", "erratic", "--no-chart"])
      #expect(matched.status == 1)
      #expect(matched.errors.contains("--fail-on"))
      #expect(run(["diagnose", path, "--fail-on", "bogus"]).status == 2)
    }
  }

  @Test func severalFilesGetAComparison() throws {
    try withFolder { folder in
      let a = folder.appendingPathComponent("a.json").path
      let b = folder.appendingPathComponent("b.json").path
      simulate("healthy", seed: 4, format: "trainer-state", to: a)
      simulate("underfitting", seed: 4, format: "trainer-state", to: b)
      let result = run(["diagnose", a, b, "--no-chart"])
      #expect(result.status == 0)
      #expect(result.output.contains("Comparison"))
      #expect(result.output.contains("healthy"))
      #expect(result.output.contains("underfitting"))
    }
  }

  @Test func htmlReportIsSelfContained() throws {
    try withFolder { folder in
      let log = folder.appendingPathComponent("run.json").path
      let html = folder.appendingPathComponent("report.html").path
      simulate("overfitting", seed: 5, format: "trainer-state", to: log)
      #expect(run(["diagnose", log, "--html", html, "--no-chart"]).status == 0)
      let page = try String(contentsOfFile: html, encoding: .utf8)
      #expect(page.contains("<svg"))
      #expect(page.contains("Overfitting"))
      // The simulator logs the rate, so the chart shows it under the loss, and says so.
      #expect(page.contains("Loss, learning rate and accuracy; markers"))
      #expect(page.contains(">Learning rate</text>"))
      #expect(!page.contains("<script"))
      #expect(!page.contains("http://") && !page.contains("https://"))
    }
  }

  @Test func aMissingFileIsAClearFailure() {
    let result = run(["diagnose", "/no/such/trainer_state.json"])
    #expect(result.status == 1)
    #expect(result.errors.contains("/no/such/trainer_state.json"))
  }

  @Test func aMalformedFileNamesTheFileAndThePlace() throws {
    try withFolder { folder in
      let path = folder.appendingPathComponent("trainer_state.json").path
      try #"{"log_history": [{"loss": 0.5, "step": 1}, {"loss": }]}"#.write(
        toFile: path, atomically: true, encoding: .utf8)
      let result = run(["diagnose", path])
      #expect(result.status == 1)
      #expect(result.errors.contains("trainer_state.json"))
      #expect(result.errors.contains("line 1"))
    }
  }

  @Test func watchReportsTheVerdictOfAGrowingLog() throws {
    try withFolder { folder in
      let path = folder.appendingPathComponent("trainer_state.json").path
      simulate("overfitting", seed: 6, format: "trainer-state", to: path)
      let result = run(["watch", path, "--polls", "1", "--interval", "0.01"])
      #expect(result.status == 0)
      #expect(result.output.contains("Overfitting"))
    }
  }

  @Test func noFileIsAUsageError() {
    let result = run(["diagnose"])
    #expect(result.status == 2)
    #expect(result.errors.contains("FILE"))
  }
}
