import CurveClassroom
import CurveDiagnosis
import CurveSim
import Foundation
import Testing
import _CurveLabTestSupport

@Suite struct ExerciseSetTests {
  @Test func theEngineAgreesWithEveryScenario() {
    for exercise in Fixtures.classBuild.sets[0].exercises {
      #expect(exercise.solved.key.pattern.rawValue == exercise.scenario.rawValue)
      #expect(exercise.options.actions.contains(exercise.solved.key.remedy))
      #expect(exercise.options.actions.count == RemedyOptions.optionCount)
    }
  }

  @Test func theSameSeedGivesByteIdenticalFiles() throws {
    let again = try SetBuild(spec: Fixtures.spec, command: "test")
    #expect(again.files == Fixtures.classBuild.files)
    let first = Fixtures.temporaryFolder("same-a")
    let second = Fixtures.temporaryFolder("same-b")
    defer {
      try? FileManager.default.removeItem(atPath: first)
      try? FileManager.default.removeItem(atPath: second)
    }
    try SetDirectory(path: first).write(Fixtures.classBuild.files)
    try SetDirectory(path: second).write(again.files)
    let files = Fixtures.listing(first)
    #expect(files == Fixtures.listing(second))
    #expect(files.contains("exercises/ex-001/trainer_state.json"))
    #expect(files.contains("exercises/ex-002/log.csv"))
    for name in ["manifest.json", "worksheet.md", "worksheet.html", "key.json", "solutions.md"] {
      #expect(files.contains(name))
    }
    for file in files {
      #expect(Fixtures.read(first, file) == Fixtures.read(second, file), "\(file) differs")
    }
  }

  /// One thread or five, the files are the same: every exercise is drawn from its own seed
  /// and lands in its own slot.
  @Test func theNumberOfThreadsDoesNotChangeASingleByte() throws {
    let spec = ExerciseSetSpec(count: 6, seed: 23, mix: try ExerciseMix(parsing: "erratic:1,healthy:1"))
    let one = try SetBuild(spec: spec, roster: Fixtures.roster, command: "test", workers: 1)
    let five = try SetBuild(spec: spec, roster: Fixtures.roster, command: "test", workers: 5)
    #expect(one.files.map(\.path) == five.files.map(\.path))
    #expect(one.files == five.files)
  }

  @Test func anotherSeedGivesOtherCurves() throws {
    var spec = Fixtures.spec
    spec.seed = 12
    let other = try SetBuild(spec: spec, command: "test")
    let data = { (build: SetBuild) in build.files.filter { $0.path.hasSuffix("log.csv") }.map(\.contents) }
    #expect(Set(data(other)).isDisjoint(with: Set(data(Fixtures.classBuild))))
  }

  @Test func remedyLettersVaryWithTheSeed() {
    var letters: Set<String> = []
    for seed in 0..<40 as Range<UInt64> {
      var generator = SeededGenerator(seed: seed)
      let options = RemedyOptions(
        answer: .earlyStopping, alsoAccepted: [.weightDecay],
        distractors: CauseKnowledge.unhelpful(for: .overfitting), using: &generator)
      #expect(!options.actions.contains(.weightDecay))
      #expect(!options.actions.contains(.dropout))  // treats overfitting: never a wrong option
      #expect(Set(options.actions).count == 4)
      letters.insert(options.letter(of: .earlyStopping)!)
    }
    #expect(letters == ["A", "B", "C", "D"])
  }

  @Test func theWorksheetIsPlainAndThePageSelfContained() throws {
    let files = Dictionary(uniqueKeysWithValues: Fixtures.classBuild.files.map { ($0.path, $0.contents) })
    let html = try #require(files["worksheet.html"])
    #expect(!html.lowercased().contains("<script"))
    #expect(html.contains("<svg"))
    #expect(!html.contains("src="))
    #expect(!html.contains("<link"))
    #expect(!html.contains("https://"))
    let markdown = try #require(files["worksheet.md"])
    #expect(markdown.contains("```text\nLoss"))
    #expect(!markdown.contains("\u{1B}["))
    for line in markdown.split(separator: "\n") where line.hasPrefix("     |") {
      #expect(line.count <= 80)
      #expect(line.allSatisfy { $0.isASCII })
    }
    #expect(markdown.contains("About how many examples"))
    let solutions = try #require(files["solutions.md"])
    #expect(solutions.contains("The remedy, simulated."))
    #expect(solutions.contains("curvelab simulate --scenario"))
  }

  @Test func theManifestRecordsHowToRegenerate() throws {
    let text = try #require(Fixtures.classBuild.files.first { $0.path == "manifest.json" }).contents
    for field in ["\"seed\": 11", "\"count\": 2", "\"mix\": \"healthy:1,erratic:1\"",
      "\"difficulty\": \"medium\"", "\"curvelab_version\"", "\"command\": \"test\"", "patience-stop=2"]
    {
      #expect(text.contains(field), "\(field)")
    }
  }

  @Test func aSmallKeyMatchesItsGoldenFile() throws {
    let spec = ExerciseSetSpec(count: 1, seed: 3, mix: try ExerciseMix(parsing: "erratic"))
    let build = try SetBuild(spec: spec, command: "curvelab generate --count 1 --seed 3 --mix erratic:1")
    let key = try #require(build.files.first { $0.path == "key.json" }).contents
    #expect(snapshotMismatch(key, named: "erratic-seed-3-key") == nil)
  }
}
