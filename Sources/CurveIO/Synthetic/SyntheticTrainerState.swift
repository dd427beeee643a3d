import CurveCore
import Foundation

/// Writes large, realistic `trainer_state.json` files for timing the reader.
///
/// The file looks like one the Trainer writes for a long run, `json.dumps(indent=2,
/// sort_keys=True)` style: training records every 10 steps with `epoch`, `grad_norm`,
/// `learning_rate`, `loss` (rounded to 4 decimals) and `step`; an evaluation every 50 training
/// records with timing fields; the closing summary; and the usual top-level fields. Values come
/// from a fixed-seed generator, so the same arguments give the same bytes.
///
/// ```swift
/// let path = FileManager.default.temporaryDirectory.appendingPathComponent("state.json").path
/// try SyntheticTrainerState.write(entries: 1_000_000, to: path)
/// let start = Date()
/// let loaded = try LogLoader().load(path: path)
/// print(Date().timeIntervalSince(start), loaded.log.trainingEntries.count)
/// ```
public enum SyntheticTrainerState {
  /// The file's bytes.
  ///
  /// - Parameters:
  ///   - entries: `log_history` records in all (training records, evaluations and the
  ///     summary); must be positive.
  ///   - seed: Seed of the values.
  /// - Complexity: O(*entries*); about 170 bytes per record.
  public static func bytes(entries: Int, seed: UInt64 = 7) -> [UInt8] {
    precondition(entries > 0, "a trainer state needs at least one record")
    var random = SplitMix64(state: seed)
    var out: [UInt8] = []
    out.reserveCapacity(entries * 175 + 1024)
    let stepsPerEpoch = 12_345
    let loggingSteps = 10
    let evaluationEvery = 50
    let trainingRecords = entries - 1 - (entries - 1) / (evaluationEvery + 1)
    let maxSteps = max(1, trainingRecords) * loggingSteps
    func append(_ text: String) { out.append(contentsOf: text.utf8) }
    func number(_ value: Double) -> String { "\(value)" }

    append("{\n  \"best_global_step\": null,\n  \"best_metric\": null,\n")
    append("  \"best_model_checkpoint\": null,\n")
    append("  \"epoch\": \(number(Double(maxSteps) / Double(stepsPerEpoch))),\n")
    append(
      "  \"eval_steps\": \(evaluationEvery * loggingSteps),\n  \"global_step\": \(maxSteps),\n")
    append("  \"is_hyper_param_search\": false,\n  \"is_local_process_zero\": true,\n")
    append("  \"is_world_process_zero\": true,\n  \"log_history\": [")
    var written = 0
    var trainingWritten = 0
    var lossSum = 0.0
    while written < entries - 1 {
      if written > 0 { append(",") }
      let isEvaluation = trainingWritten > 0 && written % (evaluationEvery + 1) == evaluationEvery
      let step = trainingWritten * loggingSteps
      let epoch = number(Double(max(step, loggingSteps)) / Double(stepsPerEpoch))
      if isEvaluation {
        let loss = 1.8 * pow(0.999_99, Double(trainingWritten)) + 0.2 + random.unit() * 0.05
        append("\n    {\n      \"epoch\": \(epoch),\n")
        append("      \"eval_accuracy\": \(number(0.5 + 0.45 * (1 - loss / 2.05))),\n")
        append("      \"eval_loss\": \(number(loss)),\n")
        append("      \"eval_runtime\": \(number((random.unit() * 1000).rounded() / 100 + 5)),\n")
        append("      \"eval_samples_per_second\": 402.118,\n")
        append("      \"eval_steps_per_second\": 50.265,\n      \"step\": \(step)\n    }")
      } else {
        trainingWritten += 1
        let step = trainingWritten * loggingSteps
        let rawLoss = 2.0 * pow(0.999_997, Double(trainingWritten)) + random.unit() * 0.1
        let loss = (rawLoss * 10_000).rounded() / 10_000
        lossSum += loss
        append("\n    {\n      \"epoch\": \(number(Double(step) / Double(stepsPerEpoch))),\n")
        append("      \"grad_norm\": \(number(random.unit() * 3)),\n")
        let rate = 5e-05 * (1 - Double(step) / Double(maxSteps + 10))
        append("      \"learning_rate\": \(number(rate)),\n")
        append("      \"loss\": \(number(loss)),\n      \"step\": \(step)\n    }")
      }
      written += 1
    }
    if written > 0 { append(",") }
    let meanLoss = trainingWritten > 0 ? lossSum / Double(trainingWritten) : 0
    append("\n    {\n      \"epoch\": \(number(Double(maxSteps) / Double(stepsPerEpoch))),\n")
    append("      \"step\": \(maxSteps),\n      \"total_flos\": 1.2345e+18,\n")
    append("      \"train_loss\": \(number(meanLoss)),\n      \"train_runtime\": 86400.5,\n")
    append(
      "      \"train_samples_per_second\": 92.593,\n      \"train_steps_per_second\": 11.574\n")
    append("    }\n  ],\n  \"logging_steps\": \(loggingSteps),\n  \"max_steps\": \(maxSteps),\n")
    append("  \"num_input_tokens_seen\": 0,\n  \"num_train_epochs\": 3,\n")
    append("  \"save_steps\": 500,\n  \"total_flos\": 1.2345e+18,\n  \"train_batch_size\": 8,\n")
    append("  \"trial_name\": null,\n  \"trial_params\": null\n}\n")
    return out
  }

  /// Writes the file to `path`, replacing it.
  ///
  /// - Throws: Foundation's error when the file cannot be written.
  public static func write(entries: Int, to path: String, seed: UInt64 = 7) throws {
    try Data(bytes(entries: entries, seed: seed)).write(to: URL(fileURLWithPath: path))
  }
}
