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

  @Test func theDefaultLocationFollowsXDG() {
    #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/curvelab/progress.json")
    #expect(ProgressStore.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/state/curvelab/progress.json")
    #expect(ProgressStore.defaultPath(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/curvelab/progress.json")
    #expect(ProgressStore.defaultPath(environment: [:]) == nil)
  }
}
