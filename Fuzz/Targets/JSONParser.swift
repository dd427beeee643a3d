// libFuzzer target: the JSON parser alone, checked against Foundation's JSONSerialization.
//
// Every input is parsed as a document (strict and Python options), as JSON Lines, and with
// the streaming reader; a crash, a memory error or a disagreement with Foundation that is not
// one of the documented differences (JSONOracle) stops the run.
import Foundation
import JSONCoding

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let document = try? JSONDocument(parsing: bytes) { _ = document.value }
  _ = try? JSONLines.parse(bytes)
  var elements = 0
  let streamed = try? JSONDocument(parsing: bytes, streamingArrayAt: "log_history") { node in
    elements += 1
    _ = node.value
    _ = node.location
  }
  _ = streamed?.value
  if let problem = JSONOracle.disagreement(bytes) {
    fatalError("JSON oracle: \(problem) for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
  }
  return 0
}
