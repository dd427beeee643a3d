import CurveCourse

/// Fixtures and helpers shared by the quiz suites.
enum QuizSample {
  /// A valid quiz with a single, a multiple and two curve questions, comments in odd places,
  /// and no trailing line end.
  static let text = """
    # CurveLab section quiz, used by the tests.
    title: CurveLab section quiz

    ## Q overfitting-shape
    section: 7
    type: single
    hint: Compare which way each of the two loss curves is heading.

    Training loss keeps falling, but validation loss has risen at each of the last
    eight evaluations. What is the run doing?

    [x] It is overfitting.
        Right. The model keeps fitting the training set better while doing worse on
        data it has not seen.
    [ ] It is underfitting.
        Not this one: underfitting keeps both losses high; here training loss is low.
    [ ] The learning rate is too low.
        A low learning rate makes both curves crawl.

    # Multiple-answer questions need every correct option.
    ## Q remedies-for-overfitting
    section: 7, 10
    type: multiple

    Validation loss turns up after epoch 4.
    # a comment inside the prompt is skipped
    Which changes would help?

    Pick *every* one that applies.

    [x] Add weight decay.
        Yes: it pulls the weights toward zero.
    [x] Stop early.
        Yes: keep the checkpoint with the lowest validation loss.
    [ ] Train for more epochs.
        No: the extra epochs only fit the training set harder.

    ## Q read-a-run
    section: 5,7,8,9
    type: single
    curve: ask=pattern scenario=any
    hint: Look at training and validation loss together before the accuracy.

    Here is a run straight from the simulator. Which pattern does it show?

    ## Q when-to-stop
    section: 6
    type: single
    curve: ask=stop scenario=overfitting seed=12 patience=2 eval-size=40 learning-rate=0.01

    When would early stopping stop this run?
    """

  /// What ``text`` reads as.
  static let model = QuizFile(
    title: "CurveLab section quiz",
    questions: [
      QuizQuestion(
        id: "overfitting-shape", line: 4, sections: [7], kind: .single,
        hint: "Compare which way each of the two loss curves is heading.",
        prompt: "Training loss keeps falling, but validation loss has risen at each of the last "
          + "eight evaluations. What is the run doing?",
        options: [
          QuizOption(
            text: "It is overfitting.", isCorrect: true,
            explanation: "Right. The model keeps fitting the training set better while doing "
              + "worse on data it has not seen.", line: 12),
          QuizOption(
            text: "It is underfitting.", isCorrect: false,
            explanation:
              "Not this one: underfitting keeps both losses high; here training loss is low.",
            line: 15),
          QuizOption(
            text: "The learning rate is too low.", isCorrect: false,
            explanation: "A low learning rate makes both curves crawl.", line: 17),
        ]),
      QuizQuestion(
        id: "remedies-for-overfitting", line: 21, sections: [7, 10], kind: .multiple,
        prompt: "Validation loss turns up after epoch 4. Which changes would help?\n\n"
          + "Pick *every* one that applies.",
        options: [
          QuizOption(
            text: "Add weight decay.", isCorrect: true,
            explanation: "Yes: it pulls the weights toward zero.", line: 31),
          QuizOption(
            text: "Stop early.", isCorrect: true,
            explanation: "Yes: keep the checkpoint with the lowest validation loss.", line: 33),
          QuizOption(
            text: "Train for more epochs.", isCorrect: false,
            explanation: "No: the extra epochs only fit the training set harder.", line: 35),
        ]),
      QuizQuestion(
        id: "read-a-run", line: 38, sections: [5, 7, 8, 9], kind: .single,
        hint: "Look at training and validation loss together before the accuracy.",
        prompt: "Here is a run straight from the simulator. Which pattern does it show?",
        curve: CurveQuestionSpec(ask: .pattern, scenario: "any", line: 41)),
      QuizQuestion(
        id: "when-to-stop", line: 46, sections: [6], kind: .single,
        prompt: "When would early stopping stop this run?",
        curve: CurveQuestionSpec(
          ask: .stop, scenario: "overfitting", seed: 12, patience: 2,
          overrides: [
            .init(key: "eval-size", value: "40"), .init(key: "learning-rate", value: "0.01"),
          ],
          line: 49)),
    ])
}

extension QuizFile {
  /// The quiz with every `line` set to 0, to compare content read from different layouts.
  var withoutLines: QuizFile {
    var copy = self
    for q in copy.questions.indices {
      copy.questions[q].line = 0
      copy.questions[q].curve?.line = 0
      for o in copy.questions[q].options.indices { copy.questions[q].options[o].line = 0 }
    }
    return copy
  }
}

/// SplitMix64, so the fuzz cases are the same on every run and platform.
struct FuzzGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `0..<bound`, built from ``next()`` rather than the standard library's
  /// unspecified algorithm.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
