import CSVCoding
import Testing

@Suite struct CSVWriterTests {
  @Test func quotesOnlyWhenNeeded() {
    let writer = CSVWriter()
    #expect(writer.line(["0", "0.5", "plain text"]) == "0,0.5,plain text\n")
    #expect(
      writer.line(["a,b", "say \"hi\"", "two\nlines", "cr\r"])
        == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n")
    #expect(writer.line([" padded", "tab\t", ""]) == "\" padded\",\"tab\t\",\n")
  }

  @Test func quotesALoneEmptyFieldSoTheLineIsNotBlank() {
    #expect(CSVWriter().line([""]) == "\"\"\n")
    #expect(CSVWriter().line([String]()) == "\n")
  }

  @Test func usesItsSeparator() {
    let writer = CSVWriter(separator: ";")
    #expect(writer.line(["1", "0,5", "a;b"]) == "1;0,5;\"a;b\"\n")
  }

  @Test func writesAHeaderAndRows() {
    let text = CSVWriter().text(header: ["epoch", "loss"], rows: [["0", "0.9"], ["1", "0.7"]])
    #expect(text == "epoch,loss\n0,0.9\n1,0.7\n")
  }

  @Test func writesToAStream() {
    var output = "# log\n"
    CSVWriter().write(["a", "b"], to: &output)
    #expect(output == "# log\na,b\n")
  }

  @Test func roundTripsThroughTheReader() throws {
    let header = ["run name", "note", "loss"]
    let rows = [
      ["run-1", "warm-up, lr=1e-4", "0.9"], ["  spaced  ", "quote \" inside", ""],
      ["multi\r\nline", "", "0.5"],
    ]
    let text = CSVWriter().text(header: header, rows: rows)
    let table = try CSVTable(parsing: text)
    #expect(table.header == header)
    #expect(table.records.map(\.fields) == rows)
    #expect(table.serialized() == text)
  }

  @Test func serializesATableWithItsSeparator() throws {
    let table = try CSVTable(parsing: "a;b\n1;2\n")
    #expect(table.serialized() == "a;b\n1;2\n")
  }
}
