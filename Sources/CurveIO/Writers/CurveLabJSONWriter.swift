public import CurveCore
public import JSONCoding

/// Writes a training log in CurveLab's own JSON format, which keeps everything a log holds.
///
/// The document is `{"format": "curvelab-log", "version": 1, "metadata": {...},
/// "training": [...], "evaluation": [...]}`; keys are sorted, absent values are left out, and
/// numbers are written so they read back to the same bits.
///
/// ```swift
/// let text = CurveLabJSONWriter().text(for: log)
/// ```
public struct CurveLabJSONWriter: Sendable {
  /// The `format` field's value.
  public static let formatName = "curvelab-log"
  /// The schema version this writer produces.
  public static let version = 1

  /// Creates a writer.
  public init() {}

  /// The JSON text for `log`, indented by two spaces, ending in a newline.
  public func text(for log: TrainingLog) -> String {
    document(for: log).serialized(.python(indent: 2, sortsKeys: true)) + "\n"
  }

  /// The document as a JSON tree.
  public func document(for log: TrainingLog) -> JSONValue {
    .object([
      ("evaluation", .array(log.evaluationEntries.map(evaluation))),
      ("format", .string(Self.formatName)),
      ("metadata", metadata(log.metadata)),
      ("training", .array(log.trainingEntries.map(training))),
      ("version", .integer(Int64(Self.version))),
    ])
  }

  private func training(_ entry: TrainingEntry) -> JSONValue {
    .object(
      [
        ("step", .integer(Int64(entry.step))),
        ("epoch", entry.epoch.map(JSONValue.double)),
        ("loss", .double(entry.loss)),
        ("learning_rate", entry.learningRate.map(JSONValue.double)),
        ("grad_norm", entry.gradientNorm.map(JSONValue.double)),
      ].compactMap { key, value in value.map { (key, $0) } })
  }

  private func evaluation(_ entry: EvaluationEntry) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("step", .integer(Int64(entry.step))),
      ("epoch", entry.epoch.map(JSONValue.double)),
      ("loss", entry.loss.map(JSONValue.double)),
      ("accuracy", entry.accuracy.map(JSONValue.double)),
      ("train_loss", entry.trainingLoss.map(JSONValue.double)),
      ("train_accuracy", entry.trainingAccuracy.map(JSONValue.double)),
    ].compactMap { key, value in value.map { (key, $0) } }
    if !entry.metrics.isEmpty {
      members.append(
        ("metrics", .object(entry.metrics.keys.sorted().map { ($0, .double(entry.metrics[$0]!)) })))
    }
    return .object(members)
  }

  private func metadata(_ metadata: RunMetadata) -> JSONValue {
    func integer(_ value: Int?) -> JSONValue? { value.map { .integer(Int64($0)) } }
    var members: [(key: String, value: JSONValue)] = [
      ("source", .string(metadata.source)),
      ("format", metadata.format.map(JSONValue.string)),
      ("seed", metadata.seed.map { .string(String($0)) }),
      ("steps_per_epoch", integer(metadata.stepsPerEpoch)),
      ("max_steps", integer(metadata.maxSteps)),
      ("num_train_epochs", integer(metadata.numTrainEpochs)),
      ("logging_steps", integer(metadata.loggingSteps)),
      ("eval_steps", integer(metadata.evalSteps)),
      ("train_batch_size", integer(metadata.trainBatchSize)),
      ("training_set_size", integer(metadata.trainingSetSize)),
      ("evaluation_set_size", integer(metadata.evaluationSetSize)),
      ("step_unit", .string(metadata.stepUnit.rawValue)),
    ].compactMap { key, value in value.map { (key, $0) } }
    if !metadata.configuration.isEmpty {
      members.append(
        (
          "configuration",
          .object(metadata.configuration.keys.sorted().map { ($0, .string(metadata.configuration[$0]!)) })
        ))
    }
    if let best = metadata.bestCheckpoint {
      members.append(
        (
          "best_checkpoint",
          .object([
            ("metric", .string(best.metric)), ("value", .double(best.value)),
            ("step", .integer(Int64(best.step))), ("stopped_early", .bool(best.stoppedEarly)),
          ])
        ))
    }
    if let summary = metadata.summary {
      var fields: [(key: String, value: JSONValue)] = [
        ("global_step", .integer(Int64(summary.globalStep))), ("epoch", .double(summary.epoch)),
        ("mean_training_loss", .double(summary.meanTrainingLoss)),
      ]
      if let seconds = summary.runtimeSeconds { fields.append(("runtime_seconds", .double(seconds))) }
      members.append(("summary", .object(fields)))
    }
    return .object(members)
  }
}
