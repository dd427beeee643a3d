/// A section quiz read from a `.quiz` file: an optional title and its questions in file order.
///
/// Read one with ``parse(_:fileName:)``, which reports every problem in the file at once, and
/// write one back with ``formatted()``:
///
/// ```swift
/// let (quiz, errors) = QuizFile.parse(text, fileName: "section-quiz.quiz")
/// for error in errors { print(error) }  // section-quiz.quiz:12: question has no 'type:' line ...
/// quiz?.questions.map(\.id)              // ["overfitting-shape", "read-a-run"]
/// ```
public struct QuizFile: Sendable, Equatable {
  /// The text of the `title:` line before the first question, if there is one.
  public var title: String?
  /// The questions in the order the file lists them.
  public var questions: [QuizQuestion]

  /// Creates a quiz from its parts, for example to write it with ``formatted()``.
  public init(title: String? = nil, questions: [QuizQuestion]) {
    self.title = title
    self.questions = questions
  }
}
