/// Finds the candidate a mistyped word was most likely meant to be.
///
/// The parser uses it for "did you mean" hints on unknown options and subcommands, and a command
/// can reuse it for its own names:
///
/// ```swift
/// Suggestion.closest(to: "simulte", among: ["simulate", "diagnose"])  // "simulate"
/// Suggestion.closest(to: "xyz", among: ["simulate", "diagnose"])      // nil
/// ```
public enum Suggestion {
  /// Returns the candidate nearest to `word`, or `nil` if none is near enough to suggest.
  ///
  /// Comparison ignores case and uses ``distance(_:_:)``. A candidate qualifies when its distance
  /// is at most a third of the word's length (rounded up), but always at least 1 and never more
  /// than 3, so short words only match near-identical candidates. Ties go to the earlier
  /// candidate, so the answer is deterministic.
  ///
  /// - Parameters:
  ///   - word: What the user typed.
  ///   - candidates: The names that would have been accepted.
  /// - Returns: The best candidate, spelled as given in `candidates`.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let typed = word.lowercased()
    let cutoff = min(3, max(1, (typed.count + 2) / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = Self.distance(typed, candidate.lowercased())
      if distance <= cutoff, distance < best?.distance ?? .max {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// Returns the number of single-character insertions, deletions, substitutions and swaps of
  /// adjacent characters needed to turn one string into the other.
  ///
  /// This is the optimal string alignment form of Damerau–Levenshtein distance, so the common
  /// typo of swapped letters costs 1:
  ///
  /// ```swift
  /// Suggestion.distance("lesosn", "lesson")  // 1
  /// Suggestion.distance("seed", "speed")     // 1
  /// ```
  ///
  /// - Parameter limit: Stop counting past this many edits: any distance above it comes back as
  ///   `limit + 1`, which makes comparing a word with a long list quick.
  /// - Complexity: O(*m* × *n*) for strings of *m* and *n* characters.
  public static func distance(_ a: String, _ b: String, limit: Int = .max - 1) -> Int {
    let a = Array(a)
    let b = Array(b)
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rolling rows: the one before last, the last, and the one being filled.
    var previous = [Int](repeating: 0, count: b.count + 1)
    var last = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(last[j] + 1, current[j - 1] + 1, last[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous[j - 2] + 1)
        }
        current[j] = value
      }
      // Every alignment passes through this row, so none can come back under the limit.
      if current.min()! > limit { return limit + 1 }
      (previous, last, current) = (last, current, previous)
    }
    return min(last[b.count], limit + 1)
  }
}
