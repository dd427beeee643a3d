import Foundation

/// Writes files the safe way: to a temporary file beside the target, then renamed over it, so
/// a reader never sees half a file and a failure never destroys the old one.
enum FileWriting {
  static func writeAtomically(_ text: String, to path: String) throws(CLIError) {
    let url = URL(fileURLWithPath: path)
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      throw .cannotWrite(path: path, reason: Self.reason(for: error, at: url))
    }
  }

  static func createFolder(_ path: String) throws(CLIError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: path, reason: error.localizedDescription)
    }
  }

  private static func reason(for error: any Error, at url: URL) -> String {
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
    return (error as NSError).localizedDescription
  }
}
