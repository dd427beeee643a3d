import ArgumentParsing
import Testing

@Suite struct CommandSpecParsingTests {
  // MARK: Options and flags

  @Test func readsAnOptionValueFromTheNextArgument() throws {
    let parsed = try Fixtures.parse(["overfit", "--epochs", "200"])
    #expect(try parsed.value("epochs", as: Int.self) == 200)
  }

  @Test func readsAnOptionValueAfterAnEqualsSign() throws {
    let parsed = try Fixtures.parse(["overfit", "--learning-rate=0.5"])
    #expect(try parsed.value("learning-rate", as: Double.self) == 0.5)
  }

  @Test func keepsEverythingAfterTheFirstEqualsSign() throws {
    let parsed = try Fixtures.parse(["overfit", "--metric=a=b", "--metric="])
    #expect(try parsed.values("metric", as: String.self) == ["a=b", ""])
  }

  @Test func readsAShortOptionValueFromTheNextArgument() throws {
    let parsed = try Fixtures.parse(["overfit", "-s", "7"])
    #expect(try parsed.value("seed", as: UInt64.self) == 7)
  }

  @Test(arguments: ["-0.5", "-3", "-.25", "-1e-3"])
  func acceptsANegativeNumberAsAnOptionValue(text: String) throws {
    let parsed = try Fixtures.parse(["overfit", "--learning-rate", text])
    #expect(try parsed.value("learning-rate", as: String.self) == text)
  }

  @Test func acceptsANegativeNumberAfterAShortOption() throws {
    let parsed = try Fixtures.parse(["overfit", "-l", "-0.5"])
    #expect(try parsed.value("learning-rate", as: Double.self) == -0.5)
  }

  @Test func treatsANegativeNumberOnItsOwnAsAPositional() throws {
    let parsed = try Fixtures.parse(["-2", "-0.5"])
    #expect(parsed.positionals == ["-2", "-0.5"])
  }

  @Test func acceptsALoneDashAsAValue() throws {
    let parsed = try Fixtures.parse(["-", "--metric", "-"])
    #expect(parsed.positionals == ["-"])
    #expect(try parsed.values("metric", as: String.self) == ["-"])
  }

  @Test func setsFlagsByLongAndShortName() throws {
    let parsed = try Fixtures.parse(["overfit", "--json", "-f"])
    #expect(parsed.isSet("json"))
    #expect(parsed.isSet("force"))
    #expect(!parsed.isSet("no-color"))
  }

  @Test func acceptsAFlagGivenTwice() throws {
    let parsed = try Fixtures.parse(["overfit", "--json", "--json"])
    #expect(parsed.isSet("json"))
  }

  @Test func collectsARepeatableOptionInOrder() throws {
    let parsed = try Fixtures.parse([
      "overfit", "--metric", "loss", "-m", "accuracy", "--metric=f1",
    ])
    #expect(try parsed.values("metric", as: String.self) == ["loss", "accuracy", "f1"])
  }

  @Test func mixesOptionsAndPositionalsInAnyOrder() throws {
    let parsed = try Fixtures.parse(["--json", "overfit", "-s", "3", "a.json", "b.json"])
    #expect(parsed.positionals == ["overfit", "a.json", "b.json"])
    #expect(try parsed.value("recipe", as: String.self) == "overfit")
    #expect(try parsed.values("logs", as: String.self) == ["a.json", "b.json"])
    #expect(try parsed.value("seed", as: Int.self) == 3)
  }

  // MARK: The separator

  @Test func treatsEverythingAfterDoubleDashAsPositional() throws {
    let parsed = try Fixtures.parse(["--json", "--", "--epochs", "-h", "--"])
    #expect(parsed.positionals == ["--epochs", "-h", "--"])
    #expect(parsed.isSet("json"))
    #expect(!parsed.isSet("epochs"))
  }

  @Test func doesNotTakeDoubleDashAsAnOptionValue() {
    #expect(
      Fixtures.error(parsing: ["overfit", "--seed", "--", "3"])
        == .missingValue(option: "--seed", valueName: "SEED")
    )
  }

  // MARK: Help

  @Test(arguments: [["-h"], ["--help"], ["overfit", "--epochs", "3", "--help"]])
  func recognisesARequestForHelp(arguments: [String]) throws {
    #expect(try Fixtures.simulate.parse(arguments) == .helpRequested(Fixtures.simulate))
  }

  @Test func givesHelpPriorityOverOtherMistakes() throws {
    let outcome = try Fixtures.simulate.parse(["--bogus", "--epochs", "--help"])
    #expect(outcome == .helpRequested(Fixtures.simulate))
  }

  @Test func reportsMistakesWhenHelpFollowsTheSeparator() {
    #expect(
      Fixtures.error(parsing: ["--bogus", "--", "--help"])
        == .unknownOption("--bogus", suggestion: nil)
    )
  }

  @Test func givesHelpForTheSubcommandItFollows() throws {
    let outcome = try Fixtures.curvelab.parse(["simulate", "--help"])
    let simulate = try #require(Fixtures.curvelab.subcommand(named: "simulate"))
    #expect(outcome == .helpRequested(simulate))
    #expect(simulate.fullName == "curvelab simulate")
  }

  @Test func givesHelpForTheRootBeforeASubcommand() throws {
    #expect(try Fixtures.curvelab.parse(["-h", "simulate"]) == .helpRequested(Fixtures.curvelab))
    #expect(try Fixtures.curvelab.parse(["simulte", "-h"]) == .helpRequested(Fixtures.curvelab))
  }

  // MARK: Subcommands

  @Test func parsesTheRestAgainstTheNamedSubcommand() throws {
    let parsed = try Fixtures.parse(["lesson", "7"], with: Fixtures.curvelab)
    #expect(parsed.command.fullName == "curvelab lesson")
    #expect(parsed.positionals == ["7"])
    #expect(try parsed.value("number", as: Int.self) == 7)
  }

  @Test func acceptsParentOptionsBeforeTheSubcommand() throws {
    let parsed = try Fixtures.parse(
      ["--course-root", "/tmp/course", "lesson", "3"], with: Fixtures.curvelab
    )
    #expect(try parsed.value("course-root", as: String.self) == "/tmp/course")
    #expect(try parsed.value("number", as: Int.self) == 3)
  }

  @Test func rejectsParentOptionsAfterTheSubcommand() {
    #expect(
      Fixtures.error(parsing: ["lesson", "3", "--course-root", "x"], with: Fixtures.curvelab)
        == .unknownOption("--course-root", suggestion: nil)
    )
  }

  @Test func leavesChoosingASubcommandToTheCallerWhenNoneIsGiven() throws {
    let parsed = try Fixtures.parse([], with: Fixtures.curvelab)
    #expect(parsed.command == Fixtures.curvelab)
    #expect(parsed.positionals.isEmpty)
  }

  // MARK: Mistakes

  @Test func suggestsTheNearestLongOptionForAnUnknownOne() {
    #expect(
      Fixtures.error(parsing: ["overfit", "--lerning-rate", "0.1"])
        == .unknownOption("--lerning-rate", suggestion: "--learning-rate")
    )
  }

  @Test func suggestsNothingForAnUnknownOptionFarFromAllOthers() {
    #expect(
      Fixtures.error(parsing: ["overfit", "--verbose"])
        == .unknownOption("--verbose", suggestion: nil)
    )
  }

  @Test func namesAnUnknownOptionWithoutItsInlineValue() {
    #expect(
      Fixtures.error(parsing: ["overfit", "--sed=3"])
        == .unknownOption("--sed", suggestion: "--seed")
    )
  }

  @Test func suggestsHelpForAMisspeltHelp() {
    #expect(Fixtures.error(parsing: ["--hlep"]) == .unknownOption("--hlep", suggestion: "--help"))
  }

  @Test func reportsAnUnknownShortOptionWithoutSuggestion() {
    #expect(Fixtures.error(parsing: ["overfit", "-x"]) == .unknownOption("-x", suggestion: nil))
  }

  @Test func suggestsTheLongFormForAWordAfterASingleDash() {
    #expect(
      Fixtures.error(parsing: ["overfit", "-seed", "3"])
        == .unknownOption("-seed", suggestion: "--seed")
    )
  }

  @Test func reportsAnOptionWithNothingAfterIt() {
    #expect(
      Fixtures.error(parsing: ["overfit", "--epochs"])
        == .missingValue(option: "--epochs", valueName: "N")
    )
  }

  @Test func reportsAnOptionFollowedByAnotherOption() {
    #expect(
      Fixtures.error(parsing: ["overfit", "-s", "--json"])
        == .missingValue(option: "-s", valueName: "SEED")
    )
  }

  @Test func rejectsAValueGivenToAFlag() {
    #expect(
      Fixtures.error(parsing: ["overfit", "--json=yes"])
        == .unexpectedValue(flag: "--json", value: "yes")
    )
  }

  @Test func rejectsAValueGivenToHelp() {
    #expect(
      Fixtures.error(parsing: ["--help=me"]) == .unexpectedValue(flag: "--help", value: "me")
    )
  }

  @Test func rejectsAPositionalBeyondThoseDeclared() {
    #expect(
      Fixtures.error(parsing: ["7", "8"], with: Fixtures.lesson) == .unexpectedPositional("8")
    )
  }

  @Test func reportsAMissingRequiredPositional() {
    #expect(Fixtures.error(parsing: ["--json"]) == .missingPositional("<recipe>"))
  }

  @Test func rejectsANonRepeatableOptionGivenTwice() {
    #expect(
      Fixtures.error(parsing: ["overfit", "-s", "1", "--seed=2"]) == .duplicateOption("--seed")
    )
  }

  @Test func suggestsTheNearestSubcommandForAnUnknownOne() {
    #expect(
      Fixtures.error(parsing: ["simulte"], with: Fixtures.curvelab)
        == .unknownSubcommand("simulte", suggestion: "simulate")
    )
    #expect(
      Fixtures.error(parsing: ["quiz"], with: Fixtures.curvelab)
        == .unknownSubcommand("quiz", suggestion: nil)
    )
  }
}
