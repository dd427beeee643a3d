import CurveCore

/// Accuracies logged in percent, read as the fractions every other part of CurveLab expects.
///
/// Many Keras scripts multiply accuracy by 100 before logging it, and a history saved with
/// `json.dump(history.history)` keeps it that way; some `compute_metrics` functions for the
/// Trainer do the same. The rule, applied to each accuracy series on its own (the validation
/// accuracy, the training accuracy, and every metric whose name means accuracy, such as
/// `eval_test_accuracy` or `val_top5_acc`):
///
/// - the series is in percent when all its finite values lie in `0...100` and at least one is
///   above 1.001 (an accuracy in fractions never is, even with rounding errors); it is divided by 100, and a warning names it
///   with its largest value;
/// - a series with a value below 0 or above 100 is neither (a count of correct examples named
///   like an accuracy, say) and is kept as logged, with a warning;
/// - a series within `0...1` is left alone.
///
/// An accuracy in percent that never rose above 1% cannot be told from a fraction; no log
/// worth diagnosing has one.
///
/// ```swift
/// var warnings: [String] = []
/// PercentAccuracy.readAsFractions(
///   in: &log, names: .init(validation: "val_accuracy"), file: "history.json",
///   warnings: &warnings)
/// // warnings: ["history.json: val_accuracy looks like a percentage (max 97.5); read as fractions"]
/// ```
enum PercentAccuracy {
  /// The names the log used for its accuracy fields, for the warnings.
  struct Names {
    var validation: String?
    var training: String?
  }

  /// Divides each accuracy series in percent by 100, adding a warning per series changed or
  /// found out of range.
  static func readAsFractions(
    in log: inout TrainingLog, names: Names, file: String, warnings: inout [String]
  ) {
    let entries = log.evaluationEntries
    func check(_ values: [Double], name: String) -> Bool {
      let finite = values.filter(\.isFinite)
      guard let largest = finite.max(), let smallest = finite.min() else { return false }
      if smallest < 0 || largest > 100 {
        warnings.append(
          "\(file): \(LogText.excerpt(name)) is named like an accuracy but holds values from "
            + "\(number(smallest)) to \(number(largest)), neither fractions nor percentages; "
            + "kept as logged")
        return false
      }
      // A mean of 0s and 1s can pass 1 by a rounding error, never by a thousandth.
      guard largest > 1.001 else { return false }
      warnings.append(
        "\(file): \(LogText.excerpt(name)) looks like a percentage (max \(number(largest))); "
          + "read as fractions")
      return true
    }
    if check(entries.compactMap(\.accuracy), name: names.validation ?? "the validation accuracy") {
      for index in log.evaluationEntries.indices {
        log.evaluationEntries[index].accuracy = log.evaluationEntries[index].accuracy.map { $0 / 100 }
      }
    }
    if check(
      entries.compactMap(\.trainingAccuracy), name: names.training ?? "the training accuracy")
    {
      for index in log.evaluationEntries.indices {
        log.evaluationEntries[index].trainingAccuracy =
          log.evaluationEntries[index].trainingAccuracy.map { $0 / 100 }
      }
    }
    var metricNames = Set<String>()
    for entry in entries { metricNames.formUnion(entry.metrics.keys) }
    for name in metricNames.sorted() where isAccuracyName(name) {
      guard check(entries.compactMap { $0.metrics[name] }, name: name) else { continue }
      for index in log.evaluationEntries.indices {
        log.evaluationEntries[index].metrics[name] =
          log.evaluationEntries[index].metrics[name].map { $0 / 100 }
      }
    }
  }

  /// Whether a metric's name means an accuracy: its base (without split and variant) is an
  /// accuracy name, or ends in `accuracy` or `_acc`, or is `acc` with a number (`acc5`,
  /// `top5_acc`).
  static func isAccuracyName(_ name: String) -> Bool {
    let base = MetricNames.normalized(name).base
    if base == "accuracy" || base.hasSuffix("accuracy") || base.hasSuffix("_acc") { return true }
    let letters = base.split(separator: "_").last ?? ""
    return letters.hasPrefix("acc") && letters.dropFirst(3).allSatisfy(\.isNumber)
      && !letters.dropFirst(3).isEmpty
  }

  private static func number(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return rounded == rounded.rounded() ? String(Int(checked: rounded) ?? 0) : String(rounded)
  }
}
