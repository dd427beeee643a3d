import CurveCore

/// Gives a ``MetricTable``'s columns their meaning through ``MetricNames`` and a
/// ``MetricMapping``, and aligns the values on step into a `TrainingLog`.
///
/// Training and evaluation values logged on different rows at the same step end up in the same
/// step's entries. When the step counter goes back, the log holds a resumed or appended run:
/// records the earlier attempt wrote at or after the new step are dropped (so runs appended
/// from step 0 leave only the last run), and a warning says so.
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
  func slots(for columns: [String], warnings: inout [String]) throws(LogReadError) -> [Slot] {
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
    guard
      slots.contains(where: {
        [.trainingLoss, .validationLoss, .trainingAccuracy, .validationAccuracy].contains($0)
      })
    else {
      throw .noRecognisableColumns(file: file, columns: columns)
    }
    return slots
  }

  /// Turns the table into a log, aligning values on step.
  func assemble(_ table: MetricTable, warnings: inout [String]) throws(LogReadError)
    -> TrainingLog
  {
    let slots = try slots(for: table.columns, warnings: &warnings)
    // Groups stay sorted by step: rows come in step order, and a step that goes back cuts
    // the groups at or after it (a restart), so a new step is nearly always appended.
    var groups: [Group] = []
    var lowest = Int.max
    for row in table.rows {
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
      for (column, value) in row.values.enumerated() {
        guard let value, column < slots.count else { continue }
        groups[index].set(slots[column], value)
      }
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
    return log
  }

  /// Preference among columns that claim one role: no suffix, then `_epoch`, then `_step`.
  private func rank(_ name: MetricNames.Name) -> Int {
    switch name.variant {
    case nil: 0
    case .epoch: 1
    case .step: 2
    }
  }

  private static func describe(_ role: MetricNames.Role) -> String {
    switch role {
    case .trainingLoss: "training loss"
    case .trainingAccuracy: "training accuracy"
    case .learningRate: "learning rate"
    case .gradientNorm: "gradient norm"
    default: role.rawValue
    }
  }

  private static func flag(_ role: MetricNames.Role) -> String? {
    role == .trainingLoss ? "--train-loss" : nil
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

    mutating func set(_ slot: Slot, _ value: Double) {
      switch slot {
      case .trainingLoss: trainingLoss = value
      case .validationLoss: validationLoss = value
      case .trainingAccuracy: trainingAccuracy = value
      case .validationAccuracy: validationAccuracy = value
      case .trainingEvaluationLoss: trainingEvaluationLoss = value
      case .learningRate: learningRate = value
      case .gradientNorm: gradientNorm = value
      case .epoch: epoch = value
      case .metric(let name): metrics[name] = value
      case .skip: break
      }
    }
  }
}
