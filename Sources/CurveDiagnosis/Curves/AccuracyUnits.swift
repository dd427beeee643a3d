import CurveCore

/// Accuracy as the engine reads it: a share in `0...1`.
///
/// Many Keras scripts log accuracy in percent (0 to 100). The readers convert what they
/// recognise, but a log built in code can carry anything, so the engine checks again: a series
/// whose values reach past 1 but stay within 0...100 is read as percent; one with values outside
/// both ranges is left out. Either way a note says so.
enum AccuracyUnits {
  /// `log` with every accuracy series in `0...1`, and a note for each series changed.
  static func normalized(_ log: TrainingLog) -> (log: TrainingLog, notes: [String]) {
    var log = log
    var notes: [String] = []
    let series: [(name: String, path: WritableKeyPath<EvaluationEntry, Double?>)] = [
      ("validation accuracy", \.accuracy), ("training accuracy", \.trainingAccuracy),
    ]
    for (name, path) in series {
      let values = log.evaluationEntries.compactMap { $0[keyPath: path] }.filter(\.isFinite)
      guard let high = values.max(), let low = values.min(), high > 1 + 1e-9 || low < 0 else {
        continue
      }
      if low >= 0 && high <= 100 {
        for index in log.evaluationEntries.indices {
          log.evaluationEntries[index][keyPath: path] = log.evaluationEntries[index][keyPath: path]
            .map { $0 / 100 }
        }
        notes.append(
          "The \(name) is logged in percent (values up to \(Format.number(high))): read as "
            + "fractions, \(Format.number(high)) as \(Format.number(high / 100)).")
      } else {
        for index in log.evaluationEntries.indices {
          log.evaluationEntries[index][keyPath: path] = nil
        }
        notes.append(
          "The \(name) has values outside 0-1 and 0-100 (from \(Format.number(low)) to "
            + "\(Format.number(high))): left out of the diagnosis.")
      }
    }
    return (log, notes)
  }
}
