import CurveCore
import CurveSim
import CurveDiagnosis
import CurveExercises
import JSONCoding

extension GeneratedExercise {
  /// The exercise's entry in `key.json`.
  var keyJSON: JSONValue {
    let key = solved.key
    let grade = keyGrade
    func explanation(_ name: String) -> JSONValue {
      .string(grade.items.first { $0.question.name == name }?.explanation ?? "")
    }
    var members: [(key: String, value: JSONValue)] = [
      ("id", .string(id)),
      ("scenario", .string(scenario.rawValue)),
      ("command", .string(recipe.commandLine)),
      ("recipe", recipe.json),
      (
        "data",
        [
          "trainer_state": .string("\(dataFolder)/trainer_state.json"),
          "csv": .string("\(dataFolder)/log.csv"),
        ]
      ),
      ("questions", .array(solved.exercise.questions.map { .string($0.name) })),
      ("pattern", ["answer": .string(key.pattern.rawValue), "explanation": explanation("pattern")]),
    ]
    if let keep = key.keep, solved.exercise.questions.contains(.keepStep) {
      members.append(
        (
          "stop",
          [
            "answer": .integer(Int64(keep.step)),
            "validation_loss": .double(keep.loss),
            "accepted_steps": .array(key.acceptedKeepSteps.map { .integer(Int64($0)) }),
            "half_credit_steps": .array(key.nearKeepSteps.map { .integer(Int64($0)) }),
            "tolerance": .string(key.keepToleranceDescription ?? Self.stopTolerance),
            "loss_tolerance": key.keepLossTolerance.map(JSONValue.double) ?? .null,
            "explanation": explanation("stop"),
          ]
        ))
    }
    if let cause = key.causeAnswer, let causeOptions, solved.exercise.questions.contains(.cause) {
      members.append(
        (
          "cause",
          [
            "letter": .string(causeOptions.letter(of: cause.answer) ?? ""),
            "answer": .string(cause.answer.rawValue),
            "named_by_engine": .bool(cause.isNamed),
            "also_right": .array(cause.alsoRight.map { .string($0.rawValue) }),
            "half_credit": .array(cause.halfCredit.map { .string($0.rawValue) }),
            "options": .array(
              causeOptions.choices.enumerated().map { index, cause in
                [
                  "letter": .string(CauseOptions.letter(at: index)),
                  "cause": .string(cause.rawValue),
                  "title": .string(cause.plainWords.capitalisingFirstLetter),
                ]
              }),
            "explanation": explanation("cause"),
          ]
        ))
    }
    members.append(
      (
        "remedy",
        [
          "letter": .string(options.letter(of: key.remedy) ?? ""),
          "answer": .string(key.remedy.rawValue),
          "half_credit": .array(key.otherRemedies.map { .string($0.rawValue) }),
          "options": .array(
            options.actions.enumerated().map { index, action in
              [
                "letter": .string(RemedyOptions.letter(at: index)),
                "action": .string(action.rawValue),
                "title": .string(action.title),
              ]
            }),
          "explanation": explanation("remedy"),
        ]
      ))
    for question in solved.exercise.questions {
      switch question {
      case .setSize:
        members.append(
          (
            "set_size",
            [
              "answer": key.setSize.map { .integer(Int64($0)) } ?? .null,
              "tolerance": .string("within \(Int(ExerciseKey.setSizeTolerance * 100))% counts as right"),
              "explanation": explanation("set-size"),
            ]
          ))
      case .patienceStop(let patience):
        members.append(
          (
            "patience_stop",
            [
              "patience": .integer(Int64(patience)),
              "answer": key.patienceStop?.stopStep.map { .integer(Int64($0)) } ?? .null,
              "kept_step": key.patienceStop?.keptStep.map { .integer(Int64($0)) } ?? .null,
              "explanation": explanation("patience-stop"),
            ]
          ))
      case .pattern, .keepStep, .remedy, .cause: break
      }
    }
    return .object(members)
  }
}

extension RunRecipe {
  /// The recipe as JSON: scenario, seed, the cause when one was asked for, and settings in
  /// order.
  var json: JSONValue {
    var members: [(key: String, value: JSONValue)] = [
      ("scenario", .string(scenario.rawValue)),
      ("seed", .integer(Int64(bitPattern: seed))),
    ]
    if let cause { members.append(("cause", .string(cause.rawValue))) }
    members.append(
      ("settings", .array(settings.map { .array([.string($0.knob.rawValue), .string($0.value)]) })))
    return .object(members)
  }

  /// Reads ``json`` back.
  init?(json: JSONValue) {
    guard let name = json["scenario"]?.stringValue, let scenario = Scenario(rawValue: name),
      let seed = json["seed"]?.integerValue, let list = json["settings"]?.arrayValue
    else { return nil }
    var settings: [Setting] = []
    for item in list {
      guard let knobName = item[0]?.stringValue, let knob = Knob(rawValue: knobName),
        let value = item[1]?.stringValue
      else { return nil }
      settings.append(Setting(knob, value))
    }
    var cause: Cause?
    if let name = json["cause"]?.stringValue {
      guard let named = Cause(rawValue: name), scenario.causes.contains(named) else { return nil }
      cause = named
    }
    self.init(scenario: scenario, seed: UInt64(bitPattern: seed), cause: cause, settings: settings)
  }
}
