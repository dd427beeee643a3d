public import CurveCore
public import CurveDiagnosis

/// What a written answer was read as, with a note for the teacher when the reading was not
/// literal.
public struct Reading<Value: Sendable>: Sendable {
  /// The value read.
  public var value: Value
  /// Why the text needed more than a literal reading, for the teacher: `accepted 'helthy' as
  /// healthy`; `nil` when it named the answer as written (or through a listed synonym).
  public var note: String?

  /// Creates a reading.
  public init(_ value: Value, note: String? = nil) {
    self.value = value
    self.note = note
  }
}

/// Reads the answers people write: patterns and remedies by name, synonym, word form or small
/// misspelling; steps in every natural form; option letters in every common form.
///
/// ```swift
/// let reader = AnswerReader.forgiving
/// reader.pattern("helthy")?.value            // .healthy, noted "accepted 'helthy' as healthy"
/// reader.number("checkpoint-60")?.value      // 60
/// reader.letter("A - stop early", optionCount: 4)?.index   // 0
/// ```
public struct AnswerReader: Sendable {
  /// Whether a small misspelling of a name is accepted (see ``PhraseVocabulary``).
  public var allowsMisspellings: Bool

  /// Creates a reader.
  public init(allowsMisspellings: Bool = true) {
    self.allowsMisspellings = allowsMisspellings
  }

  /// Names, synonyms, word forms and small misspellings.
  public static let forgiving = AnswerReader()
  /// Names, synonyms and word forms; no misspellings.
  public static let strict = AnswerReader(allowsMisspellings: false)

  /// The pattern `text` names.
  public func pattern(_ text: String) -> Reading<Pattern>? {
    read(text, in: AnswerVocabulary.patterns, name: \.rawValue)
  }

  /// The remedy `text` names.
  public func remedy(_ text: String) -> Reading<Remedy.Action>? {
    read(text, in: AnswerVocabulary.remedies, name: \.rawValue)
  }

  /// The cause `text` names: `lr too high`, `the batch is too small`, `tiny-batch`.
  public func cause(_ text: String) -> Reading<Cause>? {
    read(text, in: AnswerVocabulary.causes, name: \.rawValue)
  }

  /// What `text` names in `vocabulary`, noting a reading through a word form or misspelling.
  public func read<Meaning>(
    _ text: String, in vocabulary: PhraseVocabulary<Meaning>, name: (Meaning) -> String
  ) -> Reading<Meaning>? {
    guard let match = vocabulary.match(text, allowsMisspellings: allowsMisspellings) else {
      return nil
    }
    let trimmed = text.trimmingSpaces
    return Reading(
      match.meaning, note: match.isCorrected ? "accepted '\(trimmed)' as \(name(match.meaning))" : nil)
  }
}

extension StringProtocol {
  /// Without leading and trailing white space.
  package var trimmingSpaces: String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }
}
