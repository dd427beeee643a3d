/// Everything one training run logged: where it came from, the training-loss curve and the
/// evaluations.
///
/// This is the one value every part of CurveLab shares. The simulator and the log readers
/// produce it, the diagnosis engine reads it, the charts draw it. Steps and epochs are counted
/// the way the Hugging Face Trainer counts them: `step` is the number of optimizer updates done
/// so far (the first update is step 1), and `epoch` is fractional, `1.5` meaning half-way
/// through the second pass over the training set.
///
/// ```swift
/// var log = TrainingLog(metadata: RunMetadata(source: "example"))
/// log.trainingEntries.append(TrainingEntry(step: 10, epoch: 0.31, loss: 0.64))
/// log.evaluationEntries.append(EvaluationEntry(step: 32, epoch: 1, loss: 0.52, accuracy: 0.8))
/// ```
public struct TrainingLog: Sendable, Equatable, Codable {
  /// Where the run came from and how it was configured.
  public var metadata: RunMetadata
  /// Training-loss records in step order, each the mean loss since the previous record.
  public var trainingEntries: [TrainingEntry]
  /// Evaluation records in step order.
  public var evaluationEntries: [EvaluationEntry]

  /// Creates a log from its parts.
  public init(
    metadata: RunMetadata,
    trainingEntries: [TrainingEntry] = [],
    evaluationEntries: [EvaluationEntry] = []
  ) {
    self.metadata = metadata
    self.trainingEntries = trainingEntries
    self.evaluationEntries = evaluationEntries
  }

  /// The largest step any entry records, or `nil` for an empty log.
  public var lastStep: Int? {
    [trainingEntries.last?.step, evaluationEntries.last?.step].compactMap { $0 }.max()
  }

  /// Whether the log holds no entries at all.
  public var isEmpty: Bool { trainingEntries.isEmpty && evaluationEntries.isEmpty }
}
