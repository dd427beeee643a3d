import ArgumentParsing
import CurveCore
import CurveDiagnosis

/// The `diagnose` flags that set the early-stopping rule to replay, with the rule sets each
/// applies to: one table for the help text and for the check that a flag fits `--rules`.
///
/// ```swift
/// let policy = try EarlyStoppingFlags.policy(from: parsed, monitor: .validationLoss)
/// ```
enum EarlyStoppingFlags {
  typealias Framework = EarlyStoppingPolicy.Framework

  /// One flag and the rule sets it applies to.
  struct Flag {
    let spec: OptionSpec
    let frameworks: [Framework]
  }

  static let section = "Early stopping"

  /// Every early-stopping flag, in help order.
  static let flags: [Flag] = [
    Flag(
      spec: .option(
        "rules", valueName: "FRAMEWORK",
        help: "Early-stopping rules to replay: transformers (EarlyStoppingCallback with "
          + "load_best_model_at_end), keras (keras.callbacks.EarlyStopping) or lightning "
          + "(lightning.pytorch EarlyStopping).",
        default: "transformers", section: section),
      frameworks: Framework.allCases),
    Flag(
      spec: .option(
        "monitor", valueName: "METRIC",
        help: "Metric that ranks checkpoints, e.g. eval_loss or eval_f1 (default: eval_loss, or "
          + "the log's only metric when it has no loss or accuracy).",
        section: section),
      frameworks: Framework.allCases),
    Flag(
      spec: .flag(
        "greater-is-better",
        help: "The monitored metric is better when higher (accuracy, SSIM, BLEU); by default "
          + "the direction comes from its name.",
        section: section),
      frameworks: Framework.allCases),
    Flag(
      spec: .flag(
        "lower-is-better", help: "The monitored metric is better when lower (loss, FID, WER).",
        section: section),
      frameworks: Framework.allCases),
    Flag(
      spec: .option(
        "patience", valueName: "N", help: "Evaluations without improvement before stopping.",
        default: "3", section: section),
      frameworks: Framework.allCases),
    Flag(
      spec: .option(
        "threshold", valueName: "D",
        help: "Improvement needed to count: early_stopping_threshold (transformers) or min_delta "
          + "(keras, lightning).",
        default: "0", section: section),
      frameworks: Framework.allCases),
    Flag(
      spec: .option(
        "save-steps", valueName: "N",
        help: "The Trainer's save_steps, a multiple of eval_steps: only evaluations at its "
          + "multiples (and at the end of training) write a checkpoint that can be restored. "
          + "Default: every evaluation writes one.",
        section: section),
      frameworks: [.transformers]),
    Flag(
      spec: .option(
        "transformers-version", valueName: "VERSION",
        help: "The transformers release whose best-checkpoint bookkeeping to follow, e.g. 4.46.3: "
          + "4.46 and earlier, 4.47 to 4.49, or 4.50 and later (5.x); they differ when some "
          + "evaluations write no checkpoint.",
        default: "5", section: section),
      frameworks: [.transformers]),
    Flag(
      spec: .flag(
        "restore-best",
        help: "Restore the best checkpoint at the end: keras restore_best_weights=True, or for "
          + "lightning a ModelCheckpoint on the monitored metric whose best you load. Without it "
          + "the run ends with its last weights (transformers always loads its best).",
        section: section),
      frameworks: [.keras, .lightning]),
    Flag(
      spec: .option(
        "baseline", valueName: "V",
        help: "Keras baseline: the wait only resets on a value better than V.", section: section),
      frameworks: [.keras]),
    Flag(
      spec: .option(
        "start-from-epoch", valueName: "N",
        help: "Keras start_from_epoch: the first N evaluations are not monitored.",
        section: section),
      frameworks: [.keras]),
    Flag(
      spec: .option(
        "stopping-threshold", valueName: "V",
        help: "Lightning stopping_threshold: stop once the metric is better than V.",
        section: section),
      frameworks: [.lightning]),
    Flag(
      spec: .option(
        "divergence-threshold", valueName: "V",
        help: "Lightning divergence_threshold: stop once the metric is worse than V.",
        section: section),
      frameworks: [.lightning]),
    Flag(
      spec: .option(
        "precision", valueName: "WIDTH",
        help: "Width keras and lightning compare current - min_delta in: float32, float64, or "
          + "auto (float32 when every logged value is a float32 number; use float64 for tf.keras "
          + "2 or the Keras NumPy backend).",
        default: "auto", section: section),
      frameworks: [.keras, .lightning]),
  ]

  /// The flags' specs, with the rule sets each applies to added to its help.
  static var options: [OptionSpec] {
    flags.map { flag in
      guard flag.frameworks.count < Framework.allCases.count else { return flag.spec }
      let names = flag.frameworks.map(\.rawValue).joined(separator: " and ")
      let help = flag.spec.help + " Applies to --rules \(names)."
      return flag.spec.isFlag
        ? .flag(flag.spec.name, help: help, section: flag.spec.section)
        : .option(
          flag.spec.name, valueName: flag.spec.valueName!, help: help,
          default: flag.spec.defaultValue, section: flag.spec.section)
    }
  }

  /// The rule the flags describe.
  ///
  /// - Throws: ``ArgumentError`` for a value that does not parse; ``CLIError/invalidConfiguration(_:)``
  ///   naming every flag given that does not apply to the chosen `--rules`.
  static func policy(from parsed: ParsedArguments, monitor: MonitoredMetric) throws
    -> EarlyStoppingPolicy
  {
    let framework = try parsed.value("rules", as: Framework.self)!
    let misplaced = flags.filter {
      !$0.frameworks.contains(framework) && parsed.isSet($0.spec.name)
    }
    if !misplaced.isEmpty {
      throw CLIError.invalidConfiguration(
        misplaced.map { flag in
          "\(flag.spec.longForm) applies to --rules "
            + flag.frameworks.map(\.rawValue).joined(separator: " and ")
            + ", not \(framework.rawValue)"
        })
    }
    let precision = try parsed.value("precision", as: PrecisionChoice.self)!
    let release = try parsed.value("transformers-version", as: String.self)!
    guard let version = TrainerEarlyStopping.Version(release: release) else {
      throw ArgumentError.invalidValue(
        argument: "--transformers-version", value: release,
        expected: "a transformers release from 4.0 on, such as 4.46.3 or 5")
    }
    return EarlyStoppingPolicy(
      framework: framework,
      patience: try parsed.value("patience", as: Int.self, validating: .atLeastZero)!,
      threshold: try parsed.value("threshold", as: Double.self, validating: .atLeastZero)!,
      greaterIsBetter: monitor.greaterIsBetter,
      baseline: try parsed.value("baseline", as: Double.self),
      startFrom: try parsed.value("start-from-epoch", as: Int.self, validating: .atLeastZero) ?? 0,
      stoppingThreshold: try parsed.value("stopping-threshold", as: Double.self),
      divergenceThreshold: try parsed.value("divergence-threshold", as: Double.self),
      restoresBest: framework == .transformers ? true : parsed.isSet("restore-best"),
      saveSteps: try parsed.value("save-steps", as: Int.self, validating: .positive),
      trainerVersion: version,
      precision: precision.width)
  }

  /// `--precision`: a width, or `auto` to tell it from the log.
  enum PrecisionChoice: String, CaseIterable, ArgumentValue {
    case auto, float32, float64

    var width: ValuePrecision? { ValuePrecision(rawValue: rawValue) }
  }
}
