import CurveCore

/// Gives a ``MetricTable``'s columns their meaning through ``MetricNames`` and a
/// ``MetricMapping``, and aligns the values on step into a `TrainingLog`.
///
/// Steps follow ``StepRule``. Training and evaluation values logged on different rows at the
/// same step end up in the same step's entries; a value logged twice at one step keeps the
/// first, and one warning counts the repeats. When the step counter goes back, the log holds a
/// resumed or appended run: records the earlier attempt wrote at or after the new step are
/// dropped (so runs appended from step 0 leave only the last run), and a warning says so. A
/// counter that never advances while the rows repeat their values is replaced by the row
/// order, with a warning.
///
/// A table with no loss or accuracy but exactly one metric that holds numbers (a W&B export of
/// `test FID_B`) is read as that metric alone, under its own name in
/// `EvaluationEntry.metrics`; ``LoadedLog/loneMetric`` names it.
struct LogAssembler {
  /// Where each column's values go.
  enum Slot: Equatable {
    case trainingLoss, validationLoss, trainingAccuracy, validationAccuracy
    case trainingEvaluationLoss, learningRate, gradientNorm, epoch
    case metric(String)
    case skip
  }

  /// The file, for messages.
  var file: String
  /// The format, for the metadata.
  var format: LogFormat
  /// Explicit column names.
  var mapping: MetricMapping
  /// What the rows' steps count.
  var stepUnit: StepUnit = .update
  /// The set an accuracy without a split prefix belongs to.
  var unprefixedAccuracy: MetricNames.Split = .training
  /// Whether a step that goes back marks a restart; off for tables merged from series that
  /// have been cleaned one by one.
  var detectsRestarts = true
  /// The counter's name in warnings, and the amount to subtract from a step to show it as the
  /// file wrote it (Keras counts epochs from 0).
  var counterName = "step"
  var counterOffset = 0

  /// Decides the slot of every column.
  ///
  /// - Parameters:
  ///   - columns: The column names.
  ///   - holdsNumbers: Whether each column holds at least one value; a table whose only
  ///     curve is one metric is read when exactly one metric column holds numbers.
  func slots(
    for columns: [String], holdsNumbers: [Bool]? = nil,
    trend: (Int) -> SeriesTrend? = { _ in nil }, warnings: inout [String]
  ) throws(LogReadError) -> [Slot] {
    let names = columns.map(MetricNames.normalized)
    var roles = names.map { MetricNames.role(of: $0, unprefixedAccuracy: unprefixedAccuracy) }
    var forced: [MetricNames.Role: Int] = [:]
    for (name, role) in mapping.overrides {
      guard let index = columns.firstIndex(where: { MetricMapping.matches(name, $0) }) else {
        throw .unknownColumn(name, file: file, columns: columns)
      }
      forced[role] = index
    }
    let hasValidation =
      roles.contains(.validationLoss) || roles.contains(.validationAccuracy)
      || forced[.validationLoss] != nil || forced[.validationAccuracy] != nil
    for index in roles.indices {
      switch roles[index] {
      case .testLoss: roles[index] = hasValidation ? .metric : .validationLoss
      case .testAccuracy: roles[index] = hasValidation ? .metric : .validationAccuracy
      default: break
      }
    }

    var slots = [Slot](repeating: .skip, count: columns.count)
    for index in columns.indices where roles[index] == .metric {
      slots[index] = .metric(columns[index])
    }
    let claimed: [(MetricNames.Role, Slot, isTrainingSide: Bool)] = [
      (.trainingLoss, .trainingLoss, true), (.validationLoss, .validationLoss, false),
      (.trainingAccuracy, .trainingAccuracy, true),
      (.validationAccuracy, .validationAccuracy, false),
      (.trainingEvaluationLoss, .trainingEvaluationLoss, false),
      (.learningRate, .learningRate, true), (.gradientNorm, .gradientNorm, true),
      (.epoch, .epoch, true),
    ]
    let forcedIndices = Set(forced.values)
    for (role, slot, isTrainingSide) in claimed {
      let candidates = columns.indices.filter { roles[$0] == role && !forcedIndices.contains($0) }
      let winner =
        forced[role]
        ?? candidates.min { (rank(names[$0]), $0) < (rank(names[$1]), $1) }
      guard let winner else { continue }
      slots[winner] = slot
      for loser in candidates where loser != winner {
        if !isTrainingSide {
          slots[loser] = .metric(columns[loser])
          // Another evaluation set (not the same series at another aggregation) is worth a word.
          if names[loser].text.dropLast(suffixLength(names[loser]))
            != names[winner].text.dropLast(suffixLength(names[winner])),
            let flag = Self.flag(role)
          {
            warnings.append(
              "\(file): '\(columns[winner])' is read as the \(Self.describe(role)) and "
                + "'\(columns[loser])' kept as a metric (another evaluation set?). Pass \(flag) "
                + "'\(columns[loser])' to use it instead")
          }
        } else if role != .epoch {
          warnings.append(
            "\(file): column '\(columns[loser])' was not used; '\(columns[winner])' holds the "
              + "\(Self.describe(role))"
              + (Self.flag(role).map {
                ". Pass \($0) '\(columns[loser])' to use it instead"
              } ?? ""))
        }
      }
    }
    let hasCurve = slots.contains {
      [.trainingLoss, .validationLoss, .trainingAccuracy, .validationAccuracy].contains($0)
    }
    if !hasCurve, mapping.isEmpty,
      let bare = Self.bareSetSlots(columns: columns, names: names, trend: trend)
    {
      for (index, slot) in bare { slots[index] = slot }
      let read = bare.sorted { $0.key < $1.key }.map { index, slot in
        "'\(columns[index])' as the \(Self.describe(slot))"
      }
      let isAccuracy = bare.values.contains(.trainingAccuracy)
        || bare.values.contains(.validationAccuracy)
      warnings.append(
        "\(file): the columns name only their set, not what they measure; read "
          + (read.count == 2 ? read.joined(separator: " and ") : read.joined(separator: ", "))
          + (isAccuracy
            ? " (values that rise within 0 to 1 are an accuracy)"
            : " (values that fall or leave 0 to 1 are a loss)")
          + ". Say otherwise with --train-loss, --val-loss or --val-accuracy")
    } else if !hasCurve {
      let metrics = columns.indices.filter {
        if case .metric = slots[$0] { return holdsNumbers?[$0] ?? true }
        return false
      }
      guard metrics.count == 1, mapping.isEmpty else {
        throw .noRecognisableColumns(file: file, columns: columns)
      }
      // The lone metric; other metric columns hold no numbers.
      for index in columns.indices where index != metrics[0] {
        if case .metric = slots[index] { slots[index] = .skip }
      }
    }
    return slots
  }

  /// The first, last, smallest and largest value of a column, for columns whose meaning only
  /// their values can tell.
  struct SeriesTrend: Equatable {
    var first: Double
    var last: Double
    var minimum: Double
    var maximum: Double

    /// Whether the values look like an accuracy: within 0 to 1 and not falling. A loss falls
    /// as a run learns; an accuracy rises, and never leaves 0 to 1.
    var looksLikeAccuracy: Bool { minimum >= 0 && maximum <= 1 && last >= first }
  }

  /// The first, last, smallest and largest finite value of one column, in row order, or `nil`
  /// when it holds none.
  static func trend(ofColumn column: Int, in table: MetricTable) -> SeriesTrend? {
    var trend: SeriesTrend?
    for row in table.values {
      for cell in row.cells where Int(cell.column) == column && cell.value.isFinite {
        let value = cell.value
        if trend == nil {
          trend = SeriesTrend(first: value, last: value, minimum: value, maximum: value)
        } else {
          trend!.last = value
          trend!.minimum = min(trend!.minimum, value)
          trend!.maximum = max(trend!.maximum, value)
        }
      }
    }
    return trend
  }

  /// The set names that a column may be called by alone (nanoGPT's `estimate_loss()` returns
  /// `{"train": ..., "val": ...}`, and histories built from it keep those keys).
  private static let bareSetNames: [String: MetricNames.Split] = [
    "train": .training, "training": .training, "val": .validation, "valid": .validation,
    "validation": .validation, "eval": .validation, "dev": .validation,
  ]

  /// For a table with no loss or accuracy whose columns are named only by their set (`train`,
  /// `val`): one slot per such column, a loss or an accuracy as the values say (the same
  /// for all of them: the sets of one table measure one thing), or `nil` when there is no such
  /// column or one holds no numbers. `trend` reads a column's values; it is called only for
  /// such columns.
  static func bareSetSlots(
    columns: [String], names: [MetricNames.Name], trend: (Int) -> SeriesTrend?
  ) -> [Int: Slot]? {
    let bare = columns.indices.compactMap { index in
      bareSetNames[names[index].text].map { (index, $0) }
    }
    guard !bare.isEmpty, Set(bare.map(\.1)).count == bare.count else { return nil }
    let trends = bare.compactMap { trend($0.0) }
    guard trends.count == bare.count else { return nil }
    let isAccuracy = trends.allSatisfy(\.looksLikeAccuracy)
    var slots: [Int: Slot] = [:]
    for (index, split) in bare {
      switch (split, isAccuracy) {
      case (.training, false): slots[index] = .trainingLoss
      case (.training, true): slots[index] = .trainingAccuracy
      case (_, false): slots[index] = .validationLoss
      case (_, true): slots[index] = .validationAccuracy
      }
    }
    return slots
  }

  /// Turns the table into a log, aligning values on step.
  func assemble(_ table: MetricTable, warnings: inout [String]) throws(LogReadError)
    -> TrainingLog
  {
    var holdsNumbers = [Bool](repeating: false, count: table.columns.count)
    for row in table.values {
      for cell in row.cells { holdsNumbers[Int(cell.column)] = true }
    }
    let slots = try slots(
      for: table.columns, holdsNumbers: holdsNumbers, trend: { Self.trend(ofColumn: $0, in: table) },
      warnings: &warnings)
    var table = table
    if detectsRestarts { renumberIfStuck(&table, slots: slots, warnings: &warnings) }
    // Groups stay sorted by step: rows come in step order, and a step that goes back cuts
    // the groups at or after it (a restart), so a new step is nearly always appended.
    var groups: [Group] = []
    var lowest = Int.max
    var repeats = 0
    var firstRepeat: (step: Int, line: Int?)?
    for (position, row) in table.rows.enumerated() {
      if detectsRestarts, let last = groups.last, row.step < last.step {
        let place = row.line.map { " at line \($0)" } ?? ""
        let from =
          "\(counterName) went back from \(last.step - counterOffset) to "
          + "\(row.step - counterOffset)\(place)"
        if row.step <= lowest {
          warnings.append("\(file): runs appended under one header (\(from)); kept the last run")
          groups.removeAll()
        } else {
          warnings.append(
            "\(file): the \(from), as when a run is resumed from a checkpoint; kept the later "
              + "records from \(counterName) \(row.step - counterOffset) on")
          groups.removeSubrange(Self.firstIndex(in: groups, atOrAfter: row.step)...)
        }
      }
      lowest = min(lowest, row.step)
      let index: Int
      if let last = groups.last, last.step == row.step {
        index = groups.count - 1
      } else if groups.last.map({ $0.step < row.step }) ?? true {
        groups.append(Group(step: row.step))
        index = groups.count - 1
      } else {
        index = Self.firstIndex(in: groups, atOrAfter: row.step)
        if groups[index].step != row.step { groups.insert(Group(step: row.step), at: index) }
      }
      if let epoch = row.epoch { groups[index].epoch = epoch }
      var repeated = false
      for cell in table.values[position].cells {
        let column = Int(cell.column)
        let value = cell.value
        guard column < slots.count else { continue }
        if slots[column] == .epoch {
          _ = try StepRule.epoch(
            value, field: table.columns[column],
            at: LogLocation(file: file, line: row.line, columnName: table.columns[column]))
        }
        if !groups[index].set(slots[column], value) { repeated = true }
      }
      if repeated {
        repeats += 1
        if firstRepeat == nil { firstRepeat = (row.step, row.line) }
      }
    }
    if let firstRepeat {
      let place = firstRepeat.line.map { ", line \($0)" } ?? ""
      warnings.append(
        "\(file): \(repeats) row\(repeats == 1 ? "" : "s") logged values again at "
          + "\(counterName == "epoch" ? "an" : "a") \(counterName) "
          + "that already had them (the first at \(counterName) "
          + "\(firstRepeat.step - counterOffset)\(place)); kept the first value of each")
    }

    var log = TrainingLog(metadata: RunMetadata(source: file, format: format.rawValue))
    log.metadata.stepUnit = stepUnit
    for group in groups {
      let step = group.step
      if let loss = group.trainingLoss {
        log.trainingEntries.append(
          TrainingEntry(
            step: step, epoch: group.epoch, loss: loss, learningRate: group.learningRate,
            gradientNorm: group.gradientNorm))
      }
      if group.hasEvaluation {
        log.evaluationEntries.append(
          EvaluationEntry(
            step: step, epoch: group.epoch, loss: group.validationLoss,
            accuracy: group.validationAccuracy, trainingLoss: group.trainingEvaluationLoss,
            trainingAccuracy: group.trainingAccuracy, metrics: group.metrics))
      }
    }
    let names = PercentAccuracy.Names(
      validation: slots.firstIndex(of: .validationAccuracy).map { table.columns[$0] },
      training: slots.firstIndex(of: .trainingAccuracy).map { table.columns[$0] })
    PercentAccuracy.readAsFractions(in: &log, names: names, file: file, warnings: &warnings)
    return log
  }

  /// Numbers the rows in file order when every row has the same step while the rows repeat
  /// values (two rows fill one slot), as a Keras `CSVLogger` created anew each epoch writes
  /// epoch 0 on every row. Rows that only complement each other at one step (a Lightning run
  /// with one validation) are left alone.
  private func renumberIfStuck(_ table: inout MetricTable, slots: [Slot], warnings: inout [String]) {
    guard table.rows.count > 1, let step = table.rows.first?.step,
      table.rows.allSatisfy({ $0.step == step })
    else { return }
    var filled = [Bool](repeating: false, count: slots.count)
    var collides = false
    rows: for row in table.values {
      for cell in row.cells where Int(cell.column) < slots.count {
        let column = Int(cell.column)
        if slots[column] == .skip { continue }
        if filled[column] {
          collides = true
          break rows
        }
        filled[column] = true
      }
    }
    guard collides else { return }
    for index in table.rows.indices {
      table.setPosition(
        ofRow: index, step: index + 1,
        epoch: stepUnit == .epoch ? Double(index + 1) : table.rows[index].epoch)
    }
    let unit = stepUnit == .epoch ? "epochs" : "steps"
    warnings.append(
      "\(file): the \(counterName) is \(step - counterOffset) on every row (a logger created anew "
        + "each time writes that); read the \(table.rows.count) rows in order as \(unit) 1 to "
        + "\(table.rows.count)")
  }

  /// Preference among columns that claim one role: no suffix, then `_epoch`, then `_step`;
  /// at each, a plain name (`loss`) before a sum (`total_loss`).
  private func rank(_ name: MetricNames.Name) -> Int {
    let variant =
      switch name.variant {
      case nil: 0
      case .epoch: 1
      case .step: 2
      }
    return 2 * variant + (name.text.contains("total_") ? 1 : 0)
  }

  /// The length of a name's variant suffix (`_step`, `_epoch`), to compare names without it.
  private func suffixLength(_ name: MetricNames.Name) -> Int {
    switch name.variant {
    case .step where name.text.hasSuffix("_step"): 5
    case .epoch where name.text.hasSuffix("_epoch"): 6
    default: 0
    }
  }

  private static func describe(_ slot: Slot) -> String {
    switch slot {
    case .trainingLoss: describe(MetricNames.Role.trainingLoss)
    case .trainingAccuracy: describe(MetricNames.Role.trainingAccuracy)
    case .validationLoss: describe(MetricNames.Role.validationLoss)
    case .validationAccuracy: describe(MetricNames.Role.validationAccuracy)
    default: "\(slot)"
    }
  }

  private static func describe(_ role: MetricNames.Role) -> String {
    switch role {
    case .trainingLoss: "training loss"
    case .trainingAccuracy: "training accuracy"
    case .validationLoss: "validation loss"
    case .validationAccuracy: "validation accuracy"
    case .learningRate: "learning rate"
    case .gradientNorm: "gradient norm"
    default: role.rawValue
    }
  }

  private static func flag(_ role: MetricNames.Role) -> String? {
    switch role {
    case .trainingLoss: "--train-loss"
    case .validationLoss: "--val-loss"
    case .validationAccuracy: "--val-accuracy"
    default: nil
    }
  }

  /// The position of the first group whose step is at least `step`.
  private static func firstIndex(in groups: [Group], atOrAfter step: Int) -> Int {
    var low = 0
    var high = groups.count
    while low < high {
      let middle = (low + high) / 2
      if groups[middle].step < step { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Everything logged at one step.
  private struct Group {
    var step: Int
    var epoch: Double?
    var trainingLoss: Double?
    var learningRate: Double?
    var gradientNorm: Double?
    var validationLoss: Double?
    var validationAccuracy: Double?
    var trainingAccuracy: Double?
    var trainingEvaluationLoss: Double?
    var metrics: [String: Double] = [:]

    var hasEvaluation: Bool {
      validationLoss != nil || validationAccuracy != nil || trainingAccuracy != nil
        || trainingEvaluationLoss != nil || !metrics.isEmpty
    }

    /// Sets the slot's value unless it already has one (the first value logged at a step is
    /// kept); returns whether the value was new. An epoch is not a logged value and is always
    /// set.
    mutating func set(_ slot: Slot, _ value: Double) -> Bool {
      func fill(_ field: inout Double?) -> Bool {
        guard field == nil else { return false }
        field = value
        return true
      }
      switch slot {
      case .trainingLoss: return fill(&trainingLoss)
      case .validationLoss: return fill(&validationLoss)
      case .trainingAccuracy: return fill(&trainingAccuracy)
      case .validationAccuracy: return fill(&validationAccuracy)
      case .trainingEvaluationLoss: return fill(&trainingEvaluationLoss)
      case .learningRate: return fill(&learningRate)
      case .gradientNorm: return fill(&gradientNorm)
      case .epoch:
        epoch = value
        return true
      case .metric(let name):
        guard metrics[name] == nil else { return false }
        metrics[name] = value
        return true
      case .skip: return true
      }
    }
  }
}
