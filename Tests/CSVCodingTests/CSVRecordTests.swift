import CSVCoding
import Testing

@Suite struct CSVRecordTests {
  @Test func returnsFieldsByPositionAndNilPastTheEnd() {
    let record = CSVRecord(fields: ["0", "0.5"], line: 7)
    #expect(record.field(at: 0) == "0")
    #expect(record.field(at: 1) == "0.5")
    #expect(record.field(at: 2) == nil)
    #expect(record.field(at: -1) == nil)
    #expect(record.line == 7)
  }
}
