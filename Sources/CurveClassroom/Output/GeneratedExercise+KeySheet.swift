import CurveDiagnosis
import CurveExercises
import HTMLDocument

extension GeneratedExercise {
  /// The exercise's row of a printed answer key: its id, the pattern, the step to
  /// keep with the accepted and half-credit steps, the cause's and the remedy's letters and
  /// words, and the answers to optional questions.
  func keyRow() -> [HTMLNode] {
    let key = solved.key
    let questions = solved.exercise.questions
    var stop: HTMLNode = .text("not asked")
    if questions.contains(.keepStep), let keep = key.keep {
      var text = " (accepted: \(Self.list(key.acceptedKeepSteps))"
      if !key.nearKeepSteps.isEmpty { text += "; half: \(Self.list(key.nearKeepSteps))" }
      stop = .group([.strong(.text(String(keep.step))), .text(text + ")")])
    }
    var cause: HTMLNode = .text("not asked")
    if questions.contains(.cause), let answer = key.causeAnswer {
      var text = " " + answer.answer.plainWords
      if !answer.alsoRight.isEmpty {
        text += "; also right: " + answer.alsoRight.map(\.rawValue).joined(separator: ", ")
      }
      if !answer.halfCredit.isEmpty {
        text += "; half: " + answer.halfCredit.map(\.rawValue).joined(separator: ", ")
      }
      cause = .group([.strong(.text(causeOptions?.letter(of: answer.answer) ?? "?")), .text(text)])
    }
    let letter = options.letter(of: key.remedy) ?? "?"
    var remedy: [HTMLNode] = [.strong(.text(letter)), .text(" " + key.remedy.title)]
    if !key.otherRemedies.isEmpty {
      remedy.append(.text("; half: " + key.otherRemedies.map(\.rawValue).joined(separator: ", ")))
    }
    var other: [String] = []
    for question in questions {
      switch question {
      case .setSize: other.append("set size \(key.setSize.map(String.init) ?? "unknown") (±10%)")
      case .patienceStop(let patience):
        other.append(
          "patience \(patience) stops at \(key.patienceStop?.stopStep.map(String.init) ?? "never")")
      case .pattern, .keepStep, .remedy, .cause: break
      }
    }
    return [
      .text(id), .strong(.text(key.pattern.rawValue)), stop, cause, .group(remedy),
      .text(other.joined(separator: "; ")),
    ]
  }

  /// Steps as a list: `40, 80, 120`.
  static func list(_ steps: [Int]) -> String {
    steps.map(String.init).joined(separator: ", ")
  }
}
