public import CurveCore

/// Runs a scenario for one seed and checks it shows its pattern, for tests and benchmarks.
public enum ScenarioStudy {
  /// The outcome of ``PatternCheck`` on the scenario's run for `seed` (drawn for `cause`, or
  /// the seed's own pick).
  ///
  /// Underfitting is judged against a healthy run on the same data (see ``healthyReference(for:seed:)``).
  public static func outcome(of scenario: Scenario, seed: UInt64, cause: Cause? = nil)
    -> PatternCheck.Outcome
  {
    let simulator = Simulator(scenario, seed: seed, cause: cause)
    return outcome(of: simulator.run().log, showing: scenario, configuration: simulator.configuration, seed: seed)
  }

  /// The outcome of ``PatternCheck`` on `log`, a run of `configuration` for `seed` that should
  /// show `scenario`'s pattern.
  public static func outcome(
    of log: TrainingLog, showing scenario: Scenario, configuration: TrainingConfiguration,
    seed: UInt64
  ) -> PatternCheck.Outcome {
    let reference = scenario == .underfitting ? healthyReference(for: configuration, seed: seed) : nil
    return PatternCheck.check(log, shows: scenario, reference: reference)
  }

  /// What a sound setup reaches on the same data: the default healthy knobs with the run's data
  /// and epoch count.
  public static func healthyReference(for configuration: TrainingConfiguration, seed: UInt64)
    -> TrainingLog
  {
    var healthy = TrainingConfiguration()
    healthy.data = configuration.data
    healthy.epochs = max(configuration.epochs, 20)
    return Simulator(configuration: healthy, seed: seed).run().log
  }
}
