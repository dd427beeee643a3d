import CurveDiagnosis
import JSONCoding

extension JSONReport {
  /// The `early_stopping` object: the rule replayed (every setting, `null` where it does not
  /// apply to the rule set) and its outcome.
  static func earlyStopping(_ outcome: EarlyStoppingOutcome) -> JSONValue {
    let policy = outcome.policy
    func step(_ value: Int?) -> JSONValue { value.map { .integer(Int64($0)) } ?? .null }
    func only(_ frameworks: [EarlyStoppingPolicy.Framework], _ value: JSONValue) -> JSONValue {
      frameworks.contains(policy.framework) ? value : .null
    }
    return .object([
      ("framework", .string(policy.framework.rawValue)),
      ("patience", .integer(Int64(policy.patience))),
      ("threshold", number(policy.threshold)),
      ("restores_best", .bool(policy.restoresBest)),
      ("save_steps", only([.transformers], step(policy.saveSteps))),
      ("transformers_version", only([.transformers], .string(policy.trainerVersion.rawValue))),
      ("baseline", only([.keras], policy.baseline.map(number) ?? .null)),
      ("start_from_epoch", only([.keras], .integer(Int64(policy.startFrom)))),
      ("stopping_threshold", only([.lightning], policy.stoppingThreshold.map(number) ?? .null)),
      ("divergence_threshold", only([.lightning], policy.divergenceThreshold.map(number) ?? .null)),
      ("precision", .string(outcome.precision.rawValue)),
      ("stop_step", step(outcome.stopStep)),
      ("stop_index", step(outcome.stopIndex)),
      ("best_step", step(outcome.bestStep)),
      ("restored_step", step(outcome.restoredStep)),
      ("kept_step", step(outcome.keptStep)),
      ("reason", outcome.reason.map { .string($0.rawValue) } ?? .null),
    ])
  }
}
