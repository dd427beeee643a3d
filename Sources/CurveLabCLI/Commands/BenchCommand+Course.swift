import CurveCourse
import Dispatch
import Foundation

extension BenchCommand {
  /// Times drawing every lesson and the course check, and prepares the quiz for many seeds:
  /// how often the engine keys every curve question, and where the correct letters fall.
  func studyCourse(context: CommandContext, output: inout some TextOutputStream) {
    guard let root = Course.locate(explicit: nil, environment: context.environment),
      let course = try? Course(root: root)
    else {
      output.write("Course: no course found (run from the CurveLab folder); skipped\n")
      return
    }
    var start = DispatchTime.now().uptimeNanoseconds
    let lineCount = course.readLessons().lessons.reduce(0) { $0 + $1.render(style: FigureStyle()).count }
    let drawing = seconds(since: start)
    start = DispatchTime.now().uptimeNanoseconds
    let report = CourseCheck(course: course, quizSeeds: 20).run()
    let checking = seconds(since: start)
    output.write("Course: \(course.lessons.count) lessons drawn in \(round2(drawing)) s (\(lineCount) lines at 80 columns)\n")
    output.write("  curvelab check (20 quiz seeds): \(round2(checking)) s, \(report.errors.count) problems\n")

    guard let relative = course.quizzes.first, let text = try? Course.read(course.path(relative)),
      let quiz = QuizFile.parse(text, fileName: relative).file
    else { return }
    start = DispatchTime.now().uptimeNanoseconds
    let seeds = (1...quizSeedCount).map(UInt64.init)
    let plans = seeds.map { seed in Result { try QuizPlan(file: quiz, seed: seed) } }
    let planning = seconds(since: start)
    var failures: [String] = []
    var letters: [Int: Int] = [:]
    var curveLetters: [Int: Int] = [:]
    for (seed, plan) in zip(seeds, plans) {
      switch plan {
      case .failure(let error): failures.append("seed \(seed): \(error)")
      case .success(let plan):
        for question in plan.questions where !question.isMultiple {
          guard let index = question.options.firstIndex(where: \.isCorrect) else { continue }
          letters[index, default: 0] += 1
          if question.log != nil { curveLetters[index, default: 0] += 1 }
        }
      }
    }
    func shares(_ counts: [Int: Int]) -> String {
      let total = max(1, counts.values.reduce(0, +))
      return counts.keys.sorted().map {
        "\(QuizPlan.letter($0)) \(Int((Double(counts[$0]!) * 100 / Double(total)).rounded()))%"
      }.joined(separator: ", ")
    }
    let curveCount = quiz.questions.filter { $0.curve != nil }.count
    output.write(
      "  quiz prepared for \(quizSeedCount) seeds in \(round2(planning)) s: \(curveCount) curve "
        + "questions each, \(failures.count) seeds where the engine could not key one\n")
    output.write("  correct letter, single-answer questions: \(shares(letters))\n")
    output.write("  correct letter, curve questions: \(shares(curveLetters))\n")
    for failure in failures.prefix(5) { output.write("  failed: \(failure)\n") }
  }

  private func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  private func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
