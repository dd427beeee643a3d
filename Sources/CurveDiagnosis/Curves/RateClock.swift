/// Training time measured in learning rate: the sum of the rates of the updates done so far.
///
/// Progress per update is roughly proportional to the rate, so a curve drawn against this clock
/// shows whether the model kept learning at the pace the rate allowed. Under a linear decay to
/// 0 the last 30% of the updates carry only 9% of the rate: a curve can flatten in steps while
/// it is still falling on this clock, which is a run cut short by its schedule, not one that
/// converged.
struct RateClock: Sendable {
  /// Logged steps, increasing, and the summed rate up to each.
  private let steps: [Double]
  private let elapsed: [Double]

  /// The clock of a run's logged rates; `nil` when fewer than three positive rates are logged.
  init?(rates: CurveSeries, warmsUp: Bool) {
    let points = zip(rates.steps, rates.values).filter { $0.1 >= 0 }
    guard points.count >= 3, points.contains(where: { $0.1 > 0 }) else { return nil }
    var steps: [Double] = [0]
    var elapsed: [Double] = [0]
    var previousStep = 0.0
    // Before the first record the rate ramps up from 0 under warmup, and is flat otherwise.
    var previousRate = warmsUp ? 0 : points[0].1
    for (step, rate) in points where step > previousStep {
      elapsed.append(elapsed.last! + (step - previousStep) * (previousRate + rate) / 2)
      steps.append(step)
      previousStep = step
      previousRate = rate
    }
    guard let total = elapsed.last, total > 0 else { return nil }
    self.steps = steps
    self.elapsed = elapsed
  }

  /// The summed rate at `step` (held past the last logged step).
  func time(at step: Double) -> Double {
    RobustStatistics.interpolate(x: steps, y: elapsed, at: step) ?? 0
  }

  /// The summed rate over the whole logged run.
  var total: Double { elapsed.last ?? 0 }
}

extension ScheduleReading {
  /// Reads the schedule from a run's logged rates; `nil` with fewer than three, or none above 0.
  init?(rates: CurveSeries) {
    let values = rates.values
    guard values.count >= 3, let peak = values.max(), peak > 0,
      let peakIndex = values.firstIndex(where: { $0 >= 0.95 * peak })
    else { return nil }
    self.init(
      peak: peak, peakStep: Int(rates.steps[peakIndex]), final: values[values.count - 1],
      // A first rate at most half the peak that then climbs to it is a ramp: warmup.
      hasWarmup: peakIndex > 0 && values[0] <= 0.5 * peak,
      decays: peakIndex < values.count - 1 && values[values.count - 1] <= 0.5 * peak)
  }
}
