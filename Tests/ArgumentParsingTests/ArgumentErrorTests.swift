import ArgumentParsing
import Testing

@Suite struct ArgumentErrorTests {
  static let messages: [(ArgumentError, String)] = [
    (
      .unknownOption("--lerning-rate", suggestion: "--learning-rate"),
      "unknown option '--lerning-rate'; did you mean '--learning-rate'?"
    ),
    (.unknownOption("-x", suggestion: nil), "unknown option '-x'"),
    (.missingValue(option: "--seed", valueName: "SEED"), "missing value for '--seed SEED'"),
    (
      .invalidValue(argument: "--batch-size", value: "0", expected: "a positive whole number"),
      "--batch-size: '0' is not valid: must be a positive whole number"
    ),
    (
      .unexpectedValue(flag: "--json", value: "yes"),
      "--json is a flag and takes no value, but was given 'yes'"
    ),
    (.unexpectedPositional("extra.json"), "unexpected argument 'extra.json'"),
    (.missingPositional("<lesson>"), "missing required argument <lesson>"),
    (.duplicateOption("--seed"), "--seed was given more than once"),
    (
      .unknownSubcommand("simulte", suggestion: "simulate"),
      "unknown subcommand 'simulte'; did you mean 'simulate'?"
    ),
    (.unknownSubcommand("fly", suggestion: nil), "unknown subcommand 'fly'"),
  ]

  @Test(arguments: messages)
  func describesEachMistakeForTheUser(error: ArgumentError, message: String) {
    #expect(error.description == message)
    #expect("\(error)" == message)
  }

  @Test func reachesTheUserThroughParsing() {
    let error = Fixtures.error(parsing: ["overfit", "--epoch", "3"])
    #expect(error?.description == "unknown option '--epoch'; did you mean '--epochs'?")
  }
}
