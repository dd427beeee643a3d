import CSVCoding
import Testing

@Suite struct CSVErrorTests {
  @Test func messagesStartWithTheLine() {
    #expect(
      CSVError.unterminatedQuote(line: 5, field: 3).description
        == "line 5: quoted field 3 has no closing quote")
    #expect(
      CSVError.fieldCountMismatch(expected: 5, found: 4, line: 57).description
        == "line 57: expected 5 fields as in the header, found 4")
    #expect(
      CSVError.fieldCountMismatch(expected: 1, found: 2, line: 3).description
        == "line 3: expected 1 field as in the header, found 2")
    #expect(CSVError.missingHeader.description == "the CSV input is empty; expected a header line")
  }

  @Test func exposesTheLine() {
    #expect(CSVError.unterminatedQuote(line: 5, field: 1).line == 5)
    #expect(CSVError.fieldCountMismatch(expected: 2, found: 1, line: 9).line == 9)
    #expect(CSVError.missingHeader.line == nil)
  }
}
