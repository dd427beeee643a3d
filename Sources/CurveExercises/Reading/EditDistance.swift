/// How many single-character edits turn one word into another.
enum EditDistance {
  /// The optimal-string-alignment distance between `a` and `b`: insertions, deletions,
  /// substitutions and swaps of two neighbouring characters each count 1, so `helthy` is 1 from
  /// `healthy` and `lerning` 1 from `learning`, and `overfitting` is 3 from `underfitting`.
  ///
  /// - Parameter limit: Stop counting past this many edits: any distance above it comes back as
  ///   `limit + 1`.
  /// - Complexity: O(`a.count` × `b.count`).
  static func between(_ a: String, _ b: String, limit: Int = .max - 1) -> Int {
    let a = Array(a)
    let b = Array(b)
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rows of the table: two back (for swaps), the previous one, and the current one.
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = min(best, twoBack[j - 2] + 1)
        }
        current[j] = best
      }
      // Every path to the end passes through this row; none can come back under the limit.
      if current.min()! > limit { return limit + 1 }
      (twoBack, previous, current) = (previous, current, twoBack)
    }
    return min(previous[b.count], limit + 1)
  }
}
