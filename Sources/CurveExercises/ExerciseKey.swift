public import CurveCore
public import CurveDiagnosis

/// The engine's answers to an exercise, and how close an answer must come.
public struct ExerciseKey: Sendable, Equatable {
  /// The pattern.
  public var pattern: Pattern
  /// The cause the engine names, when the evidence singles one out.
  public var cause: Cause?
  /// The cause question's key; `nil` where it is not asked (see ``causeAnswer(for:)``).
  public var causeAnswer: CauseAnswer?
  /// The best evaluation by validation loss: the checkpoint to keep.
  public var keep: Checkpoint?
  /// How far above the best validation loss a checkpoint may be and still count as right, in
  /// loss units (see ``keepTolerance(best:noise:)``).
  public var keepLossTolerance: Double?
  /// Steps of every evaluation that counts as a right answer to the keep-step question.
  public var acceptedKeepSteps: [Int]
  /// Steps that earn half credit: close, but outside the tolerance.
  public var nearKeepSteps: [Int]
  /// Whether the keep-step question is worth asking: the run overfits, or it is healthy with a
  /// clear minimum that the final weights are measurably worse than. On other runs every
  /// checkpoint is about as good (or the last is best), so the question tests nothing.
  public var asksKeepStep: Bool
  /// The change that treats the diagnosed cause: full credit.
  public var remedy: Remedy.Action
  /// Other changes that also treat it: half credit.
  public var otherRemedies: [Remedy.Action]
  /// Changes that would not help, the most tempting first: the distractors.
  public var distractors: [Remedy.Action]
  /// The evaluation-set size the accuracy steps imply.
  public var setSize: Int?
  /// For ``Exercise/Question/patienceStop(_:)``: where that rule stops and what it keeps.
  public var patienceStop: PatienceStop?

  /// Noise widths above the best validation loss that count as right: two evaluations of
  /// equally good checkpoints differ by up to about two noise widths, so a checkpoint within
  /// them cannot be told from the best.
  public static let keepNoiseWidths = 2.0
  /// ... floored at this share of the best loss, so an evaluation that differs from the best
  /// only in the log's last decimals counts on a perfectly smooth curve.
  public static let keepRelativeFloor = 0.01
  /// Half credit: within this multiple of the tolerance.
  public static let nearMultiple = 2.0
  /// The set-size question: within this fraction of the implied size counts as right.
  public static let setSizeTolerance = 0.1

  /// The keep-step rule in words, for a whole set.
  public static let keepRule =
    "a checkpoint counts as right when its validation loss is within two noise widths of the "
    + "run's evaluations (and at least 1%) of the lowest; within twice that earns half under "
    + "the weighted policy"

  /// This exercise's keep-step tolerance in words, with its numbers: `validation loss within
  /// 0.0123 of the best 0.3112 (two noise widths of this run's evaluations)`; half credit
  /// reaches ``nearMultiple`` times as far.
  public var keepToleranceDescription: String? {
    guard let keep, let tolerance = keepLossTolerance else { return nil }
    let floored = tolerance <= Self.keepRelativeFloor * abs(keep.loss) * (1 + 1e-12)
    return "validation loss within \(Format.number(tolerance)) of the best "
      + "\(Format.number(keep.loss)) (" + (floored ? "1% of it" : "two noise widths of this run's evaluations")
      + ")"
  }

  /// The keep-step tolerance for a best validation loss and the run's evaluation noise.
  public static func keepTolerance(best: Double, noise: Double?) -> Double {
    max(keepNoiseWidths * (noise ?? 0), keepRelativeFloor * abs(best))
  }

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
    cause = diagnosis.cause
    causeAnswer = Self.causeAnswer(for: diagnosis)
    let evaluations = log.evaluationEntries.enumerated().compactMap {
      index, entry -> Checkpoint? in
      guard let loss = entry.loss, loss.isFinite else { return nil }
      return Checkpoint(step: entry.step, index: index, loss: loss)
    }
    // The checkpoint to keep is the engine's best evaluation (validation loss by default).
    let best = diagnosis.best.map { Checkpoint(step: $0.step, index: $0.index, loss: $0.value) }
    keep = best
    if let best {
      let tolerance = Self.keepTolerance(best: best.loss, noise: diagnosis.validationNoise)
      keepLossTolerance = tolerance
      acceptedKeepSteps = evaluations.filter { $0.loss <= best.loss + tolerance }.map(\.step)
      nearKeepSteps = evaluations.filter {
        $0.loss > best.loss + tolerance && $0.loss <= best.loss + Self.nearMultiple * tolerance
      }.map(\.step)
      let last = evaluations.last
      let clearMinimum = last.map { $0.loss > best.loss + tolerance } ?? false
        && acceptedKeepSteps.count * 2 <= evaluations.count
      asksKeepStep = diagnosis.pattern == .overfitting || (diagnosis.pattern == .healthy && clearMinimum)
    } else {
      acceptedKeepSteps = []
      nearKeepSteps = []
      asksKeepStep = false
    }
    // Full credit for the change that treats the diagnosed cause; half for the others that
    // also treat it (or, with the cause open, the others the engine lists); none otherwise.
    let actions = diagnosis.remedies.map(\.action)
    remedy = actions.first ?? .nothing
    let unhelpful = diagnosis.cause.map(CauseKnowledge.unhelpful(for:))
      ?? CauseKnowledge.unhelpful(for: diagnosis.pattern)
    var others: [Remedy.Action]
    if let cause = diagnosis.cause {
      // Keeping the best checkpoint counts only where the engine found it worth keeping.
      others = CauseKnowledge.treatments(for: cause).map(\.action).filter {
        $0 != .earlyStopping || actions.contains(.earlyStopping)
      }
    } else {
      others = Array(actions.dropFirst())
    }
    var seen: Set<Remedy.Action> = [remedy]
    otherRemedies = others.filter { !unhelpful.contains($0) && seen.insert($0).inserted }
    distractors = unhelpful.filter { !seen.contains($0) }
    setSize = diagnosis.accuracySteps?.impliedSetSize
    patienceStop = questions.lazy.compactMap { question -> PatienceStop? in
      guard case .patienceStop(let patience) = question else { return nil }
      let outcome = EarlyStoppingPolicy(patience: patience).replayOnValidationLoss(of: log)
      return PatienceStop(patience: patience, stopStep: outcome.stopStep, keptStep: outcome.restoredStep)
    }.first
  }
}
