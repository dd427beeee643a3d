import CurveClassroom
import CurveExercises
import Foundation
import Testing
import _CurveLabTestSupport

/// The printable worksheets and keys: their structure, read back as XML. How they look on
/// paper was checked in headless Chromium (see Docs/instructors.md, "Printing").
@Suite struct WorksheetTests {
  private static func file(_ build: SetBuild, _ path: String) -> String? {
    build.files.first { $0.path == path }?.contents
  }

  private static func classes(_ element: ParsedXML) -> [String] {
    (element.attributes["class"] ?? "").split(separator: " ").map(String.init)
  }

  private static func elements(_ root: ParsedXML, class name: String) -> [ParsedXML] {
    root.allElements.filter { classes($0).contains(name) }
  }

  @Test func eachExerciseHasReadableChartsAndTheStepPanelWhereAStepIsAsked() throws {
    let html = try #require(Self.file(Fixtures.classBuild, "worksheet.html"))
    let root = try ParsedXML.parse(html).get()
    let exercises = Self.elements(root, class: "exercise")
    let generated = Fixtures.classBuild.sets[0].exercises
    #expect(exercises.count == generated.count)
    for (section, exercise) in zip(exercises, generated) {
      let loss = try #require(Self.elements(section, class: "loss").first?.elements(named: "svg").first)
      // The loss panel is drawn in points at 68% of an A4 text line (510 pt, 180 mm), the
      // share the stylesheet gives it, so it prints 122 mm wide with its text at its size.
      let width = try #require(Double(loss.attributes["width"] ?? ""))
      #expect(abs(width - 0.68 * 510) <= 1 && 0.68 * 180 >= 120)
      #expect(Double(loss.attributes["font-size"] ?? "") ?? 0 >= 9)
      let validation = Self.elements(section, class: "validation").first?.elements(named: "svg").first
      // A step is asked by the stop question and by the early-stopping (patience) question.
      let asksStep = exercise.solved.exercise.questions.contains {
        if case .patienceStop = $0 { return true }
        return $0 == .keepStep
      }
      #expect((validation != nil) == asksStep)
      if let validation {
        let evaluations = exercise.solved.log.evaluationEntries.filter { $0.loss?.isFinite == true }
        #expect(validation.elements(named: "circle").count == evaluations.count)
        let labels = validation.elements(named: "text").map(\.text)
        #expect(evaluations.map { String($0.step) }.allSatisfy(labels.contains))
      }
    }
  }

  /// Where the cause is asked, the sheet shows the run's settings (the engine reads the cause
  /// from them and the curves) and the four lettered causes in plain words, and the class key
  /// gives the keyed letter.
  @Test func aCauseQuestionShowsTheSettingsAndItsLetteredCauses() throws {
    let html = try #require(Self.file(Fixtures.classBuild, "worksheet.html"))
    let root = try ParsedXML.parse(html).get()
    let sections = Self.elements(root, class: "exercise")
    let generated = Fixtures.classBuild.sets[0].exercises
    let asked = zip(sections, generated).filter { $1.solved.exercise.questions.contains(.cause) }
    try #require(!asked.isEmpty, "the fixture set has an erratic run whose cause the engine names")
    for (section, exercise) in zip(sections, generated) {
      let settings = Self.elements(section, class: "settings").first
      #expect((settings != nil) == exercise.solved.exercise.questions.contains(.cause))
    }
    for (section, exercise) in asked {
      let settings = try #require(Self.elements(section, class: "settings").first)
      #expect(settings.allText.contains(exercise.solved.configuration.description))
      #expect(settings.allText.contains("batch \(exercise.solved.configuration.batchSize)"))
      let options = try #require(exercise.causeOptions)
      let cause = try #require(exercise.solved.key.causeAnswer)
      #expect(options.choices.count == CauseOptions.optionCount)
      #expect(options.choices.filter { cause.credit(for: $0) > 0 } == [cause.answer])
      let text = section.allText
      #expect(text.contains(Exercise.Question.cause.prompt))
      for choice in options.choices {
        #expect(text.contains(choice.plainWords.capitalisingFirstLetter))
      }
      let markdown = try #require(Self.file(Fixtures.classBuild, "worksheet.md"))
      let letter = try #require(options.letter(of: cause.answer))
      #expect(markdown.contains("   - **\(letter)** \(cause.answer.plainWords.capitalisingFirstLetter)\n"))
      let key = try #require(Self.file(Fixtures.classBuild, "key.html"))
      #expect(key.contains("<strong>\(letter)</strong> \(cause.answer.plainWords)"))
    }
  }

  @Test func sheetsHaveANameLineAndPageNumbers() throws {
    let html = try #require(Self.file(Fixtures.classBuild, "worksheet.html"))
    let root = try ParsedXML.parse(html).get()
    let identity = try #require(Self.elements(root, class: "identity").first)
    #expect(identity.allText.contains("Name") && identity.allText.contains("ID") && identity.allText.contains("Date"))
    #expect(html.contains("counter(page)") && html.contains("counter(pages)"))
    #expect(html.contains("break-inside: avoid"))
    #expect(html.contains(".charts .loss { flex: 0 0 68%; }"))
  }

  @Test func theClassPageHasASheetPerStudentWithTheirNameOnEveryPage() throws {
    let html = try #require(Fixtures.read(Fixtures.rosterFolder, "class.html"))
    let root = try ParsedXML.parse(html).get()
    let sheets = Self.elements(root, class: "sheet")
    #expect(sheets.count == Fixtures.roster.students.count)
    for (index, (sheet, student)) in zip(sheets, Fixtures.roster.students).enumerated() {
      #expect(Self.classes(sheet).contains("sheet\(index + 1)"))
      #expect(html.contains("@page sheet\(index + 1) { @top-right { content: \"\(student.name!) \\b7  \(student.id)\"; } }"))
      #expect(Self.elements(sheet, class: "identity").first?.allText.contains(student.name!) == true)
    }
    #expect(html.contains(".sheet + .sheet { break-before: page;"))
    let key = try ParsedXML.parse(try #require(Fixtures.read(Fixtures.rosterFolder, "class-key.html"))).get()
    #expect(Self.elements(key, class: "key-sheet").count == Fixtures.roster.students.count)
  }

  @Test func aStudentsOwnWorksheetNamesThemByIDOnly() throws {
    let html = try #require(Fixtures.read(Fixtures.rosterFolder, "students/ana/worksheet.html"))
    #expect(html.contains("CurveLab exercise set: ana"))
    #expect(!html.contains("Ana A"))
  }

  @Test func namesCannotBreakOutOfTheStylesheet() throws {
    let hostile = "x\"; } body { display: none } </style><script>url(evil)"
    let roster = try Roster(
      csv: "id,name\nzoe,\"\(hostile.replacingOccurrences(of: "\"", with: "\"\""))\"\nli,李 小龍\n",
      path: "r.csv")
    let spec = ExerciseSetSpec(count: 1, seed: 5, mix: try ExerciseMix(parsing: "erratic"))
    let build = try SetBuild(spec: spec, roster: roster, command: "test")
    let html = try #require(Self.file(build, "class.html"))
    let style = String(html[html.range(of: "<style>")!.upperBound..<html.range(of: "</style>")!.lowerBound])
    #expect(!style.contains("display: none") && !style.contains("url(") && !style.contains("<"))
    #expect(style.contains("content: \"李 小龍 \\b7  li\""))
    let root = try ParsedXML.parse(html).get()
    #expect(root.allText.contains(hostile))
  }

  @Test func anExamHandsOutNoSeedNoRecipeAndNoData() throws {
    let files = Fixtures.listing(Fixtures.examFolder)
    let handout = files.filter { $0.hasPrefix("handout/") }
    #expect(Set(handout) == [
      "handout/class.html", "handout/students/ana/worksheet.html",
      "handout/students/ana/worksheet.md", "handout/students/bo/worksheet.html",
      "handout/students/bo/worksheet.md",
    ])
    for path in handout {
      let text = try #require(Fixtures.read(Fixtures.examFolder, path))
      #expect(!text.contains("Seed"), "\(path) names the seed")
      #expect(!text.contains("trainer_state") && !text.contains("log.csv"), "\(path) points at data")
      #expect(!text.contains("curvelab simulate"), "\(path) holds a recipe")
    }
    #expect(files.contains("instructor/students/ana/key.json"))
    #expect(files.contains("instructor/students/bo/exercises/ex-001/trainer_state.json"))
    #expect(files.contains("instructor/class-key.html"))
    #expect(files.filter { !$0.hasPrefix("handout/") && !$0.hasPrefix("instructor/") } == ["manifest.json"])
  }

  @Test func anExamIsGradedFromItsInstructorFolder() throws {
    let key = try GradingKey(folder: Fixtures.examFolder)
    let item = try #require(key.items(for: "bo")?.first)
    let csv = "student,exercise,pattern\nbo,ex-001,\(item.solved.key.pattern.rawValue)\n"
    let grades = ClassGrades(sheet: try AnswerSheet(csv: csv, path: "a.csv"), key: key, policy: .weighted)
    #expect(grades.students.first { $0.id == "bo" }?.points == 2)
  }
}
