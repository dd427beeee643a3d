extension QuizFile {
  /// Reads a `.quiz` file, collecting every problem so an author can fix them all at once.
  ///
  /// The reader accepts `\n`, `\r\n` and lone `\r` line ends and skips a UTF-8 byte order
  /// mark. A line starting with `#` is a comment wherever it appears, except that `## Q <id>`
  /// starts a question.
  ///
  /// ```swift
  /// let (quiz, errors) = QuizFile.parse(text, fileName: "section-quiz.quiz")
  /// if let quiz { print(quiz.questions.count) } else { errors.forEach { print($0) } }
  /// ```
  ///
  /// - Parameters:
  ///   - text: The contents of the file.
  ///   - fileName: The name to put in front of each error, such as `section-quiz.quiz`.
  /// - Returns: The quiz and no errors, or `nil` and the errors sorted by line.
  public static func parse(
    _ text: String, fileName: String
  ) -> (file: QuizFile?, errors: [QuizFormatError]) {
    var parser = QuizParser(fileName: fileName)
    return parser.parse(text)
  }
}
