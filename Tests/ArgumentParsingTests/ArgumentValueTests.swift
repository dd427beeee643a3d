import ArgumentParsing
import Testing

@Suite struct ArgumentValueTests {
  @Test func readsWholeNumbers() {
    #expect(Int(argument: "-12") == -12)
    #expect(Int(argument: "+7") == 7)
    #expect(Int(argument: "1.5") == nil)
    #expect(Int(argument: "") == nil)
    #expect(Int(argument: "0x10") == nil)
  }

  @Test func readsUnsignedSeeds() {
    #expect(UInt64(argument: "18446744073709551615") == .max)
    #expect(UInt64(argument: "-1") == nil)
  }

  @Test func readsFiniteNumbersOnly() {
    #expect(Double(argument: "0.01") == 0.01)
    #expect(Double(argument: "-1e-3") == -0.001)
    #expect(Double(argument: "nan") == nil)
    #expect(Double(argument: "inf") == nil)
    #expect(Double(argument: "fast") == nil)
  }

  @Test func takesTextAsItIs() {
    #expect(String(argument: " spaced ") == " spaced ")
  }

  @Test(arguments: [("true", true), ("YES", true), ("false", false), ("No", false)])
  func readsBooleanWords(text: String, value: Bool) {
    #expect(Bool(argument: text) == value)
  }

  @Test func rejectsOtherBooleanWords() {
    #expect(Bool(argument: "1") == nil)
  }

  @Test func readsEnumerationChoicesByRawValue() {
    #expect(Fixtures.Activation(argument: "sigmoid") == .sigmoid)
    #expect(Fixtures.Activation(argument: "Sigmoid") == nil)
  }

  @Test func describesEachKindOfValue() {
    #expect(Int.requirement == "a whole number")
    #expect(UInt64.requirement == "a whole number, 0 or more")
    #expect(Double.requirement == "a number")
    #expect(String.requirement == "text")
    #expect(Bool.requirement == "true or false")
    #expect(Fixtures.Activation.requirement == "one of 'relu', 'tanh', 'sigmoid'")
  }
}
