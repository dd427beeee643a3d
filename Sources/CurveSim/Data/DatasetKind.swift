/// The synthetic tasks the simulator can train on, all binary classification.
public enum DatasetKind: String, CaseIterable, Sendable, Codable {
  /// Two interleaving half circles (2 features).
  case moons
  /// A small circle inside a larger one (2 features).
  case circles
  /// Four quadrants, opposite ones sharing a class (2 features).
  case xor
  /// Two interleaved spiral arms (2 features); hard for small models.
  case spirals
  /// Two Gaussian clusters (2 features); nearly linearly separable.
  case blobs
  /// 50 features of which 5 carry the signal: few examples and a wide model overfit it the way
  /// fine-tuning a large model on a small data set does.
  case gaussian

  /// Inputs per example.
  public var featureCount: Int {
    switch self {
    case .gaussian: DatasetKind.gaussianFeatureCount
    default: 2
    }
  }

  /// Features of the high-dimensional task.
  static let gaussianFeatureCount = 50
  /// Of those, the ones that carry the class signal.
  static let gaussianInformativeCount = 5
}
