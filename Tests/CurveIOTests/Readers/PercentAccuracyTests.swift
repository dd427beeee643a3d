import CurveCore
import CurveIO
import Testing

/// Accuracies in percent are read as fractions by one rule, per series.
@Suite struct PercentAccuracyTests {
  private func load(_ text: String, name: String = "log.csv") throws -> LoadedLog {
    try LogLoader().load(bytes: Array(text.utf8), name: name)
  }

  @Test func aSeriesAbove1AndWithin100IsAPercentage() throws {
    let loaded = try load("epoch,loss,val_loss,val_accuracy\n0,0.9,0.8,52.5\n1,0.7,0.6,97.5\n")
    #expect(loaded.log.evaluationEntries.map(\.accuracy) == [0.525, 0.975])
    #expect(loaded.warnings == ["log.csv: val_accuracy looks like a percentage (max 97.5); read as fractions"])
  }

  @Test func fractionsAreLeftAlone() throws {
    let loaded = try load("epoch,loss,val_loss,val_accuracy\n0,0.9,0.8,0.5\n1,0.7,0.6,1.0\n")
    #expect(loaded.log.evaluationEntries.map(\.accuracy) == [0.5, 1.0])
    #expect(loaded.warnings.isEmpty)
  }

  @Test func aRoundingErrorPast1IsNotAPercentage() throws {
    let loaded = try load("epoch,loss,val_loss,val_accuracy\n0,0.9,0.8,0.5\n1,0.7,0.6,1.0000000000000002\n")
    #expect(loaded.log.evaluationEntries.last?.accuracy == 1.0000000000000002)
    #expect(loaded.warnings.isEmpty)
  }

  @Test func aCountNamedLikeAnAccuracyIsKeptAsLoggedWithAWarning() throws {
    // 9,750 correct of 10,000: beyond 100, so neither fractions nor percent.
    let loaded = try load("epoch,loss,val_loss,val_acc\n0,0.9,0.8,8120\n1,0.7,0.6,9750\n")
    #expect(loaded.log.evaluationEntries.map(\.accuracy) == [8120, 9750])
    #expect(
      loaded.warnings
        == [
          "log.csv: val_acc is named like an accuracy but holds values from 8120 to 9750, "
            + "neither fractions nor percentages; kept as logged"
        ])
  }

  @Test func countsNotNamedLikeAnAccuracyAreNotTouched() throws {
    let loaded = try load("epoch,loss,val_loss,num_correct,val_top5_acc\n0,0.9,0.8,40,81\n1,0.7,0.6,47,93\n")
    let last = try #require(loaded.log.evaluationEntries.last)
    #expect(last.metrics["num_correct"] == 47)
    #expect(last.metrics["val_top5_acc"] == 0.93)
    #expect(loaded.warnings == ["log.csv: val_top5_acc looks like a percentage (max 93); read as fractions"])
  }

  @Test func eachSeriesIsJudgedOnItsOwn() throws {
    let loaded = try load(
      "epoch,loss,accuracy,val_loss,val_accuracy\n0,0.9,0.61,0.8,55\n1,0.7,0.8,0.6,71.25\n")
    #expect(loaded.log.evaluationEntries.map(\.trainingAccuracy) == [0.61, 0.8])
    #expect(loaded.log.evaluationEntries.map(\.accuracy) == [0.55, 0.7125])
  }

  @Test func aTrainerStateInPercentIsReadAsFractions() throws {
    let text = #"{"log_history":[{"eval_loss":0.6,"eval_accuracy":81.5,"step":10},{"eval_loss":0.5,"eval_accuracy":88,"step":20}]}"#
    let loaded = try load(text, name: "trainer_state.json")
    #expect(loaded.log.evaluationEntries.map(\.accuracy) == [0.815, 0.88])
    #expect(loaded.warnings == ["trainer_state.json: eval_accuracy looks like a percentage (max 88); read as fractions"])
  }
}
