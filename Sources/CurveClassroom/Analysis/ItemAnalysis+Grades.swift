import CurveDiagnosis
import CurveExercises

extension ItemAnalysis {
  /// The analysis of a class graded against `key`. Students with no answer at all are left
  /// out (they did not sit the set); blank answers of the others count as 0.
  ///
  /// Remedies are counted by name, and by letter too when every student saw the same letters
  /// (a class set without variants).
  public init(grades: ClassGrades, key: GradingKey) {
    let sitting = grades.students.filter(\.hasAnswers)
    let first = sitting.first ?? grades.students.first
    var labels: [(exercise: String, question: String, maximum: Double)] = []
    var options: [RemedyOptions?] = []
    for (exercise, grade) in first?.grades ?? [] {
      let shared = key.shared?.first { $0.id == exercise }?.options
      for item in grade.items {
        labels.append((exercise, item.question.name, item.maximum))
        options.append(item.question == .remedy ? shared : nil)
      }
    }
    var keyed = [Set<String>](repeating: [], count: labels.count)
    var scores: [[Double]] = []
    var choices: [[String]] = []
    for student in sitting {
      let marks = student.grades.flatMap(\.grade.items)
      guard marks.count == labels.count else { continue }
      scores.append(marks.map(\.points))
      choices.append(marks.indices.map { Self.choice(marks[$0], options: options[$0]) })
      for (column, mark) in marks.enumerated() {
        switch mark.question {
        case .pattern, .remedy:
          var written = mark
          written.given = mark.expected
          keyed[column].insert(Self.choice(written, options: options[column]))
        default: keyed[column].insert("right")
        }
      }
    }
    self.init(
      labels: labels, students: sitting.map(\.id), scores: scores, choices: choices,
      keyed: keyed)
  }

  /// How an answer is counted: the pattern or remedy named (a remedy with its letter when
  /// `options` are everyone's), or for a number whether it was right, half right or wrong.
  private static func choice(_ mark: ExerciseGrade.Item, options: RemedyOptions?) -> String {
    guard !mark.given.isEmpty else { return "blank" }
    switch mark.question {
    case .pattern:
      return Pattern(rawValue: mark.given) != nil ? mark.given : "unreadable"
    case .remedy:
      guard let action = Remedy.Action(rawValue: mark.given) else { return "unreadable" }
      return options?.letter(of: action).map { "\($0) \(action.rawValue)" } ?? action.rawValue
    default:
      return mark.credit >= 1 ? "right" : mark.credit > 0 ? "half" : "wrong"
    }
  }
}
