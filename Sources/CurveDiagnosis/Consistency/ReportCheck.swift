import CurveCore

/// A report that says something its own numbers deny: the check the property tests and
/// `curvelab bench --only consistency` run over every diagnosis they make.
///
/// ```swift
/// let diagnosis = Diagnoser().diagnose(log)
/// ReportCheck.contradictions(in: diagnosis)   // [] for a sound report
/// ```
package enum ReportCheck {
  /// One contradiction: its kind and the text that shows it.
  package struct Contradiction: Sendable, Equatable, CustomStringConvertible {
    /// A short name: `verb-against-sign`, `accuracy-over-100`, `done-and-still-falling`...
    package var kind: String
    /// The offending sentence or numbers.
    package var text: String

    package var description: String { "\(kind): \(text)" }
  }

  /// Every contradiction in `diagnosis`, empty for a sound report.
  package static func contradictions(in diagnosis: Diagnosis) -> [Contradiction] {
    var found: [Contradiction] = []
    let sentences = [diagnosis.headline] + diagnosis.evidence.map(\.meaning)
      + diagnosis.findings.map(\.message) + diagnosis.remedies.map(\.text)
      + diagnosis.causes.flatMap(\.evidence) + diagnosis.missing
    for sentence in sentences {
      found += verbsAgainstSigns(sentence)
      found += impossibleNumbers(sentence)
    }
    found += headlineNumbers(diagnosis)
    found += doneAndStillFalling(diagnosis)
    found += patternAgainstEvidence(diagnosis)
    found += remediesAgainstPattern(diagnosis)
    if !(0...1).contains(diagnosis.confidence) {
      found.append(Contradiction(kind: "confidence-out-of-range", text: "\(diagnosis.confidence)"))
    }
    return found
  }

  // MARK: Sentences

  private static let number = #"(-?[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?)"#

  /// "fell from 2.2 to 4.19", "down -108%", "-0.007 above", "rose -3%".
  static func verbsAgainstSigns(_ sentence: String) -> [Contradiction] {
    var found: [Contradiction] = []
    let directed = try! Regex(#"\b(fell|rose|climbed|dropped)(?: only)? from "# + number + #"(?: at [^,;]*?)? to "# + number)
    for match in sentence.matches(of: directed) {
      guard let verb = match.output[1].substring, let a = value(match.output[2].substring),
        let b = value(match.output[3].substring)
      else { continue }
      let falls = verb == "fell" || verb == "dropped"
      if falls ? !(b < a) : !(b > a) {
        found.append(Contradiction(kind: "verb-against-sign", text: sentence))
      }
    }
    let signed = try! Regex(#"\b(down|up|rose|fell|removed only|above|below|higher|lower) (-[0-9<])"#)
    if sentence.contains(signed) {
      found.append(Contradiction(kind: "negative-after-direction", text: sentence))
    }
    let negativeBefore = try! Regex(#"(?:^|[ (])-[0-9.]+(?:e[-+][0-9]+)?%? (above|below|higher|lower)\b"#)
    if sentence.contains(negativeBefore) {
      found.append(Contradiction(kind: "negative-before-direction", text: sentence))
    }
    let arrowRise = try! Regex(#"ends [0-9.<]+% above its minimum \("# + number + " → " + number + #"\)"#)
    for match in sentence.matches(of: arrowRise) {
      if let a = value(match.output[1].substring), let b = value(match.output[2].substring), b < a {
        found.append(Contradiction(kind: "rise-that-falls", text: sentence))
      }
    }
    return found
  }

  /// Accuracy over 100%, more than 100 accuracy points, NaN or unformattable numbers.
  static func impossibleNumbers(_ sentence: String) -> [Contradiction] {
    var found: [Contradiction] = []
    let accuracyPercent = try! Regex(#"accuracy[^.;:]*?([0-9][0-9.,]*)%"#)
    for match in sentence.matches(of: accuracyPercent) {
      if let text = match.output[1].substring,
        let value = Double(text.filter { $0 != "," }), value > 100
      {
        found.append(Contradiction(kind: "accuracy-over-100", text: sentence))
      }
    }
    let points = try! Regex(#"([0-9][0-9.,]*)%? points?\b"#)
    for match in sentence.matches(of: points) {
      if let text = match.output[1].substring, let value = Double(text.filter { $0 != "," }),
        value > 100
      {
        found.append(Contradiction(kind: "points-over-100", text: sentence))
      }
    }
    if sentence.contains("?%") || sentence.contains(try! Regex(#"\b(nan|inf|-inf)\b"#))
      || sentence.contains(try! Regex(#"\bNaN\b(?! or infinite| values)"#))
    {
      found.append(Contradiction(kind: "unformatted-number", text: sentence))
    }
    return found
  }

  // MARK: Across the report

  /// Every number the headline quotes is also in the evidence or findings (the same value,
  /// formatted the same way), so headline and evidence never disagree about a quantity.
  static func headlineNumbers(_ diagnosis: Diagnosis) -> [Contradiction] {
    guard diagnosis.pattern != .insufficientData else { return [] }
    let support = (diagnosis.evidence.map(\.meaning) + diagnosis.findings.map(\.message)).joined(separator: " ")
    let supported = Set(numbers(in: support))
    return numbers(in: diagnosis.headline).filter { !supported.contains($0) }.map {
      Contradiction(kind: "headline-number-not-in-evidence", text: "\($0) in: \(diagnosis.headline)")
    }
  }

  /// "Nothing to fix" or "they level off" beside "still falling".
  static func doneAndStillFalling(_ diagnosis: Diagnosis) -> [Contradiction] {
    let all = ([diagnosis.headline] + diagnosis.evidence.map(\.meaning)
      + diagnosis.findings.map(\.message) + diagnosis.remedies.map(\.text)).joined(separator: " | ")
    let falling = ["still falling", "still improving", "still creeping"].contains { all.contains($0) }
    let done = diagnosis.remedies.contains { $0.action == .nothing && diagnosis.pattern != .insufficientData }
      || diagnosis.convergenceStep != nil
      || ["level off from", "Nothing to fix", "converged"].contains { all.contains($0) }
    return falling && done ? [Contradiction(kind: "done-and-still-falling", text: all)] : []
  }

  /// A verdict its own evidence denies: healthy beside a large validation rise.
  static func patternAgainstEvidence(_ diagnosis: Diagnosis) -> [Contradiction] {
    var found: [Contradiction] = []
    if diagnosis.pattern == .healthy,
      let rise = diagnosis.evidence.first(where: { $0.key == "validation_rise" }),
      rise.value >= DiagnosisThresholds.healthyMaximumRise
    {
      found.append(Contradiction(kind: "healthy-beside-rise", text: rise.meaning))
    }
    if diagnosis.pattern == .underfitting, diagnosis.remedies.first?.action == .nothing {
      found.append(Contradiction(kind: "underfitting-nothing-to-fix", text: diagnosis.headline))
    }
    return found
  }

  /// The first remedy is one the table says would not help; a remedy's cause is not one of
  /// the pattern's.
  static func remediesAgainstPattern(_ diagnosis: Diagnosis) -> [Contradiction] {
    guard diagnosis.pattern != .insufficientData else { return [] }
    var found: [Contradiction] = []
    if let first = diagnosis.remedies.first,
      CauseKnowledge.unhelpful(for: diagnosis.pattern).contains(first.action)
    {
      found.append(Contradiction(kind: "first-remedy-unhelpful", text: first.text))
    }
    for remedy in diagnosis.remedies {
      if let cause = remedy.cause, !CauseKnowledge.causes(of: diagnosis.pattern).contains(cause) {
        found.append(Contradiction(kind: "remedy-for-another-pattern", text: "\(cause.rawValue): \(remedy.text)"))
      }
      if remedy.action != .nothing && remedy.changes.isEmpty {
        found.append(Contradiction(kind: "remedy-without-change", text: remedy.text))
      }
    }
    return found
  }

  // MARK: Helpers

  /// The numbers in a sentence as written, leaving out positions (`step 320`, `epoch 4`) and
  /// the K of `ln K`.
  static func numbers(in sentence: String) -> [String] {
    let token = try! Regex(#"-?[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?%?"#)
    var result: [String] = []
    for match in sentence.matches(of: token) {
      let before = sentence[..<match.range.lowerBound].suffix(8)
      // Part of a word or of a longer number (x2, v1.2): not a quoted value.
      if let previous = before.last, previous.isLetter || previous.isNumber || previous == "_" || previous == "." {
        continue
      }
      if before.hasSuffix("step ") || before.hasSuffix("epoch ") || before.hasSuffix("ln ")
        || before.hasSuffix("steps ") || before.hasSuffix("(epoch ") || before.hasSuffix("-")
      {
        continue
      }
      // Signs aside: "ends 0.01 below training" quotes the gap whose evidence is -0.01.
      result.append(String(sentence[match.range].drop { $0 == "-" }))
    }
    return result
  }

  private static func value(_ text: Substring?) -> Double? {
    text.flatMap { Double(String($0)) }
  }
}
