import CurveCore
import Testing
import _CurveLabTestSupport

@testable import CurveIO

@Suite struct TensorBoardEventReaderTests {
  @Test func readsSimpleValuesOfSeveralTags() throws {
    let loaded = try Fixture.load("tensorboard/pytorch")
    let log = loaded.log
    #expect(log.metadata.format == "tensorboard")
    #expect(log.trainingEntries.map(\.step) == Array(stride(from: 10, through: 200, by: 10)))
    #expect(log.evaluationEntries.map(\.step) == [50, 100, 150, 200])
    #expect(agree(log.trainingEntries[0].learningRate, Double(Float(0.00095))))
    #expect(agree(log.evaluationEntries.last?.accuracy, Double(Float(0.85))))
    #expect(agree(log.evaluationEntries.last?.loss, Double(Float(0.322973043))))
    #expect(loaded.warnings.isEmpty)
  }

  @Test func readsAFileWrittenByTensorboardX() throws {
    let log = try Fixture.load("tensorboard/tensorboardx").log
    #expect(log.trainingEntries.count == 30)
    #expect(log.evaluationEntries.map(\.step) == [10, 20, 30])
    #expect(agree(log.evaluationEntries[0].loss, Double(Float(0.713417119032592))))
    #expect(agree(log.evaluationEntries[2].accuracy, Double(Float(0.8))))
    #expect(agree(log.trainingEntries[9].loss, Double(Float(0.6215178502084938))))
  }

  @Test func readsKerasTensorSummariesFromTrainAndValidationFolders() throws {
    let loaded = try Fixture.load("tensorboard/keras")
    let log = loaded.log
    #expect(log.metadata.stepUnit == .epoch)
    #expect(log.trainingEntries.map(\.step) == [1, 2, 3, 4, 5, 6])
    #expect(agree(log.trainingEntries[0].loss, Double(Float(0.7))))
    #expect(agree(log.trainingEntries[0].learningRate, Double(Float(0.001))))
    #expect(log.evaluationEntries.count == 6)
    #expect(agree(log.evaluationEntries[0].loss, Double(Float(0.72))))
    #expect(agree(log.evaluationEntries[0].accuracy, Double(Float(0.52))))
    #expect(agree(log.evaluationEntries[0].trainingAccuracy, Double(Float(0.55))))
    #expect(log.evaluationEntries[0].epoch == 1)
    #expect(loaded.warnings.contains { $0.contains("evaluation_loss_vs_iterations") })
  }

  @Test func toleratesATruncatedLastRecord() throws {
    let loaded = try Fixture.load("tensorboard/truncated")
    #expect(loaded.log.evaluationEntries.map(\.step) == [50, 100, 150])
    #expect(loaded.warnings.contains { $0.contains("the last record is incomplete") })
  }

  @Test func aChecksumMismatchNamesTheRecordAndOffset() throws {
    let error = try #require(Fixture.error("tensorboard/badcrc"))
    #expect(
      error
        == .checksumMismatch(
          LogLocation(
            file: Fixture.path(
              "tensorboard/badcrc/events.out.tfevents.1700000000.gpu-node.4242.0"),
            record: 4, byteOffset: 170), part: "data"))
    #expect(
      error.description.hasSuffix(
        "record 4 (byte 170): the data checksum does not match; the file is damaged"))
  }

  @Test func crc32cMatchesTheCastagnoliCheckValue() {
    #expect(CRC32C.checksum(Array("123456789".utf8), 0..<9) == 0xE306_9283)
  }

  @Test func halfPrecisionValuesWiden() {
    #expect(TensorBoardEvent.halfToFloat(0x3C00) == 1)
    #expect(TensorBoardEvent.halfToFloat(0xC000) == -2)
    #expect(TensorBoardEvent.halfToFloat(0x7C00) == .infinity)
    #expect(TensorBoardEvent.halfToFloat(0x7E00).isNaN)
  }
}
