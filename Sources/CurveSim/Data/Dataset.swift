/// A labelled set of examples for binary classification, stored row by row.
public struct Dataset: Sendable, Equatable {
  /// Inputs, `count * featureCount` values, one example after another.
  public var features: [Double]
  /// Labels, `0` or `1`, one per example.
  public var labels: [Double]
  /// Inputs per example.
  public let featureCount: Int

  /// Creates a dataset; `features.count` must be `labels.count * featureCount`.
  public init(features: [Double], labels: [Double], featureCount: Int) {
    precondition(featureCount > 0, "a dataset needs at least one feature")
    precondition(features.count == labels.count * featureCount, "features and labels disagree")
    self.features = features
    self.labels = labels
    self.featureCount = featureCount
  }

  /// Number of examples.
  public var count: Int { labels.count }

  /// The inputs of example `index`.
  public func example(_ index: Int) -> ArraySlice<Double> {
    features[(index * featureCount)..<((index + 1) * featureCount)]
  }

  /// Share of examples labelled `1`.
  public var positiveShare: Double {
    count == 0 ? 0 : labels.reduce(0, +) / Double(count)
  }
}

/// A training set and a validation set drawn from the same task.
public struct DataSplit: Sendable, Equatable {
  /// Examples the model learns from.
  public var training: Dataset
  /// Held-out examples it is evaluated on.
  public var validation: Dataset
  /// The standardization fitted to the raw training set, applied to both sets (and to any
  /// fresh validation sample).
  var scaling: Standardization
}
