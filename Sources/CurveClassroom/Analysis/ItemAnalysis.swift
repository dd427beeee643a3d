/// How each question of a set worked across a class: how hard it was, whether it told strong
/// students from weak ones, which answers were chosen, and how reliable the whole set is.
///
/// An *item* is one question of one exercise (`ex-003 stop`); every student's variant asks it
/// at the same position. Each student's item score is the points it earned under the grading
/// policy, and their total is the sum.
///
/// - **Mean score**: the item's average share of its points, 0 to 1 (the difficulty index:
///   high is easy).
/// - **Point-biserial** (corrected item–total correlation): the Pearson correlation between the
///   item score and the total of the *other* items. Near 0 or negative: the item does not
///   separate students who know the material from those who do not.
/// - **Upper–lower index**: the item's mean share in the top 27 % of students by total minus
///   that in the bottom 27 % (ties broken by student id).
/// - **Reliability**: Cronbach's alpha, `k/(k−1) · (1 − Σ var(item) / var(total))` with
///   population variances; with right-or-wrong items (the all-or-nothing policy) it is
///   KR-20, and is named so.
///
/// ```swift
/// let analysis = ItemAnalysis(grades: grades)
/// analysis.reliability.value   // e.g. 0.71
/// analysis.items[0].pointBiserial
/// ```
public struct ItemAnalysis: Sendable {
  /// One item's figures.
  public struct Item: Sendable, Equatable {
    /// The exercise's id.
    public var exercise: String
    /// The question's name.
    public var question: String
    /// The points the item is worth.
    public var maximum: Double
    /// The average share of its points, 0 to 1.
    public var meanScore: Double
    /// The corrected item–total correlation; `nil` when the item or the rest do not vary.
    public var pointBiserial: Double?
    /// The upper–lower discrimination index, −1 to 1.
    public var upperLower: Double
    /// How often each answer was given, most often first: a pattern, a remedy (with its
    /// letter when every student saw the same letters), or for a step or a size whether it
    /// was right, half right or wrong; `blank` and `unreadable` too.
    public var choices: [(answer: String, count: Int, isKeyed: Bool)]

    public static func == (a: Item, b: Item) -> Bool {
      a.exercise == b.exercise && a.question == b.question && a.maximum == b.maximum
        && a.meanScore == b.meanScore && a.pointBiserial == b.pointBiserial
        && a.upperLower == b.upperLower && a.choices.map(\.answer) == b.choices.map(\.answer)
        && a.choices.map(\.count) == b.choices.map(\.count)
    }
  }

  /// The reliability of the set's total score.
  public struct Reliability: Sendable, Equatable {
    /// `KR-20` for right-or-wrong items, `Cronbach's alpha` otherwise.
    public var name: String
    /// The coefficient; `nil` with fewer than two items or students, or no spread in totals.
    public var value: Double?
    /// The items it is computed over: those every student was asked.
    public var itemCount: Int
  }

  /// The items, in key order.
  public var items: [Item]
  /// Each student's total as a share of the points they could earn, 0 to 1, in roster order.
  public var totals: [(student: String, share: Double)]
  /// The reliability.
  public var reliability: Reliability
  /// The students in the upper and lower groups of the upper–lower index.
  public var groupSize: Int

  /// The analysis of a score table.
  ///
  /// Students need not all be asked the same items: a set with a variant per student asks
  /// the stop question only where the student's run has a checkpoint worth keeping. An item
  /// a student was not asked is `nil` in their row and left out of that item's figures; each
  /// student's total is a share of the points *they* could earn, and the reliability is
  /// computed over the items every student was asked (``Reliability/itemCount``).
  ///
  /// - Parameters:
  ///   - labels: Each item's exercise and question, and its maximum points.
  ///   - scores: Points per student (rows, in `students` order) and item (columns); `nil`
  ///     where the student was not asked the item.
  ///   - choices: The answer each student gave to each item, as it should be counted; `nil`
  ///     where the student was not asked it.
  ///   - keyed: For each item, the answers that earn full credit, marked in ``Item/choices``.
  public init(
    labels: [(exercise: String, question: String, maximum: Double)], students: [String],
    scores: [[Double?]], choices: [[String?]], keyed: [Set<String>]
  ) {
    precondition(
      scores.count == students.count && choices.count == students.count
        && scores.allSatisfy { $0.count == labels.count }
        && choices.allSatisfy { $0.count == labels.count } && keyed.count == labels.count,
      "one row of scores and choices per student, one column per item")
    let studentCount = students.count
    let points = scores.map { $0.reduce(0) { $0 + ($1 ?? 0) } }
    let possible = scores.map { row in
      zip(row, labels).reduce(0) { $0 + ($1.0 == nil ? 0 : $1.1.maximum) }
    }
    let shares = zip(points, possible).map { $1 > 0 ? $0 / $1 : 0 }
    self.totals = Array(zip(students, shares))

    // The upper and lower groups: 27 % of the class each, by share, ties by id.
    let ranked = students.indices.sorted {
      shares[$0] != shares[$1] ? shares[$0] > shares[$1] : students[$0] < students[$1]
    }
    let group = studentCount >= 2 ? max(1, Int((Double(studentCount) * 0.27).rounded())) : 0
    groupSize = group
    let upper = Array(ranked.prefix(group))
    let lower = Array(ranked.suffix(group))

    items = labels.indices.map { column in
      let label = labels[column]
      let asked = students.indices.filter { scores[$0][column] != nil }
      let share = { (rows: [Int]) -> Double in
        let rows = rows.filter { scores[$0][column] != nil }
        guard !rows.isEmpty, label.maximum > 0 else { return 0 }
        return rows.reduce(0) { $0 + scores[$1][column]! } / Double(rows.count) / label.maximum
      }
      // The rest of each student's set, as a share of what the rest could earn.
      let values = asked.map { scores[$0][column]! }
      let rest = asked.map { row in
        let left = possible[row] - label.maximum
        return left > 0 ? (points[row] - scores[row][column]!) / left : 0
      }
      var counts: [String: Int] = [:]
      for row in asked { counts[choices[row][column] ?? "blank", default: 0] += 1 }
      let ordered = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
      return Item(
        exercise: label.exercise, question: label.question, maximum: label.maximum,
        meanScore: share(asked),
        pointBiserial: Statistics.correlation(values, rest),
        upperLower: share(upper) - share(lower),
        choices: ordered.map { ($0.key, $0.value, keyed[column].contains($0.key)) })
    }

    // Reliability over the items every student was asked.
    let common = labels.indices.filter { column in scores.allSatisfy { $0[column] != nil } }
    let itemVariances = common.map { column in Statistics.variance(scores.map { $0[column]! }) }
    let commonTotals = scores.map { row in common.reduce(0) { $0 + row[$1]! } }
    let totalVariance = Statistics.variance(commonTotals)
    let isDichotomous = common.allSatisfy { column in
      scores.allSatisfy { $0[column] == 0 || $0[column] == labels[column].maximum }
    }
    let k = Double(common.count)
    var value: Double?
    if common.count >= 2, studentCount >= 2, totalVariance > 0 {
      value = k / (k - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)
    }
    reliability = Reliability(
      name: isDichotomous ? "KR-20" : "Cronbach's alpha", value: value, itemCount: common.count)
  }
}

/// The few statistics the analysis needs, over population figures.
enum Statistics {
  static func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
  }

  /// The population variance (divided by the count).
  static func variance(_ values: [Double]) -> Double {
    let average = mean(values)
    return mean(values.map { ($0 - average) * ($0 - average) })
  }

  /// The Pearson correlation, or `nil` when either side does not vary.
  static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
    let mx = mean(x)
    let my = mean(y)
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(x, y) {
      sxy += (a - mx) * (b - my)
      sxx += (a - mx) * (a - mx)
      syy += (b - my) * (b - my)
    }
    guard sxx > 1e-12, syy > 1e-12 else { return nil }
    return sxy / (sxx * syy).squareRoot()
  }

  /// The median of a sample.
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
  }
}
