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
/// kept once, the first time, with a warning (one warning counts all repeats, in linear time).
/// `log_history` is parsed one record at a time (``JSONDocument`` streams it), so memory holds
/// the file and the entries, not a parsed copy of every record; training records take a fast
/// path that looks up five keys and builds no dictionaries, so a million of them map in well
/// under a second.
struct TrainerStateReader: LogReader {
  var format: LogFormat { .trainerState }

  func read(_ sources: [LogSource], mapping: MetricMapping) throws(LogReadError) -> LoadedLog {
    let source = try single(sources)
    var decoder = TrainerStateDecoder(file: source.path, mapping: mapping)
    // No training record takes fewer than 64 bytes of JSON: room for all of them at once
    // (memory is touched only as it fills), instead of growing and copying as they come.
    decoder.reserveTrainingEntries(source.bytes.count / 64)
    var failure: LogReadError?
    let document: JSONDocument
    do {
      document = try JSONDocument(
        parsing: source.bytes, streamingArrayAt: "log_history", options: .logs
      ) { record in
        guard failure == nil else { return }
        do throws(LogReadError) { try decoder.take(record) } catch { failure = error }
      }
    } catch {
      throw LogReadError(error, file: source.path)
    }
    if let failure { throw failure }
    let log = try decoder.finish(document.root)
    return LoadedLog(log: log, warnings: decoder.warnings)
  }
}

/// The mapping from a parsed `trainer_state.json` to a log.
struct TrainerStateDecoder {
  let file: String
  let mapping: MetricMapping
  var warnings: [String] = []

  /// The key that holds the training loss in training records: `loss`, the mapping's, or
  /// SetFit's `embedding_loss` when the records have no `loss`.
  private var trainingLossKey: String
  /// Keys seen anywhere in `log_history`, for the message when an override names none.
  private var seenKeys: Set<String> = ["loss", "step", "epoch", "learning_rate", "grad_norm"]
  private var ignoredTrainingKeys: Set<String> = []
  /// The key the training accuracy was read from, for messages.
  private var trainingAccuracyKey: String?
  private var skippedNullLosses: [Int] = []
  /// Evaluation keys whose values were arrays, objects or text, left out.
  private var nonNumericKeys: Set<String> = []
  /// Whether ``MetricNames`` ignores a key, remembered per key: a long run repeats a few keys
  /// many times.
  private var ignoredByKey: [String: Bool] = [:]

  init(file: String, mapping: MetricMapping) {
    self.file = file
    self.mapping = mapping
    trainingLossKey = mapping.trainingLoss ?? "loss"
  }

  /// SetFit's trainer logs its contrastive training loss as `embedding_loss` (and the
  /// evaluation as `eval_embedding_loss`, read as an evaluation set's loss); with no `loss`
  /// read before it, that key holds the training loss from this record on.
  private mutating func adoptSetFitLoss(_ entry: JSONNode) {
    guard mapping.trainingLoss == nil, trainingLossKey == "loss", training.isEmpty,
      entry.kind == .object, entry["loss"] == nil, entry["embedding_loss"] != nil
    else { return }
    trainingLossKey = "embedding_loss"
    warnings.append(
      "\(file): the training records log 'embedding_loss' (SetFit's contrastive loss) and no "
        + "'loss'; read it as the training loss")
  }

  /// Training records read so far.
  private var training: [TrainingEntry] = []
  /// The fast path's numbers, reused from record to record.
  private var scratch = [JSONNumber?](repeating: nil, count: 5)
  /// Records that hold something besides training values, read but not yet placed: placing
  /// them needs the main evaluation set, which needs every record. Kept compact (a record is
  /// 24 bytes plus 16 a value), so a million evaluations cost tens of megabytes.
  private var pending: [PendingRecord] = []
  /// The numeric members of the pending records, one run of them per record.
  private var pendingValues: [(key: Int32, value: Double)] = []
  /// Member names of the pending records, each once; ``PendingRecord`` refers to them by index.
  private var keyNames: [String] = ["epoch", "train_loss", "train_accuracy", "train_runtime"]
  private var keyIndex: [String: Int32] = [:]
  /// Evaluation set names in the order first seen (`""` for plain `eval_loss`).
  private var evaluationSets: [String] = []
  /// Makes room for `count` training records.
  mutating func reserveTrainingEntries(_ count: Int) {
    training.reserveCapacity(count)
  }

  /// Reads one record of `log_history`: a training record now, anything else kept for
  /// ``finish(_:)``, which needs every evaluation to pick the main evaluation set.
  mutating func take(_ entry: JSONNode) throws(LogReadError) {
    if trainingLossKey == "loss", let record = Self.fastTrainingEntry(entry, &scratch) {
      training.append(record)
      return
    }
    adoptSetFitLoss(entry)
    guard entry.kind == .object else {
      throw malformed(entry, "a 'log_history' record should be an object, found \(entry.kind)")
    }
    if try !readTrainingRecord(entry) { try keep(entry) }
  }

  /// Reads what ``finish(_:)`` will need from a record that is not only training values.
  private mutating func keep(_ record: JSONNode) throws(LogReadError) {
    var kept = PendingRecord(
      offset: record.byteOffset, step: try step(of: record), valuesStart: pendingValues.count,
      valuesCount: 0, isSummary: false, hasTrainingLoss: record[trainingLossKey] != nil)
    for (key, value) in record.members {
      try LogReadError.check(name: key, at: place(of: value))
      seenKeys.insert(key)
      if key.hasPrefix("eval_") { noteEvaluationSet(of: key) }
      let number: Double?
      switch key {
      case "step", trainingLossKey, "learning_rate", "grad_norm": continue
      case "epoch": number = try self.epoch(value)
      case "train_loss": number = try self.number(value, key: key)
      case "train_accuracy", "train_acc":
        number = try self.number(value, key: key)
        trainingAccuracyKey = key
      case "train_runtime":
        number = try self.number(value, key: key)
        kept.isSummary = true
      case "total_flos":
        kept.isSummary = true
        continue
      default:
        if isIgnored(key) { continue }
        switch value.kind {
        case .null: continue
        case .number: number = value.doubleValue ?? .nan
        default:
          guard case .number(let parsed) = NumericText.value(of: value.stringValue ?? "x") else {
            nonNumericKeys.insert(key)
            continue
          }
          number = parsed
        }
      }
      guard let number else { continue }
      pendingValues.append((index(of: key == "train_acc" ? "train_accuracy" : key), number))
      kept.valuesCount += 1
    }
    pending.append(kept)
  }

  /// The index of a member name in ``keyNames``, adding it the first time.
  private mutating func index(of key: String) -> Int32 {
    if keyIndex.isEmpty {
      for (position, name) in keyNames.enumerated() { keyIndex[name] = Int32(position) }
    }
    if let known = keyIndex[key] { return known }
    keyIndex[key] = Int32(keyNames.count)
    keyNames.append(key)
    return Int32(keyNames.count - 1)
  }

  /// Notes the evaluation set an `eval_` key belongs to: `""` for `eval_loss` and
  /// `eval_runtime`, `test` for `eval_test_loss` or `eval_test_runtime`.
  private mutating func noteEvaluationSet(of key: String) {
    var name: Substring?
    if key == "eval_loss" || key == "eval_runtime" {
      name = ""
    } else if key.hasSuffix("_loss") && key.count > 10 {
      name = key.dropFirst(5).dropLast(5)
    } else if key.hasSuffix("_runtime") && key.count > 13 {
      name = key.dropFirst(5).dropLast(8)
    }
    if let name, !evaluationSets.contains(String(name)) { evaluationSets.append(String(name)) }
  }

  /// Reads the rest of the document (the records of a `log_history` that was not streamed,
  /// the evaluations, the top-level fields) and returns the log.
  mutating func finish(_ root: JSONNode) throws(LogReadError) -> TrainingLog {
    guard root.kind == .object else {
      throw malformed(root, "expected an object with a 'log_history' array, found \(root.kind)")
    }
    guard let history = root["log_history"] else {
      throw malformed(root, "no 'log_history' array; is this a trainer_state.json?")
    }
    guard history.kind == .array else {
      throw malformed(history, "'log_history' should be an array, found \(history.kind)")
    }
    for entry in history.elements { try take(entry) }
    var training = self.training
    self.training = []
    if !isSortedByStep(training) { training.sort { $0.step < $1.step } }

    var log = TrainingLog(
      metadata: RunMetadata(source: file, format: LogFormat.trainerState.rawValue))
    log.trainingEntries = training
    var evaluations = EvaluationCollector()
    placePendingRecords(into: &evaluations, summary: &log.metadata.summary)
    log.evaluationEntries = evaluations.entries
    if let first = evaluations.firstRepeat {
      let line = JSONLocation.location(ofOffset: first.offset, in: root).line
      let count = evaluations.repeatCount
      warnings.append(
        count == 1
          ? "\(file): the evaluation at step \(first.step) was logged twice (again at line "
            + "\(line)), as when trainer.evaluate() runs once more after training; kept the first"
          : "\(file): \(count) evaluation records repeat a step already evaluated (the first at "
            + "step \(first.step), line \(line)); kept the first record at each step")
    }
    PercentAccuracy.readAsFractions(
      in: &log,
      names: .init(validation: evaluations.accuracyKey, training: trainingAccuracyKey),
      file: file, warnings: &warnings)
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

  /// The keys of a plain training record, looked up together.
  private static let trainingKeys = JSONNumberLookup(
    keys: ["loss", "step", "epoch", "learning_rate", "grad_norm"])

  /// A plain training record (`loss`, `step` and any of `epoch`, `learning_rate`,
  /// `grad_norm`, numbers only, the step and epoch within the step rule), or `nil` for
  /// anything else, which the slow path handles (and explains, when it is wrong).
  @inline(__always)
  private static func fastTrainingEntry(_ entry: JSONNode, _ numbers: inout [JSONNumber?])
    -> TrainingEntry?
  {
    guard let matched = entry.numbers(Self.trainingKeys, into: &numbers),
      matched == entry.count, let loss = numbers[0],
      case .integer(let step) = numbers[1], step >= 0, step <= Int64(LogLimits.largestStep)
    else { return nil }
    let epoch = numbers[2]?.doubleValue
    if let epoch, !(epoch >= 0 && epoch <= Double(LogLimits.largestStep)) { return nil }
    return TrainingEntry(
      step: Int(truncatingIfNeeded: step), epoch: epoch, loss: loss.doubleValue,
      learningRate: numbers[3]?.doubleValue, gradientNorm: numbers[4]?.doubleValue)
  }

  /// Reads a record that has the training-loss key; returns whether nothing else is left in
  /// it for the other passes.
  private mutating func readTrainingRecord(_ entry: JSONNode) throws(LogReadError) -> Bool {
    guard let lossNode = entry[trainingLossKey] else { return false }
    var hasOtherKinds = false
    var epoch: Double?
    var rate: Double?
    var norm: Double?
    for (key, value) in entry.members {
      try LogReadError.check(name: key, at: place(of: value))
      seenKeys.insert(key)
      switch key {
      case "step", trainingLossKey: break
      case "epoch": epoch = try self.epoch(value)
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

  /// Places the kept records: evaluations (the main set's loss and accuracy as the
  /// validation curves, everything else as metrics), training-set evaluations, the summary.
  private mutating func placePendingRecords(
    into evaluations: inout EvaluationCollector, summary: inout RunSummary?
  ) {
    let mainSet = Self.mainEvaluationSet(among: evaluationSets)
    let mainPrefix = mainSet.isEmpty ? "eval_" : "eval_\(mainSet)_"
    // What each member name is, decided once per name rather than once per record.
    enum Kind { case epoch, trainingLoss, trainingAccuracy, runtime, loss, accuracy, metric, extra }
    let kinds: [Kind] = keyNames.enumerated().map { position, key in
      switch position {
      case 0: return .epoch
      case 1: return .trainingLoss
      case 2: return .trainingAccuracy
      case 3: return .runtime
      default: break
      }
      if isOverride(mapping.validationLoss, key) { return .loss }
      if isOverride(mapping.validationAccuracy, key) { return .accuracy }
      if key.hasPrefix(mainPrefix), mapping.validationLoss == nil,
        key.dropFirst(mainPrefix.count) == "loss"
      {
        return .loss
      }
      if key.hasPrefix(mainPrefix), mapping.validationAccuracy == nil,
        MetricNames.isAccuracy(String(key.dropFirst(mainPrefix.count)))
      {
        return .accuracy
      }
      if key.hasPrefix("eval_") { return .metric }
      if key.hasPrefix("train_") { return .extra }
      return .metric
    }
    for record in pending {
      var epoch: Double?
      var trainingLoss: Double?
      var trainingAccuracy: Double?
      var runtime: Double?
      var evaluation = EvaluationCollector.Values()
      var trainingExtras: [String: Double] = [:]
      for (key, number) in pendingValues[record.valuesStart..<(record.valuesStart + record.valuesCount)] {
        let name = keyNames[Int(key)]
        switch kinds[Int(key)] {
        case .epoch: epoch = number
        case .trainingLoss: trainingLoss = number
        case .trainingAccuracy: trainingAccuracy = number
        case .runtime: runtime = number
        case .loss: evaluation.loss = (name, number)
        case .accuracy: evaluation.accuracy = (name, number)
        case .extra: trainingExtras[name] = number
        case .metric:
          // A record that also logs the training loss keeps only evaluation metrics.
          if name.hasPrefix("eval_") || !record.hasTrainingLoss { evaluation.metrics[name] = number }
        }
      }
      if record.isSummary, let loss = trainingLoss, trainingAccuracy == nil {
        summary = RunSummary(
          globalStep: record.step, epoch: epoch ?? 0, meanTrainingLoss: loss,
          runtimeSeconds: runtime)
        trainingLoss = nil
      }
      if trainingLoss != nil || trainingAccuracy != nil {
        var values = EvaluationCollector.Values()
        values.trainingLoss = trainingLoss
        values.trainingAccuracy = trainingAccuracy
        values.metrics = trainingExtras
        evaluations.add(values, step: record.step, epoch: epoch, offset: record.offset)
      }
      if !evaluation.isEmpty {
        evaluations.add(evaluation, step: record.step, epoch: epoch, offset: record.offset)
      }
    }
    pending = []
    pendingValues = []
  }

  /// The evaluation set whose loss and accuracy become the validation curves: `""` for plain
  /// `eval_loss`, else the first set named like validation, else the first set.
  static func mainEvaluationSet(among sets: [String]) -> String {
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
      guard let node = root[key], let value = try number(node, key: key), value >= 1,
        value <= Double(LogLimits.largestStep)
      else { return nil }
      return Int(checked: value, rounding: .up)
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
      bestStep = Int(path[range...].prefix { $0.isASCII && $0.isNumber }).flatMap {
        StepRule.isStep($0) ? $0 : nil
      }
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
    // The place is found only for an error: finding it counts lines from the file's start.
    if let value = node.integerValue {
      return try StepRule.step(value, field: "step", at: place(of: node))
    }
    if let value = node.doubleValue {
      return try StepRule.step(value, field: "step", at: place(of: node))
    }
    throw malformed(node, "'step' should be a whole number, found \(describe(node))")
  }

  /// An epoch under ``StepRule``, or `nil` for `null`.
  private func epoch(_ node: JSONNode) throws(LogReadError) -> Double? {
    guard let value = try number(node, key: "epoch") else { return nil }
    return try StepRule.epoch(value, at: place(of: node))
  }

  /// Where a value is, for a message.
  private func place(of node: JSONNode) -> LogLocation {
    let location = node.location
    return LogLocation(file: file, line: location.line, column: location.column)
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
    case .string: "the string \"\(LogText.excerpt(node.stringValue ?? ""))\""
    case .bool: node.boolValue == true ? "true" : "false"
    default:
      "\(node.kind == .array ? "an array" : node.kind == .object ? "an object" : "\(node.kind)")"
    }
  }

  private func malformed(_ node: JSONNode, _ problem: String) -> LogReadError {
    .malformed(place(of: node), problem: problem)
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
  /// The first record left out as a repeat: its step and byte offset; its line is found only
  /// when the warning is written, since finding a line means counting from the file's start.
  private(set) var firstRepeat: (step: Int, offset: Int)?
  /// Records left out as repeats.
  private(set) var repeatCount = 0

  /// Adds a record's values at `step`; a record that would overwrite a value already there is
  /// a repeat and is left out whole.
  ///
  /// - Complexity: O(*k*) for a record of *k* values, however many records share the step.
  mutating func add(_ values: Values, step: Int, epoch: Double?, offset: Int) {
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
      if firstRepeat == nil { firstRepeat = (step, offset) }
      repeatCount += 1
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

  /// The key the validation accuracy was read from, for messages.
  var accuracyKey: String? { slots.lazy.compactMap(\.accuracyKey).first }
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

/// A record of `log_history` other than a plain training record, as ``TrainerStateDecoder``
/// keeps it until every record has been seen: where it is, its step, and a run of its
/// numeric members in the decoder's shared list.
private struct PendingRecord {
  /// The record's byte offset in the file, for its line in a warning.
  var offset: Int
  var step: Int
  var valuesStart: Int
  var valuesCount: Int
  /// Whether it has `train_runtime` or `total_flos`: the closing summary.
  var isSummary: Bool
  /// Whether it also holds the training loss (a training record with evaluation keys).
  var hasTrainingLoss: Bool
}
