import JSONCoding

extension CourseProgress {
  /// The progress as the file stores it, keys in a fixed order.
  var json: JSONValue {
    var lessonsObject: [(String, JSONValue)] = []
    for (id, state) in lessons.sorted(by: { $0.key < $1.key }) {
      lessonsObject.append((id, ["finished": .bool(state.isFinished), "page": .integer(Int64(state.page))]))
    }
    var quizObject: [(String, JSONValue)] = []
    for (name, state) in quizzes.sorted(by: { $0.key < $1.key }) {
      var entry: [(String, JSONValue)] = [
        ("attempts", .integer(Int64(state.attempts))), ("best", .integer(Int64(state.best))),
        ("questions", .integer(Int64(state.questionCount))),
      ]
      if let unfinished = state.unfinished {
        entry.append(
          ("unfinished", [
            "seed": .string(String(unfinished.seed)),
            "answers": .array(unfinished.answers.map { .string($0) }),
          ]))
      }
      quizObject.append((name, .object(entry)))
    }
    var exerciseObject: [(String, JSONValue)] = []
    for (id, state) in exercises.sorted(by: { $0.key < $1.key }) {
      var entry: [(String, JSONValue)] = [
        ("attempts", .integer(Int64(state.attempts))), ("best", .double(state.best)),
      ]
      if let answer = state.lastAnswer { entry.append(("last_answer", .string(answer))) }
      exerciseObject.append((id, .object(entry)))
    }
    var predictionObject: [(String, JSONValue)] = []
    for (id, state) in predictions.sorted(by: { $0.key < $1.key }) {
      predictionObject.append((id, ["choice": .string(state.choice), "right": .bool(state.isRight)]))
    }
    var root: [(String, JSONValue)] = [("format", .integer(Int64(Self.format)))]
    if let lastLesson { root.append(("last_lesson", .string(lastLesson))) }
    root += [
      ("lessons", .object(lessonsObject)), ("quizzes", .object(quizObject)),
      ("exercises", .object(exerciseObject)), ("predictions", .object(predictionObject)),
    ]
    return .object(root)
  }

  init(json: JSONValue) throws(ProgressStore.Damage) {
    guard json.objectValue != nil, let format = json["format"]?.integerValue else {
      throw ProgressStore.Damage(reason: "it is JSON but not CurveLab progress", isOurs: false)
    }
    guard format == Int64(Self.format) else {
      throw ProgressStore.Damage(
        reason: format > Int64(Self.format)
          ? "it was written by a newer CurveLab (format \(format))" : "its format \(format) is unknown",
        isOurs: format < Int64(Self.format))
    }
    lastLesson = json["last_lesson"]?.stringValue
    for (id, value) in json["lessons"]?.objectValue ?? [] {
      lessons[id] = LessonState(
        isFinished: value["finished"]?.boolValue ?? false,
        page: Self.count(value["page"]))
    }
    for (name, value) in json["quizzes"]?.objectValue ?? [] {
      var state = QuizState(
        attempts: Self.count(value["attempts"]), best: Self.count(value["best"]),
        questionCount: Self.count(value["questions"]))
      if let unfinished = value["unfinished"], let seedText = unfinished["seed"]?.stringValue,
        let seed = UInt64(seedText)
      {
        state.unfinished = QuizState.Unfinished(
          seed: seed, answers: (unfinished["answers"]?.arrayValue ?? []).compactMap(\.stringValue))
      }
      quizzes[name] = state
    }
    for (id, value) in json["exercises"]?.objectValue ?? [] {
      exercises[id] = ExerciseState(
        attempts: Self.count(value["attempts"]), best: value["best"]?.doubleValue ?? 0,
        lastAnswer: value["last_answer"]?.stringValue)
    }
    for (id, value) in json["predictions"]?.objectValue ?? [] {
      guard let choice = value["choice"]?.stringValue else { continue }
      predictions[id] = PredictionState(choice: choice, isRight: value["right"]?.boolValue ?? false)
    }
  }

  /// A count from the file: a whole number from 0 up to a billion, else 0.
  private static func count(_ value: JSONValue?) -> Int {
    guard let number = value?.integerValue, (0...1_000_000_000).contains(number) else { return 0 }
    return Int(number)
  }
}
