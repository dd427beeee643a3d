/// How a list nested inside an object of a history JSON is named.
///
/// Scripts wrap a history in objects of their own: `{"training_history": {"train_loss": [...]}}`,
/// `{"config": {...}, "history": {...}}`, `{"results": {"metrics": {...}}}`, or one object per
/// split (`{"train": {"loss": [...]}, "val_history": {"loss": [...]}}`). A list whose own name
/// says its split or role (`train_loss`, `val_acc`, `epoch`, `lr`) keeps that name wherever it
/// sits; any other list is named after the object around it, without words that only say "a
/// history" (`history`, `metrics`, `logs`, `results`, ...): `train/loss`, `val/loss`. When
/// nothing else is left, the list keeps its own name (`history/loss` is `loss`).
///
/// ```swift
/// NestedHistory.name(of: "train_loss", inside: "training_history")  // "train_loss"
/// NestedHistory.name(of: "loss", inside: "val_history")             // "val/loss"
/// NestedHistory.name(of: "loss", inside: "history")                 // "loss"
/// NestedHistory.name(of: "f1", inside: "model_a")                   // "model_a/f1"
/// ```
enum NestedHistory {
  /// The name of the list `inner` found inside the object named `outer` (itself possibly a
  /// name given this way).
  static func name(of inner: String, inside outer: String) -> String {
    let name = MetricNames.normalized(inner)
    let speaksForItself =
      name.split != .unspecified
      || [.step, .epoch, .learningRate, .gradientNorm].contains(MetricNames.role(of: inner))
    if speaksForItself { return inner }
    let words = MetricNames.normalizedText(outer).split(separator: "_")
    let kept = words.filter { !fillerWords.contains(String($0)) }
    if kept.isEmpty { return inner }
    if kept.count == words.count { return "\(outer)/\(inner)" }
    return kept.joined(separator: "_") + "/" + inner
  }

  /// Words that name a container of curves rather than what the curves measure.
  private static let fillerWords: Set<String> = [
    "history", "histories", "hist", "metrics", "metric", "logs", "log", "results", "result",
    "stats", "statistics", "records", "curves", "scores", "values", "data",
  ]
}
