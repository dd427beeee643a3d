public import CurveCore
import Dispatch

// A scenario promises a pattern, and a seed's first draw from its ranges does not always keep
// the promise: a wide network that has not yet learned its examples by heart when the run
// ends, a high rate that happens to settle, a run that overflows too late to show it. Such a
// run, labelled "overfitting" or "diverged", would teach a learner the wrong picture. So a
// seed's run is the first of its draws that passes the simulator's own check of the pattern
// (``PatternCheck``, which does not use the diagnosis engine), and its first draw when none
// of ``Scenario/maximumDraws`` does.

extension Scenario {
  /// How many draws a seed gets to show its scenario's pattern.
  public static let maximumDraws = 6

  /// A seed's accepted draw: its knobs, which draw they are, and what they gave.
  public struct Draw: Sendable {
    /// The knobs.
    public var configuration: TrainingConfiguration
    /// Which of the seed's draws it is (0 for the first).
    public var index: Int
    /// Whether the run passed the pattern check: `nil` for underfitting, whose check needs a
    /// second, healthy run to compare with and whose draws are kept as drawn.
    public var showsPattern: Bool?
    /// The run the checked draw gave, with the scenario and cause in its metadata: `nil` when
    /// the draw was not checked, or was checked earlier in the process and its run is no
    /// longer kept.
    public var run: SimulationRun?
  }

  /// The first of `seed`'s draws (for `cause`, or the seed's pick) whose run passes
  /// ``PatternCheck`` for this scenario, and the first draw when none of
  /// ``maximumDraws`` does.
  ///
  /// Checking a draw trains it, so the accepted run is kept: a ``Simulator`` made for the
  /// scenario returns it instead of training again.
  ///
  /// - Precondition: `cause` is `nil` or one of ``causes``.
  public func draw(seed: UInt64, cause: Cause? = nil) -> Draw {
    let cause = cause ?? self.cause(seed: seed)
    guard self != .underfitting else {
      return Draw(
        configuration: configuration(seed: seed, cause: cause, draw: 0), index: 0,
        showsPattern: nil, run: nil)
    }
    let key = DrawMemo.Key(scenario: self, cause: cause, seed: seed)
    if let (index, passed) = DrawMemo.shared.outcome(for: key) {
      let configuration = configuration(seed: seed, cause: cause, draw: index)
      return Draw(
        configuration: configuration, index: index, showsPattern: passed,
        run: DrawMemo.shared.run(for: key, configuration: configuration))
    }
    var first: Draw?
    for index in 0..<Self.maximumDraws {
      let configuration = configuration(seed: seed, cause: cause, draw: index)
      let run = Simulator(configuration: configuration, seed: seed, scenario: self, cause: cause)
        .run()
      let passed = PatternCheck.check(run.log, shows: self).passed
      let draw = Draw(configuration: configuration, index: index, showsPattern: passed, run: run)
      if passed {
        DrawMemo.shared.remember(draw, for: key)
        return draw
      }
      if first == nil { first = draw }
    }
    DrawMemo.shared.remember(first!, for: key)
    return first!
  }
}

/// The accepted draw of the seeds drawn so far in this process, and the runs of the latest
/// few, so a seed's draws are checked once however often its knobs are asked for.
///
/// Every entry is a pure function of its key, so what the memo holds never changes an answer,
/// only how long it takes.
final class DrawMemo: @unchecked Sendable {
  struct Key: Hashable {
    var scenario: Scenario
    var cause: Cause?
    var seed: UInt64
  }

  static let shared = DrawMemo()

  /// Runs kept, at most: enough for the runs one course figure or exercise set uses at once.
  static let runCapacity = 64

  private let queue = DispatchQueue(label: "CurveSim.DrawMemo")
  private var outcomes: [Key: (index: Int, passed: Bool)] = [:]
  private var runs: [Key: (TrainingConfiguration, SimulationRun)] = [:]
  private var runOrder: [Key] = []

  /// Which draw `key` accepted, and whether it showed the pattern.
  func outcome(for key: Key) -> (index: Int, passed: Bool)? {
    queue.sync { outcomes[key] }
  }

  /// The kept run of `key`'s accepted draw, when it is still kept and has `configuration`.
  func run(for key: Key, configuration: TrainingConfiguration) -> SimulationRun? {
    queue.sync {
      guard let (kept, run) = runs[key], kept == configuration else { return nil }
      return run
    }
  }

  func remember(_ draw: Scenario.Draw, for key: Key) {
    queue.sync {
      outcomes[key] = (draw.index, draw.showsPattern ?? false)
      guard let run = draw.run, runs[key] == nil else { return }
      runs[key] = (draw.configuration, run)
      runOrder.append(key)
      if runOrder.count > Self.runCapacity { runs[runOrder.removeFirst()] = nil }
    }
  }
}
