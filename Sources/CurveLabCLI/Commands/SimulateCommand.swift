public import ArgumentParsing
import CurveCore
import CurveIO
import CurveRender
import CurveSim
import TerminalCanvas

/// `curvelab simulate`: trains a tiny network and shows or writes its curves.
struct SimulateCommand {
  static let spec = CommandSpec(
    name: "simulate",
    abstract: "Train a tiny network for real and show its learning curves.",
    discussion: """
      A scenario (healthy, overfitting, underfitting, erratic, diverged) draws every knob from \
      the seed, so each seed gives a different run of the same pattern. Every scenario but \
      healthy has causes, the mechanisms real runs show it for, and the seed picks one unless \
      --cause asks for it: \
      overfitting: small-data (a few dozen examples), big-model (hundreds of units per example), \
      label-noise (one label in eight flipped); \
      underfitting: low-learning-rate (100 to 1,000 times too small), too-few-steps (one to three \
      epochs), small-model (one or two hidden units, or none), heavy-weight-decay; \
      erratic: high-learning-rate (AdamW far above its stable rate), tiny-batch (one or two \
      examples per update, momentum SGD), small-eval-set (eight to twenty validation examples, \
      drawn afresh at each evaluation); \
      diverged: high-learning-rate (momentum SGD, no clipping: the loss overflows to infinity, \
      then NaN, logged as the Trainer logs it). \
      A small panel under the loss shows the learning rate, so a tail that flattens because the \
      rate decayed can be told from one that converged. Any knob given as a flag overrides the \
      drawn value; change one at a time and rerun to see what it does.
      """,
    examples: [
      "curvelab simulate --scenario overfitting --seed 7",
      "curvelab simulate --scenario underfitting --cause low-learning-rate --seed 3",
      "curvelab simulate --scenario erratic --seed 3 --learning-rate 0.02 --batch-size 32",
      "curvelab simulate --scenario healthy --lr-schedule constant --epochs 60",
      "curvelab simulate --scenario diverged --format trainer-state --output trainer_state.json",
    ],
    options: [
      .option(
        "scenario", valueName: "NAME",
        help: "healthy, overfitting, underfitting, erratic or diverged.", default: "healthy"),
      .option(
        "cause", valueName: "NAME",
        help: "Why the scenario's pattern shows (see above); the seed picks one when not given. "
          + "Recorded in the run's metadata and the trainer-state's trial_params."),
      .option("seed", short: "s", valueName: "N", help: "Seed of every random choice.", default: "42"),
      .option(
        "dataset", valueName: "NAME",
        help: "moons, circles, xor, spirals, blobs or gaussian (50 features).", section: "Data"),
      .option("train-size", valueName: "N", help: "Training examples.", section: "Data"),
      .option("eval-size", valueName: "N", help: "Validation examples.", section: "Data"),
      .option("input-noise", valueName: "SD", help: "Noise added to the inputs.", section: "Data"),
      .option("label-noise", valueName: "P", help: "Share of labels flipped, 0 to 0.5.", section: "Data"),
      .option(
        "hidden", valueName: "WIDTHS",
        help: "Hidden layer widths, e.g. 32 or 64,64; 0 for logistic regression.", section: "Model"),
      .option("activation", valueName: "NAME", help: "relu or tanh.", section: "Model"),
      .option("dropout", valueName: "P", help: "Dropout probability, 0 to under 1.", section: "Model"),
      .option("optimizer", valueName: "NAME", help: "adamw or sgd (momentum 0.9).", section: "Training"),
      .option("learning-rate", valueName: "RATE", help: "Peak learning rate.", section: "Training"),
      .option("lr-schedule", valueName: "NAME", help: "linear (decay to 0, the Trainer's default), cosine (to 0) or constant.", section: "Training"),
      .option("warmup-steps", valueName: "N", help: "Steps of linear warmup.", section: "Training"),
      .option("batch-size", valueName: "N", help: "Examples per update.", section: "Training"),
      .option("epochs", valueName: "N", help: "Passes over the training set.", section: "Training"),
      .option("weight-decay", valueName: "W", help: "Weight decay (not on biases).", section: "Training"),
      .option("max-grad-norm", valueName: "N", help: "Clip gradients to this norm; 0 turns clipping off.", section: "Training"),
      .option("logging-steps", valueName: "N", help: "Log training loss every N steps.", section: "Logging"),
      .option("eval-steps", valueName: "N", help: "Evaluate every N steps, or 'epoch'.", section: "Logging"),
      .option(
        "eval-sampling", valueName: "HOW",
        help: "fixed (the same validation set every time, as the Trainer does) or fresh (a new "
          + "random sample of --eval-size examples at each evaluation, as a loop that "
          + "estimates validation loss from a few random batches does).",
        section: "Logging"),
      .option(
        "early-stopping-patience", valueName: "N",
        help: "Stop after N evaluations without improvement in validation loss.", section: "Logging"),
      .option(
        "early-stopping-threshold", valueName: "D",
        help: "Improvement needed to reset the patience counter.", section: "Logging"),
      .option(
        "format", short: "f", valueName: "FORMAT",
        help: "chart, csv, json or trainer-state.", default: "chart", section: "Output"),
      .option("output", short: "o", valueName: "FILE", help: "Write to FILE instead of standard output.", section: "Output"),
      .option("x-axis", valueName: "UNIT", help: "step or epoch, for the chart.", default: "step", section: "Output"),
      .flag("ascii", help: "Draw the chart with ASCII characters only.", section: "Output"),
      .flag("no-color", help: "No colour (also when NO_COLOR is set).", section: "Output"),
    ])

  let scenario: Scenario
  let cause: Cause?
  let seed: UInt64
  let configuration: TrainingConfiguration
  let format: OutputFormat
  let outputPath: String?
  let xAxis: TrainingLogChart.XAxis
  let charset: Charset
  let noColor: Bool

  /// What `simulate` writes.
  enum OutputFormat: String, CaseIterable, ArgumentValue {
    case chart, csv, json
    case trainerState = "trainer-state"
  }

  init(_ parsed: ParsedArguments) throws {
    scenario = try parsed.value("scenario", as: Scenario.self)!
    seed = try parsed.value("seed", as: UInt64.self)!
    if let asked = try parsed.value("cause", as: Cause.self) {
      guard scenario.causes.contains(asked) else {
        throw ArgumentError.invalidValue(
          argument: "--cause", value: asked.rawValue,
          expected: scenario.causes.isEmpty
            ? "left out: the \(scenario.rawValue) scenario has no causes"
            : "a cause of the \(scenario.rawValue) scenario: "
              + scenario.causes.map(\.rawValue).joined(separator: ", "))
      }
      cause = asked
    } else {
      cause = scenario.cause(seed: seed)
    }
    var c = scenario.configuration(seed: seed, cause: cause)
    // Every knob flag is read by its Knob, the one parser lessons and exercise sets use too.
    for knob in Knob.allCases {
      guard let text = try parsed.value(knob.rawValue, as: String.self) else { continue }
      do {
        try knob.apply(text, to: &c)
      } catch {
        throw ArgumentError.invalidValue(
          argument: "--" + knob.rawValue, value: text, expected: knob.requirement)
      }
    }
    if let value = try parsed.value(
      "early-stopping-threshold", as: Double.self, validating: .atLeastZero)
    {
      c.earlyStoppingThreshold = value
      if c.earlyStoppingPatience == nil {
        throw CLIError.invalidConfiguration([
          "--early-stopping-threshold needs --early-stopping-patience"
        ])
      }
    }
    let problems = c.problems
    guard problems.isEmpty else { throw CLIError.invalidConfiguration(problems.map(\.description)) }
    configuration = c
    format = try parsed.value("format", as: OutputFormat.self)!
    outputPath = try parsed.value("output", as: String.self)
    xAxis = try parsed.value("x-axis", as: TrainingLogChart.XAxis.self)!
    charset = parsed.isSet("ascii") ? .ascii : .braille
    noColor = parsed.isSet("no-color")
  }

  func run(context: CommandContext, output: inout some TextOutputStream) throws {
    let run = Simulator(configuration: configuration, seed: seed, scenario: scenario, cause: cause).run()
    let log = run.log
    let text: String
    switch format {
    case .chart:
      let colour = !noColor && outputPath == nil && context.terminal.isColorEnabled
      text = RunReport(log: log, scenario: scenario, configuration: configuration).text(
        width: context.terminal.width, xAxis: xAxis,
        options: ChartOptions(isColorEnabled: colour, charset: charset))
    case .csv: text = CSVLogWriter().text(for: log)
    case .json: text = CurveLabJSONWriter().text(for: log)
    case .trainerState: text = TrainerStateWriter(recordsSettings: true).text(for: log)
    }
    if let outputPath {
      try FileWriting.writeAtomically(text, to: outputPath)
    } else {
      output.write(text)
    }
  }
}

extension Scenario: ArgumentValue {}
extension Cause: ArgumentValue {}
extension TrainingLogChart.XAxis: ArgumentValue {}

extension ArgumentValidation where Value == Double {
  /// Zero or more.
  static var atLeastZero: Self { Self("a number, 0 or more") { $0 >= 0 } }
}

extension ArgumentValidation where Value == UInt64 {
  /// A seed that JSON files (and the tools that read them) hold exactly: 0 to 2^63 - 1.
  static var seed: Self { Self("a whole number from 0 to \(Int64.max)") { $0 <= UInt64(Int64.max) } }
}

extension ArgumentValidation where Value == Int {
  /// Zero or more.
  static var atLeastZero: Self { Self("a whole number, 0 or more") { $0 >= 0 } }
}
