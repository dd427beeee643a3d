/// Robust summaries of short, noisy series: the numbers a practitioner reads off a curve.
///
/// Learning curves are short (often 3 to 30 evaluations), noisy, and sometimes contain wild
/// points, so everything here is median-based: one spike does not move a median the way it
/// moves a mean.
enum RobustStatistics {
  /// The median; `nil` for an empty collection.
  ///
  /// - Complexity: O(*n*): found by selection, not by sorting, so a curve of a million
  ///   training records costs milliseconds.
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    var work = values
    let middle = work.count / 2
    let upper = select(&work, middle)
    guard work.count % 2 == 0 else { return upper }
    // The largest value below the middle one is the other half of an even median.
    let lower = work[..<middle].max() ?? upper
    return (lower + upper) / 2
  }

  /// The value at zero-based `rank` in sorted order, without sorting.
  ///
  /// - Precondition: `rank` is a valid index of `values`.
  /// - Complexity: O(*n*) expected.
  static func value(atRank rank: Int, in values: [Double]) -> Double {
    var work = values
    return select(&work, rank)
  }

  /// Reorders `values` so that the element at `rank` is the one sorted order puts there,
  /// with no larger element before it and no smaller one after, and returns it (a
  /// three-way quickselect, so runs of equal values cost nothing; it falls back to sorting
  /// the remaining range after many rounds, so no input makes it quadratic).
  private static func select(_ values: inout [Double], _ rank: Int) -> Double {
    precondition(values.indices.contains(rank), "rank out of range")
    var low = 0
    var high = values.count - 1
    var rounds = 0
    while low < high {
      rounds += 1
      if rounds > 48 {
        values[low...high].sort()
        return values[rank]
      }
      let a = values[low]
      let b = values[low + (high - low) / 2]
      let c = values[high]
      let pivot = max(min(a, b), min(max(a, b), c))
      // [low, less) < pivot, [less, index) == pivot, (greater, high] > pivot.
      var less = low
      var index = low
      var greater = high
      while index <= greater {
        if values[index] < pivot {
          values.swapAt(less, index)
          less += 1
          index += 1
        } else if values[index] > pivot {
          values.swapAt(index, greater)
          greater -= 1
        } else {
          index += 1
        }
      }
      if rank < less {
        high = less - 1
      } else if rank > greater {
        low = greater + 1
      } else {
        return values[rank]
      }
    }
    return values[rank]
  }

  /// Median absolute deviation from the median, scaled by 1.4826 so that it estimates the
  /// standard deviation of normally distributed noise.
  static func scaledMAD(_ values: [Double]) -> Double {
    guard let center = median(values) else { return 0 }
    return 1.4826 * (median(values.map { abs($0 - center) }) ?? 0)
  }

  /// A centred running median with the given odd window, shrinking at the ends.
  ///
  /// - Complexity: O(n·w): the window is kept sorted as it slides, one value leaving and one
  ///   entering per point, so a curve of a million training records costs milliseconds.
  static func runningMedian(_ values: [Double], window: Int) -> [Double] {
    let half = max(0, window / 2)
    let count = values.count
    guard count > 0 else { return [] }
    var sorted: [Double] = []
    sorted.reserveCapacity(2 * half + 1)
    func insert(_ value: Double) {
      var position = sorted.count
      sorted.append(value)
      while position > 0 && sorted[position - 1] > value {
        sorted[position] = sorted[position - 1]
        position -= 1
      }
      sorted[position] = value
    }
    func remove(_ value: Double) {
      let position =
        sorted.firstIndex { $0.bitPattern == value.bitPattern }
        ?? sorted.firstIndex(of: value) ?? sorted.count - 1
      sorted.remove(at: position)
    }
    for index in 0...min(count - 1, half) { insert(values[index]) }
    var result: [Double] = []
    result.reserveCapacity(count)
    for index in 0..<count {
      let middle = sorted.count / 2
      result.append(
        sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2)
      if index - half >= 0 { remove(values[index - half]) }
      if index + 1 + half < count { insert(values[index + 1 + half]) }
    }
    return result
  }

  /// Theil–Sen slope: the median of the slopes between all pairs of points. Resistant to
  /// outliers, and honest about short series. Long series are thinned to at most
  /// ``theilSenMaximumPoints`` evenly spaced points first.
  static func theilSenSlope(x: [Double], y: [Double]) -> Double? {
    precondition(x.count == y.count, "x and y differ in length")
    let (xs, ys) = thinned(x: x, y: y, to: theilSenMaximumPoints)
    var slopes: [Double] = []
    slopes.reserveCapacity(xs.count * (xs.count - 1) / 2)
    for i in xs.indices {
      for j in (i + 1)..<xs.count where xs[j] != xs[i] {
        slopes.append((ys[j] - ys[i]) / (xs[j] - xs[i]))
      }
    }
    return median(slopes)
  }

  /// Mann–Kendall trend test: the normalised S statistic. Above +1.64 the series rises at the
  /// 5% one-sided level; below −1.64 it falls.
  static func mannKendallZ(_ values: [Double]) -> Double {
    let (_, ys) = thinned(x: values.indices.map(Double.init), y: values, to: theilSenMaximumPoints)
    let n = ys.count
    guard n >= 3 else { return 0 }
    var s = 0
    for i in 0..<n {
      for j in (i + 1)..<n {
        if ys[j] > ys[i] { s += 1 } else if ys[j] < ys[i] { s -= 1 }
      }
    }
    let variance = Double(n * (n - 1) * (2 * n + 5)) / 18
    guard variance > 0 else { return 0 }
    let corrected = s > 0 ? Double(s - 1) : s < 0 ? Double(s + 1) : 0
    return corrected / variance.squareRoot()
  }

  /// Pairwise statistics are quadratic; 50 evenly spaced points (1,225 pairs) estimate a trend
  /// as well as hundreds would and keep a whole diagnosis well under a millisecond.
  static let theilSenMaximumPoints = 50

  private static func thinned(x: [Double], y: [Double], to limit: Int) -> ([Double], [Double]) {
    guard x.count > limit else { return (x, y) }
    let indices = (0..<limit).map { Int((Double($0) * Double(x.count - 1) / Double(limit - 1)).rounded()) }
    return (indices.map { x[$0] }, indices.map { y[$0] })
  }

  /// Linear interpolation of `y` at `position` along increasing `x`; the ends are held.
  static func interpolate(x: [Double], y: [Double], at position: Double) -> Double? {
    guard let first = x.first, let last = x.last else { return nil }
    if position <= first { return y[0] }
    if position >= last { return y[y.count - 1] }
    var low = 0
    var high = x.count - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if x[middle] <= position { low = middle } else { high = middle }
    }
    let span = x[high] - x[low]
    guard span > 0 else { return y[low] }
    return y[low] + (y[high] - y[low]) * (position - x[low]) / span
  }
}
