package import CurveCore

/// Logs built to probe the report's wording at its edges: accuracy in percent or out of any
/// range, losses at zero, negative, constant, huge or tiny, NaN first, a handful of points.
/// The property tests and the consistency benchmark diagnose each and check the report.
package enum OddLogs {
  /// Every odd log, named, with the options to diagnose it with.
  package static var all: [(name: String, log: TrainingLog, options: DiagnosisOptions)] {
    var logs: [(String, TrainingLog)] = []
    let falling = (0..<40).map { 0.7 * pow09($0) + 0.05 }
    let validation = (0..<10).map { 0.72 * pow09($0 * 4) + 0.09 }
    let accuracy = (0..<10).map { 0.5 + 0.45 * (1 - pow09($0 * 4)) }
    logs.append(("percent accuracy", make(falling, validation, accuracy: accuracy.map { $0 * 100 })))
    logs.append(
      ("percent accuracy, training too",
        make(falling, validation, accuracy: accuracy.map { $0 * 100 },
          trainingAccuracy: accuracy.map { min(100, $0 * 104) })))
    logs.append(("accuracy 10000", make(falling, validation, accuracy: accuracy.map { _ in 10_000 })))
    logs.append(("negative accuracy", make(falling, validation, accuracy: accuracy.map { $0 - 1 })))
    logs.append(
      ("accuracy gap in percent",
        make(falling, validation.map { $0 * 3 }, accuracy: accuracy.map { $0 * 80 },
          trainingAccuracy: accuracy.map { _ in 100 })))
    logs.append(("all zero", make([Double](repeating: 0, count: 20), [Double](repeating: 0, count: 6))))
    logs.append(("constant", make([Double](repeating: 0.3, count: 20), [Double](repeating: 0.4, count: 6))))
    logs.append(("negative losses", make(falling.map { $0 - 1 }, validation.map { $0 - 1 })))
    logs.append(("huge losses", make(falling.map { $0 * 1e12 }, validation.map { $0 * 1e12 })))
    logs.append(("tiny losses", make(falling.map { $0 * 1e-9 }, validation.map { $0 * 1e-9 })))
    logs.append(("rising losses", make(falling.reversed(), validation.reversed())))
    logs.append(("nan first", make([.nan] + falling, validation)))
    logs.append(("infinite validation", make(falling, validation + [.infinity])))
    logs.append(("three evaluations", make([], [0.7, 0.5, 0.6])))
    logs.append(("training only", make(falling, [])))
    logs.append(("validation only", make([], validation)))
    logs.append(
      ("rounded to zero",
        make(falling.map { ($0 - 0.05) < 0.01 ? 0 : ($0 * 10_000).rounded() / 10_000 }, validation)))
    logs.append(
      ("overfit with loss near zero", make(falling.map { $0 - 0.05 }, [0.5, 0.3, 0.2, 0.25, 0.4, 0.6, 0.8])))
    var result = logs.map { ($0.0, $0.1, DiagnosisOptions()) }
    result.append(
      ("one metric", singleMetric(), DiagnosisOptions(monitor: MonitoredMetric(name: "test FID_B"))))
    return result
  }

  private static func pow09(_ n: Int) -> Double {
    var value = 1.0
    for _ in 0..<n { value *= 0.9 }
    return value
  }

  private static func make(
    _ training: [Double], _ validation: [Double], accuracy: [Double]? = nil,
    trainingAccuracy: [Double]? = nil
  ) -> TrainingLog {
    TrainingLog(
      metadata: RunMetadata(source: "odd"),
      trainingEntries: training.enumerated().map {
        TrainingEntry(step: ($0.offset + 1) * 10, loss: $0.element)
      },
      evaluationEntries: validation.enumerated().map {
        EvaluationEntry(
          step: ($0.offset + 1) * 40, loss: $0.element, accuracy: accuracy?[$0.offset % max(1, accuracy!.count)],
          trainingAccuracy: trainingAccuracy?[$0.offset % max(1, trainingAccuracy!.count)])
      })
  }

  private static func singleMetric() -> TrainingLog {
    let values = (0..<12).map { 80.0 * pow09($0) + 20 }
    return TrainingLog(
      metadata: RunMetadata(source: "odd"),
      evaluationEntries: values.enumerated().map {
        EvaluationEntry(step: ($0.offset + 1) * 1000, metrics: ["test FID_B": $0.element])
      })
  }
}
