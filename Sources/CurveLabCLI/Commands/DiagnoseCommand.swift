public import ArgumentParsing
import CurveCore
import CurveDiagnosis
import CurveIO
import CurveRender
import TerminalCanvas

/// `curvelab diagnose FILE...`: what a run shows, with numbers as evidence.
struct DiagnoseCommand {
  static let spec = CommandSpec(
    name: "diagnose",
    abstract: "Read training logs and say what they show: the pattern, where to stop, what to change.",
    discussion: """
      Reads Hugging Face trainer_state.json (or a run folder), Keras and Lightning CSV logs, \
      TensorBoard event files and CSV downloads, W&B exports, fastai, MLflow and Ultralytics \
      logs, Detectron2's metrics.json, OpenMMLab's *.log.json, histories saved with json.dump \
      (history.history, a list of records, pandas, or one nested in a report), loops' own CSV \
      (one row per epoch, or per set with a phase or split column), and CurveLab's own JSON, \
      JSON Lines and CSV. The format is detected from the name and the \
      content; --format overrides it. Several files give a verdict each and a comparison; \
      with --merge they are one run (e.g. one TensorBoard CSV per series). A log of one \
      metric and no loss (a W&B panel of FID or SSIM) is read and that metric monitored.

      Files from anywhere are safe to read: a log may be up to 4 GiB (larger files, named \
      pipes and devices are refused at once, binary files from their first 64 KB); steps and \
      epochs run from 0 to 2^53; names longer than 1 KB are refused; anything printed from \
      a file has its control characters shown, not obeyed. An unreadable file is named with \
      the line and column where there is one, and the exit status is 1.

      Early stopping is replayed as the chosen framework's code does it: where it stops, and \
      the checkpoint restored or, when none is, the last weights (Docs/early-stopping.md).
      """,
    examples: [
      "curvelab diagnose output/trainer_state.json",
      "curvelab diagnose runs/ --patience 5 --html report.html",
      "curvelab diagnose a.csv b.csv --json",
      "curvelab diagnose run.json --fail-on overfitting,diverged",
      "curvelab diagnose trainer_state.json --save-steps 500 --transformers-version 4.46",
      "curvelab diagnose metrics.csv --rules lightning --threshold 0.01 --restore-best",
    ],
    options: [
      .option(
        "format", short: "f", valueName: "FORMAT",
        help: "Force the log format: " + LogFormat.allCases.map(\.rawValue).joined(separator: ", ") + ".",
        section: "Reading"),
      .flag("merge", help: "Read all files as one run, merging their series by step.", section: "Reading"),
      .option("train-loss", valueName: "NAME", help: "Column or tag holding the training loss.", section: "Reading"),
      .option("val-loss", valueName: "NAME", help: "Column or tag holding the validation loss.", section: "Reading"),
      .option(
        "val-accuracy", valueName: "NAME", help: "Column or tag holding the validation accuracy.",
        section: "Reading"),
    ] + EarlyStoppingFlags.options + [
      .flag("json", help: "Print the diagnosis as JSON (schema curvelab-diagnosis, version 1).", section: "Output"),
      .option("html", valueName: "FILE", help: "Also write a self-contained HTML report.", section: "Output"),
      .option(
        "fail-on", valueName: "PATTERNS",
        help: "Exit with status 1 if any run shows one of these (comma-separated): "
          + Pattern.allCases.map(\.rawValue).joined(separator: ", ") + ".",
        section: "Output"),
      .flag("no-chart", help: "Leave the chart out of the text report.", section: "Output"),
      .option("x-axis", valueName: "UNIT", help: "step or epoch, for the chart.", default: "step", section: "Output"),
      .flag("ascii", help: "Draw the chart with ASCII characters only.", section: "Output"),
      .flag("no-color", help: "No colour (also when NO_COLOR is set).", section: "Output"),
    ],
    positionals: [PositionalSpec("FILE", help: "A log file or run folder.", isRepeating: true)])

  let paths: [String]
  let format: LogFormat?
  let merges: Bool
  let mapping: MetricMapping
  /// `--monitor`, when given; otherwise each log's own choice (see ``options(for:)``).
  let monitorName: String?
  /// `--greater-is-better` (true) or `--lower-is-better` (false); `nil` reads it from the name.
  let greaterIsBetter: Bool?
  /// The rule to replay; its direction is set per log, from the metric monitored there.
  let earlyStopping: EarlyStoppingPolicy
  let printsJSON: Bool
  let htmlPath: String?
  let failOn: Set<Pattern>
  let showsChart: Bool
  let xAxis: TrainingLogChart.XAxis
  let charset: Charset
  let noColor: Bool

  init(_ parsed: ParsedArguments) throws {
    paths = parsed.positionals
    format = try parsed.value("format", as: LogFormat.self)
    merges = parsed.isSet("merge")
    mapping = MetricMapping(
      trainingLoss: try parsed.value("train-loss", as: String.self),
      validationLoss: try parsed.value("val-loss", as: String.self),
      validationAccuracy: try parsed.value("val-accuracy", as: String.self))
    monitorName = try parsed.value("monitor", as: String.self)
    if parsed.isSet("greater-is-better") && parsed.isSet("lower-is-better") {
      throw CLIError.invalidConfiguration(
        ["--greater-is-better and --lower-is-better contradict each other; give one"])
    }
    greaterIsBetter =
      parsed.isSet("greater-is-better") ? true : parsed.isSet("lower-is-better") ? false : nil
    earlyStopping = try EarlyStoppingFlags.policy(
      from: parsed,
      monitor: MonitoredMetric(
        name: monitorName ?? MonitoredMetric.validationLoss.name, greaterIsBetter: greaterIsBetter))
    printsJSON = parsed.isSet("json")
    htmlPath = try parsed.value("html", as: String.self)
    var failOn = Set<Pattern>()
    if let list = try parsed.value("fail-on", as: String.self) {
      for name in list.split(separator: ",").map({ $0.trimmingCharacters() }) where !name.isEmpty {
        guard let pattern = Pattern(rawValue: name) ?? Pattern.synonym(name) else {
          throw ArgumentError.invalidValue(
            argument: "--fail-on", value: name,
            expected: Pattern.allCases.map(\.rawValue).joined(separator: ", "))
        }
        failOn.insert(pattern)
      }
    }
    self.failOn = failOn
    showsChart = !parsed.isSet("no-chart")
    xAxis = try parsed.value("x-axis", as: TrainingLogChart.XAxis.self)!
    charset = parsed.isSet("ascii") ? .ascii : .braille
    noColor = parsed.isSet("no-color")
    if paths.isEmpty {
      throw ArgumentError.missingPositional("FILE")
    }
  }

  /// Loads, diagnoses and reports; returns the runs that matched `--fail-on`, as
  /// `path: pattern`.
  func run(context: CommandContext, output: inout some TextOutputStream) throws -> [String] {
    let runs = try loadRuns()
    if printsJSON {
      output.write(JSONReport.text(for: runs))
    } else {
      let report = TextReport(
        width: context.terminal.width,
        chartOptions: ChartOptions(
          isColorEnabled: !noColor && context.terminal.isColorEnabled, charset: charset),
        showsChart: showsChart, xAxis: xAxis)
      for (index, run) in runs.enumerated() {
        if index > 0 { output.write("\n") }
        output.write(report.text(for: run))
      }
      if runs.count > 1 { output.write("\n" + report.comparison(of: runs)) }
    }
    if let htmlPath {
      try FileWriting.writeAtomically(HTMLReport.text(for: runs), to: htmlPath)
      if !printsJSON { output.write("\nHTML report written to \(htmlPath)\n") }
    }
    return runs.filter { failOn.contains($0.diagnosis.pattern) }.map {
      "\($0.path): \($0.diagnosis.pattern.rawValue)"
    }
  }

  func loadRuns() throws -> [DiagnosedRun] {
    let loader = LogLoader()
    if merges {
      let loaded = try loader.load(paths: paths, format: format, mapping: mapping)
      return [diagnosed(loaded, path: paths.joined(separator: " + "))]
    }
    return try paths.map { path in
      diagnosed(try loader.load(path: path, format: format, mapping: mapping), path: path)
    }
  }

  /// The options for one log: the metric it monitors is `--monitor`, else the log's only
  /// metric when it has no loss or accuracy (a W&B export of `test FID_B`), else `eval_loss`;
  /// its direction comes from `--greater-is-better` / `--lower-is-better`, else the name.
  func options(for loaded: LoadedLog) -> DiagnosisOptions {
    let monitor = MonitoredMetric(
      name: monitorName ?? loaded.loneMetric ?? MonitoredMetric.validationLoss.name,
      greaterIsBetter: greaterIsBetter)
    var policy = earlyStopping
    policy.greaterIsBetter = monitor.greaterIsBetter
    return DiagnosisOptions(monitor: monitor, earlyStopping: policy)
  }

  private func diagnosed(_ loaded: LoadedLog, path: String) -> DiagnosedRun {
    let options = options(for: loaded)
    var warnings = loaded.warnings + saveStepsWarnings(for: loaded.log)
    if let lone = loaded.loneMetric, monitorName == nil {
      let direction = options.monitor.greaterIsBetter ? "higher" : "lower"
      let source = greaterIsBetter == nil ? "from its name" : "as you said"
      let flag = options.monitor.greaterIsBetter ? "--lower-is-better" : "--greater-is-better"
      let hint = greaterIsBetter == nil ? "; \(flag) if not" : ""
      warnings.append(
        "\(loaded.log.metadata.source): the log holds one metric, '\(lone)', and no loss or "
          + "accuracy; it is the monitored metric, \(direction) is better (\(source)\(hint))")
    }
    return DiagnosedRun(
      path: path, log: loaded.log, diagnosis: Diagnoser(options: options).diagnose(loaded.log),
      warnings: warnings)
  }

  /// A note when `--save-steps` is no multiple of the `eval_steps` the log records: the Trainer
  /// refuses that with `load_best_model_at_end` (`TrainingArguments.__post_init__`), so no real
  /// run had it; the replay goes ahead all the same.
  func saveStepsWarnings(for log: TrainingLog) -> [String] {
    let policy = earlyStopping
    guard policy.framework == .transformers, let save = policy.saveSteps,
      let evaluation = log.metadata.evalSteps, save % evaluation != 0
    else { return [] }
    return [
      "--save-steps \(save) is not a multiple of the log's eval_steps \(evaluation): the Trainer "
        + "refuses that with load_best_model_at_end; replayed as given"
    ]
  }
}

extension LogFormat: ArgumentValue {}
extension EarlyStoppingPolicy.Framework: ArgumentValue {}

extension Pattern {
  /// Everyday spellings: `overfit`, `underfit`, `diverging`, `unstable`.
  static func synonym(_ text: String) -> Pattern? {
    switch text.lowercased() {
    case "overfit", "overfits": .overfitting
    case "underfit", "underfits": .underfitting
    case "unstable", "noisy", "jumpy": .erratic
    case "divergence", "diverging", "nan": .diverged
    case "insufficient", "insufficient_data", "too-short": .insufficientData
    case "fine", "good", "ok": .healthy
    default: Pattern(rawValue: text.lowercased())
    }
  }
}

extension Substring {
  func trimmingCharacters() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
