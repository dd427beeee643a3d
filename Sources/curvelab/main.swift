import CurveLabCLI
import Foundation

var standardOutput = FileHandleOutputStream.standardOutput
var standardError = FileHandleOutputStream.standardError
let status = CurveLabCLI.run(
  Array(CommandLine.arguments.dropFirst()), context: .current(), output: &standardOutput,
  errors: &standardError)
exit(status)
