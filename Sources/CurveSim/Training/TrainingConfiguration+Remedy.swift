public import CurveCore

extension TrainingConfiguration {
  /// This configuration with a remedy's changes made, in order.
  ///
  /// The one place a ``RemedyChange`` becomes a change of knobs, so the diagnosis engine's
  /// remedies, the course's remedied runs and the remedies benchmark all mean the same thing:
  ///
  /// | Change | Effect |
  /// |---|---|
  /// | `.scale(s, by: f)` | the setting times `f`; whole-number settings round to the nearest, at least 1 |
  /// | `.set(s, to: v)` | the setting becomes `v` (rounded for whole-number settings) |
  /// | `batch_size` | the evaluation interval scales the other way, so evaluations keep their pace in examples |
  /// | `hidden_width` | acts on every hidden layer; a network without one (logistic regression, a single unit) scaled up gains one layer as wide as the factor |
  /// | `warmup_ratio` | warmup over that share of the run's updates |
  /// | `early_stopping_patience` | turns early stopping on (a scale of it without it on does nothing) |
  /// | `.checkData` | the labels cleaned (no flipped labels) and the input noise halved: what a careful look at the data buys |
  /// | `.keepCheckpoint` | early stopping with patience 3 (unless already on), which keeps the best checkpoint as the rerun goes |
  ///
  /// Sizes are clamped to what the simulator accepts (at most
  /// ``maximumExamples`` examples, a dropout below 1); a result can still be too long to
  /// simulate, which ``problems`` reports.
  ///
  /// ```swift
  /// var configuration = Scenario.erratic.configuration(seed: 3)
  /// configuration = configuration.applying([.scale(.learningRate, by: 0.1), .scale(.epochs, by: 3)])
  /// ```
  public func applying(_ changes: [RemedyChange]) -> TrainingConfiguration {
    changes.reduce(self) { $0.applying($1) }
  }

  /// This configuration with one change made (see ``applying(_:)-([RemedyChange])``).
  public func applying(_ change: RemedyChange) -> TrainingConfiguration {
    var c = self
    switch change {
    case .scale(let setting, let factor):
      c.update(setting) { $0 * factor }
    case .set(let setting, let value):
      c.update(setting) { _ in value }
    case .checkData:
      c.data.labelNoise = 0
      c.data.inputNoise /= 2
    case .keepCheckpoint:
      c.earlyStoppingPatience = c.earlyStoppingPatience ?? 3
    }
    return c
  }

  /// Replaces `setting` by `transform` of its current value.
  private mutating func update(_ setting: RemedyChange.Setting, _ transform: (Double) -> Double) {
    func whole(_ value: Int) -> Int {
      let result = transform(Double(value)).rounded()
      return result.isFinite ? max(1, Int(min(result, Double(Int32.max)))) : value
    }
    switch setting {
    case .learningRate: learningRate = transform(learningRate)
    case .epochs: epochs = whole(epochs)
    case .batchSize:
      // Evaluations keep their pace in examples seen, as a person changing the batch size
      // sets them: eight times the batch, an eighth of the steps between evaluations. (The
      // logging interval stays: each logged loss then averages more examples.)
      let old = Double(batchSize)
      batchSize = whole(batchSize)
      evalSteps = evalSteps.map { max(1, Int((Double($0) * old / Double(batchSize)).rounded())) }
    case .weightDecay: weightDecay = max(0, transform(weightDecay))
    case .dropout: dropout = min(0.9, max(0, transform(dropout)))
    case .maxGradNorm: maxGradNorm = max(0, transform(maxGradNorm))
    case .warmupSteps:
      warmupSteps = warmupSteps == 0 ? max(0, Int(transform(0).rounded())) : whole(warmupSteps)
    case .warmupRatio:
      let ratio = min(1, max(0, transform(Double(warmupSteps) / Double(max(1, maxSteps)))))
      warmupSteps = Int((ratio * Double(maxSteps)).rounded())
    case .hiddenWidth:
      // A network without a hidden layer counts as one unit wide: scaled up, it gains a layer.
      let widths = hidden.isEmpty ? [1] : hidden
      let changed = widths.map { min(Self.maximumWidth, whole($0)) }
      hidden = hidden.isEmpty && changed == [1] ? [] : changed
    case .trainSize: data.trainSize = min(Self.maximumExamples, whole(data.trainSize))
    case .evalSize: data.evalSize = min(Self.maximumExamples, whole(data.evalSize))
    case .earlyStoppingPatience:
      if let patience = earlyStoppingPatience {
        earlyStoppingPatience = whole(patience)
      } else {
        let value = transform(0).rounded()
        if value >= 1 { earlyStoppingPatience = Int(value) }
      }
    }
  }
}
