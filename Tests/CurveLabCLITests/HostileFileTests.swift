import CurveCore
import CurveDiagnosis
import CurveRender
import Foundation
import JSONCoding
import Testing
import _CurveLabTestSupport

@testable import CurveLabCLI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every hostile input of issue 13 through the real command line: no crash, no hang, no raw
/// control byte on either stream; a message naming the file (and place), and exit status 1.
@Suite struct HostileFileTests {
  private func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
    var output = ""
    var errors = ""
    let status = CurveLabCLI.run(arguments, context: .testing, output: &output, errors: &errors)
    return (status, output, errors)
  }

  private func write(_ text: String, to path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  /// Whether the text holds a control character other than a line feed, or a bidirectional
  /// override: what the terminal would obey.
  static func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      let value = scalar.value
      return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value)
        || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }
  }

  /// Runs `diagnose` and checks the common promises: the status, no raw control bytes, and
  /// when it fails, a message that names the file.
  @discardableResult
  private func diagnose(
    _ arguments: [String], status expected: Int32, naming file: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> (output: String, errors: String) {
    let result = run(["diagnose", "--no-chart"] + arguments)
    #expect(result.status == expected, "\(result.errors)", sourceLocation: sourceLocation)
    #expect(!Self.hasRawControl(result.output), sourceLocation: sourceLocation)
    #expect(!Self.hasRawControl(result.errors), sourceLocation: sourceLocation)
    if let file {
      #expect(
        result.errors.hasPrefix("curvelab: \(file)"), "\(result.errors)",
        sourceLocation: sourceLocation)
    }
    return (result.output, result.errors)
  }

  @Test func theFiftyByteTrainerStateGivesAMessageNotABacktrace() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/trainer_state.json"
      try write(#"{"log_history":[{"eval_loss":1,"step":9223372036854775807}]}"#, to: path)
      let result = diagnose([path], status: 1, naming: path)
      #expect(result.errors.contains("line 1, column 39: 'step' 9223372036854775807 is out of range"))
      #expect(!result.errors.contains("Fatal error"))
    }
  }

  @Test func theTwentyFiveByteMLflowLineGivesAMessageNotABacktrace() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/mlruns/0/abc/metrics/val_loss"
      try write("1 0.5 9223372036854775807", to: path)
      let result = diagnose([path], status: 1, naming: path)
      #expect(result.errors.contains("line 1, column 'step': 9223372036854775807 is out of range"))
      // And the run folder around it.
      diagnose([folder + "/mlruns/0/abc"], status: 1, naming: path)
    }
  }

  @Test(arguments: ["Infinity", "1e19", "-Infinity", "NaN"])
  func anImpossibleEpochOnTheBestEvaluationIsAMessage(epoch: String) throws {
    try withTemporaryFolder { folder in
      let path = folder + "/trainer_state.json"
      try write(
        """
        {"log_history": [
          {"loss": 0.9, "step": 10, "epoch": 0.5},
          {"eval_loss": 0.5, "step": 20, "epoch": \(epoch)},
          {"eval_loss": 0.7, "step": 40, "epoch": 2.0}
        ]}
        """, to: path)
      for format in [[], ["--json"], ["--html", folder + "/report.html"]] {
        let result = diagnose([path] + format, status: 1, naming: path)
        #expect(result.errors.contains("line 3"), "\(result.errors)")
        #expect(result.errors.contains("'epoch'"), "\(result.errors)")
      }
    }
  }

  @Test(arguments: [Double.infinity, 1e19, -.infinity, .nan])
  func theTextAndHTMLReportsSurviveAnImpossibleEpoch(epoch: Double) throws {
    // A log made in a program (not read) can still hold any epoch: the reports must not trap.
    var log = TrainingLog(metadata: RunMetadata(source: "made"))
    log.trainingEntries = [TrainingEntry(step: 10, epoch: 0.5, loss: 0.9)]
    log.evaluationEntries = [
      EvaluationEntry(step: 20, epoch: epoch, loss: 0.5),
      EvaluationEntry(step: 30, epoch: epoch, loss: 0.6),
      EvaluationEntry(step: 40, epoch: epoch, loss: 0.7),
      EvaluationEntry(step: 50, epoch: epoch, loss: 0.8),
      EvaluationEntry(step: 60, epoch: epoch, loss: 0.9),
    ]
    let diagnosis = Diagnoser(options: DiagnosisOptions(earlyStopping: EarlyStoppingPolicy(patience: 2)))
      .diagnose(log)
    #expect(diagnosis.best?.step == 20)
    let run = DiagnosedRun(path: "made.json", log: log, diagnosis: diagnosis, warnings: [])
    #expect(run.place(20).hasPrefix("step 20 (epoch "))
    let report = TextReport(
      width: 80, chartOptions: ChartOptions(isColorEnabled: false, charset: .ascii),
      showsChart: true, xAxis: .step)
    #expect(report.text(for: run).contains("Early stopping"))
    #expect(report.comparison(of: [run, run]).contains("made.json"))
    #expect(HTMLReport.text(for: [run]).contains("<html"))
  }

  @Test func aTensorBoardEpochTagAtTheLargestStepIsAMessage() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("CurveIOTests/Fixtures/tensorboard/huge-step").path
    let file = folder + "/events.out.tfevents.1700007000.host.1.0.v2"
    let result = diagnose([folder], status: 1, naming: file)
    #expect(result.errors.contains("record 5 (byte 242): 'step' 9223372036854775807 is out of range"))
  }

  @Test func pipesAndDevicesAreRefusedAtOnce() throws {
    try withTemporaryFolder { folder in
      let pipe = folder + "/trainer_state.json"
      try #require(mkfifo(pipe, 0o644) == 0)
      diagnose([pipe], status: 1, naming: pipe)
      diagnose([folder], status: 1, naming: pipe)
      let result = diagnose(["/dev/zero"], status: 1, naming: "/dev/zero")
      #expect(result.errors.contains("character device"))
      diagnose(["/dev/zero", "--format", "csv"], status: 1, naming: "/dev/zero")
      let watch = run(["watch", pipe, "--polls", "1"])
      #expect(watch.status == 0)
      #expect(watch.output.contains("waiting: \(pipe): this is a named pipe (FIFO)"))
    }
  }

  @Test func twoGigabytesOfZerosAreRefusedAsBinaryEvenAsCSV() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/results.csv"
      let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      try #require(descriptor >= 0)
      try #require(ftruncate(descriptor, 2_000_000_000) == 0)
      close(descriptor)
      for format in [[], ["--format", "csv"], ["--format", "keras"]] {
        let result = diagnose([path] + format, status: 1, naming: path)
        #expect(result.errors.contains("binary data"))
      }
    }
  }

  @Test func anEightMegabyteCellGivesAShortMessage() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/metrics.csv"
      try write(
        "epoch,step,val_loss\n0,9,0.5\n0,19,\(String(repeating: "z", count: 8 << 20))\n", to: path)
      let result = diagnose([path], status: 1, naming: path)
      #expect(result.errors.utf8.count < 300 + path.utf8.count)
      #expect(result.errors.contains("line 3, column 'val_loss'"))
    }
  }

  /// Escape sequences a hostile log could carry: the clipboard (OSC 52), a clear screen, a
  /// window title, a one-byte CSI and a right-to-left override.
  static let escapes = [
    "\u{1B}]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u{7}", "\u{1B}[2J\u{1B}[H", "\u{1B}]0;owned\u{7}",
    "\u{9B}31m", "\u{202E}",
  ]

  @Test(arguments: escapes)
  func escapesInColumnNamesCellsKeysAndFileNamesNeverReachTheTerminal(escape: String) throws {
    try withTemporaryFolder { folder in
      // A column name, listed when nothing is recognised (stderr).
      // (Enough rows that two escapes do not make the file look binary.)
      let columns = folder + "/columns.csv"
      let rows = (1...40).map { "\($0),0.5,0.1\n" }.joined()
      try write("step,re\(escape)ward,k\(escape)l\n" + rows, to: columns)
      let refused = diagnose([columns], status: 1, naming: columns)
      #expect(refused.errors.contains("re\\u{"))

      // A cell of a known column (stderr) and a text column's warning (stdout).
      let cells = folder + "/cells.csv"
      try write("step,loss,val_loss\n1,0.5,0.6\n2,0.4,bad\(escape)\n", to: cells)
      diagnose([cells], status: 1, naming: cells)
      let text = folder + "/text.csv"
      try write("step,loss,val_loss,note\n1,0.5,0.6,ok\(escape)\n2,0.4,0.5,x\n", to: text)
      let warned = diagnose([text], status: 0)
      #expect(Self.unwrapped(warned.output).contains("column 'note' holds text ('ok\\u{"))

      // A JSON key (a warning on stdout) and a JSON string (an error on stderr).
      // (JSON cannot hold a raw control character: the file escapes it, the key holds it.)
      let escaped = escape.unicodeScalars.map {
        $0.value < 0x20 || $0.value > 0x7E ? String(format: "\\u%04x", $0.value) : String($0)
      }.joined()
      let keys = folder + "/trainer_state.json"
      try write(
        #"{"log_history":[{"loss":0.5,"step":1,"odd\#(escaped)key":3},{"eval_loss":0.4,"step":2}]}"#,
        to: keys)
      let keyed = diagnose([keys], status: 0)
      #expect(Self.unwrapped(keyed.output).contains("odd\\u{"), "\(keyed.output)")
      let strings = folder + "/state/trainer_state.json"
      try write(#"{"log_history":[{"loss":"x\#(escaped)","step":1}]}"#, to: strings)
      diagnose([strings], status: 1, naming: strings)

      // File names inside a folder, listed when none is a log (stderr).
      let listing = folder + "/listing"
      try write("hello", to: listing + "/read\(escape)me.txt")
      diagnose([listing], status: 1, naming: listing)

      // The path of the run itself, in the report and in the comparison table (stdout).
      let named = folder + "/run\(escape).csv"
      try write("epoch,loss,val_loss\n0,0.5,0.6\n1,0.4,0.5\n2,0.3,0.45\n", to: named)
      let compared = diagnose([named, text], status: 0)
      #expect(compared.output.contains("Comparison"))
      let html = folder + "/report.html"
      diagnose([named, "--html", html], status: 0)
      let page = try String(contentsOfFile: html, encoding: .utf8)
      #expect(!page.contains("\u{1B}"))
      let json = diagnose([named, "--json"], status: 0)
      #expect(!json.output.contains("\u{1B}"))
      #expect(try JSONValue(parsing: json.output)["runs"]?[0]?["source"]?.stringValue == named)
    }
  }

  /// The report with its wrapped lines joined again.
  static func unwrapped(_ text: String) -> String {
    text.replacingOccurrences(of: "\n    ", with: " ")
  }

  @Test func theHelpStatesTheLimits() {
    let help = run(["diagnose", "--help"]).output
    let text = help.replacingOccurrences(of: "\n", with: " ")
    #expect(text.contains("up to 4 GiB"))
    #expect(text.contains("from 0 to 2^53"))
    #expect(text.contains("--greater-is-better"))
    #expect(text.contains("history-json"))
  }

  @Test func theDirectionFlagsSetTheLoneMetricsDirection() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "CurveIOTests/Fixtures/shapes/wandb-one-metric/wandb_export_2024-03-02T11_20_41.118+01_00.csv"
      ).path
    let lower = run(["diagnose", fixture, "--json", "--lower-is-better"])
    #expect(lower.status == 0, "\(lower.errors)")
    let lowerRun = try #require(try JSONValue(parsing: lower.output)["runs"]?[0])
    #expect(lowerRun["best"]?["step"]?.integerValue == 5000)
    #expect(lowerRun["best"]?["value"]?.doubleValue == 54.1)
    let higher = run(["diagnose", fixture, "--json", "--greater-is-better"])
    let higherRun = try #require(try JSONValue(parsing: higher.output)["runs"]?[0])
    #expect(higherRun["best"]?["step"]?.integerValue == 1000)
    let warnings = higherRun["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
    #expect(warnings.contains { $0.contains("one metric, 'test FID_B'") && $0.contains("as you said") })
    let both = run(["diagnose", fixture, "--greater-is-better", "--lower-is-better"])
    #expect(both.status == 2)
    #expect(both.errors.contains("contradict"))
  }
}
