import CurveCourse
import Foundation
import Testing

@Suite struct ProgressTests {
  private func scratchPath() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-progress-\(UUID().uuidString)/state/progress.json").path
  }

  @Test func progressRoundTripsThroughItsFile() throws {
    let store = ProgressStore(path: scratchPath())
    var progress = CourseProgress()
    progress.lessons["loss-curves"] = .init(isFinished: false, page: 2)
    progress.lastLesson = "loss-curves"
    progress.recordQuiz("Quizzes/a.quiz", correct: 12, of: 20)
    progress.quizzes["Quizzes/a.quiz"]?.unfinished = .init(seed: 77, answers: ["a", "", "bc"])
    progress.recordExercise("overfitting-1", fraction: 0.75)
    progress.recordExercise("overfitting-1", fraction: 0.5)
    try store.save(progress)
    let (loaded, warning) = store.load()
    #expect(warning == nil)
    #expect(loaded == progress)
    #expect(loaded.exercises["overfitting-1"] == .init(attempts: 2, best: 0.75))
  }

  @Test func aMissingFileIsEmptyProgress() {
    let (progress, warning) = ProgressStore(path: scratchPath()).load()
    #expect(progress == CourseProgress())
    #expect(warning == nil)
  }

  @Test(arguments: ["{not json", "{\"format\": 1, \"lessons\": {", ""])
  func aDamagedFileIsMovedAsideWithAWarning(content: String) throws {
    let path = scratchPath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try content.write(toFile: path, atomically: true, encoding: .utf8)
    let store = ProgressStore(path: path)
    let (progress, warning) = store.load()
    #expect(progress == CourseProgress())
    let message = try #require(warning)
    #expect(message.contains("\(path).damaged-1"))
    #expect(try String(contentsOfFile: "\(path).damaged-1", encoding: .utf8) == content)
    // A second damaged file does not overwrite the first one set aside.
    try content.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(store.load().warning?.contains("damaged-2") == true)
  }

  @Test(arguments: ["{\"important\": [1]}", "{\"format\": 99}", "[1, 2]"])
  func someoneElsesJSONOrANewerFormatIsLeftAloneAndNeverOverwritten(content: String) throws {
    let path = scratchPath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try content.write(toFile: path, atomically: true, encoding: .utf8)
    let store = ProgressStore(path: path)
    let (progress, warning) = store.load()
    #expect(progress == CourseProgress())
    #expect(warning?.contains("left alone") == true)
    #expect(!FileManager.default.fileExists(atPath: path + ".damaged-1"))
    #expect(throws: ProgressStore.Damage.self) { try store.save(CourseProgress()) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
  }

  @Test func aSaveKeepsWhatAnotherWindowSavedSinceThisOneLoaded() throws {
    let store = ProgressStore(path: scratchPath())
    var first = store.load().progress
    var second = store.load().progress
    // The second window reads lesson 5 and does an exercise, then saves.
    second.lessons["healthy-curves"] = .init(isFinished: true, page: 3)
    second.lastLesson = "healthy-curves"
    second.recordExercise("healthy-1", fraction: 0.6, answer: "healthy,300,none")
    second = try store.save(second)
    // The first window, loaded before that, opens lesson 1 and saves.
    first.lessons["what-learning-curves-are"] = .init(isFinished: false, page: 1)
    first.lastLesson = "what-learning-curves-are"
    first.recordExercise("healthy-1", fraction: 1, answer: "healthy,250,none")
    first.predictions["weight-decay"] = .init(choice: "b", isRight: true)
    first = try store.save(first)
    let saved = store.load().progress
    #expect(saved == first)
    #expect(saved.lessons["healthy-curves"] == .init(isFinished: true, page: 3))
    #expect(saved.lessons["what-learning-curves-are"] == .init(isFinished: false, page: 1))
    #expect(saved.lastLesson == "what-learning-curves-are")
    // Attempts add up, the best score is kept, the latest answer wins.
    #expect(saved.exercises["healthy-1"] == .init(attempts: 2, best: 1, lastAnswer: "healthy,250,none"))
    #expect(saved.predictions["weight-decay"] == .init(choice: "b", isRight: true))
    // The second window saves again with nothing new: it loses nothing either, and now sees
    // the first window's work.
    second = try store.save(second)
    #expect(second == saved)
  }

  @Test func aQuizAttemptInOneWindowAndAnUnfinishedOneInAnotherBothSurvive() throws {
    let store = ProgressStore(path: scratchPath())
    var first = store.load().progress
    var second = store.load().progress
    first.recordQuiz("q", correct: 20, of: 27)
    first = try store.save(first)
    second.quizzes["q", default: .init(attempts: 0, best: 0, questionCount: 27)].unfinished =
      .init(seed: 9, answers: ["a", "b"])
    second = try store.save(second)
    second.recordQuiz("q", correct: 15, of: 27, keepingUnfinished: true)
    second = try store.save(second)
    let quiz = try #require(store.load().progress.quizzes["q"])
    #expect(quiz.attempts == 2)
    #expect(quiz.best == 20)
    #expect(quiz.unfinished == .init(seed: 9, answers: ["a", "b"]))
  }

  @Test func aResetRemovesWhatThisWindowSawAndKeepsWhatCameLater() throws {
    let store = ProgressStore(path: scratchPath())
    var setup = CourseProgress()
    setup.lessons["loss-curves"] = .init(isFinished: true, page: 0)
    try store.save(setup)
    var resetting = store.load().progress
    var other = store.load().progress
    other.lessons["convergence"] = .init(isFinished: true, page: 0)
    try store.save(other)
    resetting.forgetEverything()
    try store.save(resetting)
    #expect(store.load().progress.lessons.keys.sorted() == ["convergence"])
  }

  @Test func staleTemporaryFilesFromAnInterruptedSaveAreRemovedByTheNextSave() throws {
    let path = scratchPath()
    let folder = (path as NSString).deletingLastPathComponent
    let store = ProgressStore(path: path)
    try store.save(CourseProgress())
    // What a save killed half-way leaves: this version's temporary file, and an older
    // version's Foundation temporary file holding progress.
    let stale = folder + "/.progress.json.saving-123-456"
    let older = folder + "/.dat.nosync1a2b.Xy12Ab"
    let foreign = folder + "/.dat.nosync9f.Other1"
    try "{\"format\": 1, \"lessons\": {".write(toFile: stale, atomically: false, encoding: .utf8)
    try "{\"format\": 1}".write(toFile: older, atomically: false, encoding: .utf8)
    try "someone else's".write(toFile: foreign, atomically: false, encoding: .utf8)
    let hourAgo = Date().addingTimeInterval(-3600)
    for file in [older, foreign] {
      try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: file)
    }
    var progress = store.load().progress
    progress.lastLesson = "loss-curves"
    try store.save(progress)
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(left == [".dat.nosync9f.Other1", "progress.json", "progress.json.lock"])
  }

  @Test func theDefaultLocationFollowsXDG() {
    #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/curvelab/progress.json")
    #expect(ProgressStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/curvelab/progress.json")
    #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/curvelab/progress.json")
    #expect(ProgressStore.defaultPath(environment: [:]) == nil)
  }
}
