public import CurveCore

/// A one-line account of a run: its best evaluation and where it ended.
///
/// ```swift
/// TrainingLogSummary(log).line
/// // best eval_loss 0.2831 at step 640 (epoch 20) · end (step 640): loss 0.2702,
/// // learning_rate 0 (peak 0.01), eval_loss 0.2903, eval_accuracy 0.874 (437/500),
/// // train_accuracy 0.881
/// ```
public struct TrainingLogSummary: Sendable {
  /// The run.
  public var log: TrainingLog

  /// Creates the summary of a log.
  public init(_ log: TrainingLog) { self.log = log }

  /// The summary line, without a trailing newline.
  public var line: String {
    var parts: [String] = []
    if let best = bestEvaluation, let loss = best.loss {
      parts.append("best eval_loss \(Self.number(loss)) at \(Self.position(best))")
    }
    var end: [String] = []
    if let loss = log.trainingEntries.last?.loss { end.append("loss \(Self.number(loss))") }
    if let rate = learningRate { end.append(rate) }
    if let last = log.evaluationEntries.last {
      if let loss = last.loss { end.append("eval_loss \(Self.number(loss))") }
      if let accuracy = last.accuracy {
        end.append("eval_accuracy \(Self.number(accuracy))" + count(accuracy, log.metadata.evaluationSetSize))
      }
      if let accuracy = last.trainingAccuracy {
        end.append("train_accuracy \(Self.number(accuracy))")
      }
    }
    if !end.isEmpty {
      let step = log.lastStep.map { " (step \($0))" } ?? ""
      parts.append("end\(step): " + end.joined(separator: ", "))
    }
    if let best = log.metadata.bestCheckpoint, best.stoppedEarly {
      parts.append("stopped early; kept checkpoint-\(best.step)")
    }
    return parts.isEmpty ? "no data" : parts.joined(separator: " · ")
  }

  /// The last logged learning rate, with the peak when it has come down from it
  /// (`learning_rate 0 (peak 0.01)`): a flat tail under a rate decayed to 0 is no proof of
  /// convergence. `nil` when the log has no rate.
  var learningRate: String? {
    let rates = log.trainingEntries.compactMap(\.learningRate).filter(\.isFinite)
    guard let last = rates.last, let peak = rates.max() else { return nil }
    let text = "learning_rate \(Self.number(last))"
    return last < 0.99 * peak ? text + " (peak \(Self.number(peak)))" : text
  }

  /// The evaluation with the lowest finite validation loss (the earliest on ties).
  public var bestEvaluation: EvaluationEntry? {
    var best: EvaluationEntry?
    for entry in log.evaluationEntries {
      guard let loss = entry.loss, loss.isFinite else { continue }
      if best?.loss.map({ loss < $0 }) ?? true { best = entry }
    }
    return best
  }

  private func count(_ accuracy: Double, _ size: Int?) -> String {
    guard let size, size > 0 else { return "" }
    guard let correct = Int(checked: accuracy * Double(size)) else { return "" }
    return " (\(correct)/\(size))"
  }

  static func position(_ entry: EvaluationEntry) -> String {
    var text = "step \(entry.step)"
    if let epoch = entry.epoch { text += " (epoch \(number(epoch)))" }
    return text
  }

  /// Four significant digits, without trailing zeros.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    guard value != 0 else { return "0" }
    var scale = 1.0
    while abs(value) * scale < 1000 { scale *= 10 }
    while abs(value) * scale >= 10000 { scale /= 10 }
    return "\((value * scale).rounded() / scale)".replacingTrailingZero()
  }
}

extension String {
  fileprivate func replacingTrailingZero() -> String {
    hasSuffix(".0") ? String(dropLast(2)) : self
  }
}
