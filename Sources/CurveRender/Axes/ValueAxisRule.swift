import Foundation

/// The one rule every CurveLab chart (terminal, SVG, worksheets) follows for its value axis,
/// so that a chart never makes noise look like a trend.
///
/// A chart that fits its axis tightly to the data blows any wobble up to the full height: a
/// loss that stays between 0.697 and 0.701 fills the plot and looks erratic. So the axis always
/// spans at least a fifth of the values' scale (the whole range of a bounded metric such as
/// accuracy, otherwise the largest value shown), and it includes reference levels the caller
/// knows, such as what a model that has learned nothing scores. A change smaller than the
/// minimum span then looks as small as it is.
///
/// ```swift
/// ValueAxisRule.range(covering: 0.697...0.701)  // 0.6...0.8, so the line looks flat
/// ValueAxisRule.range(covering: 0.499...0.501, scale: 1)  // 0.4...0.6
/// ```
public enum ValueAxisRule {
  /// The smallest span an axis may have, as a share of the values' scale.
  public static let minimumSpanShare = 0.2

  /// The range an axis shows for data spanning `data`.
  ///
  /// - Parameters:
  ///   - data: The smallest and largest value drawn.
  ///   - references: Values the axis must include as well (non-finite ones are ignored).
  ///   - scale: The full scale of a bounded metric, whose values lie in `0...scale` (1 for
  ///     accuracy); `nil` when the metric has no natural scale (loss).
  /// - Returns: A range containing `data` and `references`, at least
  ///   ``minimumSpanShare`` of the scale wide, never below 0 for data that is not, and never
  ///   above `scale` for a bounded metric.
  public static func range(
    covering data: ClosedRange<Double>, references: [Double] = [], scale: Double? = nil
  ) -> ClosedRange<Double> {
    var low = data.lowerBound
    var high = data.upperBound
    guard low.isFinite, high.isFinite else { return data }
    for value in references where value.isFinite {
      low = min(low, value)
      high = max(high, value)
    }
    let magnitude = scale ?? max(abs(low), abs(high))
    let minimumSpan = minimumSpanShare * (magnitude > 0 ? magnitude : 1)
    guard high - low < minimumSpan else { return low...high }
    let middle = low / 2 + high / 2
    var lower = middle - minimumSpan / 2
    var upper = middle + minimumSpan / 2
    if let scale, upper > scale, data.upperBound <= scale {
      lower -= upper - scale
      upper = scale
    }
    if lower < 0, data.lowerBound >= 0 {
      upper -= lower
      lower = 0
    }
    // Widened ends land on round values, so the axis can label them.
    let step = RoundStep(atMost: minimumSpan / 4)
    lower = step.multiple((lower / step.value).rounded(.down))
    upper = step.multiple((upper / step.value).rounded(.up))
    if let scale, data.upperBound <= scale { upper = min(upper, scale) }
    if data.lowerBound >= 0 { lower = max(lower, 0) }
    return lower...upper
  }

  /// The largest 1, 2, 2.5 or 5 times a power of ten that is at most a limit, kept as its two
  /// parts so that its multiples come out as the decimals they are (12 × 0.05 is 0.6).
  private struct RoundStep {
    var mantissa: Double
    var exponent: Double

    init(atMost limit: Double) {
      exponent = log10(limit).rounded(.down)
      let power = pow(10, exponent)
      mantissa = [5, 2.5, 2, 1].first { $0 * power <= limit } ?? 1
    }

    var value: Double { mantissa * pow(10, exponent) }

    func multiple(_ count: Double) -> Double {
      exponent < 0 ? count * mantissa / pow(10, -exponent) : count * mantissa * pow(10, exponent)
    }
  }
}
