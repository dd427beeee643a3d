import CurveCore
import JSONCoding

/// Reads the Hugging Face Trainer's `trainer_state.json`, old and new versions alike.
///
/// `log_history` holds four kinds of record, told apart by their keys:
///
/// - training: `loss` with `learning_rate`, `grad_norm`, `epoch`, `step`;
/// - evaluation: `eval_loss`, `eval_accuracy` and any `eval_<metric>`; when the Trainer
///   evaluates several sets, each logs `eval_<set>_loss` and so on. A plain `eval_loss` set is
///   the validation set; without one, the first set named like validation (`validation`,
///   `valid`, `val`, `dev`, `eval`) is, else the first set. Every other value is a metric under
///   its full key (`eval_test_loss`, `eval_f1`, `eval_wer`). Timing keys are dropped;
/// - training-set evaluation: `train_loss` and `train_accuracy` without timing, the record a
///   callback evaluating the training set writes (and ``TrainerStateWriter`` writes); it fills
///   `trainingLoss` and `trainingAccuracy` of the evaluation at that step;
/// - the closing summary: `train_loss` with `train_runtime` or `total_flos`.
///
/// An evaluation logged twice at one step (a final `trainer.evaluate()` after training) is
/// kept once, the first time, with a warning. Training records take a fast path that looks up
/// five keys on the parsed tape and builds no dictionaries, so a million of them map in well
/// under a second.
struct TrainerStateReader: LogReader {
  var format: LogFormat { .trainerState }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    let document: JSONDocument
    do {
      document = try JSONDocument(parsing: source.bytes)
    } catch {
      throw LogReadError(error, file: source.path)
    }
    var decoder = TrainerStateDecoder(file: source.path, mapping: mapping)
    let log = try decoder.decode(document.root)
    return LoadedLog(log: log, warnings: decoder.warnings)
  }
}

/// The mapping from a parsed `trainer_state.json` to a log.
struct TrainerStateDecoder {
  let file: String
  let mapping: MetricMapping
  var warnings: [String] = []

  /// The key that holds the training loss in training records.
  private var trainingLossKey: String { mapping.trainingLoss ?? "loss" }
  /// Keys seen anywhere in `log_history`, for the message when an override names none.
  private var seenKeys: Set<String> = ["loss", "step", "epoch", "learning_rate", "grad_norm"]
  private var ignoredTrainingKeys: Set<String> = []
  private var skippedNullLosses: [Int] = []
  /// Evaluation keys whose values were arrays, objects or text, left out.
  private var nonNumericKeys: Set<String> = []
  /// Whether ``MetricNames`` ignores a key, remembered per key: a long run repeats a few keys
  /// many times.
  private var ignoredByKey: [String: Bool] = [:]

  init(file: String, mapping: MetricMapping) {
    self.file = file
    self.mapping = mapping
  }

  mutating func decode(_ root: JSONNode) throws(LogReadError) -> TrainingLog {
    guard root.kind == .object else {
      throw malformed(root, "expected an object with a 'log_history' array, found \(root.kind)")
    }
    guard let history = root["log_history"] else {
      throw malformed(root, "no 'log_history' array; is this a trainer_state.json?")
    }
    guard history.kind == .array else {
      throw malformed(history, "'log_history' should be an array, found \(history.kind)")
    }

    var training: [TrainingEntry] = []
    training.reserveCapacity(history.count)
    var pending: [JSONNode] = []
    let usesFastPath = trainingLossKey == "loss"
    for entry in history.elements {
      if usesFastPath, let record = Self.fastTrainingEntry(entry) {
        training.append(record)
        continue
      }
      guard entry.kind == .object else {
        throw malformed(entry, "a 'log_history' record should be an object, found \(entry.kind)")
      }
      if try !readTrainingRecord(entry, into: &training) { pending.append(entry) }
    }
    if !isSortedByStep(training) { training.sort { $0.step < $1.step } }

    var log = TrainingLog(
      metadata: RunMetadata(source: file, format: LogFormat.trainerState.rawValue))
    log.trainingEntries = training
    var evaluations = EvaluationCollector()
    try readOtherRecords(pending, into: &evaluations, summary: &log.metadata.summary)
    log.evaluationEntries = evaluations.entries
    warnings += evaluations.duplicates.map { step, line in
      "\(file): the evaluation at step \(step) was logged twice (again at line \(line)), as "
        + "when trainer.evaluate() runs once more after training; kept the first"
    }
    try checkOverrides()
    if !nonNumericKeys.isEmpty {
      warnings.append(
        "\(file): \(nonNumericKeys.sorted().joined(separator: ", ")) held values that are not "
          + "numbers (lists, text); left out")
    }
    if !ignoredTrainingKeys.isEmpty {
      warnings.append(
        "\(file): training records also log \(ignoredTrainingKeys.sorted().joined(separator: ", "))"
          + "; only loss, learning rate and gradient norm are kept for training records")
    }
    if let first = skippedNullLosses.first {
      let count = skippedNullLosses.count
      warnings.append(
        "\(file): \(count) training record\(count == 1 ? "" : "s") had a null loss (first at "
          + "step \(first)) and \(count == 1 ? "was" : "were") left out")
    }
    try readTopLevel(root, evaluations: evaluations, into: &log.metadata)
    return log
  }

  // MARK: Training records

  /// A plain training record (`loss`, `step` and any of `epoch`, `learning_rate`,
  /// `grad_norm`, numbers only), or `nil` for anything else, which the slow path handles.
  @inline(__always)
  private static func fastTrainingEntry(_ entry: JSONNode) -> TrainingEntry? {
    guard let lossNode = entry["loss"], let loss = lossNode.doubleValue,
      let step = entry["step"]?.integerValue
    else { return nil }
    var known = 2
    var epoch: Double?
    var rate: Double?
    var norm: Double?
    if let node = entry["epoch"] {
      guard let value = node.doubleValue else { return nil }
      epoch = value
      known &+= 1
    }
    if let node = entry["learning_rate"] {
      guard let value = node.doubleValue else { return nil }
      rate = value
      known &+= 1
    }
    if let node = entry["grad_norm"] {
      guard let value = node.doubleValue else { return nil }
      norm = value
      known &+= 1
    }
    guard known == entry.count, step >= Int.min, step <= Int.max else { return nil }
    return TrainingEntry(
      step: Int(step), epoch: epoch, loss: loss, learningRate: rate, gradientNorm: norm)
  }

  /// Reads a record that has the training-loss key; returns whether nothing else is left in
  /// it for the other passes.
  private mutating func readTrainingRecord(
    _ entry: JSONNode, into training: inout [TrainingEntry]
  ) throws(LogReadError) -> Bool {
    guard let lossNode = entry[trainingLossKey] else { return false }
    var hasOtherKinds = false
    var epoch: Double?
    var rate: Double?
    var norm: Double?
    for (key, value) in entry.members {
      seenKeys.insert(key)
      switch key {
      case "step", trainingLossKey: break
      case "epoch": epoch = try number(value, key: key)
      case "learning_rate": rate = try number(value, key: key)
      case "grad_norm": norm = try number(value, key: key)
      default:
        if key.hasPrefix("eval_") || key.hasPrefix("train_") {
          hasOtherKinds = true
        } else if !isIgnored(key) {
          ignoredTrainingKeys.insert(key)
        }
      }
    }
    let step = try self.step(of: entry)
    if let loss = try number(lossNode, key: trainingLossKey) {
      training.append(
        TrainingEntry(step: step, epoch: epoch, loss: loss, learningRate: rate, gradientNorm: norm))
    } else {
      skippedNullLosses.append(step)
    }
    return !hasOtherKinds
  }

  private mutating func isIgnored(_ key: String) -> Bool {
    if let known = ignoredByKey[key] { return known }
    let ignored = MetricNames.role(of: key) == .ignored
    ignoredByKey[key] = ignored
    return ignored
  }

  private func isSortedByStep(_ entries: [TrainingEntry]) -> Bool {
    var previous = Int.min
    for entry in entries {
      if entry.step < previous { return false }
      previous = entry.step
    }
    return true
  }

  // MARK: Evaluations and the summary

  /// Reads evaluation, training-set and summary records.
  private mutating func readOtherRecords(
    _ records: [JSONNode], into evaluations: inout EvaluationCollector,
    summary: inout RunSummary?
  ) throws(LogReadError) {
    let mainSet = Self.mainEvaluationSet(in: records)
    let mainPrefix = mainSet.isEmpty ? "eval_" : "eval_\(mainSet)_"
    for record in records {
      var epoch: Double?
      var trainingLoss: Double?
      var trainingAccuracy: Double?
      var runtime: Double?
      var isSummary = false
      var evaluation = EvaluationCollector.Values()
      var trainingExtras: [String: Double] = [:]
      for (key, value) in record.members {
        seenKeys.insert(key)
        switch key {
        case "step", trainingLossKey, "learning_rate", "grad_norm": continue
        case "epoch": epoch = try number(value, key: key)
        case "train_loss": trainingLoss = try number(value, key: key)
        case "train_accuracy", "train_acc": trainingAccuracy = try number(value, key: key)
        case "train_runtime":
          runtime = try number(value, key: key)
          isSummary = true
        case "total_flos": isSummary = true
        default:
          if isIgnored(key) { continue }
          let number: Double
          switch value.kind {
          case .null: continue
          case .number: number = value.doubleValue ?? .nan
          default:
            guard case .number(let parsed) = NumericText.value(of: value.stringValue ?? "x")
            else {
              nonNumericKeys.insert(key)
              continue
            }
            number = parsed
          }
          if isOverride(mapping.validationLoss, key) {
            evaluation.loss = (key, number)
          } else if isOverride(mapping.validationAccuracy, key) {
            evaluation.accuracy = (key, number)
          } else if key.hasPrefix(mainPrefix), mapping.validationLoss == nil,
            key.dropFirst(mainPrefix.count) == "loss"
          {
            evaluation.loss = (key, number)
          } else if key.hasPrefix(mainPrefix), mapping.validationAccuracy == nil,
            MetricNames.isAccuracy(String(key.dropFirst(mainPrefix.count)))
          {
            evaluation.accuracy = (key, number)
          } else if key.hasPrefix("eval_") {
            evaluation.metrics[key] = number
          } else if key.hasPrefix("train_") {
            trainingExtras[key] = number
          } else if record[trainingLossKey] == nil {
            evaluation.metrics[key] = number
          }
        }
      }
      let step = try self.step(of: record)
      if isSummary, let loss = trainingLoss, trainingAccuracy == nil {
        summary = RunSummary(
          globalStep: step, epoch: epoch ?? 0, meanTrainingLoss: loss, runtimeSeconds: runtime)
        trainingLoss = nil
      }
      if trainingLoss != nil || trainingAccuracy != nil {
        var values = EvaluationCollector.Values()
        values.trainingLoss = trainingLoss
        values.trainingAccuracy = trainingAccuracy
        values.metrics = trainingExtras
        evaluations.add(values, step: step, epoch: epoch, line: { record.location.line })
      }
      if !evaluation.isEmpty {
        evaluations.add(evaluation, step: step, epoch: epoch, line: { record.location.line })
      }
    }
  }

  /// The evaluation set whose loss and accuracy become the validation curves: `""` for plain
  /// `eval_loss`, else the first set named like validation, else the first set.
  static func mainEvaluationSet(in records: [JSONNode]) -> String {
    var sets: [String] = []
    for record in records {
      for key in record.keys where key.hasPrefix("eval_") {
        var name: Substring?
        if key == "eval_loss" || key == "eval_runtime" {
          name = ""
        } else if key.hasSuffix("_loss") && key.count > 10 {
          name = key.dropFirst(5).dropLast(5)
        } else if key.hasSuffix("_runtime") && key.count > 13 {
          name = key.dropFirst(5).dropLast(8)
        }
        if let name, !sets.contains(String(name)) { sets.append(String(name)) }
      }
    }
    if sets.contains("") { return "" }
    let validationWords: Set<Substring> = ["validation", "valid", "val", "dev", "eval"]
    return sets.first { $0.split(separator: "_").contains { validationWords.contains($0) } }
      ?? sets.first ?? ""
  }

  private func checkOverrides() throws(LogReadError) {
    for (name, _) in mapping.overrides
    where !seenKeys.contains(where: { MetricMapping.matches(name, $0) }) {
      throw .unknownColumn(name, file: file, columns: seenKeys.sorted())
    }
  }

  private func isOverride(_ name: String?, _ key: String) -> Bool {
    name.map { MetricMapping.matches($0, key) } ?? false
  }

  // MARK: Top-level fields

  private func readTopLevel(
    _ root: JSONNode, evaluations: EvaluationCollector, into metadata: inout RunMetadata
  ) throws(LogReadError) {
    func integer(_ key: String) throws(LogReadError) -> Int? {
      guard let node = root[key], let value = try number(node, key: key), value.isFinite,
        value >= 1, value < 1e15
      else { return nil }
      return Int(value.rounded(.up))
    }
    metadata.maxSteps = try integer("max_steps")
    metadata.numTrainEpochs = try integer("num_train_epochs")
    metadata.loggingSteps = try integer("logging_steps")
    metadata.evalSteps = try integer("eval_steps")
    metadata.trainBatchSize = try integer("train_batch_size")
    if let steps = metadata.maxSteps, let epochs = metadata.numTrainEpochs, steps % epochs == 0 {
      metadata.stepsPerEpoch = steps / epochs
    }
    let globalStep = try integer("global_step")
    readSettings(root["trial_params"], into: &metadata)

    guard let bestNode = root["best_metric"], let best = try number(bestNode, key: "best_metric")
    else { return }
    var bestStep = try integer("best_global_step")
    if bestStep == nil, let path = root["best_model_checkpoint"]?.stringValue,
      let range = path.lastIndex(of: "-").map({ path.index(after: $0) })
    {
      bestStep = Int(path[range...].prefix { $0.isNumber })
    }
    guard let bestStep else { return }
    let name = evaluations.key(withValue: best, atStep: bestStep) ?? "best_metric"
    let stoppedEarly =
      globalStep != nil && metadata.maxSteps != nil && globalStep! < metadata.maxSteps!
      && metadata.summary != nil
    metadata.bestCheckpoint = BestCheckpoint(
      metric: name, value: best, step: bestStep, stoppedEarly: stoppedEarly)
  }

  /// A run's settings from `trial_params` (where ``TrainerStateWriter`` records a simulated
  /// run's knobs, scenario and cause, and a hyperparameter search its trial's): text and
  /// numbers become ``RunMetadata/configuration`` entries, a whole-number `seed` the seed.
  private func readSettings(_ node: JSONNode?, into metadata: inout RunMetadata) {
    guard let node, node.kind == .object else { return }
    for (key, value) in node.members {
      let text: String
      switch value.kind {
      case .string: text = value.stringValue ?? ""
      case .number: text = value.integerValue.map(String.init) ?? value.doubleValue.map { "\($0)" } ?? ""
      case .bool: text = value.boolValue.map { $0 ? "true" : "false" } ?? ""
      default: continue
      }
      if key == "seed", let seed = UInt64(text) {
        metadata.seed = seed
      } else {
        metadata.configuration[key] = text
      }
    }
  }

  // MARK: Values

  private func step(of record: JSONNode) throws(LogReadError) -> Int {
    guard let node = record["step"] else {
      throw malformed(record, "this 'log_history' record has no 'step'")
    }
    if let value = node.integerValue, value >= Int.min, value <= Int.max { return Int(value) }
    if let value = node.doubleValue, value.isFinite, value.rounded() == value, abs(value) < 1e15 {
      return Int(value)
    }
    throw malformed(node, "'step' should be a whole number, found \(describe(node))")
  }

  /// A number, `nil` for `null`, NaN and infinities kept; strings that spell a number (some
  /// tools write `"NaN"`) are read too.
  private func number(_ node: JSONNode, key: String) throws(LogReadError) -> Double? {
    switch node.kind {
    case .number: return node.doubleValue
    case .null: return nil
    case .string:
      let text = node.stringValue ?? ""
      switch NumericText.value(of: text) {
      case .missing: return nil
      case .number(let value): return value
      case .text: break
      }
    default: break
    }
    throw malformed(node, "'\(key)' should be a number, found \(describe(node))")
  }

  private func describe(_ node: JSONNode) -> String {
    switch node.kind {
    case .string: "the string \"\(node.stringValue ?? "")\""
    case .bool: node.boolValue == true ? "true" : "false"
    default:
      "\(node.kind == .array ? "an array" : node.kind == .object ? "an object" : "\(node.kind)")"
    }
  }

  private func malformed(_ node: JSONNode, _ problem: String) -> LogReadError {
    let location = node.location
    return .malformed(
      LogLocation(file: file, line: location.line, column: location.column), problem: problem)
  }
}

/// Evaluation values gathered by step, merging records of several evaluation sets and of the
/// training set at one step, and noticing records logged twice.
struct EvaluationCollector {
  /// What one record contributes.
  struct Values {
    var loss: (key: String, value: Double)?
    var accuracy: (key: String, value: Double)?
    var trainingLoss: Double?
    var trainingAccuracy: Double?
    var metrics: [String: Double] = [:]

    var isEmpty: Bool {
      loss == nil && accuracy == nil && trainingLoss == nil && trainingAccuracy == nil
        && metrics.isEmpty
    }
  }

  private struct Slot {
    var entry: EvaluationEntry
    var lossKey: String?
    var accuracyKey: String?
  }

  private var slots: [Slot] = []
  private var indexByStep: [Int: Int] = [:]
  /// Steps whose evaluation was logged again, with the line of the repeat.
  private(set) var duplicates: [(step: Int, line: Int)] = []

  /// Adds a record's values at `step`; a record that would overwrite a value already there is
  /// a repeat and is left out whole.
  mutating func add(_ values: Values, step: Int, epoch: Double?, line: () -> Int) {
    guard let index = indexByStep[step] else {
      indexByStep[step] = slots.count
      slots.append(
        Slot(
          entry: EvaluationEntry(
            step: step, epoch: epoch, loss: values.loss?.value, accuracy: values.accuracy?.value,
            trainingLoss: values.trainingLoss, trainingAccuracy: values.trainingAccuracy,
            metrics: values.metrics),
          lossKey: values.loss?.key, accuracyKey: values.accuracy?.key))
      return
    }
    var slot = slots[index]
    let overlaps =
      (values.loss != nil && slot.entry.loss != nil)
      || (values.accuracy != nil && slot.entry.accuracy != nil)
      || (values.trainingLoss != nil && slot.entry.trainingLoss != nil)
      || (values.trainingAccuracy != nil && slot.entry.trainingAccuracy != nil)
      || values.metrics.keys.contains { slot.entry.metrics[$0] != nil }
    if overlaps {
      duplicates.append((step, line()))
      return
    }
    if let loss = values.loss {
      slot.entry.loss = loss.value
      slot.lossKey = loss.key
    }
    if let accuracy = values.accuracy {
      slot.entry.accuracy = accuracy.value
      slot.accuracyKey = accuracy.key
    }
    slot.entry.trainingLoss = slot.entry.trainingLoss ?? values.trainingLoss
    slot.entry.trainingAccuracy = slot.entry.trainingAccuracy ?? values.trainingAccuracy
    slot.entry.metrics.merge(values.metrics) { first, _ in first }
    slot.entry.epoch = slot.entry.epoch ?? epoch
    slots[index] = slot
  }

  /// The evaluations in step order.
  var entries: [EvaluationEntry] {
    slots.map(\.entry).sorted { $0.step < $1.step }
  }

  /// The log key whose value at `step` equals `value`: how a `best_metric` is named.
  func key(withValue value: Double, atStep step: Int) -> String? {
    guard let index = indexByStep[step] else { return nil }
    let slot = slots[index]
    func same(_ other: Double?) -> Bool {
      guard let other else { return false }
      return other == value || abs(other - value) <= 1e-12 * max(abs(other), abs(value))
    }
    if same(slot.entry.loss) { return slot.lossKey }
    if same(slot.entry.accuracy) { return slot.accuracyKey }
    return slot.entry.metrics.keys.sorted().first { same(slot.entry.metrics[$0]) }
  }
}
