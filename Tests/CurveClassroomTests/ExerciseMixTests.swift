import CurveClassroom
import CurveSim
import Testing

@Suite struct ExerciseMixTests {
  @Test func readsWeightsInOrder() throws {
    let mix = try ExerciseMix(parsing: " Healthy:3, overfitting : 1,erratic")
    #expect(mix.weights.map(\.scenario) == [.healthy, .overfitting, .erratic])
    #expect(mix.weights.map(\.weight) == [3, 1, 1])
    #expect(mix.text == "healthy:3,overfitting:1,erratic:1")
  }

  @Test func scalesWithTheLargestRemainder() throws {
    let mix = ExerciseMix.standard
    #expect(mix.counts(total: 10).map(\.count) == [3, 3, 2, 2])
    #expect(mix.counts(total: 4).map(\.count) == [1, 1, 1, 1])
    // 7 × 3/10 = 2.1, 2.1, 1.4, 1.4: the two leftovers go to the largest remainders, the
    // underfitting and erratic shares, which tie and keep their order.
    #expect(mix.counts(total: 7).map(\.count) == [2, 2, 2, 1])
    #expect(mix.counts(total: 1000).map(\.count) == [300, 300, 200, 200])
    for total in 1...30 {
      #expect(mix.counts(total: total).reduce(0) { $0 + $1.count } == total)
    }
  }

  @Test(arguments: [
    ("", "an empty entry"), ("healthy:3,,erratic:1", "an empty entry"),
    ("healty:3", "'healty' is not a pattern"), ("healthy:x", "is not a whole number"),
    ("healthy:-1", "is not a whole number"), ("healthy:1,healthy:2", "named twice"),
    ("healthy:0", "every weight is 0"), ("healthy:1:2", "more than one ':'"),
  ])
  func rejectsBadMixesWithAReason(text: String, reason: String) {
    #expect {
      _ = try ExerciseMix(parsing: text)
    } throws: { error in
      guard case .invalidMix(let given, let message) = error as? ClassroomError else { return false }
      return given == text && message.contains(reason)
    }
  }

  @Test func readsOptionalQuestions() throws {
    #expect(try ExerciseSetSpec.extraQuestions(parsing: "set-size, patience-stop=4") == [.setSize, .patienceStop(4)])
    #expect(try ExerciseSetSpec.extraQuestions(parsing: "patience-stop") == [.patienceStop(3)])
    #expect(try ExerciseSetSpec.extraQuestions(parsing: "none").isEmpty)
    #expect(throws: ClassroomError.self) { try ExerciseSetSpec.extraQuestions(parsing: "colour") }
    #expect(throws: ClassroomError.self) { try ExerciseSetSpec.extraQuestions(parsing: "patience-stop=0") }
  }

  @Test func ordersScenariosFromTheSeed() {
    let spec = ExerciseSetSpec(count: 10, seed: 5)
    let order = spec.scenarios()
    #expect(order == spec.scenarios())
    #expect(order.filter { $0 == .healthy }.count == 3)
    let others = (6..<16).map { ExerciseSetSpec(count: 10, seed: $0).scenarios() }
    #expect(others.contains { $0 != order })
    #expect(spec.exerciseSeed(index: 0, student: nil) != spec.exerciseSeed(index: 0, student: "ana"))
  }
}
