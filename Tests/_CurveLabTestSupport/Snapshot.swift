import Foundation

/// Compares `actual` with the golden file `Snapshots/<name>.txt` beside the calling test file.
///
/// With `CURVELAB_RECORD=1` in the environment the file is (re)written instead and the
/// comparison passes. Returns a description of the first difference, or `nil` when they match.
public func snapshotMismatch(
  _ actual: String, named name: String, testFile: String = #filePath
) -> String? {
  let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let file = folder.appendingPathComponent("\(name).txt")
  if ProcessInfo.processInfo.environment["CURVELAB_RECORD"] == "1" {
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    do {
      try actual.write(to: file, atomically: true, encoding: .utf8)
      return nil
    } catch {
      return "could not record \(file.path): \(error)"
    }
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    return "no golden file at \(file.path); run the tests with CURVELAB_RECORD=1 to create it"
  }
  if expected == actual { return nil }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(expectedLines.count, actualLines.count) {
    let e = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
    let a = index < actualLines.count ? String(actualLines[index]) : "<end of output>"
    if e != a {
      return "\(name) differs at line \(index + 1):\n  expected: \(e)\n  actual:   \(a)"
    }
  }
  return "\(name) differs (line endings or trailing bytes)"
}
