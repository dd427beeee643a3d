import CurveDiagnosis
import CurveExercises

extension GeneratedExercise {
  /// The exercise's worked solution for `solutions.md`: the reasoning, step by step, from the
  /// engine's evidence, and what the remedy does when simulated.
  func solutionMarkdown(number: Int) -> String {
    let key = solved.key
    let diagnosis = solved.diagnosis
    let grade = keyGrade
    func explanation(_ question: Exercise.Question) -> String {
      grade.items.first { $0.question == question }?.explanation ?? ""
    }
    var text = "## Exercise \(number) (\(id)): \(key.pattern.rawValue)\n\n"
    text += "Rerun it: `\(recipe.commandLine)`\n\n"
    var position = 0
    for question in solved.exercise.questions {
      position += 1
      switch question {
      case .pattern:
        text += "\(position). **Pattern: \(key.pattern.rawValue).** \(diagnosis.headline)\n"
        for evidence in diagnosis.evidence {
          text += "   - \(evidence.meaning)\n"
        }
      case .keepStep:
        let answer = key.keep.map { "step \($0.step)" } ?? "none"
        text += "\(position). **Stop: \(answer).** \(explanation(question))"
        text += " Accepted steps: \(key.acceptedKeepSteps.map(String.init).joined(separator: ", ")).\n"
      case .remedy:
        let letter = options.letter(of: key.remedy) ?? "?"
        text += "\(position). **Remedy: \(letter), \(key.remedy.title).** \(explanation(question))\n"
        for remedy in diagnosis.remedies {
          text += "   - \(remedy.action.rawValue): \(remedy.text)\n"
        }
      case .cause:
        let answer = key.causeAnswer
        let letter = answer.flatMap { causeOptions?.letter(of: $0.answer) } ?? "?"
        text += "\(position). **Cause: \(letter), \(answer?.answer.plainWords ?? "not asked").** "
        text += explanation(question) + "\n"
      case .setSize:
        text += "\(position). **Evaluation set: \(key.setSize.map(String.init) ?? "unknown") examples.** "
        text += explanation(question) + "\n"
      case .patienceStop(let patience):
        let stop = key.patienceStop?.stopStep.map { "step \($0)" } ?? "never"
        text += "\(position). **Patience \(patience) stops at: \(stop).** \(explanation(question))\n"
      }
    }
    text += "\n"
    if let trial {
      text += "**The remedy, simulated.** The same run with \(trial.action.rawValue) "
      text += "(`\(trial.recipe.commandLine)`): the engine now reads "
      text += "**\(trial.pattern.rawValue)**. \(trial.headline) "
      text += "Lowest validation loss \(Format.number(trial.bestLoss.before)) → "
      text += "\(Format.number(trial.bestLoss.after)) (\(change(trial.bestLoss))); last "
      text += "\(Format.number(trial.finalLoss.before)) → \(Format.number(trial.finalLoss.after)) "
      text += "(\(change(trial.finalLoss))).\n\n"
    } else {
      text += "**The remedy, simulated.** The engine's advice is to keep the setup, so there is "
      text += "nothing to rerun.\n\n"
    }
    return text
  }

  private func change(_ pair: (before: Double, after: Double)) -> String {
    guard pair.before.isFinite, pair.after.isFinite, pair.before != 0 else { return "n/a" }
    let percent = ((pair.after - pair.before) / abs(pair.before) * 1000).rounded() / 10
    return (percent > 0 ? "+" : "") + "\(percent)%"
  }
}
