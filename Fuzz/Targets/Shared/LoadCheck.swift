// Shared by the reader targets: stops the run when a load breaks a promise
// (Tests/CurveIOTests/Hostile/LoadInvariants.swift says which).
import CurveCore
import CurveIO
import Foundation  // Links what CurveIO uses from Foundation and Glibc.

func checkLoad(_ bytes: [UInt8], name: String, format: LogFormat?) {
  if let violation = loadInvariantViolation(bytes, name: name, format: format) {
    fatalError("load invariant broken: \(violation)")
  }
}
