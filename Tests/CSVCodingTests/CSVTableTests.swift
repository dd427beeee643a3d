import CSVCoding
import Testing

@Suite struct CSVTableTests {
  @Test func readsASimpleFile() throws {
    let table = try CSVTable(parsing: "epoch,loss,val_loss\n0,0.91,0.95\n1,0.62,0.70\n")
    #expect(table.header == ["epoch", "loss", "val_loss"])
    #expect(table.headerLine == 1)
    #expect(table.separator == ",")
    #expect(table.records.map(\.fields) == [["0", "0.91", "0.95"], ["1", "0.62", "0.70"]])
    #expect(table.records.map(\.line) == [2, 3])
    #expect(table.values(inColumn: "val_loss") == ["0.95", "0.70"])
    #expect(table.values(inColumn: "accuracy") == nil)
    #expect(table.columnIndex(named: "loss") == 1)
    #expect(table.field("loss", in: table.records[1]) == "0.62")
  }

  @Test func readsKerasCSVLoggerOutputWrittenOnWindows() throws {
    // Keras opens the file in text mode and writes "\r\n", which Windows turns into "\r\r\n".
    let text =
      "epoch,accuracy,loss,val_accuracy,val_loss\r\r\n"
      + "0,0.8512,0.4312,0.8807,0.3521\r\r\n"
      + "1,0.8903,0.3011,0.8911,0.2987\r\r\n"
    let table = try CSVTable(parsing: text)
    #expect(table.header == ["epoch", "accuracy", "loss", "val_accuracy", "val_loss"])
    #expect(table.records.count == 2)
    #expect(table.records[1].fields.last == "0.2987")
    #expect(table.records.map(\.line) == [2, 3])
  }

  @Test func readsEveryKindOfLineEnd() throws {
    let table = try CSVTable(parsing: "a,b\r\n1,2\n3,4\r5,6\r\r\n7,8")
    #expect(table.records.map(\.fields) == [["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]])
    #expect(table.records.map(\.line) == [2, 3, 4, 5])
  }

  @Test func trimsUltralyticsPaddedColumns() throws {
    let text = """
                        epoch,         train/box_loss,         train/obj_loss,   metrics/precision
                            0,                0.10067,               0.043808,          0.00085763
                            1,               0.086204,               0.045921,            0.010853

      """
    let table = try CSVTable(parsing: text)
    #expect(table.header == ["epoch", "train/box_loss", "train/obj_loss", "metrics/precision"])
    #expect(table.records.map { $0.fields[1] } == ["0.10067", "0.086204"])
    #expect(table.values(inColumn: "metrics/precision") == ["0.00085763", "0.010853"])
  }

  @Test func readsQuotedWeightsAndBiasesHeaders() throws {
    let text = """
      "Step","run-1 - train/loss","run-1 - train/loss__MIN","run-1 - train/loss__MAX"
      "1","0.9","0.9","0.9"
      "2","0.7","0.65","0.75"
      """
    let table = try CSVTable(parsing: text)
    #expect(
      table.header == [
        "Step", "run-1 - train/loss", "run-1 - train/loss__MIN", "run-1 - train/loss__MAX",
      ])
    #expect(table.field("run-1 - train/loss__MIN", in: table.records[1]) == "0.65")
  }

  @Test func keepsEmptyCellsOfLightningMetrics() throws {
    let text =
      "epoch,step,train_loss,val_loss,val_acc\n0,49,0.693,,\n0,99,0.65,,\n0,99,,0.61,0.70\n"
    let table = try CSVTable(parsing: text)
    #expect(table.values(inColumn: "val_loss") == ["", "", "0.61"])
    #expect(table.values(inColumn: "train_loss") == ["0.693", "0.65", ""])
  }

  @Test func readsTensorBoardAndFastaiExports() throws {
    let tensorBoard = try CSVTable(parsing: "Wall time,Step,Value\n1700000000.123,1,0.693\n")
    #expect(tensorBoard.header == ["Wall time", "Step", "Value"])
    let fastai = try CSVTable(
      parsing: "epoch,train_loss,valid_loss,accuracy,time\n0,0.512,0.401,0.871,00:12\n")
    #expect(fastai.field("time", in: fastai.records[0]) == "00:12")
  }

  @Test func unquotesSeparatorsDoubledQuotesAndLineBreaks() throws {
    let text = "name,note,value\n\"a,b\",\"say \"\"hi\"\"\nthen go\",1\nplain,\"\",2\n"
    let table = try CSVTable(parsing: text)
    #expect(table.records[0].fields == ["a,b", "say \"hi\"\nthen go", "1"])
    #expect(table.records[1].fields == ["plain", "", "2"])
    #expect(table.records.map(\.line) == [2, 4])
  }

  @Test func keepsSpacesInsideQuotesAndTextAfterAClosingQuote() throws {
    let table = try CSVTable(parsing: "a,b,c\n  \" x \" , \"ab\"cd ,e\"f\n")
    #expect(table.records[0].fields == [" x ", "abcd", "e\"f"])
  }

  @Test func skipsAByteOrderMarkAndBlankLines() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\n\nepoch,loss\n\n0,1\n   \n1,2\n\n".utf8)
    let table = try CSVTable(parsing: bytes)
    #expect(table.header == ["epoch", "loss"])
    #expect(table.headerLine == 3)
    #expect(table.records.map(\.line) == [5, 7])
    #expect(try CSVTable(parsing: bytes[...]) == table)
  }

  @Test func detectsSemicolonsAndTabs() throws {
    let semicolons = try CSVTable(parsing: "epoch;loss;val_loss\n0;0,91;0,95\n1;0,62;0,70\n")
    #expect(semicolons.separator == ";")
    #expect(semicolons.records[0].fields == ["0", "0,91", "0,95"])
    let tabs = try CSVTable(parsing: "Wall time\tStep\tValue\n1.5\t1\t0.693\n")
    #expect(tabs.separator == "\t")
    #expect(tabs.header == ["Wall time", "Step", "Value"])
  }

  @Test func fallsBackToCommasForASingleColumn() throws {
    let table = try CSVTable(parsing: "loss\n0.5\n0.4\n")
    #expect(table.separator == ",")
    #expect(table.values(inColumn: "loss") == ["0.5", "0.4"])
  }

  @Test func prefersTheSeparatorOnWhichRowsAgreeWithTheHeader() throws {
    // Commas give 2 fields in the header but 3 below; semicolons agree throughout.
    let table = try CSVTable(parsing: "run, seed;loss\na, 1;0,5\nb, 2;0,25\n")
    #expect(table.separator == ";")
    #expect(table.header == ["run, seed", "loss"])
  }

  @Test func usesTheGivenSeparator() throws {
    let options = CSVReadingOptions(separator: "|")
    let table = try CSVTable(parsing: "a|b\n1|2,5\n", options: options)
    #expect(table.records[0].fields == ["1", "2,5"])
    #expect(table.separator == "|")
  }

  @Test func keepsWhitespaceWhenNotTrimming() throws {
    let table = try CSVTable(parsing: "a, b\n1, 2\n", options: .rfc4180)
    #expect(table.header == ["a", " b"])
    #expect(table.records[0].fields == ["1", " 2"])
  }

  @Test func keepsTabsInsideFieldsOfTabSeparatedFiles() throws {
    let options = CSVReadingOptions(separator: "\t")
    let table = try CSVTable(
      parsing: "a\tb\n1\t\t\n",
      options: CSVReadingOptions(
        separator: "\t", allowsRaggedRows: true))
    #expect(table.records[0].fields == ["1", "", ""])
    #expect(throws: CSVError.fieldCountMismatch(expected: 2, found: 3, line: 2)) {
      try CSVTable(parsing: "a\tb\n1\t\t\n", options: options)
    }
  }

  @Test func rejectsRecordsWithAnotherFieldCount() {
    #expect(throws: CSVError.fieldCountMismatch(expected: 3, found: 2, line: 4)) {
      try CSVTable(parsing: "a,b,c\n1,2,3\n\n4,5\n")
    }
  }

  @Test func acceptsRaggedRecordsWhenAllowed() throws {
    let options = CSVReadingOptions(allowsRaggedRows: true)
    let table = try CSVTable(parsing: "a,b,c\n1,2\n3,4,5,6\n", options: options)
    #expect(table.records.map(\.fields.count) == [2, 4])
    #expect(table.field("c", in: table.records[0]) == nil)
    #expect(table.values(inColumn: "c") == [nil, "5"])
  }

  @Test func reportsAnUnterminatedQuoteWhereItStarts() {
    #expect(throws: CSVError.unterminatedQuote(line: 3, field: 2)) {
      try CSVTable(parsing: "a,b\n1,2\n3,\"never closed\n4,5\n")
    }
  }

  @Test func rejectsInputWithoutAHeader() {
    #expect(throws: CSVError.missingHeader) { try CSVTable(parsing: "") }
    #expect(throws: CSVError.missingHeader) { try CSVTable(parsing: "\r\n  \n") }
  }

  @Test func readsAHeaderWithoutRecords() throws {
    let table = try CSVTable(parsing: "epoch,loss")
    #expect(table.header == ["epoch", "loss"])
    #expect(table.records.isEmpty)
  }

  @Test func keepsATrailingEmptyField() throws {
    let table = try CSVTable(parsing: "a,b,\n1,2,")
    #expect(table.header == ["a", "b", ""])
    #expect(table.records[0].fields == ["1", "2", ""])
  }

  @Test func replacesInvalidUTF8() throws {
    let table = try CSVTable(parsing: Array("name\n".utf8) + [0x61, 0xFF, 0x62] + [0x0A])
    #expect(table.records[0].fields == ["a\u{FFFD}b"])
  }

  @Test func readsAMultiMegabyteFileQuickly() throws {
    var text = "epoch,step,loss,val_loss\n"
    for step in 0..<100_000 {
      text += "\(step / 1000),\(step),\(1.0 / Double(step + 1)),\"\(0.5 + Double(step) * 1e-6)\"\n"
    }
    let clock = ContinuousClock()
    var table: CSVTable?
    let elapsed = try clock.measure { table = try CSVTable(parsing: text) }
    #expect(table?.records.count == 100_000)
    #expect(table?.records.last?.line == 100_001)
    #expect(elapsed < .seconds(5))
  }
}
