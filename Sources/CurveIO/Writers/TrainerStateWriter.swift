public import CurveCore
import Foundation
public import JSONCoding

/// Writes a training log as the Hugging Face Trainer's `trainer_state.json`.
///
/// The file has the fields the Trainer writes (`log_history`, `global_step`, `max_steps`,
/// `num_train_epochs`, `logging_steps`, `eval_steps`, `train_batch_size`, `best_metric`,
/// `best_global_step`, `best_model_checkpoint`, ...), keys sorted and indented by two spaces
/// exactly as `json.dumps(indent=2, sort_keys=True)` does, so Python tools read it as if the
/// Trainer had written it. In `log_history`:
///
/// - a training record is `{"epoch", "grad_norm", "learning_rate", "loss", "step"}`, the loss
///   rounded to 4 decimals as the Trainer rounds it;
/// - an evaluation is `{"epoch", "eval_accuracy", "eval_loss", "step"}`;
/// - the training-set score, when known, is its own record `{"epoch", "step", "train_accuracy",
///   "train_loss"}`, the shape a callback that calls `trainer.evaluate(train_dataset,
///   metric_key_prefix="train")` leaves;
/// - the closing summary is `{"epoch", "step", "total_flos", "train_loss"}`.
///
/// Timing fields (`eval_runtime`, `train_runtime`, ...) are written only when the log measured
/// them; a simulated run leaves them out so that the same seed gives the same bytes.
///
/// Non-finite values are written the way Python's `json` writes them, as bare `NaN`,
/// `Infinity` and `-Infinity`: a diverged run's `eval_loss` and `grad_norm` (its logged `loss`
/// reads 0.0 once every step is NaN, through the Trainer's `logging_nan_inf_filter`).
///
/// With ``recordsSettings``, the run's settings (``RunMetadata/configuration``: for a simulated
/// run its knobs, scenario and cause) and seed go into `trial_params`, the field in which the
/// Trainer keeps a run's hyperparameters, as strings; ``LogLoader`` reads them back, and the
/// Trainer's own `TrainerState.load_from_json` still loads the file.
///
/// ```swift
/// let text = TrainerStateWriter().text(for: log)
/// try text.write(toFile: "trainer_state.json", atomically: true, encoding: .utf8)
/// ```
public struct TrainerStateWriter: Sendable {
  /// Folder the checkpoints are named under (`best_model_checkpoint`).
  public var outputDirectory: String
  /// Whether to write the run's settings and seed as `trial_params`. Off by default: an
  /// exercise's file must not give its answer (the scenario, the cause) away.
  public var recordsSettings: Bool

  /// Creates a writer; checkpoints are named `<outputDirectory>/checkpoint-<step>`.
  public init(outputDirectory: String = "output", recordsSettings: Bool = false) {
    self.outputDirectory = outputDirectory
    self.recordsSettings = recordsSettings
  }

  /// The `trainer_state.json` text for `log`, ending in a newline.
  public func text(for log: TrainingLog) -> String {
    document(for: log).serialized(.python(indent: 2, sortsKeys: true)) + "\n"
  }

  /// The document as a JSON tree.
  public func document(for log: TrainingLog) -> JSONValue {
    let metadata = log.metadata
    let lastStep = metadata.summary?.globalStep ?? log.lastStep ?? 0
    let lastEpoch =
      metadata.summary?.epoch ?? log.evaluationEntries.last?.epoch ?? log.trainingEntries.last?
      .epoch ?? 0
    var history: [JSONValue] = []
    var training = log.trainingEntries.makeIterator()
    var nextTraining = training.next()
    // Interleave by step; at equal steps the Trainer logs the training loss first.
    for evaluation in log.evaluationEntries {
      while let entry = nextTraining, entry.step <= evaluation.step {
        history.append(record(for: entry))
        nextTraining = training.next()
      }
      history.append(contentsOf: records(for: evaluation))
    }
    while let entry = nextTraining {
      history.append(record(for: entry))
      nextTraining = training.next()
    }
    if let summary = metadata.summary {
      var members: [(key: String, value: JSONValue)] = [
        ("epoch", .double(summary.epoch)),
        ("step", .integer(Int64(summary.globalStep))),
        ("total_flos", .double(floatingPointOperations(for: log))),
        ("train_loss", .double(summary.meanTrainingLoss)),
      ]
      if let seconds = summary.runtimeSeconds { members.append(("train_runtime", .double(seconds))) }
      history.append(.object(members))
    }

    let best = metadata.bestCheckpoint
    let evalSteps = metadata.evalSteps ?? Self.defaultInterval
    return .object([
      ("best_global_step", best.map { .integer(Int64($0.step)) } ?? .null),
      ("best_metric", best.map { .double($0.value) } ?? .null),
      (
        "best_model_checkpoint",
        best.map { .string("\(outputDirectory)/checkpoint-\($0.step)") } ?? .null
      ),
      ("epoch", .double(lastEpoch)),
      ("eval_steps", .integer(Int64(evalSteps))),
      ("global_step", .integer(Int64(lastStep))),
      ("is_hyper_param_search", .bool(false)),
      ("is_local_process_zero", .bool(true)),
      ("is_world_process_zero", .bool(true)),
      ("log_history", .array(history)),
      ("logging_steps", .integer(Int64(metadata.loggingSteps ?? Self.defaultInterval))),
      ("max_steps", .integer(Int64(metadata.maxSteps ?? lastStep))),
      ("num_input_tokens_seen", .integer(0)),
      ("num_train_epochs", .integer(Int64(metadata.numTrainEpochs ?? Int(lastEpoch.rounded(.up))))),
      ("save_steps", .integer(Int64(evalSteps))),
      ("stateful_callbacks", stateOfCallbacks(for: log)),
      ("total_flos", .double(floatingPointOperations(for: log))),
      ("train_batch_size", metadata.trainBatchSize.map { .integer(Int64($0)) } ?? .null),
      ("trial_name", .null),
      ("trial_params", recordsSettings ? settings(of: metadata) : .null),
    ])
  }

  /// The settings and seed as a `trial_params` object of strings, keys sorted; `null` when
  /// there are none.
  private func settings(of metadata: RunMetadata) -> JSONValue {
    var values = metadata.configuration
    if let seed = metadata.seed { values["seed"] = String(seed) }
    guard !values.isEmpty else { return .null }
    return .object(values.keys.sorted().map { ($0, .string(values[$0]!)) })
  }

  /// The Trainer's default `logging_steps`, `eval_steps` and `save_steps`.
  static let defaultInterval = 500

  private func record(for entry: TrainingEntry) -> JSONValue {
    var members: [(key: String, value: JSONValue)] = []
    if let epoch = entry.epoch { members.append(("epoch", .double(epoch))) }
    if let norm = entry.gradientNorm { members.append(("grad_norm", .double(norm))) }
    if let rate = entry.learningRate { members.append(("learning_rate", .double(rate))) }
    members.append(("loss", .double(Self.roundedLikePython(entry.loss, places: 4))))
    members.append(("step", .integer(Int64(entry.step))))
    return .object(members)
  }

  private func records(for entry: EvaluationEntry) -> [JSONValue] {
    var result: [JSONValue] = []
    if entry.trainingAccuracy != nil || entry.trainingLoss != nil {
      var members: [(key: String, value: JSONValue)] = []
      if let epoch = entry.epoch { members.append(("epoch", .double(epoch))) }
      members.append(("step", .integer(Int64(entry.step))))
      if let accuracy = entry.trainingAccuracy { members.append(("train_accuracy", .double(accuracy))) }
      if let loss = entry.trainingLoss { members.append(("train_loss", .double(loss))) }
      result.append(.object(members))
    }
    var members: [(key: String, value: JSONValue)] = []
    if let epoch = entry.epoch { members.append(("epoch", .double(epoch))) }
    if let accuracy = entry.accuracy { members.append(("eval_accuracy", .double(accuracy))) }
    if let loss = entry.loss { members.append(("eval_loss", .double(loss))) }
    for name in entry.metrics.keys.sorted() {
      members.append((name, .double(entry.metrics[name]!)))
    }
    members.append(("step", .integer(Int64(entry.step))))
    result.append(.object(members))
    return result
  }

  private func stateOfCallbacks(for log: TrainingLog) -> JSONValue {
    let stopped = log.metadata.summary != nil
    return [
      "TrainerControl": [
        "args": [
          "should_epoch_stop": false, "should_evaluate": false, "should_log": false,
          "should_save": .bool(stopped), "should_training_stop": .bool(stopped),
        ],
        "attributes": [:],
      ]
    ]
  }

  /// The Trainer's estimate of training compute: 6 × parameters × examples processed. Without
  /// a parameter count in the metadata it is 0.
  private func floatingPointOperations(for log: TrainingLog) -> Double {
    guard let parameters = log.metadata.configuration["parameters"].flatMap(Double.init),
      let batch = log.metadata.trainBatchSize, let steps = log.metadata.summary?.globalStep
    else { return 0 }
    return 6 * parameters * Double(batch * steps)
  }

  /// `round(value, places)` as Python computes it: the exact binary value rounded to the
  /// nearest decimal with `places` digits, ties to even.
  static func roundedLikePython(_ value: Double, places: Int) -> Double {
    guard value.isFinite else { return value }
    return Double(String(format: "%.\(places)f", value)) ?? value
  }
}
