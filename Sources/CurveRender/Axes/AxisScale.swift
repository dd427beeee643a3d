import CurveCore
import Foundation

/// Where an axis starts and ends, and the round values it marks.
///
/// Ticks are multiples of 1, 2, 2.5 or 5 times a power of ten, at most
/// `maximumTickCount` of them. When the scale may snap, an end of the data that lies close to a
/// round value (within a tenth of the range) is moved out to it, so a loss falling to 0.03
/// gets an axis that starts at a labelled 0. Round values at both ends come first, then at one
/// end, then the most ticks.
///
/// ```swift
/// let scale = AxisScale(covering: 0.03...2.31)
/// scale.bounds                  // 0.0...2.31
/// scale.ticks.map(scale.label)  // ["0", "0.5", "1", "1.5", "2"]
/// ```
public struct AxisScale: Sendable, Equatable {
  /// The values at the two ends of the axis.
  public let bounds: ClosedRange<Double>
  /// The marked values, ascending, all inside ``bounds``.
  public let ticks: [Double]
  /// The distance between neighbouring ticks; `0` when there are no ticks.
  public let tickSpacing: Double

  /// Chooses bounds and ticks for data spanning `range`.
  ///
  /// A range of zero length is widened by a tenth of its value on each side (by 1 around 0).
  /// An infinite range gets no ticks.
  ///
  /// - Parameters:
  ///   - range: The smallest and largest value to show.
  ///   - maximumTickCount: The most ticks wanted; at least 1.
  ///   - snapsToTicks: Whether the ends may move out to nearby round values; pass `false` to
  ///     keep a range the caller chose.
  ///   - minimumTickSpacing: The closest ticks may be; `1` keeps ticks on whole numbers, for
  ///     steps. A negative or infinite value counts as 0.
  public init(
    covering range: ClosedRange<Double>, maximumTickCount: Int = 5, snapsToTicks: Bool = true,
    minimumTickSpacing: Double = 0
  ) {
    var lower = range.lowerBound
    var upper = range.upperBound
    if lower == upper {
      let padding = lower == 0 ? 1 : abs(lower) / 10
      lower -= padding
      upper += padding
    }
    let span = upper - lower
    guard lower.isFinite, upper.isFinite, span.isFinite, span > 0 else {
      self.bounds = lower...upper
      self.ticks = []
      self.tickSpacing = 0
      return
    }
    let minimumTickSpacing = minimumTickSpacing.isFinite ? max(0, minimumTickSpacing) : 0
    let maximumCount = max(1, maximumTickCount)
    let minimumCount = min(3, maximumCount)
    let exponent = log10(span).rounded(.down)
    let floorExponent = minimumTickSpacing > 0 ? log10(minimumTickSpacing).rounded(.up) : -.infinity
    let top = max(exponent + 1, floorExponent)
    let spacings = stride(from: exponent - 2, through: top, by: 1).flatMap { power in
      [1.0, 2.0, 2.5, 5.0].map { $0 * pow(10, power) }
    }.filter { $0.isFinite && $0 > 0 && $0 >= minimumTickSpacing }
    // Prefer both ends on round values, then one, then neither; within each, the most ticks.
    let variants: [(lower: Bool, upper: Bool)] =
      snapsToTicks
      ? [(true, true), (true, false), (false, true), (false, false)] : [(false, false)]
    for variant in variants {
      for spacing in spacings {
        var low = lower
        var high = upper
        if variant.lower {
          low = (lower / spacing).rounded(.down) * spacing
          guard lower - low <= span / 10 else { continue }
        }
        if variant.upper {
          high = (upper / spacing).rounded(.up) * spacing
          guard high - upper <= span / 10 else { continue }
        }
        let first = (low / spacing - 1e-9).rounded(.up)
        let last = (high / spacing + 1e-9).rounded(.down)
        let count = Int(checked: min(last - first + 1, 1000)).map { max(0, $0) } ?? 0
        guard count <= maximumCount else { continue }
        guard count >= minimumCount else { break }
        self.bounds = low...high
        self.ticks = (0..<count).map { (first + Double($0)) * spacing }
        self.tickSpacing = spacing
        return
      }
    }
    // No spacing gives enough ticks without too many: take the most that fit.
    for spacing in spacings {
      let first = (lower / spacing - 1e-9).rounded(.up)
      let last = (upper / spacing + 1e-9).rounded(.down)
      let count = Int(checked: min(last - first + 1, 1000)).map { max(0, $0) } ?? 0
      guard count <= maximumCount, count > 0 else { continue }
      self.bounds = lower...upper
      self.ticks = (0..<count).map { (first + Double($0)) * spacing }
      self.tickSpacing = spacing
      return
    }
    self.bounds = lower...upper
    self.ticks = []
    self.tickSpacing = 0
  }

  /// Where `value` lies along the axis: 0 at the lower bound, 1 at the upper.
  ///
  /// Values outside the bounds give fractions outside `0...1`.
  public func fraction(of value: Double) -> Double {
    let halfSpan = bounds.upperBound / 2 - bounds.lowerBound / 2
    guard halfSpan > 0 else { return 0.5 }
    return (value / 2 - bounds.lowerBound / 2) / halfSpan
  }
}
