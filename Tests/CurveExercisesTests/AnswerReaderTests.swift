import CurveDiagnosis
import CurveExercises
import Testing

@Suite struct AnswerReaderTests {
  private let reader = AnswerReader.forgiving

  @Test(arguments: [
    ("checkpoint-60", 60), ("step 60", 60), ("60 steps", 60), ("~60", 60), ("Step: 60", 60),
    ("60", 60), ("  60 ", 60), ("step=60", 60), ("≈ 60", 60), ("about 60", 60), ("at step 60", 60),
    ("outputs/checkpoint-60", 60), ("run-2/checkpoint_1200/", 1200), ("ckpt 60", 60),
    ("3,200", 3200), ("320.0", 320), ("1.2k", 1200), ("2k", 2000), ("Checkpoint 60", 60),
    ("iteration 60", 60), ("(step 60)", 60), ("step #60", 60),
  ])
  func readsStepsInTheirNaturalForms(text: String, step: Int) {
    #expect(reader.number(text)?.value == step)
  }

  @Test(arguments: [
    "-4", "epoch 3", "60 or 80", "60, 80", "60.5", "soon", "", "step", "60 maybe", "- 60",
    "60 epochs", "1.2345k",
  ])
  func doesNotGuessANumber(text: String) {
    #expect(reader.number(text) == nil)
  }

  @Test(arguments: [
    ("A", 0), ("a", 0), ("(a)", 0), ("[B]", 1), ("b)", 1), ("C.", 2), ("d:", 3),
    ("A - stop early", 0), ("A: stop early", 0), ("A) stop early", 0), ("option A", 0),
    ("Option b.", 1), ("answer: C", 2), ("choice d", 3), ("(B) lower the learning rate", 1),
    ("B – add dropout", 1),
  ])
  func readsOptionLettersInCommonForms(text: String, index: Int) throws {
    let letter = try #require(reader.letter(text, optionCount: 4))
    #expect(letter.index == index)
    #expect(letter.isMarked)
  }

  @Test func keepsTheWordsAfterALetter() {
    #expect(reader.letter("A - stop early", optionCount: 4)?.rest == "stop early")
    #expect(reader.letter("(b) add dropout", optionCount: 4)?.rest == "add dropout")
    #expect(reader.letter("C", optionCount: 4)?.rest == "")
  }

  @Test func aLowercaseArticleIsNotALetter() {
    #expect(reader.letter("a smaller model", optionCount: 4) == nil)
    #expect(reader.letter("add dropout", optionCount: 4) == nil)
    #expect(reader.letter("E", optionCount: 4) == nil)
    #expect(reader.letter("early stopping", optionCount: 4) == nil)
    let capital = reader.letter("A smaller model", optionCount: 4)
    #expect(capital?.index == 0 && capital?.isMarked == false)
  }

  @Test(arguments: [
    ("helthy", Pattern.healthy), ("overfiting", .overfitting), ("Overfittting", .overfitting),
    ("undrfitting", .underfitting), ("errattic", .erratic), ("overfitt", .overfitting),
    ("healty", .healthy),
  ])
  func acceptsASmallMisspellingWithANote(text: String, pattern: Pattern) throws {
    let reading = try #require(reader.pattern(text))
    #expect(reading.value == pattern)
    #expect(reading.note == "accepted '\(text)' as \(pattern.rawValue)")
  }

  @Test(arguments: [
    ("reduce the learning rate", Remedy.Action.lowerLearningRate),
    ("Lower the learning-rate", .lowerLearningRate), ("use a bigger batch", .biggerBatch),
    ("add dropout", .dropout), ("Stop early", .earlyStopping), ("try weight decay", .weightDecay),
  ])
  func readsRemediesAsPeopleWriteThem(text: String, action: Remedy.Action) throws {
    let reading = try #require(reader.remedy(text))
    #expect(reading.value == action)
    #expect(reading.note == nil)
  }

  @Test func notesWordFormsAndMisspellingsOfRemedies() throws {
    let forms = try #require(reader.remedy("reducing the learning rate"))
    #expect(forms.value == .lowerLearningRate && forms.note != nil)
    let typo = try #require(reader.remedy("lower the learnign rate"))
    #expect(typo.value == .lowerLearningRate)
    #expect(typo.note == "accepted 'lower the learnign rate' as lower-learning-rate")
  }

  @Test func neverReadsOneAnswerAsAnother() {
    // Exactly the other name, and near-misses that sit between two names.
    #expect(reader.pattern("underfitting")?.value == .underfitting)
    #expect(reader.pattern("overfitting")?.value == .overfitting)
    #expect(reader.pattern("uverfitting") == nil)
    #expect(reader.pattern("onderfitting") == nil)
    #expect(reader.remedy("higher learning rate")?.value == .higherLearningRate)
    #expect(reader.pattern("fine-ish") == nil)
    #expect(AnswerReader.strict.pattern("helthy") == nil)
  }

  /// Every name changed by one edit (a letter dropped, added, changed, or two swapped) is read
  /// as that name or not at all; never as another answer, unless the change spells that other
  /// answer exactly.
  /// Remedy names are long, so their letters are changed only to the commonest typing slips
  /// (vowels and a few consonants), to keep the debug-build test quick.
  @Test func oneEditNeverCrossesToAnotherAnswer() {
    func variants(_ word: String, letters: [Character]) -> Set<String> {
      let characters = Array(word)
      var result = Set<String>()
      for i in characters.indices {
        var deleted = characters
        deleted.remove(at: i)
        result.insert(String(deleted))
        for letter in letters {
          var changed = characters
          changed[i] = letter
          result.insert(String(changed))
        }
        if i + 1 < characters.count {
          var swapped = characters
          swapped.swapAt(i, i + 1)
          result.insert(String(swapped))
        }
      }
      for i in 0...characters.count {
        for letter in letters {
          var inserted = characters
          inserted.insert(letter, at: i)
          result.insert(String(inserted))
        }
      }
      return result
    }
    for pattern in Pattern.allCases {
      for variant in variants(pattern.rawValue, letters: Array("abcdefghijklmnopqrstuvwxyz")) {
        guard let read = reader.pattern(variant)?.value, read != pattern else { continue }
        #expect(AnswerReader.strict.pattern(variant)?.value == read, "'\(variant)' read as \(read)")
      }
    }
    for action in Remedy.Action.allCases {
      for variant in variants(action.rawValue, letters: Array("aeiounrst")) {
        guard let read = reader.remedy(variant)?.value, read != action else { continue }
        #expect(AnswerReader.strict.remedy(variant)?.value == read, "'\(variant)' read as \(read)")
      }
    }
  }

  @Test func answersAreSetWithTheirNotes() {
    var answer = ExerciseAnswer()
    #expect(answer.read(.pattern, from: "helthy")?.note == "accepted 'helthy' as healthy")
    #expect(answer.pattern == .healthy)
    #expect(answer.read(.keepStep, from: "checkpoint-60")?.note == nil)
    #expect(answer.keepStep == 60)
    #expect(answer.read(.remedy, from: "banana") == nil)
    #expect(answer.remedy == nil)
  }
}
