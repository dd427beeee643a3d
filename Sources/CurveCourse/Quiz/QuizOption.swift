/// A written answer option: the `[x] ` or `[ ] ` line and the explanation indented under it.
public struct QuizOption: Sendable, Equatable {
  /// The text after the marker.
  public var text: String
  /// Whether the marker is `[x]`.
  public var isCorrect: Bool
  /// What picking this option means, its lines joined with spaces.
  public var explanation: String
  /// The 1-based line of the option's marker.
  public var line: Int

  /// Creates an option from its parts.
  public init(text: String, isCorrect: Bool, explanation: String, line: Int) {
    self.text = text
    self.isCorrect = isCorrect
    self.explanation = explanation
    self.line = line
  }
}
