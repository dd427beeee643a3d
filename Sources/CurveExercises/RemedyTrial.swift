public import CurveCore
public import CurveDiagnosis
public import CurveSim

/// What a remedy changes in a simulated run.
///
/// The sizes live in one table next to the engine, ``CauseKnowledge``: a remedy named alone
/// (`remedy=lower-learning-rate`) makes ``CauseKnowledge/changes(for:)``, a cause's treatment
/// makes ``CauseKnowledge/treatment(for:showing:)``, and ``TrainingConfiguration/applying(_:)``
/// turns either into knob changes. The lessons' "same run, remedied" charts, the worked
/// solutions and the instructor's sets all go through here, so a remedy always means the same
/// change.
public enum RemedyTrial {
  /// `configuration` with `action` applied. An invalid configuration comes back unchanged, so
  /// its problems are reported rather than multiplied.
  public static func apply(_ action: Remedy.Action, to configuration: TrainingConfiguration)
    -> TrainingConfiguration
  {
    guard configuration.problems.isEmpty else { return configuration }
    return configuration.applying(CauseKnowledge.changes(for: action))
  }

  /// `configuration` with the treatment of `cause` (as it shows in `pattern`) applied, sized
  /// for the run's settings as the engine sizes its first remedy (``treatment(of:showing:in:)``).
  public static func apply(
    treatmentOf cause: Cause, showing pattern: Pattern, to configuration: TrainingConfiguration
  ) -> TrainingConfiguration {
    guard configuration.problems.isEmpty else { return configuration }
    return configuration.applying(treatment(of: cause, showing: pattern, in: configuration).changes)
  }

  /// The treatment of `cause` (as it shows in `pattern`) sized for `configuration`: a
  /// too-small learning rate is raised to the usual range for the network's size and
  /// optimizer, never by less than the table's factor.
  public static func treatment(
    of cause: Cause, showing pattern: Pattern, in configuration: TrainingConfiguration
  ) -> CauseKnowledge.Treatment {
    CauseKnowledge.treatment(
      for: cause, showing: pattern, learningRate: configuration.learningRate,
      isAdaptive: configuration.optimizer == .adamW, parameters: configuration.parameterCount)
  }

  /// Whether the simulator can show `action`: every action but ``Remedy/Action/nothing``.
  public static func canSimulate(_ action: Remedy.Action) -> Bool { action != .nothing }
}
