import Foundation
import SafeFileWriting

/// Writes files the safe way (``SafeFile``): to a temporary file beside the target, then
/// renamed over it, so a reader never sees half a file and a failure never destroys the old
/// one; a device such as `/dev/null` is written, never replaced.
enum FileWriting {
  static func writeAtomically(_ text: String, to path: String) throws(CLIError) {
    do {
      try SafeFile.write(Array(text.utf8), to: path, durability: .flushed)
    } catch {
      throw .cannotWrite(path: path, reason: Self.reason(for: error, at: URL(fileURLWithPath: path)))
    }
  }

  static func createFolder(_ path: String) throws(CLIError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
  }

  private static func reason(for error: SafeFile.Failure, at url: URL) -> String {
    let folder = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
      return "the folder '\(folder)' does not exist"
    }
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    {
      return "it is a folder"
    }
    return error.reason
  }
}
