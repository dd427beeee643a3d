import CurveCore
import Testing

@testable import CurveDiagnosis

@Suite struct RobustStatisticsTests {
  /// The median and order statistics by sorting: what selection must equal exactly.
  fileprivate func sortedMedian(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  @Test(arguments: 0..<40 as Range<UInt64>)
  func selectionGivesTheSortedAnswer(seed: UInt64) {
    var random = SplitMix64(state: seed)
    let count = 1 + Int(random.next() % 300)
    // Few distinct values (a loss rounded to 4 decimals repeats a lot) or many.
    let distinct = seed % 2 == 0 ? 5 : 1_000_000
    let values = (0..<count).map { _ in Double(random.next() % UInt64(distinct)) / 7 }
    #expect(RobustStatistics.median(values) == sortedMedian(values))
    let sorted = values.sorted()
    for rank in [0, count / 10, count / 2, count - 1] {
      #expect(RobustStatistics.value(atRank: rank, in: values) == sorted[rank])
    }
  }

  @Test func sortedReversedAndConstantInputsAreFine() {
    let rising = (0..<10_001).map(Double.init)
    #expect(RobustStatistics.median(rising) == 5_000)
    #expect(RobustStatistics.median(rising.reversed()) == 5_000)
    #expect(RobustStatistics.median([Double](repeating: 0.25, count: 10_000)) == 0.25)
    #expect(RobustStatistics.median([]) == nil)
    #expect(RobustStatistics.median([3, 1]) == 2)
  }
}

extension RobustStatisticsTests {
  /// The running median point by point, sorting each window: what the sliding one must equal.
  private func naiveRunningMedian(_ values: [Double], window: Int) -> [Double] {
    let half = window / 2
    return values.indices.map { index in
      let low = max(0, index - half)
      let high = min(values.count - 1, index + half)
      return sortedMedian(Array(values[low...high]))
    }
  }

  @Test(arguments: 0..<30 as Range<UInt64>)
  func theSlidingRunningMedianEqualsTheNaiveOne(seed: UInt64) {
    var random = SplitMix64(state: seed)
    let count = Int(random.next() % 60)
    let distinct = seed % 3 == 0 ? 4 : 1_000
    let values = (0..<count).map { _ in Double(random.next() % UInt64(distinct)) - 2 }
    for window in [1, 3, 5, 7, 9, 11] {
      #expect(
        RobustStatistics.runningMedian(values, window: window)
          == naiveRunningMedian(values, window: window), "window \(window), \(values)")
    }
  }
}
