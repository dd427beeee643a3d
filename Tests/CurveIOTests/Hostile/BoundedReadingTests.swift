import CurveCore
import CurveIO
import Foundation
import Testing
import _CurveLabTestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What cannot be a log is refused early, without blocking and without reading it all;
/// messages quote little of what a file holds.
@Suite struct BoundedReadingTests {
  /// A file of `size` bytes that takes no disk: all zeros, as a crashed write leaves.
  private func sparseFile(at path: String, size: Int) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    try #require(ftruncate(descriptor, off_t(size)) == 0)
  }

  private func error(_ body: () throws -> Void) -> LogReadError? {
    do {
      try body()
      return nil
    } catch let error as LogReadError {
      return error
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/metrics.csv"
      try #require(mkfifo(path, 0o644) == 0)
      let failure = error { _ = try LogLoader().load(path: path) }
      #expect(failure == .notARegularFile(path: path, kind: "a named pipe (FIFO)"))
      #expect(failure?.description.contains("not a file") == true)
    }
  }

  @Test func aNamedPipeInsideAFolderIsRefusedOrPassedOver() throws {
    try withTemporaryFolder { folder in
      // Named like the folder's log: refused by name, with the pipe's path.
      try #require(mkfifo(folder + "/trainer_state.json", 0o644) == 0)
      let failure = error { _ = try LogLoader().load(path: folder) }
      #expect(failure == .notARegularFile(path: folder + "/trainer_state.json", kind: "a named pipe (FIFO)"))
    }
    try withTemporaryFolder { folder in
      // Beside a real log: passed over while the folder is searched.
      try #require(mkfifo(folder + "/notes.csv", 0o644) == 0)
      try "epoch,loss,val_loss\n0,0.5,0.6\n1,0.4,0.5\n".write(
        toFile: folder + "/history.csv", atomically: true, encoding: .utf8)
      let loaded = try LogLoader().load(path: folder)
      #expect(loaded.log.evaluationEntries.count == 2)
    }
  }

  @Test(arguments: ["/dev/zero", "/dev/null", "/dev/urandom"])
  func devicesAreRefused(path: String) throws {
    try #require(FileManager.default.fileExists(atPath: path))
    let failure = error { _ = try LogLoader().load(path: path) }
    #expect(failure == .notARegularFile(path: path, kind: "a character device"))
    let forced = error { _ = try LogLoader().load(path: path, format: .csv) }
    #expect(forced == .notARegularFile(path: path, kind: "a character device"))
  }

  @Test func aFileOverTheLimitIsRefusedBeforeItIsRead() throws {
    try withTemporaryFolder { folder in
      let path = folder + "/huge.csv"
      try sparseFile(at: path, size: LogLimits.maximumFileSize + 1)
      let failure = error { _ = try LogLoader().load(path: path) }
      #expect(
        failure
          == .fileTooLarge(
            path: path, size: LogLimits.maximumFileSize + 1, limit: LogLimits.maximumFileSize))
      #expect(failure?.description.hasSuffix("CurveLab reads logs of up to 4 GiB") == true)
    }
  }

  @Test func binaryContentIsRefusedFromItsFirstBytesEvenWhenAFormatIsForced() throws {
    try withTemporaryFolder { folder in
      // 2 GB of zeros: read whole it would take seconds and gigabytes.
      let path = folder + "/results.csv"
      try sparseFile(at: path, size: 2_000_000_000)
      #expect(error { _ = try LogLoader().load(path: path) } == .binaryContent(path: path))
      #expect(
        error { _ = try LogLoader().load(path: path, format: .csv) } == .binaryContent(path: path))
      #expect(
        error { _ = try LogLoader().load(path: path, format: .trainerState) }
          == .binaryContent(path: path))
    }
  }

  @Test func aHugeCellIsQuotedShort() throws {
    let cell = String(repeating: "x", count: 8 << 20)
    let text = "epoch,loss,val_loss\n0,0.5,\(cell)\n"
    let failure = error {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "history.csv")
    }
    let message = try #require(failure?.description)
    #expect(message.utf8.count < 200, "\(message.prefix(300))")
    #expect(message.contains("(8388608 characters)"))
    #expect(message.hasPrefix("history.csv, line 2, column 'val_loss': 'xxxx"))
  }

  @Test func aHugeColumnNameIsQuotedShort() throws {
    let name = String(repeating: "n", count: 1 << 20)
    let text = "step,\(name),other\n1,0.5,0.6\n2,0.4,0.5\n"
    let failure = error { _ = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv") }
    let message = try #require(failure?.description)
    #expect(message.utf8.count < 400, "\(message.prefix(500))")
    #expect(message.hasPrefix("log.csv, line 1: a name 1048576 bytes long ('nnnn"))
    #expect(message.hasSuffix("so this does not look like a log"))
    // The same in a JSON key, a JSON Lines key and a history's list name.
    // (A key past the first 64 KB says nothing about the format: the history is named.)
    for (name, text, format) in [
      ("trainer_state.json", "{\"log_history\": [{\"step\": 1, \"loss\": 1, \"\(name)\": 2}]}", nil),
      ("log.jsonl", "{\"step\": 1, \"\(name)\": 2}\n", nil),
      ("history.json", "{\"\(name)\": [1, 2]}", LogFormat.historyJSON),
    ] as [(String, String, LogFormat?)] {
      let failure = error {
        _ = try LogLoader().load(bytes: Array(text.utf8), name: name, format: format)
      }
      guard case .nameTooLong(_, let length, _) = failure else {
        Issue.record("\(name): \(String(describing: failure).prefix(200))")
        continue
      }
      #expect(length == 1 << 20)
    }
  }

  @Test func aHugeMLflowLineIsQuotedShort() throws {
    let text = "1 0.5 2 " + String(repeating: "9 ", count: 1 << 20)
    let failure = error {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "metrics/loss", format: .mlflow)
    }
    let message = try #require(failure?.description)
    #expect(message.utf8.count < 300)
  }

  @Test func tagsKeepTheirNamesInAFolderNamedLikeASplit() throws {
    // Ultralytics writes into runs/detect/train; its tags say their own split.
    let loaded = try Fixture.load("tensorboard/ultralytics/runs/detect/train")
    let log = loaded.log
    #expect(log.trainingEntries.map(\.step) == Array(1...8))
    let first = try #require(log.trainingEntries.first)
    // The training loss is the sum of box, cls and dfl losses, as the CSV reader makes it.
    let parts = [1.6 * 0.9, 2.4 * 0.8, 1.3 * 0.95]
    #expect(abs(first.loss - parts.reduce(0, +)) < 1e-5)
    #expect(abs((first.learningRate ?? 0) - 0.0033 * 0.9) < 1e-7)
    let evaluation = try #require(log.evaluationEntries.first)
    #expect(evaluation.loss != nil)
    #expect(evaluation.metrics["metrics/mAP50(B)"] != nil)
    #expect(evaluation.metrics["val/box_loss"] != nil)
  }

  @Test func kerasTagsInSplitFoldersStillNameTheirSplit() throws {
    let log = try Fixture.load("tensorboard/keras").log
    #expect(log.trainingEntries.count == 6)
    #expect(log.evaluationEntries.allSatisfy { $0.loss != nil })
  }

  @Test func aCompleteJSONDocumentIsNeverCalledCutShort() throws {
    let text = "{\n  \"step\": 1,\n  \"loss\": 0.5\n}\n"
    let failure = error {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: "log.jsonl")
    }
    let message = try #require(failure?.description)
    #expect(!message.contains("cut short"), "\(message)")
    #expect(message.contains("--format history-json"))
    // A file that really ends inside a record says so.
    let cut = "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"lo"
    let truncated = error { _ = try LogLoader().load(bytes: Array(cut.utf8), name: "log.jsonl") }
    #expect(truncated?.description.contains("cut short") == true)
  }
}
