public import CurveCore
public import CurveDiagnosis

/// The engine's answers to an exercise, and how close an answer must come.
public struct ExerciseKey: Sendable, Equatable {
  /// The pattern.
  public var pattern: Pattern
  /// The best evaluation by validation loss: the checkpoint to keep.
  public var keep: Checkpoint?
  /// Steps of every evaluation that counts as a right answer to the keep-step question.
  public var acceptedKeepSteps: [Int]
  /// Steps that earn half credit: close, but outside the tolerance.
  public var nearKeepSteps: [Int]
  /// The most useful change.
  public var remedy: Remedy.Action
  /// Other changes the engine lists: half credit.
  public var otherRemedies: [Remedy.Action]
  /// The evaluation-set size the accuracy steps imply.
  public var setSize: Int?
  /// For ``Exercise/Question/patienceStop(_:)``: where that rule stops and what it keeps.
  public var patienceStop: PatienceStop?

  /// The tolerance of the keep-step question: within this many evaluations of the best one,
  /// or with a validation loss within this fraction of the best, counts as right.
  public static let keepTolerance = (evaluations: 2, relativeLoss: 0.02)
  /// Half credit: within this many evaluations, or this fraction of the best loss.
  public static let nearTolerance = (evaluations: 5, relativeLoss: 0.05)
  /// The set-size question: within this fraction of the implied size counts as right.
  public static let setSizeTolerance = 0.1

  /// One evaluation.
  public struct Checkpoint: Sendable, Equatable {
    /// Its step.
    public var step: Int
    /// Its position among the evaluations, from 0.
    public var index: Int
    /// Validation loss there.
    public var loss: Double
  }

  /// Where an early-stopping rule stops.
  public struct PatienceStop: Sendable, Equatable {
    /// The rule's patience, in evaluations.
    public var patience: Int
    /// The step of the evaluation after which it stops; `nil` when it never fires.
    public var stopStep: Int?
    /// The step of the checkpoint it keeps.
    public var keptStep: Int?
  }

  /// Derives the key from the engine's diagnosis.
  public init(log: TrainingLog, diagnosis: Diagnosis, questions: [Exercise.Question]) {
    pattern = diagnosis.pattern
    let evaluations = log.evaluationEntries.enumerated().compactMap {
      index, entry -> Checkpoint? in
      guard let loss = entry.loss, loss.isFinite else { return nil }
      return Checkpoint(step: entry.step, index: index, loss: loss)
    }
    // The checkpoint to keep is the engine's best evaluation (validation loss by default).
    let best = diagnosis.best.map { Checkpoint(step: $0.step, index: $0.index, loss: $0.value) }
    keep = best
    func within(_ tolerance: (evaluations: Int, relativeLoss: Double)) -> [Int] {
      guard let best else { return [] }
      return evaluations.filter {
        abs($0.index - best.index) <= tolerance.evaluations
          || $0.loss <= best.loss + abs(best.loss) * tolerance.relativeLoss
      }.map(\.step)
    }
    acceptedKeepSteps = within(Self.keepTolerance)
    let accepted = Set(acceptedKeepSteps)
    nearKeepSteps = within(Self.nearTolerance).filter { !accepted.contains($0) }
    let actions = diagnosis.remedies.map(\.action)
    remedy = actions.first ?? .nothing
    otherRemedies = Array(actions.dropFirst())
    setSize = diagnosis.accuracySteps?.impliedSetSize
    patienceStop = questions.lazy.compactMap { question -> PatienceStop? in
      guard case .patienceStop(let patience) = question else { return nil }
      let outcome = EarlyStoppingPolicy(patience: patience).replayOnValidationLoss(of: log)
      return PatienceStop(patience: patience, stopStep: outcome.stopStep, keptStep: outcome.restoredStep)
    }.first
  }
}
