import CurveCore
import JSONCoding

/// Reads CurveLab's own JSON document, as ``CurveLabJSONWriter`` writes it.
///
/// The document is `{"format": "curvelab-log", "version": 1, "metadata": {...},
/// "training": [...], "evaluation": [...]}` and keeps everything a log holds, so reading it
/// back gives the same entries and metadata, except that `metadata.source` and
/// `metadata.format` become the path and `curvelab-json`. A `step_unit` of `epoch` in the
/// metadata is honoured. A `version` other than 1 is refused with a message that says which
/// version this build reads.
struct CurveLabJSONReader: LogReader {
  var format: LogFormat { .curveLabJSON }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    let document = try JSONDocument.log(source)
    let reader = Fields(file: source.path)
    let root = document.root
    guard root.kind == .object else {
      throw reader.malformed(root, "expected a CurveLab log object, found \(root.kind)")
    }
    let formatName = try reader.string(root, "format")
    guard formatName == CurveLabJSONWriter.formatName else {
      throw reader.malformed(
        root["format"] ?? root,
        "'format' is '\(formatName ?? "")', not '\(CurveLabJSONWriter.formatName)'")
    }
    guard let versionNode = root["version"], !versionNode.isNull else {
      throw reader.malformed(root, "the document has no 'version'")
    }
    guard let version = versionNode.integerValue.map({ Int(truncatingIfNeeded: $0) }) else {
      throw reader.malformed(versionNode, "'version' should be a whole number")
    }
    guard version == CurveLabJSONWriter.version else {
      throw .unsupportedVersion(version, file: source.path, supported: CurveLabJSONWriter.version)
    }

    var log = TrainingLog(metadata: RunMetadata(source: source.path, format: format.rawValue))
    if let metadata = root["metadata"] { try reader.readMetadata(metadata, into: &log.metadata) }
    for entry in try reader.array(root, "training") {
      guard let step = try reader.integer(entry, "step") else {
        throw reader.malformed(entry, "a training entry has no 'step'")
      }
      guard let loss = try reader.double(entry, "loss") else {
        throw reader.malformed(entry, "the training entry at step \(step) has no 'loss'")
      }
      log.trainingEntries.append(
        TrainingEntry(
          step: step, epoch: try reader.epoch(entry), loss: loss,
          learningRate: try reader.double(entry, "learning_rate"),
          gradientNorm: try reader.double(entry, "grad_norm")))
    }
    for entry in try reader.array(root, "evaluation") {
      guard let step = try reader.integer(entry, "step") else {
        throw reader.malformed(entry, "an evaluation entry has no 'step'")
      }
      var metrics: [String: Double] = [:]
      for (name, value) in entry["metrics"].map({ Array($0.members) }) ?? [] {
        if let number = try reader.number(value, name) { metrics[name] = number }
      }
      log.evaluationEntries.append(
        EvaluationEntry(
          step: step, epoch: try reader.epoch(entry),
          loss: try reader.double(entry, "loss"), accuracy: try reader.double(entry, "accuracy"),
          trainingLoss: try reader.double(entry, "train_loss"),
          trainingAccuracy: try reader.double(entry, "train_accuracy"), metrics: metrics))
    }
    return LoadedLog(log: log, warnings: [])
  }

  /// Typed field access that reports the file, line and column of a wrong value.
  private struct Fields {
    let file: String

    func malformed(_ node: JSONNode, _ problem: String) -> LogReadError {
      let location = node.location
      return .malformed(
        LogLocation(file: file, line: location.line, column: location.column), problem: problem)
    }

    func number(_ node: JSONNode, _ key: String) throws(LogReadError) -> Double? {
      switch node.kind {
      case .null: return nil
      case .number: return node.doubleValue
      default: throw malformed(node, "'\(key)' should be a number, found \(node.kind)")
      }
    }

    func array(_ object: JSONNode, _ key: String) throws(LogReadError) -> [JSONNode] {
      guard let node = object[key], !node.isNull else { return [] }
      guard node.kind == .array else {
        throw malformed(node, "'\(key)' should be an array, found \(node.kind)")
      }
      return Array(node.elements)
    }

    func double(_ object: JSONNode, _ key: String) throws(LogReadError) -> Double? {
      guard let node = object[key] else { return nil }
      return try number(node, key)
    }

    /// A step, count or size: a whole number from 0 to 2^53, as ``StepRule`` says.
    func integer(_ object: JSONNode, _ key: String) throws(LogReadError) -> Int? {
      guard let node = object[key], !node.isNull else { return nil }
      guard let value = node.integerValue else {
        throw malformed(node, "'\(key)' should be a whole number")
      }
      return try StepRule.step(value, field: key, at: place(of: node))
    }

    /// An epoch: a number from 0 to 2^53, as ``StepRule`` says.
    func epoch(_ object: JSONNode, _ key: String = "epoch") throws(LogReadError) -> Double? {
      guard let value = try double(object, key) else { return nil }
      return try StepRule.epoch(value, field: key, at: place(of: object[key]!))
    }

    func place(of node: JSONNode) -> LogLocation {
      let location = node.location
      return LogLocation(file: file, line: location.line, column: location.column)
    }

    func string(_ object: JSONNode, _ key: String) throws(LogReadError) -> String? {
      guard let node = object[key], !node.isNull else { return nil }
      guard let value = node.stringValue else {
        throw malformed(node, "'\(key)' should be a string, found \(node.kind)")
      }
      return value
    }

    func readMetadata(_ node: JSONNode, into metadata: inout RunMetadata) throws(LogReadError) {
      guard node.kind == .object else {
        throw malformed(node, "'metadata' should be an object, found \(node.kind)")
      }
      if let seed = try string(node, "seed") { metadata.seed = UInt64(seed) }
      metadata.stepsPerEpoch = try integer(node, "steps_per_epoch")
      metadata.maxSteps = try integer(node, "max_steps")
      metadata.numTrainEpochs = try integer(node, "num_train_epochs")
      metadata.loggingSteps = try integer(node, "logging_steps")
      metadata.evalSteps = try integer(node, "eval_steps")
      metadata.trainBatchSize = try integer(node, "train_batch_size")
      metadata.trainingSetSize = try integer(node, "training_set_size")
      metadata.evaluationSetSize = try integer(node, "evaluation_set_size")
      if let unit = try string(node, "step_unit") {
        guard let parsed = StepUnit(rawValue: unit) else {
          throw malformed(node["step_unit"]!, "'step_unit' should be 'update' or 'epoch'")
        }
        metadata.stepUnit = parsed
      }
      for (key, value) in node["configuration"].map({ Array($0.members) }) ?? [] {
        guard let text = value.stringValue else {
          throw malformed(value, "configuration value '\(key)' should be a string")
        }
        metadata.configuration[key] = text
      }
      if let best = node["best_checkpoint"] {
        guard let name = try string(best, "metric"), let value = try double(best, "value"),
          let step = try integer(best, "step")
        else {
          throw malformed(best, "'best_checkpoint' needs 'metric', 'value' and 'step'")
        }
        metadata.bestCheckpoint = BestCheckpoint(
          metric: name, value: value, step: step,
          stoppedEarly: best["stopped_early"]?.boolValue ?? false)
      }
      if let summary = node["summary"] {
        guard let step = try integer(summary, "global_step"),
          let epoch = try self.epoch(summary),
          let loss = try double(summary, "mean_training_loss")
        else {
          throw malformed(
            summary, "'summary' needs 'global_step', 'epoch' and 'mean_training_loss'")
        }
        metadata.summary = RunSummary(
          globalStep: step, epoch: epoch, meanTrainingLoss: loss,
          runtimeSeconds: try double(summary, "runtime_seconds"))
      }
    }
  }
}
