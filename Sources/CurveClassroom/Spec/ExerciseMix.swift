public import CurveSim

/// How many exercises of each pattern a set holds, as proportions: `healthy:3,overfitting:3`.
///
/// The weights are scaled to the set's size with the largest-remainder rule: each scenario
/// gets the whole part of its share, and the exercises left over go to the largest fractional
/// parts, ties to the scenario named first. The result depends on nothing but the mix and the
/// count.
///
/// ```swift
/// let mix = try ExerciseMix(parsing: "healthy:3,overfitting:3,underfitting:2,erratic:2")
/// mix.counts(total: 4)   // healthy 1, overfitting 1, underfitting 1, erratic 1
/// ```
public struct ExerciseMix: Sendable, Equatable {
  /// Each scenario with its weight, in the order given.
  public var weights: [(scenario: Scenario, weight: Int)] {
    entries.map { ($0.scenario, $0.weight) }
  }

  private var entries: [Entry]

  private struct Entry: Sendable, Equatable {
    var scenario: Scenario
    var weight: Int
  }

  /// The mix a set uses unless told otherwise.
  public static let standard = try! ExerciseMix(
    parsing: "healthy:3,overfitting:3,underfitting:2,erratic:2")

  /// The largest weight a pattern can have.
  public static let maximumWeight = 1000

  /// Reads `name:weight` pairs separated by commas; a name alone weighs 1.
  ///
  /// - Throws: ``ClassroomError/invalidMix(_:reason:)`` naming the part that is wrong.
  public init(parsing text: String) throws(ClassroomError) {
    func fail(_ reason: String) -> ClassroomError { .invalidMix(text, reason: reason) }
    var entries: [Entry] = []
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    for rawPart in parts {
      let part = rawPart.trimmingSpaces
      if part.isEmpty { throw fail("an empty entry; write name:weight pairs separated by commas") }
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false).map(\.trimmingSpaces)
      guard pieces.count <= 2 else { throw fail("'\(part)' has more than one ':'") }
      let names = Scenario.allCases.map(\.rawValue).joined(separator: ", ")
      guard let scenario = Scenario(rawValue: pieces[0].lowercased()) else {
        throw fail("'\(pieces[0])' is not a pattern; use \(names)")
      }
      var weight = 1
      if pieces.count == 2 {
        guard let value = Int(pieces[1]), (0...Self.maximumWeight).contains(value) else {
          throw fail("the weight of \(scenario.rawValue), '\(pieces[1])', is not a whole number from 0 to \(Self.maximumWeight)")
        }
        weight = value
      }
      if entries.contains(where: { $0.scenario == scenario }) {
        throw fail("\(scenario.rawValue) is named twice")
      }
      entries.append(Entry(scenario: scenario, weight: weight))
    }
    guard entries.contains(where: { $0.weight > 0 }) else {
      throw fail("every weight is 0; at least one pattern needs a positive weight")
    }
    self.entries = entries
  }

  /// The mix as text that ``init(parsing:)`` reads back: `healthy:3,overfitting:3`.
  public var text: String {
    entries.map { "\($0.scenario.rawValue):\($0.weight)" }.joined(separator: ",")
  }

  /// How many exercises of each scenario a set of `total` holds, in the mix's order.
  public func counts(total: Int) -> [(scenario: Scenario, count: Int)] {
    let sum = entries.reduce(0) { $0 + $1.weight }
    var counts = entries.map { total * $0.weight / sum }
    let remainders = entries.indices.map { (index: $0, remainder: total * entries[$0].weight % sum) }
    let left = total - counts.reduce(0, +)
    let order = remainders.sorted {
      $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
    }
    for slot in order.prefix(left) { counts[slot.index] += 1 }
    return entries.indices.map { (entries[$0].scenario, counts[$0]) }
  }

  public static func == (a: ExerciseMix, b: ExerciseMix) -> Bool { a.entries == b.entries }
}
