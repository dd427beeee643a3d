/// One training-loss record, as the Trainer writes it every `logging_steps` updates.
public struct TrainingEntry: Sendable, Equatable, Codable {
  /// Optimizer updates done when the record was written (1-based).
  public var step: Int
  /// Fractional epoch at that step, when the log says.
  public var epoch: Double?
  /// Mean training loss over the updates since the previous record.
  public var loss: Double
  /// Learning rate the scheduler reports after this step, when logged.
  public var learningRate: Double?
  /// Global gradient norm of the last update before clipping, when logged.
  public var gradientNorm: Double?

  /// Creates a training record.
  public init(
    step: Int, epoch: Double? = nil, loss: Double, learningRate: Double? = nil,
    gradientNorm: Double? = nil
  ) {
    self.step = step
    self.epoch = epoch
    self.loss = loss
    self.learningRate = learningRate
    self.gradientNorm = gradientNorm
  }
}
