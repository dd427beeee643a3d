extension TrainingConfiguration: CustomStringConvertible {
  /// One line a person can read: the data, the model, the optimizer, the schedule.
  ///
  /// `moons (noise 0.2) · 1000 train / 500 eval · MLP 2-32-1 tanh · adamw lr 0.01 linear ·
  /// batch 32 · 30 epochs · weight decay 0.01 · clip 1.0`
  public var description: String {
    var data = data.kind.rawValue
    var noises: [String] = []
    if self.data.inputNoise > 0 { noises.append("noise \(rounded(self.data.inputNoise))") }
    if self.data.labelNoise > 0 { noises.append("label noise \(rounded(self.data.labelNoise))") }
    if !noises.isEmpty { data += " (" + noises.joined(separator: ", ") + ")" }
    let sizes = ([self.data.kind.featureCount] + hidden + [1]).map(String.init).joined(separator: "-")
    let model = hidden.isEmpty ? "logistic regression (\(sizes))" : "MLP \(sizes) \(activation.rawValue)"
    var parts = [
      data, "\(self.data.trainSize) train / \(self.data.evalSize) eval", model,
      "\(optimizer.rawValue)"
        + (optimizer == .sgd ? (momentum > 0 ? " momentum \(rounded(momentum))" : " (no momentum)") : "")
        + " lr \(rounded(learningRate)) \(schedule.rawValue)"
        + (warmupSteps > 0 ? " warmup \(warmupSteps)" : ""),
      "batch \(batchSize)", epochs == 1 ? "1 epoch" : "\(epochs) epochs",
    ]
    if weightDecay > 0 { parts.append("weight decay \(rounded(weightDecay))") }
    if dropout > 0 { parts.append("dropout \(rounded(dropout))") }
    parts.append(maxGradNorm > 0 ? "clip \(rounded(maxGradNorm))" : "no clipping")
    parts.append(
      (evalSteps.map { $0 == 1 ? "eval every step" : "eval every \($0) steps" } ?? "eval every epoch")
        + (evaluationSampling == .fresh ? " on a fresh sample" : ""))
    if let patience = earlyStoppingPatience { parts.append("early stopping patience \(patience)") }
    return parts.joined(separator: " · ")
  }
}

/// Three significant digits, enough to recognise a knob.
private func rounded(_ value: Double) -> String {
  guard value != 0, value.isFinite else { return "\(value)" }
  var scale = 1.0
  while abs(value) * scale < 100 { scale *= 10 }
  while abs(value) * scale >= 1000 { scale /= 10 }
  let result = (value * scale).rounded() / scale
  return "\(result)"
}
