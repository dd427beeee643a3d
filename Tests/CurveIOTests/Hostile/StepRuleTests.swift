import CurveCore
import CurveIO
import Foundation
import Testing

/// Steps and epochs outside `0...2^53` are errors that name the file, the place and the field,
/// in every format; repeats and stuck counters follow the one documented rule.
@Suite struct StepRuleTests {
  private func error(_ text: String, name: String, format: LogFormat? = nil) -> LogReadError? {
    do {
      _ = try LogLoader().load(bytes: Array(text.utf8), name: name, format: format)
      return nil
    } catch {
      return error
    }
  }

  @Test func theFiftyByteTrainerStateOfTheIssueIsAnErrorNotACrash() throws {
    let text = #"{"log_history":[{"eval_loss":1,"step":9223372036854775807}]}"#
    let failure = try #require(error(text, name: "trainer_state.json"))
    #expect(
      failure
        == .stepOutOfRange(
          "9223372036854775807", field: "step",
          at: LogLocation(file: "trainer_state.json", line: 1, column: 39)))
    #expect(
      failure.description
        == "trainer_state.json, line 1, column 39: 'step' 9223372036854775807 is out of range; "
        + "steps and epochs run from 0 to 2^53 (9007199254740992)")
  }

  @Test func theTwentyFiveByteMLflowLineOfTheIssueIsAnErrorNotACrash() throws {
    let text = "1 0.5 9223372036854775807"
    #expect(text.utf8.count == 25)
    let failure = try #require(error(text, name: "mlruns/0/abc/metrics/val_loss", format: .mlflow))
    #expect(
      failure
        == .stepOutOfRange(
          "9223372036854775807", field: "step",
          at: LogLocation(file: "mlruns/0/abc/metrics/val_loss", line: 1, columnName: "step")))
    // Past Int64 too: still the same error, not "not a number".
    let beyond = try #require(
      error("1 0.5 99999999999999999999", name: "metrics/loss", format: .mlflow))
    #expect(beyond.description.contains("99999999999999999999 is out of range"))
  }

  /// Impossible steps and epochs in each format, and the words the message must hold.
  static let cases: [(name: String, text: String, format: LogFormat?, expected: [String])] = [
    (
      "trainer_state.json", #"{"log_history":[{"loss":0.5,"step":-3}]}"#, nil,
      ["line 1", "'step' -3 is out of range"]
    ),
    (
      "trainer_state.json", #"{"log_history":[{"loss":0.5,"step":2.5}]}"#, nil,
      ["'step' 2.5 is not a whole number"]
    ),
    (
      "trainer_state.json",
      "{\"log_history\": [\n {\"loss\": 0.5, \"step\": 1, \"epoch\": Infinity}\n]}", nil,
      ["line 2, column 36", "'epoch' Infinity is out of range"]
    ),
    (
      "trainer_state.json",
      "{\"log_history\": [\n {\"eval_loss\": 0.5, \"step\": 1, \"epoch\": 1e19}\n]}", nil,
      ["line 2", "'epoch' 1e+19 is out of range"]
    ),
    (
      "trainer_state.json",
      "{\"log_history\": [{\"eval_loss\": 0.5, \"step\": 1, \"epoch\": NaN}]}", nil,
      ["'epoch' NaN is out of range"]
    ),
    ("log.csv", "step,loss,val_loss\n1,0.5,0.6\n1e19,0.4,0.5\n", nil, ["line 3", "column 'step'"]),
    ("history.csv", "epoch,loss,val_loss\n0,0.5,0.6\n-4,0.4,0.5\n", nil, ["line 3", "-4 is out"]),
    (
      "metrics.csv", "epoch,step,train_loss,val_loss\n0,9223372036854775807,0.5,\n", nil,
      ["line 2", "column 'step'"]
    ),
    (
      "log.csv", "step,epoch,loss,val_loss\n1,0.5,0.5,0.6\n2,inf,0.4,0.5\n", nil,
      ["line 3", "column 'epoch'", "Infinity is out of range"]
    ),
    (
      "metrics.jsonl", "{\"step\": 9223372036854775807, \"loss\": 0.5}\n", nil,
      ["line 1", "column 'step'"]
    ),
    (
      "run.json",
      #"{"format":"curvelab-log","version":1,"training":[{"step":-1,"loss":0.5}]}"#, nil,
      ["'step' -1 is out of range"]
    ),
    (
      "run.json",
      #"{"format":"curvelab-log","version":1,"evaluation":[{"step":1,"loss":0.5,"epoch":1e300}]}"#,
      nil, ["'epoch'", "is out of range"]
    ),
    (
      "run-.-tag-val_loss.csv", "Wall time,Step,Value\n1.0,9.3e18,0.5\n", nil,
      ["line 2", "column 'Step'"]
    ),
  ]

  @Test(arguments: cases.indices)
  func impossibleStepsAndEpochsAreErrorsNamingThePlace(index: Int) throws {
    let example = Self.cases[index]
    let failure = try #require(
      error(example.text, name: example.name, format: example.format), "\(example.text)")
    let message = failure.description
    #expect(message.hasPrefix(example.name), "\(message)")
    for words in example.expected {
      #expect(message.contains(words), "\(message) lacks \(words)")
    }
  }

  @Test func aTensorBoardEpochTagAtTheLargestStepIsAnErrorNamingTheRecord() throws {
    let failure = try #require(Fixture.error("tensorboard/huge-step"))
    guard case .stepOutOfRange(let text, let field, let place) = failure else {
      Issue.record("unexpected error \(failure)")
      return
    }
    #expect(text == "9223372036854775807")
    #expect(field == "step")
    #expect(place.record == 5)
    #expect(place.byteOffset == 242)
  }

  @Test func theLargestStepIsStillRead() throws {
    let text = "step,loss,val_loss\n1,0.5,0.6\n9007199254740992,0.4,0.5\n"
    let log = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv").log
    #expect(log.trainingEntries.map(\.step) == [1, 9_007_199_254_740_992])
  }

  @Test func manyEvaluationsAtOneStepGiveOneWarningAndKeepTheFirst() throws {
    var text = "{\"log_history\": [\n"
    for index in 0..<10_000 {
      text += "{\"eval_loss\": \(Double(index) / 10_000 + 0.5), \"step\": 5},\n"
    }
    text += "{\"loss\": 0.7, \"step\": 5}\n]}"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "trainer_state.json")
    #expect(loaded.log.evaluationEntries.count == 1)
    #expect(loaded.log.evaluationEntries[0].loss == 0.5)
    let repeats = loaded.warnings.filter { $0.contains("repeat") }
    #expect(repeats.count == 1)
    #expect(
      repeats.first
        == "trainer_state.json: 9999 evaluation records repeat a step already evaluated (the "
        + "first at step 5, line 3); kept the first record at each step")
  }

  @Test func rowsRepeatingAStepKeepTheFirstValueWithOneWarning() throws {
    let text = "step,loss,val_loss\n10,0.9,\n10,0.8,0.7\n20,0.6,\n20,0.5,0.4\n20,0.3,\n"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "log.csv")
    #expect(loaded.log.trainingEntries.map(\.loss) == [0.9, 0.6])
    #expect(loaded.log.evaluationEntries.map(\.loss) == [0.7, 0.4])
    #expect(
      loaded.warnings
        == [
          "log.csv: 3 rows logged values again at a step that already had them (the first at "
            + "step 10, line 3); kept the first value of each"
        ])
  }

  @Test func anEpochThatNeverAdvancesIsReadInRowOrder() throws {
    let loaded = try Fixture.load("shapes/keras-stuck-epoch/training.log")
    #expect(loaded.log.trainingEntries.map(\.step) == Array(1...8))
    #expect(loaded.log.evaluationEntries.map(\.step) == Array(1...8))
    #expect(loaded.log.evaluationEntries.map(\.epoch) == (1...8).map { Double($0) })
    #expect(loaded.log.trainingEntries[0].loss > loaded.log.trainingEntries[7].loss)
    #expect(
      loaded.warnings.contains {
        $0.hasSuffix("the epoch is 0 on every row (a logger created anew each time writes "
          + "that); read the 8 rows in order as epochs 1 to 8")
      })
  }

  @Test func rowsThatOnlyComplementEachOtherAtOneStepStayOneStep() throws {
    let text = "epoch,step,train_loss_epoch,val_loss\n0,99,0.5,\n0,99,,0.6\n"
    let loaded = try LogLoader().load(bytes: Array(text.utf8), name: "metrics.csv")
    #expect(loaded.log.trainingEntries.map(\.step) == [100])
    #expect(loaded.log.evaluationEntries.map(\.step) == [100])
    #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
  }
}
