extension AnswerReader {
  /// Words that may stand around a step number: `step 60`, `60 steps`, `about 60`,
  /// `checkpoint 60`, `iteration 60`.
  static let stepWords: Set<String> = [
    "step", "steps", "checkpoint", "checkpoints", "ckpt", "at", "about", "around", "approx",
    "approximately", "roughly", "near", "nearly", "circa", "ca", "global", "iteration",
    "iterations", "iter", "number", "best", "is", "the",
  ]

  /// A whole number of 0 or more written in any of the ways people write a step or a count:
  /// `60`, `step 60`, `Step: 60`, `60 steps`, `~60`, `≈ 60`, `about 60`, `checkpoint-60`,
  /// `outputs/checkpoint-60`, `3,200`, `320.0`, `1.2k`.
  ///
  /// Not read: negative numbers, fractions (`60.5`), two numbers (`60 or 80`), epochs
  /// (`epoch 3`), and numbers among other words (`60 maybe`).
  public func number(_ text: String) -> Reading<Int>? {
    let lowered = text.lowercased()
    if lowered.contains("epoch") { return nil }
    if let step = Self.checkpointNumber(in: lowered) { return Reading(step) }
    var numbers: [Int] = []
    var words: [String] = []
    var index = lowered.startIndex
    let characters = lowered
    while index < characters.endIndex {
      let character = characters[index]
      if character.isASCII, character.isNumber {
        let (value, end) = Self.scanNumber(characters, from: index)
        guard let value else { return nil }
        numbers.append(value)
        index = end
      } else if character.isLetter {
        var end = index
        while end < characters.endIndex, characters[end].isLetter { end = characters.index(after: end) }
        words.append(String(characters[index..<end]))
        index = end
      } else {
        if (character == "-" || character == "−"), numbers.isEmpty, words.isEmpty {
          // A minus sign before anything else: a negative number.
          let rest = characters[characters.index(after: index)...].trimmingSpaces
          if rest.first?.isNumber == true { return nil }
        }
        guard character.isWhitespace || "~≈:=#()[]-−_/.,'\"".contains(character) else {
          return nil
        }
        index = characters.index(after: index)
      }
    }
    guard numbers.count == 1, words.allSatisfy(Self.stepWords.contains) else { return nil }
    return Reading(numbers[0])
  }

  /// The number of a checkpoint folder named in `text`: `checkpoint-60`, `checkpoint_60`,
  /// `ckpt 60`, possibly inside a path.
  private static func checkpointNumber(in text: String) -> Int? {
    for name in ["checkpoint", "ckpt"] {
      guard let range = text.range(of: name) else { continue }
      var index = range.upperBound
      while index < text.endIndex, " -_:#".contains(text[index]) { index = text.index(after: index) }
      guard index < text.endIndex, text[index].isASCII, text[index].isNumber else { continue }
      let (value, end) = scanNumber(text, from: index)
      // Anything after the number must not be more digits or letters (a file name is fine).
      if end < text.endIndex, text[end].isLetter, text[end] != "k" { return nil }
      return value
    }
    return nil
  }

  /// A number starting at `start`: digits, `,` thousands separators (groups of three), a
  /// decimal part that must be zero (or make a whole number with a `k`), and an optional `k`.
  private static func scanNumber(_ text: String, from start: String.Index)
    -> (value: Int?, end: String.Index)
  {
    var index = start
    var digits = ""
    func isDigit(_ index: String.Index) -> Bool {
      index < text.endIndex && text[index].isASCII && text[index].isNumber
    }
    while isDigit(index) {
      digits.append(text[index])
      index = text.index(after: index)
      // A thousands separator: a comma followed by exactly three digits.
      if index < text.endIndex, text[index] == "," {
        var probe = text.index(after: index)
        var group = ""
        while isDigit(probe), group.count < 4 {
          group.append(text[probe])
          probe = text.index(after: probe)
        }
        if group.count == 3 {
          digits += group
          index = probe
        }
      }
    }
    var fraction = ""
    if index < text.endIndex, text[index] == ".", isDigit(text.index(after: index)) {
      index = text.index(after: index)
      while isDigit(index) {
        fraction.append(text[index])
        index = text.index(after: index)
      }
    }
    var scale = 1
    if index < text.endIndex, text[index] == "k" {
      let next = text.index(after: index)
      if next == text.endIndex || !text[next].isLetter {
        scale = 1000
        index = next
      }
    }
    guard digits.count <= 12, let whole = Int(digits) else { return (nil, index) }
    let fractionDigits = fraction.reversed().drop { $0 == "0" }.reversed()
    if fractionDigits.isEmpty { return (whole * scale, index) }
    guard scale == 1000, fractionDigits.count <= 3, let part = Int(String(fractionDigits)) else {
      return (nil, index)
    }
    var thousandths = part
    for _ in fractionDigits.count..<3 { thousandths *= 10 }
    return (whole * 1000 + thousandths, index)
  }
}
