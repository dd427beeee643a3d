import ArgumentParsing
import Foundation

/// The phrases that name each answer of a question, and how a written answer is matched to
/// them: exactly, through light word forms, or through a small misspelling.
///
/// A phrase and an answer are compared as *keys*: lowercased, accents dropped, punctuation,
/// hyphens and underscores as spaces, filler words left out (`the`, `a`, `to`, `use`, `try`,
/// `add`...), and each word cut to a stem (`reducing` and `reduces` → `reduc`, `overfitting` →
/// `overfit`). So `Reduce the learning-rate` matches the phrase `reduce learning rate`.
///
/// A key that matches no phrase may still be a misspelling of one. It is accepted only when all
/// of these hold, so that a misspelled *wrong* answer is never read as the right one:
///
/// - the key has at least 5 characters (short words are too easy to mistake for each other);
/// - its edit distance to the nearest phrase is within a budget that grows with its length:
///   1 up to 7 characters, 2 up to 15, 3 beyond;
/// - every phrase with another meaning is at least 2 edits further away than the nearest one.
///
/// `overfitting` and `underfitting` are 3 edits apart, so `undrfitting` (1 from `underfitting`,
/// 4 from `overfitting`) is read as underfitting, while `uverfitting` (1 from one, 2 from the
/// other) is not read at all.
///
/// ```swift
/// let vocabulary = PhraseVocabulary([("healthy", Pattern.healthy), ("overfitting", .overfitting)])
/// vocabulary.match("Helthy")   // healthy, with the misspelling noted
/// ```
public struct PhraseVocabulary<Meaning: Hashable & Sendable>: Sendable {
  /// How a text matched.
  public struct Match: Sendable, Equatable {
    /// What the text names.
    public var meaning: Meaning
    /// Whether it named it only through a word form or a misspelling, not a phrase of the
    /// vocabulary as written.
    public var isCorrected: Bool
  }

  private struct Entry: Sendable {
    var key: String
    var meaning: Meaning
  }

  /// Phrases by their literal key (words normalized, fillers dropped, no stemming).
  private var literal: [String: Meaning] = [:]
  /// Phrases by their stemmed key; keys two meanings share are left out.
  private var stemmed: [String: Meaning] = [:]
  /// Every unambiguous stemmed key, for the misspelling search.
  private var entries: [Entry] = []

  /// Words left out of every key.
  static var fillers: Set<String> {
    [
      "the", "a", "an", "to", "use", "using", "try", "trying", "apply", "applying", "add",
      "adding", "with", "of", "some", "i", "we", "you", "would", "should", "could", "it", "its",
      "please", "maybe", "probably", "just", "is", "run", "option", "answer",
    ]
  }

  /// Creates a vocabulary from phrases and what they name. A phrase whose key names two
  /// meanings is left out, since it cannot decide between them.
  public init(_ phrases: [(phrase: String, meaning: Meaning)]) {
    var literalMeanings: [String: Set<Meaning>] = [:]
    var stemmedMeanings: [String: Set<Meaning>] = [:]
    var order: [String] = []
    for (phrase, meaning) in phrases {
      let words = Self.words(phrase)
      guard !words.isEmpty else { continue }
      literalMeanings[words.joined(separator: " "), default: []].insert(meaning)
      let key = words.map(Self.stem).joined(separator: " ")
      if stemmedMeanings[key] == nil { order.append(key) }
      stemmedMeanings[key, default: []].insert(meaning)
    }
    for (key, meanings) in literalMeanings where meanings.count == 1 {
      literal[key] = meanings.first!
    }
    for key in order {
      guard let meanings = stemmedMeanings[key], meanings.count == 1 else { continue }
      stemmed[key] = meanings.first!
      entries.append(Entry(key: key, meaning: meanings.first!))
    }
  }

  /// What `text` names, or `nil` when it names nothing here (or could name two things).
  ///
  /// - Parameter allowsMisspellings: Whether to look for a near phrase when none matches.
  public func match(_ text: String, allowsMisspellings: Bool = true) -> Match? {
    let words = Self.words(text)
    guard !words.isEmpty else { return nil }
    if let meaning = literal[words.joined(separator: " ")] {
      return Match(meaning: meaning, isCorrected: false)
    }
    let key = words.map(Self.stem).joined(separator: " ")
    if let meaning = stemmed[key] { return Match(meaning: meaning, isCorrected: true) }
    guard allowsMisspellings, let meaning = nearest(to: key) else { return nil }
    return Match(meaning: meaning, isCorrected: true)
  }

  /// The meaning of the one phrase near enough to `key`, under the rules above.
  private func nearest(to key: String) -> Meaning? {
    let length = key.count
    guard length >= 5 else { return nil }
    let budget = length <= 7 ? 1 : length <= 15 ? 2 : 3
    var best: (distance: Int, meaning: Meaning)?
    var distances: [(distance: Int, meaning: Meaning)] = []
    // Distances beyond budget + 1 are all "far enough", so the count may stop there.
    for entry in entries {
      let distance = Suggestion.distance(key, entry.key, limit: budget + 1)
      distances.append((distance, entry.meaning))
      if distance < best?.distance ?? .max { best = (distance, entry.meaning) }
    }
    guard let best, best.distance <= budget else { return nil }
    let isClear = distances.allSatisfy {
      $0.meaning == best.meaning || $0.distance >= best.distance + 2
    }
    return isClear ? best.meaning : nil
  }

  /// The words of a text: lowercased, accents dropped, split at anything but letters and
  /// digits, fillers left out.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var word = ""
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    for scalar in folded.unicodeScalars {
      if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        word.unicodeScalars.append(scalar)
      } else if !word.isEmpty {
        words.append(word)
        word = ""
      }
    }
    if !word.isEmpty { words.append(word) }
    return words.filter { !fillers.contains($0) }
  }

  /// A word cut to a stem: one ending `-ing`, `-ed` or `-s` off, then a final `e`, then a
  /// doubled final consonant, so `stopping`, `stops` and `stop` share `stop`.
  static func stem(_ word: String) -> String {
    var characters = Array(word)
    func drop(_ suffix: String, keeping minimum: Int) -> Bool {
      let ending = Array(suffix)
      guard characters.count - ending.count >= minimum, characters.suffix(ending.count) == ending[...]
      else { return false }
      characters.removeLast(ending.count)
      return true
    }
    if !drop("ing", keeping: 3), !drop("ed", keeping: 3), characters.last(2) != ["s", "s"] {
      _ = drop("s", keeping: 3)
    }
    _ = drop("e", keeping: 3)
    if characters.count > 3, let last = characters.last, characters[characters.count - 2] == last,
      !"aeiou".contains(last), last.isLetter
    {
      characters.removeLast()
    }
    return String(characters)
  }
}

extension Array where Element == Character {
  fileprivate func last(_ count: Int) -> [Character] { Array(suffix(count)) }
}
