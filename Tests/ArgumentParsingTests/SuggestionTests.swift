import ArgumentParsing
import Testing

@Suite struct SuggestionTests {
  static let subcommands = [
    "simulate", "diagnose", "lesson", "quiz", "exercise", "generate", "grade", "check",
    "progress", "reset", "bench",
  ]

  @Test(
    arguments: [
      ("", "", 0), ("abc", "", 3), ("", "abc", 3), ("seed", "seed", 0), ("seed", "speed", 1),
      ("kitten", "sitting", 3), ("lesosn", "lesson", 1), ("ca", "abc", 3),
    ]
  )
  func countsEditsIncludingAdjacentSwaps(a: String, b: String, distance: Int) {
    #expect(Suggestion.distance(a, b) == distance)
    #expect(Suggestion.distance(b, a) == distance)
  }

  @Test(
    arguments: [
      ("simulte", "simulate"), ("lesosn", "lesson"), ("grde", "grade"), ("progres", "progress"),
      ("Bench", "bench"), ("quizz", "quiz"), ("excercise", "exercise"),
    ]
  )
  func suggestsTheSubcommandATypoWasMeantToBe(typo: String, intended: String) {
    #expect(Suggestion.closest(to: typo, among: Self.subcommands) == intended)
  }

  @Test(arguments: ["fly", "train", "x", "simulations-now"])
  func suggestsNothingWhenNoCandidateIsClose(word: String) {
    #expect(Suggestion.closest(to: word, among: Self.subcommands) == nil)
  }

  /// With a limit, distances up to it are exact and any larger one comes back as limit + 1.
  @Test(arguments: [
    ("kitten", "sitting", 2, 3), ("kitten", "sitting", 3, 3), ("kitten", "sitting", 5, 3),
    ("overfitting", "underfitting", 1, 2), ("a", "abcdef", 2, 3), ("seed", "seed", 0, 0),
  ])
  func aLimitStopsCountingPastIt(a: String, b: String, limit: Int, expected: Int) {
    #expect(Suggestion.distance(a, b, limit: limit) == expected)
    #expect(Suggestion.distance(a, b) == Suggestion.distance(b, a))
  }

  @Test func allowsMoreEditsForLongerWords() {
    #expect(Suggestion.closest(to: "lerningrate", among: ["learning-rate"]) == "learning-rate")
    #expect(Suggestion.closest(to: "sd", among: ["seed"]) == nil)
  }

  @Test func prefersTheNearerCandidate() {
    #expect(Suggestion.closest(to: "rset", among: ["rust", "reset"]) == "reset")
  }

  @Test func breaksTiesByCandidateOrder() {
    #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
    #expect(Suggestion.closest(to: "cat", among: ["hat", "bat"]) == "hat")
  }

  @Test func suggestsNothingAmongNoCandidates() {
    #expect(Suggestion.closest(to: "seed", among: [String]()) == nil)
  }
}
