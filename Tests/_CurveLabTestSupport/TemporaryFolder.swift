public import Foundation

/// Runs `body` with the path of a new, empty folder, removed (with all it holds) afterwards.
///
/// ```swift
/// try withTemporaryFolder { folder in
///   try "epoch,loss\n".write(toFile: folder + "/log.csv", atomically: true, encoding: .utf8)
/// }
/// ```
public func withTemporaryFolder(_ body: (String) throws -> Void) throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "curvelab-test-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  try body(folder.path)
}
