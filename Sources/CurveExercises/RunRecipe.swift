public import CurveCore
public import CurveDiagnosis
public import CurveSim

/// A simulated run written as text: a scenario, a seed, optionally a cause, knob settings,
/// remedies and treatments.
///
/// Lessons, quiz questions and exercises all name their runs this way
/// (`scenario=erratic cause=tiny-batch seed=4 eval-size=40 remedy=lower-learning-rate`), and the recipe turns
/// that into a configuration and into the `curvelab simulate` command that reruns it.
/// `treat=low-learning-rate` applies the treatment ``CauseKnowledge`` gives that cause, sized
/// for the run's pattern (a thirtyfold rate, where `remedy=higher-learning-rate` is tenfold).
public struct RunRecipe: Sendable, Equatable {
  /// The scenario whose knobs the seed draws.
  public var scenario: Scenario
  /// The seed of the draw and of the run.
  public var seed: UInt64
  /// The cause whose ranges the knobs are drawn from; `nil` lets the seed pick one.
  public var cause: Cause?
  /// Knob values that replace the drawn ones, in the order given.
  public var settings: [Setting]
  /// Remedies applied after the settings, in order.
  public var remedies: [Remedy.Action]
  /// Causes whose treatment (``CauseKnowledge/treatment(for:showing:)``, for the scenario's
  /// pattern) is applied after the remedies, in order.
  public var treatments: [Cause]

  /// One knob value.
  public struct Setting: Sendable, Equatable {
    /// The knob.
    public var knob: Knob
    /// Its value as text.
    public var value: String

    /// Creates a setting.
    public init(_ knob: Knob, _ value: String) {
      self.knob = knob
      self.value = value
    }
  }

  /// A recipe that could not be read or does not give a valid run.
  public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in a sentence.
    public var message: String
    public var description: String { message }

    /// Creates a problem.
    public init(message: String) { self.message = message }
  }

  /// Creates a recipe.
  public init(
    scenario: Scenario, seed: UInt64, cause: Cause? = nil, settings: [Setting] = [],
    remedies: [Remedy.Action] = [], treatments: [Cause] = []
  ) {
    self.scenario = scenario
    self.seed = seed
    self.cause = cause
    self.settings = settings
    self.remedies = remedies
    self.treatments = treatments
  }

  /// Reads `scenario`, `seed`, `cause`, knob names, `remedy` and `treat` from `key=value` pairs, leaving every
  /// key in `otherKeys` to the caller and rejecting the rest.
  ///
  /// `scenario=any` draws the scenario from the seed; `defaultSeed` is used when no `seed` is
  /// given (and is required then).
  public init(
    pairs: [(key: String, value: String)], otherKeys: Set<String> = [], defaultSeed: UInt64? = nil
  ) throws(Problem) {
    var scenarioName: String?
    var seed = defaultSeed
    var causeName: String?
    var settings: [Setting] = []
    var remedies: [Remedy.Action] = []
    var treatments: [Cause] = []
    for (key, value) in pairs {
      switch key {
      case "scenario": scenarioName = value
      case "cause": causeName = value
      case "seed":
        guard let parsed = UInt64(value) else {
          throw Problem(message: "seed=\(value) is not a whole number, 0 or more")
        }
        seed = parsed
      case "remedy":
        for name in value.split(separator: ",") {
          guard let action = Remedy.Action(rawValue: String(name)) else {
            let known = Remedy.Action.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(message: "remedy '\(name)' is not one of: \(known)")
          }
          remedies.append(action)
        }
      case "treat":
        for name in value.split(separator: ",") {
          guard let cause = Cause(rawValue: String(name)) else {
            let known = Cause.allCases.map(\.rawValue).joined(separator: ", ")
            throw Problem(message: "treat=\(name) is not a cause: \(known)")
          }
          treatments.append(cause)
        }
      default:
        if let knob = Knob(rawValue: key) {
          settings.append(Setting(knob, value))
        } else if !otherKeys.contains(key) {
          let known = (["scenario", "seed", "cause", "remedy", "treat"] + Knob.allCases.map(\.rawValue)
            + otherKeys.sorted())
          throw Problem(message: "unknown key '\(key)'; known keys: \(known.joined(separator: ", "))")
        }
      }
    }
    guard let seed else { throw Problem(message: "no seed= given") }
    guard let scenarioName else { throw Problem(message: "no scenario= given") }
    let scenario: Scenario
    if scenarioName == "any" {
      scenario = Scenario.allCases[Int(seed % UInt64(Scenario.allCases.count))]
    } else if let named = Scenario(rawValue: scenarioName) {
      scenario = named
    } else {
      let names = Scenario.allCases.map(\.rawValue).joined(separator: ", ")
      throw Problem(message: "scenario '\(scenarioName)' is not one of: \(names), any")
    }
    var cause: Cause?
    if let causeName {
      guard let named = Cause(rawValue: causeName), scenario.causes.contains(named) else {
        let names = scenario.causes.map(\.rawValue).joined(separator: ", ")
        throw Problem(
          message: scenario.causes.isEmpty
            ? "cause=\(causeName): the \(scenario.rawValue) scenario has no causes"
            : "cause '\(causeName)' is not a cause of the \(scenario.rawValue) scenario: \(names)")
      }
      cause = named
    }
    self.init(
      scenario: scenario, seed: seed, cause: cause, settings: settings, remedies: remedies,
      treatments: treatments)
    _ = try configuration()
  }

  /// The configuration: the scenario's draw, then the settings, the remedies and the treatments.
  public func configuration() throws(Problem) -> TrainingConfiguration {
    var c = drawn
    for setting in settings {
      do {
        try setting.knob.apply(setting.value, to: &c)
      } catch {
        throw Problem(message: error.description)
      }
    }
    for remedy in remedies { c = RemedyTrial.apply(remedy, to: c) }
    for cause in treatments {
      c = RemedyTrial.apply(treatmentOf: cause, showing: scenario.pattern, to: c)
    }
    let problems = c.problems
    guard problems.isEmpty else {
      throw Problem(message: "the run is not valid: \(problems.map(\.description).joined(separator: "; "))")
    }
    return c
  }

  /// The scenario's draw for the seed and cause, before any setting or remedy.
  var drawn: TrainingConfiguration { scenario.configuration(seed: seed, cause: cause) }

  /// The cause the run is drawn for: the one asked for, or the seed's pick.
  public var drawnCause: Cause? { cause ?? scenario.cause(seed: seed) }

  /// The same recipe with one more remedy.
  public func adding(_ remedy: Remedy.Action) -> RunRecipe {
    var copy = self
    copy.remedies.append(remedy)
    return copy
  }

  /// The same recipe with the treatment of `cause` added, sized as ``CauseKnowledge`` sizes it
  /// for the scenario's pattern.
  public func treating(_ cause: Cause) -> RunRecipe {
    var copy = self
    copy.treatments.append(cause)
    return copy
  }

  /// Trains the run. The recipe must be valid (it is, when it was read with
  /// ``init(pairs:otherKeys:defaultSeed:)``).
  public func simulate() throws(Problem) -> SimulationRun {
    Simulator(configuration: try configuration(), seed: seed, scenario: scenario, cause: drawnCause)
      .run()
  }

  /// The `curvelab simulate` command that trains exactly this run, remedies spelled out as
  /// the flags they change.
  public var commandLine: String {
    var words = ["curvelab simulate", "--scenario \(scenario.rawValue)", "--seed \(seed)"]
    if let cause { words.append("--cause \(cause.rawValue)") }
    if let configuration = try? configuration() {
      for (knob, value) in Knob.differences(of: configuration, from: drawn) {
        words.append("--\(knob.rawValue) \(value)")
      }
    }
    return words.joined(separator: " ")
  }
}

extension Scenario {
  /// The pattern the scenario is made to show.
  package var pattern: Pattern {
    switch self {
    case .healthy: .healthy
    case .overfitting: .overfitting
    case .underfitting: .underfitting
    case .erratic: .erratic
    case .diverged: .diverged
    }
  }
}
