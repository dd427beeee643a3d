import CurveCourse
import CurveDiagnosis
import Foundation
import Testing

@Suite struct QuizPlanTests {
  static let quiz: QuizFile = {
    let path = CourseFixture.root + "/Quizzes/section-quiz.quiz"
    let text = try! String(contentsOfFile: path, encoding: .utf8)
    return QuizFile.parse(text, fileName: path).file!
  }()

  @Test func theShippedQuizIsBigEnoughAndCoversEverySection() {
    #expect(Self.quiz.questions.count >= 15)
    #expect(Set(Self.quiz.questions.flatMap(\.sections)) == Set(1...10))
    #expect(Self.quiz.questions.contains { $0.curve != nil })
    #expect(Self.quiz.questions.contains { $0.kind == .multiple })
  }

  @Test func theSeedFixesOrderOptionsAndRuns() throws {
    let a = try QuizPlan(file: Self.quiz, seed: 5)
    let b = try QuizPlan(file: Self.quiz, seed: 5)
    let c = try QuizPlan(file: Self.quiz, seed: 6)
    #expect(a.questions.map(\.id) == b.questions.map(\.id))
    #expect(a.questions.map(\.correctLetters) == b.questions.map(\.correctLetters))
    #expect(a.questions.map { $0.options.map(\.text) } == b.questions.map { $0.options.map(\.text) })
    #expect(a.questions.map(\.id) != c.questions.map(\.id))
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func correctAnswersDoNotSitOnOneLetter(seed: UInt64) throws {
    let plan = try QuizPlan(file: Self.quiz, seed: seed)
    let letters = plan.questions.filter { !$0.isMultiple }.map(\.correctLetters)
    #expect(Set(letters).count >= 3)
  }

  @Test func curveQuestionsAreKeyedByTheEngine() throws {
    let plan = try QuizPlan(file: Self.quiz, seed: 9)
    let curves = plan.questions.filter { $0.log != nil }
    #expect(!curves.isEmpty)
    for question in curves {
      #expect(question.options.filter(\.isCorrect).count == 1)
      #expect(Set(question.options.map(\.text)).count == question.options.count)
      let log = try #require(question.log)
      let diagnosis = Diagnoser().diagnose(log)
      let correct = try #require(question.options.first { $0.isCorrect })
      if question.id == "read-a-run" {
        #expect(correct.text == diagnosis.pattern.title)
      }
      if question.id == "what-to-change" {
        #expect(correct.explanation.contains(diagnosis.remedies[0].text))
      }
      if question.id == "count-the-examples" {
        #expect(correct.text == "\(diagnosis.accuracySteps!.impliedSetSize!) examples")
        #expect(log.metadata.evaluationSetSize == diagnosis.accuracySteps!.impliedSetSize)
      }
      if question.id == "where-to-stop" {
        #expect(question.panels == .lossWithEvaluations)
      }
    }
  }

  @Test(arguments: [1, 4, 9, 13] as [UInt64])
  func theSetSizeQuestionWantsTheSmallestSizeTheStepsFitAndSaysWhyOthersAreWrong(seed: UInt64) throws {
    let plan = try QuizPlan(file: Self.quiz, seed: seed)
    let question = try #require(plan.questions.first { $0.id == "count-the-examples" })
    let log = try #require(question.log)
    let values = Set(log.evaluationEntries.compactMap(\.accuracy))
    func fits(_ size: Int) -> Bool {
      values.allSatisfy { abs($0 * Double(size) - ($0 * Double(size)).rounded()) < 1e-6 * Double(size) }
    }
    let sizes = question.options.map { Int($0.text.split(separator: " ")[0])! }
    let fitting = sizes.filter(fits)
    // The right option is the smallest size that fits; another fitting size (a multiple) is
    // offered and explained as "fits, but not the smallest"; the rest do not fit at all.
    let correct = try #require(question.options.firstIndex { $0.isCorrect })
    #expect(sizes[correct] == fitting.min())
    #expect((1..<sizes[correct]).allSatisfy { !fits($0) })
    #expect(fitting.count == 2)
    for (size, option) in zip(sizes, question.options) where !option.isCorrect {
      #expect(option.explanation.contains(fits(size) ? "smallest" : "not all such multiples"))
    }
    #expect(question.prompt.contains("smallest"))
  }

  @Test func aMultipleAnswerCountsOnlyWhenExactlyRight() throws {
    let plan = try QuizPlan(file: Self.quiz, seed: 4)
    let index = try #require(plan.questions.firstIndex { $0.isMultiple })
    let correct = plan.questions[index].correctLetters
    #expect(correct.count >= 2)
    var answers = Array(repeating: "", count: plan.questions.count)
    answers[index] = String(correct.reversed())
    #expect(plan.score(answers).items[index].isRight)
    answers[index] = String(correct.dropLast())
    #expect(!plan.score(answers).items[index].isRight)
    let wrong = plan.questions[index].options.indices.first {
      !plan.questions[index].options[$0].isCorrect && !plan.questions[index].options[$0].isOptional
    }!
    answers[index] = correct + String(QuizPlan.letter(wrong))
    #expect(!plan.score(answers).items[index].isRight)
    answers[index] = correct + "z"
    #expect(plan.score(answers).items[index].invalidLetters == "z")
  }

  /// `[~]` marks an option an expert could defend either way: chosen or not, it does not cost
  /// the question; the correct options are still all needed and a wrong one still costs it.
  @Test func anOptionRightEitherWayCountsChosenOrNot() throws {
    let text = """
      ## Q settings
      section: 7
      type: multiple

      Which settings belong with the callback? Choose all that apply.

      [x] load_best_model_at_end
          Right.
      [x] metric_for_best_model
          Right.
      [~] greater_is_better=False
          Either way. It is the default for a loss.
      [ ] greater_is_better=True
          Wrong for a loss.
      """
    let file = try #require(QuizFile.parse(text, fileName: "t.quiz").file)
    let plan = try QuizPlan(file: file, seed: 1)
    let question = plan.questions[0]
    let letter = { (prefix: String) in
      String(QuizPlan.letter(question.options.firstIndex { $0.text.hasPrefix(prefix) }!))
    }
    let (load, metric, lower, higher) = (
      letter("load"), letter("metric"), letter("greater_is_better=F"), letter("greater_is_better=T")
    )
    #expect(question.optionalLetters == lower)
    #expect(plan.score([load + metric]).items[0].isRight)
    #expect(plan.score([load + metric + lower]).items[0].isRight)
    #expect(!plan.score([load + lower]).items[0].isRight)
    #expect(!plan.score([load + metric + lower + higher]).items[0].isRight)
    #expect(QuizFile.parse(text, fileName: "t.quiz").file!.formatted().contains("[~] greater_is_better=False"))
  }

  @Test func anOptionRightEitherWayIsRefusedInASingleAnswerQuestion() {
    let text = """
      ## Q one
      section: 7
      type: single

      Which one?

      [x] This.
          Right.
      [~] That.
          Either way.
      """
    let errors = QuizFile.parse(text, fileName: "t.quiz").errors
    #expect(errors.contains { $0.line == 9 && $0.message.contains("type: multiple") }, "\(errors)")
  }

  @Test func theKeyScoresFullMarksAndBlanksScoreNone() throws {
    let plan = try QuizPlan(file: Self.quiz, seed: 2)
    #expect(plan.score(plan.questions.map(\.correctLetters)).correctCount == plan.questions.count)
    let blank = plan.score([])
    #expect(blank.correctCount == 0)
    #expect(blank.toReview.count == plan.questions.count)
  }
}
