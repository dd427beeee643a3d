import ArgumentParsing
import Testing

@Suite struct ParsedArgumentsTests {
  @Test func fallsBackToTheDeclaredDefault() throws {
    let parsed = try Fixtures.parse(["overfit"])
    #expect(try parsed.value("learning-rate", as: Double.self) == 0.01)
    #expect(try parsed.value("seed", as: UInt64.self) == 42)
  }

  @Test func prefersTheGivenValueToTheDefault() throws {
    let parsed = try Fixtures.parse(["overfit", "--seed", "9"])
    #expect(try parsed.value("seed", as: UInt64.self) == 9)
  }

  @Test func returnsNilForAnAbsentOptionWithoutDefault() throws {
    let parsed = try Fixtures.parse(["overfit"])
    #expect(try parsed.value("batch-size", as: Int.self) == nil)
    #expect(try parsed.values("metric", as: String.self).isEmpty)
  }

  @Test func aRequiredOptionIsReturnedOrNamedWithItsValueNameWhenMissing() throws {
    let given = try Fixtures.parse(["overfit", "--batch-size", "16"])
    #expect(try given.required("batch-size", as: Int.self) == 16)
    #expect(try Fixtures.parse(["overfit"]).required("seed", as: UInt64.self) == 42)
    #expect(throws: ArgumentError.missingValue(option: "--batch-size", valueName: "N")) {
      try Fixtures.parse(["overfit"]).required("batch-size", as: Int.self)
    }
  }

  @Test func returnsNilForAnAbsentOptionalPositional() throws {
    let parsed = try Fixtures.parse(["overfit"])
    #expect(try parsed.value("logs", as: String.self) == nil)
  }

  @Test func countsOnlyGivenArgumentsAsSet() throws {
    let parsed = try Fixtures.parse(["overfit", "--epochs", "5"])
    #expect(parsed.isSet("epochs"))
    #expect(parsed.isSet("recipe"))
    #expect(!parsed.isSet("seed"))
    #expect(!parsed.isSet("logs"))
  }

  @Test func returnsTheLastValueOfARepeatableOption() throws {
    let parsed = try Fixtures.parse(["overfit", "-m", "loss", "-m", "accuracy"])
    #expect(try parsed.value("metric", as: String.self) == "accuracy")
  }

  @Test func infersTheTypeFromContext() throws {
    let parsed = try Fixtures.parse(["overfit", "--epochs", "12"])
    let epochs: Int? = try parsed.value("epochs")
    #expect(epochs == 12)
  }

  @Test func reportsAValueThatDoesNotConvert() throws {
    let parsed = try Fixtures.parse(["overfit", "--epochs", "many"])
    let error = ArgumentError.invalidValue(
      argument: "--epochs", value: "many", expected: "a whole number"
    )
    #expect(throws: error) { try parsed.value("epochs", as: Int.self) }
  }

  @Test func reportsAValueThatFailsValidation() throws {
    let parsed = try Fixtures.parse(["overfit", "--batch-size", "0"])
    let error = ArgumentError.invalidValue(
      argument: "--batch-size", value: "0", expected: "a positive whole number"
    )
    #expect(throws: error) { try parsed.value("batch-size", as: Int.self, validating: .positive) }
    #expect(
      error.description == "--batch-size: '0' is not valid: must be a positive whole number"
    )
  }

  @Test func describesTheValidationWhenConversionFails() throws {
    let parsed = try Fixtures.parse(["overfit", "--batch-size", "lots"])
    #expect(
      throws: ArgumentError.invalidValue(
        argument: "--batch-size", value: "lots", expected: "a positive whole number"
      )
    ) { try parsed.value("batch-size", as: Int.self, validating: .positive) }
  }

  @Test func acceptsAValueThatPassesValidation() throws {
    let parsed = try Fixtures.parse(["overfit", "--learning-rate", "0.3", "--batch-size", "16"])
    #expect(try parsed.value("learning-rate", as: Double.self, validating: .in(0...1)) == 0.3)
    #expect(try parsed.value("batch-size", as: Int.self, validating: .positive) == 16)
  }

  @Test func validatesEveryValueOfARepeatableOption() throws {
    let parsed = try Fixtures.parse(["overfit", "-m", "loss", "-m", "x"])
    let known = ArgumentValidation<String>("'loss' or 'accuracy'") {
      ["loss", "accuracy"].contains($0)
    }
    #expect(
      throws: ArgumentError.invalidValue(
        argument: "--metric", value: "x", expected: "'loss' or 'accuracy'"
      )
    ) { try parsed.values("metric", as: String.self, validating: known) }
  }

  @Test func validatesTheDefaultToo() throws {
    let parsed = try Fixtures.parse(["overfit"])
    #expect(
      throws: ArgumentError.invalidValue(
        argument: "--epochs", value: "100", expected: "a whole number from 1 to 10"
      )
    ) { try parsed.value("epochs", as: Int.self, validating: .in(1...10)) }
  }

  @Test func namesAPositionalInAngleBracketsWhenItIsInvalid() throws {
    let parsed = try Fixtures.parse(["three"], with: Fixtures.lesson)
    let error = ArgumentError.invalidValue(
      argument: "<number>", value: "three", expected: "a whole number"
    )
    #expect(throws: error) { try parsed.value("number", as: Int.self) }
    #expect(error.description == "<number>: 'three' is not valid: must be a whole number")
  }

  @Test func readsAnEnumerationChoice() throws {
    let parsed = try Fixtures.parse(["overfit", "--activation", "tanh"])
    #expect(try parsed.value("activation", as: Fixtures.Activation.self) == .tanh)
  }

  @Test func listsTheChoicesWhenAnEnumerationValueIsUnknown() throws {
    let parsed = try Fixtures.parse(["overfit", "--activation", "gelu"])
    let error = ArgumentError.invalidValue(
      argument: "--activation", value: "gelu", expected: "one of 'relu', 'tanh', 'sigmoid'"
    )
    #expect(throws: error) { try parsed.value("activation", as: Fixtures.Activation.self) }
    #expect(
      error.description
        == "--activation: 'gelu' is not valid: must be one of 'relu', 'tanh', 'sigmoid'"
    )
  }
}
