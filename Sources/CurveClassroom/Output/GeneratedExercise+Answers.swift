import CurveDiagnosis
import CurveExercises

extension GeneratedExercise {
  /// The engine's own answers, graded: each item carries the explanation of its question.
  var keyGrade: ExerciseGrade {
    let key = solved.key
    let answer = ExerciseAnswer(
      pattern: key.pattern, keepStep: key.keep?.step, remedy: key.remedy, setSize: key.setSize,
      patienceStop: key.patienceStop?.stopStep ?? solved.log.evaluationEntries.last?.step,
      cause: key.causeAnswer?.answer)
    return solved.grade(answer, policy: .weighted)
  }

  /// The relative folder of the exercise's data: `exercises/ex-001`.
  var dataFolder: String { "exercises/\(id)" }

  /// Evaluation steps, for the worksheet's hint: "every 20 steps" or a short list.
  var evaluationCadence: String {
    let steps = solved.log.evaluationEntries.map(\.step)
    guard steps.count >= 2 else { return "\(steps.count) evaluation" }
    let gaps = Set(zip(steps, steps.dropFirst()).map { $1 - $0 })
    if gaps.count == 1, let gap = gaps.first {
      return "\(steps.count) evaluations, every \(gap) steps (first at step \(steps[0]))"
    }
    return "\(steps.count) evaluations, from step \(steps[0]) to step \(steps[steps.count - 1])"
  }

  /// The tolerance of the stop question, in words.
  static var stopTolerance: String { ExerciseKey.keepRule }

  /// The prompt of `question` as numbered on the worksheet.
  func prompt(_ question: Exercise.Question) -> String {
    switch question {
    case .keepStep:
      question.prompt
        + (solved.key.keepLossTolerance.map {
          " (A checkpoint whose validation loss is within \(Format.number($0)) of the lowest counts.)"
        } ?? "")
    case .setSize:
      question.prompt + " (Within \(Int(ExerciseKey.setSizeTolerance * 100))% counts.)"
    default: question.prompt
    }
  }
}
