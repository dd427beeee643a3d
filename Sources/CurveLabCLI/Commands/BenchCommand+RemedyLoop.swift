import CurveCore
import CurveDiagnosis
import CurveExercises
import CurveSim
import Dispatch

extension BenchCommand {
  /// The closed loop: diagnose a run, apply the engine's top-ranked remedy through the
  /// simulator, diagnose again. A remedy works when the rerun reads healthy or its best
  /// validation loss improved by at least 20% (a kept checkpoint, which changes the model kept
  /// and not the training, by at least 20% on the validation loss the run ended with, and
  /// below the loss of a model that ignores its input). Beside it, the old fixed-per-pattern ranking (the
  /// engine before its cause layer: one remedy per pattern, the course's sizes), and the
  /// engine's named cause against the simulator's true cause where the run records one.
  func studyRemedyLoop(output: inout some TextOutputStream) {
    let groups = RemedyLoopGroup.all.filter { group in
      rows.contains { $0.scenario == group.scenario && $0.cause?.rawValue == group.cause }
    }
    let count = remedySeedCount
    let results = ResultSlots<RemedyLoopResult>(count: count * groups.count)
    let start = DispatchTime.now().uptimeNanoseconds
    DispatchQueue.concurrentPerform(iterations: count * groups.count) { index in
      let group = groups[index / count]
      results[index] = RemedyLoopResult.measure(group, seed: firstSeed + UInt64(index % count))
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    output.write(
      "Remedies, closed loop: \(count) seeds per row; a remedy works when the rerun reads healthy "
        + "or its best validation loss falls by 20% or more (a kept checkpoint: 20% below the "
        + "validation loss the run ended with, and below chance) (\((wall * 10).rounded() / 10) s)\n")
    let header = [pad("row", 34), pad("engine", 9), pad("old", 9), pad("cause ok", 10)]
    output.write("  " + header.joined() + "engine's first remedies\n")
    for (row, group) in groups.enumerated() {
      let mine = (0..<count).map { results.values[row * count + $0] }
      let usable = mine.filter { $0.engineWorked != nil }
      func share(_ values: [Bool]) -> String {
        values.isEmpty ? "-" : "\(Int((Double(values.filter { $0 }.count) / Double(values.count) * 100).rounded()))%"
      }
      let engine = share(usable.compactMap(\.engineWorked))
      let old = share(mine.compactMap(\.oldWorked))
      let causes = mine.compactMap { result in result.trueCause.map { result.engineCause == $0 } }
      // Each first remedy the engine gave: how often, and how often it worked.
      var actions: [String: (given: Int, worked: Int)] = [:]
      for result in usable {
        let name = result.engineAction ?? "none"
        actions[name, default: (0, 0)].given += 1
        if result.engineWorked == true { actions[name, default: (0, 0)].worked += 1 }
      }
      let top = actions.sorted { $0.value.given != $1.value.given ? $0.value.given > $1.value.given : $0.key < $1.key }
        .prefix(4).map { "\($0.key) \($0.value.worked)/\($0.value.given)" }.joined(separator: ", ")
      let cells = [pad(group.name, 34), pad(engine, 9), pad(old, 9), pad(share(causes), 10)]
      output.write("  " + cells.joined() + top + "\n")
      let skipped = mine.count - usable.count
      if skipped > 0 {
        output.write("    \(skipped) seed(s) not read as \(group.scenario.rawValue) by the engine: left out\n")
      }
    }
  }
}

/// `text` padded with spaces to `width` columns.
private func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
}

/// One row of the closed loop: a scenario, and the cause the simulator draws when it has one.
struct RemedyLoopGroup: Sendable {
  var scenario: Scenario
  /// The simulator's cause, by name, when it can be asked for one.
  var cause: String?

  var name: String { scenario.rawValue + (cause.map { " / " + $0 } ?? "") }

  /// A row per scenario and cause the simulator draws it with (one for a scenario without
  /// causes).
  static var all: [RemedyLoopGroup] {
    Scenario.allCases.flatMap { scenario in
      scenario.causes.isEmpty
        ? [RemedyLoopGroup(scenario: scenario, cause: nil)]
        : scenario.causes.map { RemedyLoopGroup(scenario: scenario, cause: $0.rawValue) }
    }
  }

  func configuration(seed: UInt64) -> TrainingConfiguration {
    scenario.configuration(seed: seed, cause: cause.flatMap(Cause.init(rawValue:)))
  }
}

/// What the loop found for one seed.
struct RemedyLoopResult: Sendable {
  /// Whether the engine's first remedy worked; `nil` when the engine did not read the run as
  /// its scenario (the row measures remedies for the pattern, not the pattern).
  var engineWorked: Bool?
  var oldWorked: Bool?
  var engineAction: String?
  var engineCause: Cause?
  var trueCause: Cause?

  static func measure(_ group: RemedyLoopGroup, seed: UInt64) -> RemedyLoopResult {
    let configuration = group.configuration(seed: seed)
    let before = Simulator(
      configuration: configuration, seed: seed, scenario: group.scenario,
      cause: group.cause.flatMap(Cause.init(rawValue:))
    ).run().log
    let diagnosis = Diagnoser().diagnose(before)
    var result = RemedyLoopResult()
    result.trueCause = before.metadata.configuration["cause"].flatMap(Cause.init(rawValue:))
    result.engineCause = diagnosis.cause
    guard diagnosis.pattern.rawValue == group.scenario.rawValue, let first = diagnosis.remedies.first
    else { return result }
    result.engineAction = first.action.rawValue
    // The validation loss of the model the original run ended with: what a user had before
    // keeping a checkpoint.
    let ended = before.evaluationEntries.last { $0.loss?.isFinite == true }?.loss
    func works(_ changed: TrainingConfiguration, keepsCheckpoint: Bool) -> Bool? {
      guard changed.problems.isEmpty, changed != configuration else { return nil }
      let after = Diagnoser().diagnose(Simulator(configuration: changed, seed: seed).run().log)
      if after.pattern == .healthy { return true }
      guard let new = after.best?.value else { return false }
      // Keeping the best checkpoint does not change training: it changes the model kept, so
      // the kept checkpoint is weighed against the model the run ended with, and it must beat
      // a model that ignores its input (a checkpoint at chance level fixes nothing).
      let beatsChance = after.baseline.trivialLoss.map { new < 0.95 * $0 } ?? true
      if keepsCheckpoint, let ended, new <= 0.8 * ended, beatsChance { return true }
      guard let old = diagnosis.best?.value else { return false }
      return new <= 0.8 * old
    }
    let keeps = first.changes.contains {
      if case .keepCheckpoint = $0 { return true }
      return false
    }
    // A healthy run the engine leaves alone is already where the loop wants it.
    result.engineWorked = first.changes.isEmpty && diagnosis.pattern == .healthy
      ? true : works(configuration.applying(first.changes), keepsCheckpoint: keeps) ?? false
    let oldAction = OldRanking.remedy(for: diagnosis, log: before)
    result.oldWorked = oldAction == .nothing && diagnosis.pattern == .healthy
      ? true
      : works(RemedyTrial.apply(oldAction, to: configuration), keepsCheckpoint: oldAction == .earlyStopping)
        ?? false
    return result
  }
}

/// The engine's remedies before the cause layer: one fixed first remedy per pattern.
enum OldRanking {
  static func remedy(for diagnosis: Diagnosis, log: TrainingLog) -> Remedy.Action {
    switch diagnosis.pattern {
    case .overfitting: return .earlyStopping
    case .underfitting:
      let stillFalling = diagnosis.findings.contains { $0.kind == .stillImproving || $0.kind == .decayingRate }
      if stillFalling { return .moreEpochs }
      if let decay = log.metadata.configuration["weight_decay"].flatMap(Double.init), decay >= 0.5 {
        return .lessRegularization
      }
      return .biggerModel
    case .erratic, .diverged: return .lowerLearningRate
    case .healthy: return diagnosis.convergenceStep == nil ? .moreEpochs : .nothing
    case .insufficientData: return .nothing
    }
  }
}

