import CurveCourse
import Testing

@Suite struct QuizFuzzTests {
  /// Pieces that tend to land on the reader's edge cases.
  static let fragments = [
    "#", "## Q ", "## Q x", "## Q a", "[x] ", "[ ] ", "[X]", "[]", "    ", "\t", "  ", ":", "=",
    "section: ", "section: 3", "type: multiple", "type: single", "curve: ", "curve: ask=stop",
    "ask=", "seed=", "99999999999999999999999", "-1", "\r\n", "\r", "\n", "\n\n", "\u{FEFF}",
    "\u{301}", "é", "🧪", "\u{0}", "\u{2028}", "\u{A0}", "title: ", "hint:", " ", "x", "",
  ]

  @Test(arguments: 0..<500 as Range<UInt64>)
  func mutatedFilesNeverTrapAndWhatParsesRoundTrips(seed: UInt64) {
    var rng = FuzzGenerator(state: seed)
    Self.checkInvariants(of: Self.mutate(QuizSample.text, using: &rng))
  }

  @Test(arguments: 0..<500 as Range<UInt64>)
  func filesOfRandomFragmentsNeverTrap(seed: UInt64) {
    var rng = FuzzGenerator(state: seed)
    let pieces = (0...rng.below(40)).map { _ in Self.fragments[rng.below(Self.fragments.count)] }
    Self.checkInvariants(of: pieces.joined(separator: rng.below(2) == 0 ? "" : "\n"))
  }

  /// Parsing reports either a file or errors, errors sit on real lines in order, and a file
  /// that parses writes out to text that reads back the same.
  static func checkInvariants(of text: String) {
    let (file, errors) = QuizFile.parse(text, fileName: "fuzz.quiz")
    #expect((file == nil) == !errors.isEmpty)
    let lineCount = text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
    #expect(errors.allSatisfy { (1...lineCount).contains($0.line) })
    #expect(errors.map(\.line) == errors.map(\.line).sorted())
    guard let file else { return }
    let formatted = file.formatted()
    let (reread, rereadErrors) = QuizFile.parse(formatted, fileName: "formatted.quiz")
    #expect(rereadErrors == [], "\(formatted)")
    #expect(reread?.withoutLines == file.withoutLines)
    #expect(reread?.formatted() == formatted)
  }

  @Test func someMutationsStillParse() {
    var parsed = 0
    for seed in 0..<400 as Range<UInt64> {
      var rng = FuzzGenerator(state: seed)
      let text = Self.mutate(QuizSample.text, using: &rng)
      if QuizFile.parse(text, fileName: "fuzz.quiz").file != nil { parsed += 1 }
    }
    // Both branches of the round-trip check above must be exercised.
    #expect(parsed > 20)
    #expect(parsed < 380)
  }

  /// Applies one to four random edits at the line or scalar level.
  static func mutate(_ text: String, using rng: inout FuzzGenerator) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for _ in 0...rng.below(4) {
      guard !lines.isEmpty else { break }
      let at = rng.below(lines.count)
      let fragment = fragments[rng.below(fragments.count)]
      switch rng.below(7) {
      case 0: lines.remove(at: at)
      case 1: lines.insert(lines[at], at: rng.below(lines.count))
      case 2: lines.swapAt(at, rng.below(lines.count))
      case 3: lines[at] = fragment + lines[at]
      case 4: lines[at] = fragment
      case 5:
        var scalars = Array(lines[at].unicodeScalars)
        let cut = rng.below(scalars.count + 1)
        scalars.insert(contentsOf: fragment.unicodeScalars, at: cut)
        lines[at] = String(String.UnicodeScalarView(scalars))
      default:
        let scalars = Array(lines[at].unicodeScalars)
        let cut = rng.below(scalars.count + 1)
        lines[at] = String(String.UnicodeScalarView(scalars[..<cut]))
      }
    }
    return lines.joined(separator: rng.below(3) == 0 ? "\r\n" : "\n")
  }
}
