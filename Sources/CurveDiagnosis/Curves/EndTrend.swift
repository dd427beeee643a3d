/// Which way a curve is heading over its last stretch, and how sure that is.
struct EndTrend: Sendable, Equatable {
  /// The trend's change over the stretch, as a share of the curve's scale (negative: falling).
  var change: Double
  /// The Mann–Kendall z of the stretch (below −1.64: a real fall).
  var z: Double
  /// The position where the stretch begins.
  var startStep: Int
  /// The change as a share of everything the curve's trend moved, when that movement stands
  /// out from the noise (0 otherwise): a loss that starts at 4.3 and falls steadily to 4.0
  /// moves little against its scale but all of its movement is still under way.
  var shareOfMovement = 0.0

  /// Falling by a visible share of the scale (or of the curve's whole movement), and not by
  /// chance.
  var isFalling: Bool {
    z <= -DiagnosisThresholds.trendSignificance
      && (change <= -DiagnosisThresholds.stillImprovingChange
        || shareOfMovement <= -DiagnosisThresholds.stillMovingShare)
  }

  /// Rising by a visible share of the scale (or of the curve's movement), and not by chance.
  var isRising: Bool {
    z >= DiagnosisThresholds.trendSignificance
      && (change >= DiagnosisThresholds.stillImprovingChange
        || shareOfMovement >= DiagnosisThresholds.stillMovingShare)
  }

  /// Moving by less than a visible share of the scale and of the curve's movement.
  var isFlat: Bool {
    abs(change) < DiagnosisThresholds.stillImprovingChange
      && abs(shareOfMovement) < DiagnosisThresholds.stillMovingShare
  }
}

extension CurveProfile {
  /// The last stretch by steps: the final ``DiagnosisThresholds/lastStretchShare`` of the
  /// points, at least four.
  func endTrend() -> EndTrend? {
    guard let stretch = lastStretch else { return nil }
    let length = max(4, Int((Double(count) * DiagnosisThresholds.lastStretchShare).rounded()))
    return EndTrend(
      change: stretch.change, z: stretch.z, startStep: Int(steps[count - length]),
      shareOfMovement: shareOfMovement(stretch.change))
  }

  /// `change` (a share of scale) as a share of the trend's whole movement, or 0 when that
  /// movement is within three noise widths.
  private func shareOfMovement(_ change: Double) -> Double {
    let movement = (trend.max() ?? 0) - (trend.min() ?? 0)
    guard movement > max(3 * noise, DiagnosisThresholds.tinyScale) else { return 0 }
    return change * scale / movement
  }

  /// The last stretch by summed learning rate: the points in the final
  /// ``DiagnosisThresholds/lastStretchShare`` of the rate the run spent, at least four. Under a
  /// decaying rate this reaches back further than the last stretch by steps.
  func endTrend(on clock: RateClock) -> EndTrend? {
    guard count >= 5 else { return nil }
    let times = steps.map { clock.time(at: $0) }
    guard let first = times.first, let last = times.last, last > first else { return nil }
    let from = last - DiagnosisThresholds.lastStretchShare * (last - first)
    var startIndex = times.firstIndex { $0 >= from } ?? count - 4
    startIndex = min(startIndex, count - 4)
    let x = Array(times[startIndex...])
    let y = Array(values[startIndex...])
    guard let slope = RobustStatistics.theilSenSlope(x: x, y: y) else { return nil }
    let change = slope * (x.last! - x.first!) / scale
    return EndTrend(
      change: change, z: RobustStatistics.mannKendallZ(y), startStep: Int(steps[startIndex]),
      shareOfMovement: shareOfMovement(change))
  }
}
