public import CurveCore
import Foundation

extension TrainingLogChart {
  /// What a model that has learned nothing scores: levels the value axes always include, so a
  /// flat curve near them reads as "learned nothing" instead of being blown up into noise (see
  /// ``ValueAxisRule``).
  public struct ReferenceLevels: Sendable, Equatable {
    /// The loss of always predicting the class shares, `nil` when unknown.
    public var loss: Double?
    /// The accuracy of always predicting the larger class, `nil` when unknown.
    public var accuracy: Double?

    /// Creates levels.
    public init(loss: Double? = nil, accuracy: Double? = nil) {
      self.loss = loss
      self.accuracy = accuracy
    }

    /// No known levels.
    public static let none = ReferenceLevels()

    /// Two balanced classes: a loss of ln 2 ≈ 0.693 and an accuracy of 0.5.
    public static let balancedBinary = ReferenceLevels(loss: Foundation.log(2.0), accuracy: 0.5)

    /// The levels known for a log: the simulator's runs are binary classification on balanced
    /// classes; for anything else nothing is assumed.
    ///
    /// ```swift
    /// TrainingLogChart.ReferenceLevels.known(for: simulatedLog)  // .balancedBinary
    /// ```
    public static func known(for log: TrainingLog) -> ReferenceLevels {
      log.metadata.source == "simulator" ? .balancedBinary : .none
    }
  }
}
