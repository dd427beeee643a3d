/// A written answer option: the `[x] `, `[ ] ` or `[~] ` line and the explanation indented
/// under it.
public struct QuizOption: Sendable, Equatable {
  /// The text after the marker.
  public var text: String
  /// Whether the marker is `[x]`.
  public var isCorrect: Bool
  /// Whether the marker is `[~]`: right whether it is chosen or not, for an option an expert
  /// could defend either way (a setting that is already the default, say).
  public var isOptional: Bool
  /// What picking this option means, its lines joined with spaces.
  public var explanation: String
  /// The 1-based line of the option's marker.
  public var line: Int

  /// Creates an option from its parts.
  public init(text: String, isCorrect: Bool, isOptional: Bool = false, explanation: String, line: Int) {
    self.text = text
    self.isCorrect = isCorrect
    self.isOptional = isOptional && !isCorrect
    self.explanation = explanation
    self.line = line
  }
}
