import CurveLabCLI
import Foundation
import TerminalCanvas

var standardOutput = FileHandleOutputStream.standardOutput
var standardError = FileHandleOutputStream.standardError
let status = CurveLabCLI.run(
  Array(CommandLine.arguments.dropFirst()), context: .current(), input: StandardInput(),
  output: &standardOutput, errors: &standardError)
exit(status)
