import ArgumentParsing
import Testing

@Suite struct ArgumentValidationTests {
  @Test func positiveWholeNumbersExcludeZero() {
    let rule = ArgumentValidation<Int>.positive
    #expect(rule.isValid(1))
    #expect(!rule.isValid(0))
    #expect(!rule.isValid(-4))
    #expect(rule.requirement == "a positive whole number")
  }

  @Test func positiveNumbersExcludeZero() {
    let rule = ArgumentValidation<Double>.positive
    #expect(rule.isValid(1e-9))
    #expect(!rule.isValid(0))
    #expect(rule.requirement == "a number greater than 0")
  }

  @Test func numberRangesIncludeTheirBounds() {
    let rule = ArgumentValidation<Double>.in(0...1)
    #expect(rule.isValid(0) && rule.isValid(1))
    #expect(!rule.isValid(1.0001) && !rule.isValid(-0.1))
    #expect(rule.requirement == "a number from 0.0 to 1.0")
  }

  @Test func wholeNumberRangesIncludeTheirBounds() {
    let rule = ArgumentValidation<UInt64>.in(1...12)
    #expect(rule.isValid(1) && rule.isValid(12))
    #expect(!rule.isValid(0) && !rule.isValid(13))
    #expect(rule.requirement == "a whole number from 1 to 12")
  }

  @Test func customRulesKeepTheirWords() {
    let even = ArgumentValidation<Int>("an even number") { $0.isMultiple(of: 2) }
    #expect(even.isValid(4) && !even.isValid(3))
    #expect(even.requirement == "an even number")
  }
}
