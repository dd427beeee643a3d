/// One evaluation: the model scored on the validation set (and, when known, the training set).
public struct EvaluationEntry: Sendable, Equatable, Codable {
  /// Optimizer updates done when the evaluation ran.
  public var step: Int
  /// Fractional epoch at that step, when the log says.
  public var epoch: Double?
  /// Mean loss on the validation set.
  public var loss: Double?
  /// Share of validation examples classified correctly, in `0...1`.
  public var accuracy: Double?
  /// Mean loss on the whole training set, evaluated without dropout, when known.
  public var trainingLoss: Double?
  /// Share of training examples classified correctly, when known.
  public var trainingAccuracy: Double?
  /// Any other metric the log carries, by its name in the log (`eval_f1`, `eval_test_loss`).
  public var metrics: [String: Double]

  /// Creates an evaluation record.
  public init(
    step: Int, epoch: Double? = nil, loss: Double? = nil, accuracy: Double? = nil,
    trainingLoss: Double? = nil, trainingAccuracy: Double? = nil, metrics: [String: Double] = [:]
  ) {
    self.step = step
    self.epoch = epoch
    self.loss = loss
    self.accuracy = accuracy
    self.trainingLoss = trainingLoss
    self.trainingAccuracy = trainingAccuracy
    self.metrics = metrics
  }
}
