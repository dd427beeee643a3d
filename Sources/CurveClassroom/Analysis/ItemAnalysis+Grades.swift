import CurveCore
import CurveDiagnosis
import CurveExercises

extension ItemAnalysis {
  /// The analysis of a class graded against `key`. Students with no answer at all are left
  /// out (they did not sit the set); blank answers of the others count as 0.
  ///
  /// The items are every question any student was asked, exercise by exercise in key order:
  /// with a variant per student, an exercise may ask the stop question of one student (their
  /// run has a checkpoint worth keeping) and not of another, who is then left out of that
  /// item's figures.
  ///
  /// Remedies are counted by name, and by letter too when every student saw the same letters
  /// (a class set without variants).
  public init(grades: ClassGrades, key: GradingKey) {
    let sitting = grades.students.filter(\.hasAnswers)
    // The items: per exercise, the questions asked of anyone, merged in the order asked.
    var exercises: [String] = []
    var asked: [String: [Exercise.Question]] = [:]
    var maxima: [ItemID: Double] = [:]
    for student in sitting {
      for (exercise, grade) in student.grades {
        if asked[exercise] == nil { exercises.append(exercise) }
        var questions = asked[exercise] ?? []
        var position = 0
        for item in grade.items {
          if let found = questions.firstIndex(of: item.question) {
            position = found + 1
          } else {
            questions.insert(item.question, at: position)
            position += 1
          }
          maxima[ItemID(exercise: exercise, question: item.question)] = item.maximum
        }
        asked[exercise] = questions
      }
    }
    let ids = exercises.flatMap { exercise in
      asked[exercise, default: []].map { ItemID(exercise: exercise, question: $0) }
    }
    let column = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    let labels = ids.map { ($0.exercise, $0.question.name, maxima[$0] ?? 0) }
    let options = ids.map { id -> ((String) -> String?)? in
      guard let item = key.shared?.first(where: { $0.id == id.exercise }) else { return nil }
      switch id.question {
      case .remedy:
        return { Remedy.Action(rawValue: $0).flatMap(item.options.letter(of:)) }
      case .cause:
        return { name in Cause(rawValue: name).flatMap { item.causeOptions?.letter(of: $0) } }
      default: return nil
      }
    }

    var keyed = [Set<String>](repeating: [], count: ids.count)
    var scores: [[Double?]] = []
    var choices: [[String?]] = []
    for student in sitting {
      var row = [Double?](repeating: nil, count: ids.count)
      var chosen = [String?](repeating: nil, count: ids.count)
      for (exercise, grade) in student.grades {
        for mark in grade.items {
          let index = column[ItemID(exercise: exercise, question: mark.question)]!
          row[index] = mark.points
          chosen[index] = Self.choice(mark, letter: options[index])
          switch mark.question {
          case .pattern, .remedy, .cause:
            var written = mark
            written.given = mark.expected
            keyed[index].insert(Self.choice(written, letter: options[index]))
          default: keyed[index].insert("right")
          }
        }
      }
      scores.append(row)
      choices.append(chosen)
    }
    self.init(
      labels: labels, students: sitting.map(\.id), scores: scores, choices: choices,
      keyed: keyed)
  }

  /// One item: a question of an exercise.
  private struct ItemID: Hashable {
    var exercise: String
    var question: Exercise.Question
  }

  /// How an answer is counted: the pattern, cause or remedy named (a cause or remedy with its
  /// letter when `letter`, the options' letters, are everyone's), or for a number whether it
  /// was right, half right or wrong.
  private static func choice(_ mark: ExerciseGrade.Item, letter: ((String) -> String?)?) -> String {
    guard !mark.given.isEmpty else { return "blank" }
    switch mark.question {
    case .pattern:
      return Pattern(rawValue: mark.given) != nil ? mark.given : "unreadable"
    case .remedy, .cause:
      let isKnown = mark.question == .remedy
        ? Remedy.Action(rawValue: mark.given) != nil : Cause(rawValue: mark.given) != nil
      guard isKnown else { return "unreadable" }
      return letter?(mark.given).map { "\($0) \(mark.given)" } ?? mark.given
    default:
      return mark.credit >= 1 ? "right" : mark.credit > 0 ? "half" : "wrong"
    }
  }
}
