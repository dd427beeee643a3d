import CurveSim
import Testing

@Suite struct SeededGeneratorTests {
  @Test func sameSeedGivesTheSameSequence() {
    var a = SeededGenerator(seed: 2024)
    var b = SeededGenerator(seed: 2024)
    for _ in 0..<1000 { #expect(a.next() == b.next()) }
  }

  @Test func firstOutputsAreFixedForever() {
    // xoshiro256** seeded by SplitMix64 from 0; any change to the generator breaks every
    // golden file, so it is pinned here.
    var generator = SeededGenerator(seed: 0)
    let outputs = (0..<3).map { _ in generator.next() }
    #expect(outputs == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
  }

  @Test func streamsOfOneSeedAreIndependent() {
    var data = SeededGenerator(seed: 7, stream: "data")
    var initialisation = SeededGenerator(seed: 7, stream: "init")
    let a = (0..<4).map { _ in data.next() }
    let b = (0..<4).map { _ in initialisation.next() }
    #expect(a != b)
  }

  @Test(arguments: [1, 2, 3, 7, 10, 1000])
  func indicesStayBelowTheBoundAndCoverIt(bound: Int) {
    var generator = SeededGenerator(seed: UInt64(bound))
    var seen = Set<Int>()
    for _ in 0..<(bound * 50) {
      let index = generator.nextIndex(below: bound)
      #expect((0..<bound).contains(index))
      seen.insert(index)
    }
    #expect(seen.count == bound || bound == 1000)
  }

  @Test func unitDoublesLieInTheHalfOpenInterval() {
    var generator = SeededGenerator(seed: 3)
    var sum = 0.0
    for _ in 0..<10_000 {
      let u = generator.nextUnit()
      #expect(u >= 0 && u < 1)
      sum += u
    }
    #expect(abs(sum / 10_000 - 0.5) < 0.02)
  }

  @Test func normalsHaveMeanZeroAndUnitVariance() {
    var generator = SeededGenerator(seed: 11)
    let samples = (0..<20_000).map { _ in generator.nextNormal() }
    let mean = samples.reduce(0, +) / Double(samples.count)
    let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
    #expect(abs(mean) < 0.03)
    #expect(abs(variance - 1) < 0.05)
  }

  @Test func shuffleIsAPermutationAndDependsOnTheSeed() {
    var a = Array(0..<50)
    var b = Array(0..<50)
    var first = SeededGenerator(seed: 1)
    var second = SeededGenerator(seed: 2)
    a.seededShuffle(using: &first)
    b.seededShuffle(using: &second)
    #expect(a.sorted() == Array(0..<50))
    #expect(a != Array(0..<50))
    #expect(a != b)
  }
}
