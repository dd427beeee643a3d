import CurveCore
import CurveDiagnosis
import JSONCoding

/// The machine-readable report of `diagnose --json`, schema `curvelab-diagnosis` version 1.
///
/// The schema is documented in `Docs/diagnosis-json.md`. Fields are only added in later
/// versions of the same major number, never renamed or removed.
enum JSONReport {
  static let schema = "curvelab-diagnosis"
  static let version = 1

  static func text(for runs: [DiagnosedRun]) -> String {
    let document: JSONValue = .object([
      ("runs", .array(runs.map(run))),
      ("schema", .string(schema)),
      ("version", .integer(Int64(version))),
    ])
    return document.serialized(.python(indent: 2, sortsKeys: true)) + "\n"
  }

  private static func run(_ run: DiagnosedRun) -> JSONValue {
    let d = run.diagnosis
    var members: [(key: String, value: JSONValue)] = [
      ("source", .string(run.path)),
      ("format", run.log.metadata.format.map(JSONValue.string) ?? .null),
      ("step_unit", .string(run.log.metadata.stepUnit.rawValue)),
      ("training_records", .integer(Int64(run.log.trainingEntries.count))),
      ("evaluations", .integer(Int64(run.log.evaluationEntries.count))),
      ("pattern", .string(d.pattern.rawValue)),
      ("confidence", number((d.confidence * 1000).rounded() / 1000)),
      ("runner_up", d.runnerUp.map { .string($0.rawValue) } ?? .null),
      ("headline", .string(d.headline)),
      ("in_progress", .bool(d.isInProgress)),
      ("missing", .array(d.missing.map(JSONValue.string))),
      ("convergence_step", d.convergenceStep.map { .integer(Int64($0)) } ?? .null),
      ("evidence", .array(d.evidence.map {
        .object([("key", .string($0.key)), ("meaning", .string($0.meaning)), ("value", number($0.value))])
      })),
      ("findings", .array(d.findings.map {
        .object([
          ("kind", .string($0.kind.rawValue)), ("message", .string($0.message)),
          ("step", $0.step.map { .integer(Int64($0)) } ?? .null),
        ])
      })),
      ("remedies", .array(d.remedies.map {
        .object([
          ("action", .string($0.action.rawValue)),
          ("cause", $0.cause.map { .string($0.rawValue) } ?? .null),
          ("changes", .array($0.changes.map(change))),
          ("text", .string($0.text)),
        ])
      })),
      ("cause", d.cause.map { .string($0.rawValue) } ?? .null),
      ("causes", .array(d.causes.map {
        .object([
          ("cause", .string($0.cause.rawValue)), ("determined", .bool($0.isDetermined)),
          ("evidence", .array($0.evidence.map(JSONValue.string))),
          ("weight", number(($0.weight * 1000).rounded() / 1000)),
        ])
      })),
      ("unknowns", .array(d.unknowns.map(JSONValue.string))),
      ("baseline", d.baseline.isKnown ? .object([
        ("basis", d.baseline.basis.map(JSONValue.string) ?? .null),
        ("chance_accuracy", d.baseline.chanceAccuracy.map(number) ?? .null),
        ("classes", d.baseline.classes.map { .integer(Int64($0)) } ?? .null),
        ("trivial_loss", d.baseline.trivialLoss.map(number) ?? .null),
      ]) : .null),
      ("schedule", d.schedule.map { schedule in
        .object([
          ("decays", .bool(schedule.decays)), ("final", number(schedule.final)),
          ("final_share", number(schedule.finalShare)), ("peak", number(schedule.peak)),
          ("peak_step", .integer(Int64(schedule.peakStep))), ("warmup", .bool(schedule.hasWarmup)),
        ])
      } ?? .null),
      ("warnings", .array(run.warnings.map(JSONValue.string))),
    ]
    members.append(("best", d.best.map { best in
      .object([
        ("epoch", best.epoch.map(number) ?? .null), ("index", .integer(Int64(best.index))),
        ("metric", .string(best.metric)), ("step", .integer(Int64(best.step))),
        ("value", number(best.value)),
      ])
    } ?? .null))
    members.append(("overfitting_onset", d.overfittingOnset.map { onset in
      .object([
        ("epoch", onset.epoch.map(number) ?? .null), ("rise", number(onset.rise)),
        ("step", .integer(Int64(onset.step))),
      ])
    } ?? .null))
    members.append(("early_stopping", d.earlyStopping.map(earlyStopping) ?? .null))
    members.append(("accuracy_steps", d.accuracySteps.map { steps in
      .object([
        ("implied_set_size", steps.impliedSetSize.map { .integer(Int64($0)) } ?? .null),
        ("quantized", .bool(steps.isQuantized)),
        ("smallest_step", steps.smallestStep.map(number) ?? .null),
      ])
    } ?? .null))
    return .object(members)
  }

  /// A remedy's change as the documented object: `{"knob": "learning_rate", "factor": 10}`,
  /// `{"knob": "weight_decay", "value": 0.01}`, `{"action": "keep_checkpoint", "step": 800}`,
  /// `{"action": "check_data"}`.
  static func change(_ change: RemedyChange) -> JSONValue {
    switch change {
    case .scale(let setting, let factor):
      .object([("factor", number(factor)), ("knob", .string(setting.rawValue))])
    case .set(let setting, let value):
      .object([("knob", .string(setting.rawValue)), ("value", number(value))])
    case .keepCheckpoint(let step):
      .object([("action", .string("keep_checkpoint")), ("step", .integer(Int64(step)))])
    case .checkData:
      .object([("action", .string("check_data"))])
    }
  }

  /// Non-finite numbers become `null`, so strict JSON parsers accept the report.
  static func number(_ value: Double) -> JSONValue {
    value.isFinite ? .double(value) : .null
  }
}
