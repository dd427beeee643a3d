/// What a practitioner reads off one curve: where it starts and ends, its trend, its noise.
struct CurveProfile: Sendable {
  let series: CurveSeries
  /// A running median: the curve with its step-to-step noise removed.
  let trend: [Double]
  /// Typical size of the step-to-step noise around the trend (a robust standard deviation).
  let noise: Double
  /// The trend's level near the start and near the end.
  let start: Double
  let end: Double
  /// The largest value of the trend: the curve's own scale, for relative measures.
  let scale: Double
  /// The last stretch of the curve (its final ``DiagnosisThresholds/lastStretchShare``, at least
  /// four points): the trend's change over it as a share of scale, and the Mann–Kendall z.
  let lastStretch: (change: Double, z: Double)?

  init(_ series: CurveSeries) {
    self.series = series
    let values = series.values
    let window = Self.window(for: values.count)
    trend = values.count >= 3 ? RobustStatistics.runningMedian(values, window: window) : values
    let residuals = zip(values, trend).map { $0 - $1 }
    noise = values.count >= 5 ? RobustStatistics.scaledMAD(residuals) : 0
    let edge = max(1, min(3, values.count / 8))
    start = RobustStatistics.median(Array(trend.prefix(edge))) ?? .nan
    end = RobustStatistics.median(Array(trend.suffix(edge))) ?? .nan
    scale = max(trend.map(abs).max() ?? 0, DiagnosisThresholds.tinyScale)
    lastStretch = Self.lastStretch(steps: series.steps, values: values, scale: scale)
  }

  /// Running-median window: about a sixth of the curve, odd, from 3 to 9 points.
  static func window(for count: Int) -> Int {
    let raw = max(3, min(9, count / 6))
    return raw % 2 == 1 ? raw : raw + 1
  }

  var count: Int { series.count }
  var values: [Double] { series.values }
  var steps: [Double] { series.steps }

  /// How far the trend fell from start to end, as a share of the curve's scale (negative when
  /// it rose).
  var relativeDrop: Double { (start - end) / scale }

  /// Noise as a share of the curve's scale.
  var relativeNoise: Double { noise / scale }

  /// Noise against the trend's movement: near 0 for a clean descent, 1 or more when the swings
  /// are as large as everything the curve did.
  var noiseToTrend: Double {
    let movement = (trend.max() ?? 0) - (trend.min() ?? 0)
    return noise / max(movement, DiagnosisThresholds.tinyScale)
  }

  /// Noise against everything the curve did, counting the fall from `start` (a loss the run
  /// began near, such as the task's trivial loss) to the trend's lowest point: a curve that
  /// fell from chance before its first record and then jitters near the bottom has done far
  /// more than its flat trend shows.
  func noiseToTrend(from start: Double) -> Double {
    let movement = max((trend.max() ?? 0) - (trend.min() ?? 0), start - (trend.min() ?? start))
    return noise / max(movement, DiagnosisThresholds.tinyScale)
  }

  /// Share of consecutive moves that reverse direction: 0 for a curve that only falls (or only
  /// rises), about 2/3 for pure noise.
  var reversalRate: Double {
    let moves = zip(values.dropFirst(), values).map { $0 - $1 }.filter { $0 != 0 }
    guard moves.count >= 2 else { return 0 }
    let reversals = zip(moves.dropFirst(), moves).filter { ($0 > 0) != ($1 > 0) }.count
    return Double(reversals) / Double(moves.count - 1)
  }

  /// The typical step-to-step move as a share of the curve's range (10th to 90th percentile,
  /// so a single wild point does not stretch it).
  var stepToRange: Double {
    let moves = zip(values.dropFirst(), values).map { abs($0 - $1) }
    guard let typical = RobustStatistics.median(moves), values.count >= 3 else { return 0 }
    let low = RobustStatistics.value(
      atRank: Int(Double(values.count - 1) * 0.1), in: values)
    let high = RobustStatistics.value(
      atRank: Int((Double(values.count - 1) * 0.9).rounded(.up)), in: values)
    return high > low ? typical / (high - low) : 0
  }

  /// The typical step-to-step move as a share of the curve's typical level, the level floored
  /// at a tenth of `reference` (the loss the curve started from), so the jitter of a loss that
  /// has already reached 0.02 is not mistaken for instability.
  func stepToLevel(reference: Double = 0) -> Double {
    let moves = zip(values.dropFirst(), values).map { abs($0 - $1) }
    guard let typical = RobustStatistics.median(moves), let level = RobustStatistics.median(values)
    else { return 0 }
    let floor = max(level, DiagnosisThresholds.levelFloorShare * reference)
    return floor > 0 ? typical / floor : 0
  }

  /// Net change over total distance travelled (the efficiency ratio): 1 for a curve that only
  /// falls, near 0 for one that wanders back and forth.
  var efficiency: Double {
    let travelled = zip(values.dropFirst(), values).map { abs($0 - $1) }.reduce(0, +)
    guard travelled > 0, let first = values.first, let last = values.last else { return 1 }
    return abs(last - first) / travelled
  }

  /// Index of the lowest value (the earliest on ties).
  var indexOfMinimum: Int? {
    values.indices.min { values[$0] < values[$1] }
  }

  /// Index of the highest value (the earliest on ties).
  var indexOfMaximum: Int? {
    values.indices.max { values[$0] < values[$1] || (values[$0] == values[$1] && $0 > $1) }
  }

  private static func lastStretch(steps: [Double], values: [Double], scale: Double)
    -> (change: Double, z: Double)?
  {
    let count = values.count
    let length = max(4, Int((Double(count) * DiagnosisThresholds.lastStretchShare).rounded()))
    guard count >= 5, length <= count else { return nil }
    let x = Array(steps.suffix(length))
    let y = Array(values.suffix(length))
    guard let slope = RobustStatistics.theilSenSlope(x: x, y: y) else { return nil }
    let change = slope * (x.last! - x.first!) / scale
    return (change, RobustStatistics.mannKendallZ(y))
  }
}
