/// A problem in a `.quiz` file, with the file and 1-based line where it was found.
///
/// ```swift
/// let (_, errors) = QuizFile.parse(text, fileName: "section-quiz.quiz")
/// print(errors[0])
/// // section-quiz.quiz:37: option has no explanation (indent it by 4 spaces under the option)
/// ```
public struct QuizFormatError: Error, Equatable, Sendable {
  /// The file name given to the reader, used as is in ``description``.
  public var fileName: String
  /// The 1-based line the problem is on.
  public var line: Int
  /// What is wrong and how to fix it, for the author.
  public var message: String

  /// Creates an error.
  public init(fileName: String, line: Int, message: String) {
    self.fileName = fileName
    self.line = line
    self.message = message
  }
}

extension QuizFormatError: CustomStringConvertible {
  /// The problem in the compiler's `file:line: message` form.
  public var description: String { "\(fileName):\(line): \(message)" }
}
