import CurveCore
import CurveIO
import Foundation
import Testing
import _CurveLabTestSupport

@Suite struct LogLoaderTests {
  @Test func aMissingPathIsNamed() {
    #expect(
      Fixture.error("nowhere/trainer_state.json")
        == .fileNotFound(path: Fixture.path("nowhere/trainer_state.json")))
  }

  @Test func anEmptyFileIsAnError() throws {
    let error = try #require(Fixture.error("malformed/empty.csv"))
    #expect(error == .emptyFile(path: Fixture.path("malformed/empty.csv")))
    #expect(error.description.hasSuffix("empty.csv: the file is empty"))
    #expect(throws: LogReadError.emptyFile(path: "blank.json")) {
      try LogLoader().load(bytes: Array(" \n\r\n".utf8), name: "blank.json", format: .trainerState)
    }
  }

  @Test func binaryGarbageIsRecognisedAsSuch() throws {
    #expect(
      Fixture.error("malformed/garbage.bin")
        == .binaryContent(path: Fixture.path("malformed/garbage.bin")))
  }

  @Test func unknownTextSaysWhichFormatsExist() {
    do {
      _ = try LogLoader().load(bytes: Array("hello there\n".utf8), name: "notes.txt")
      Issue.record("expected an error")
    } catch {
      #expect(error == .unknownFormat(path: "notes.txt"))
      #expect(error.description.contains("--format, one of trainer-state, keras, lightning"))
    }
  }

  @Test func aFolderWithoutLogsListsWhatItHolds() throws {
    let error = try #require(Fixture.error("mlflow/mlruns/1/5c1f0e7a9d2b4e6f8a3c/params"))
    #expect(
      error.description.contains(
        "the folder holds no training log CurveLab can read; it holds epochs"))
  }

  @Test func singleFileFormatsCannotMerge() {
    let paths = [Fixture.path("keras/training.log"), Fixture.path("keras/appended.csv")]
    #expect(throws: LogReadError.cannotMerge(.keras, paths: paths)) {
      try LogLoader().load(paths: paths)
    }
  }

  @Test func messagesNameTheFileAndThePlace() {
    let cases: [(LogReadError, String)] = [
      (
        .notANumber(
          "abc", at: LogLocation(file: "runs/metrics.csv", line: 57, columnName: "val_loss")),
        "runs/metrics.csv, line 57, column 'val_loss': 'abc' is not a number"
      ),
      (
        .malformed(
          LogLocation(file: "trainer_state.json", line: 3, column: 5), problem: "expected a value"),
        "trainer_state.json, line 3, column 5: expected a value"
      ),
      (
        .noLogsInFolder(path: "runs/empty", entries: []),
        "runs/empty: the folder holds no training log CurveLab can read (it is empty)"
      ),
      (.fileNotFound(path: "x.csv"), "x.csv: no such file or folder"),
      (
        .unknownColumn("val_los", file: "h.csv", columns: ["epoch", "val_loss"]),
        "h.csv: there is no column or tag 'val_los'; found: epoch, val_loss"
      ),
    ]
    for (error, message) in cases { #expect(error.description == message) }
  }

  // MARK: Never crash

  /// Every fixture file, relative to `Fixtures`, scripts left out.
  static var fixtureFiles: [String] {
    let root = URL(fileURLWithPath: Fixture.folder)
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { name in
      var isDirectory: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: Fixture.path(name), isDirectory: &isDirectory)
      return !isDirectory.boolValue && !name.hasSuffix(".py") && !name.hasSuffix(".md")
    }.sorted()
  }

  @Test func truncationsOfEveryFixtureNeverCrash() throws {
    let files = Self.fixtureFiles
    #expect(files.count > 30)
    for file in files {
      let bytes = try Fixture.bytes(file)
      let cuts = Set(
        stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) + [bytes.count - 1])
      for cut in cuts.sorted() where cut >= 0 {
        _ = try? LogLoader().load(bytes: Array(bytes[..<cut]), name: file)
      }
    }
  }

  @Test func everyFormatSurvivesEveryFixture() throws {
    for file in Self.fixtureFiles {
      let bytes = try Fixture.bytes(file)
      for format in LogFormat.allCases {
        _ = try? LogLoader().load(bytes: bytes, name: file, format: format)
      }
    }
  }

  @Test(arguments: 0..<8 as Range<UInt64>)
  func randomBytesAndMutationsNeverCrash(seed: UInt64) throws {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    func next() -> UInt64 {
      state ^= state >> 12
      state ^= state << 25
      state ^= state >> 27
      return state &* 0x2545_F491_4F6C_DD1D
    }
    let files = Self.fixtureFiles
    for _ in 0..<60 {
      let length = Int(next() % 600)
      let noise = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
      let format = LogFormat.allCases[Int(next() % UInt64(LogFormat.allCases.count))]
      _ = try? LogLoader().load(bytes: noise, name: "noise", format: format)
      _ = try? LogLoader().load(bytes: noise, name: "noise")

      var mutated = try Fixture.bytes(files[Int(next() % UInt64(files.count))])
      guard !mutated.isEmpty else { continue }
      for _ in 0..<Int(1 + next() % 6) {
        let position = Int(next() % UInt64(mutated.count))
        mutated[position] = UInt8(truncatingIfNeeded: next())
      }
      _ = try? LogLoader().load(bytes: mutated, name: "mutated")
      _ = try? LogLoader().load(bytes: mutated, name: "mutated", format: format)
    }
  }

  // MARK: The synthetic file for `curvelab bench`

  @Test func theSyntheticTrainerStateLoads() throws {
    let bytes = SyntheticTrainerState.bytes(entries: 2_000)
    #expect(SyntheticTrainerState.bytes(entries: 2_000) == bytes)
    let loaded = try LogLoader().load(bytes: bytes, name: "trainer_state.json")
    let log = loaded.log
    #expect(log.trainingEntries.count + log.evaluationEntries.count + 1 == 2_000)
    #expect(log.evaluationEntries.count == 1_999 / 51)
    #expect(log.metadata.summary?.globalStep == log.trainingEntries.last?.step)
    #expect(
      log.evaluationEntries.allSatisfy {
        $0.loss != nil && $0.accuracy != nil && $0.metrics.isEmpty
      })
    #expect(loaded.warnings.isEmpty)
  }

  @Test func theSyntheticTrainerStateIsWrittenToDisk() throws {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-synthetic-\(UInt32.random(in: 0...UInt32.max)).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try SyntheticTrainerState.write(entries: 300, to: path)
    let loaded = try LogLoader().load(path: path)
    #expect(loaded.log.metadata.source == path)
    #expect(loaded.log.trainingEntries.count == 294)
  }
}
