/// One question of a quiz: its header, its prompt, and either written options or a curve spec.
///
/// ```
/// ## Q overfitting-shape
/// section: 7
/// type: single
/// hint: Compare which way each of the two loss curves is heading.
///
/// Training loss keeps falling, but validation loss keeps rising. What is the run doing?
///
/// [x] It is overfitting.
///     Right. The model fits the training set better while doing worse on new data.
/// [ ] It is underfitting.
///     Not this one: underfitting keeps both losses high.
/// ```
public struct QuizQuestion: Sendable, Equatable {
  /// How many options a learner must pick.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    /// Exactly one option is correct.
    case single
    /// One or more options are correct; the learner must pick all of them and no other.
    case multiple
  }

  /// The id from the `## Q <id>` line: lowercase letters, digits and hyphens.
  public var id: String
  /// The 1-based line of the `## Q` header.
  public var line: Int
  /// The outline sections (1–10) the question tests, as written on the `section:` line.
  public var sections: [Int]
  /// Whether one or several options are correct.
  public var kind: Kind
  /// The one-line `hint:`, if any.
  public var hint: String?
  /// The prompt: paragraphs joined with `"\n\n"`, the lines of a paragraph joined with a space.
  public var prompt: String
  /// The written options in file order; empty for a curve question.
  public var options: [QuizOption]
  /// The `curve:` settings that make this a curve question, whose options the diagnosis engine
  /// writes at run time.
  public var curve: CurveQuestionSpec?

  /// Creates a question from its parts.
  public init(
    id: String, line: Int, sections: [Int], kind: Kind, hint: String? = nil, prompt: String,
    options: [QuizOption] = [], curve: CurveQuestionSpec? = nil
  ) {
    self.id = id
    self.line = line
    self.sections = sections
    self.kind = kind
    self.hint = hint
    self.prompt = prompt
    self.options = options
    self.curve = curve
  }
}
