import Foundation
import JSONCoding
import SafeFileWriting

/// Loads and saves progress in one file, so that nothing is lost: not by a crash in the middle
/// of a save, and not by two windows saving in turn.
///
/// The file lives under `$XDG_STATE_HOME/curvelab/progress.json` (by default
/// `~/.local/state/curvelab/progress.json`). Every save takes an advisory lock
/// (`progress.json.lock` beside it), re-reads the file, applies this window's changes on top
/// of what it holds (``CourseProgress``'s merge), writes a temporary file and renames it over
/// the old one. Temporary files left by an interrupted save are removed by the next save. A
/// file that cannot be read is moved aside to `progress.json.damaged-N` with a warning, never
/// overwritten silently; a file that is not CurveLab's is never touched.
///
/// ```swift
/// let store = ProgressStore(path: "/tmp/progress.json")
/// var progress = store.load().progress
/// progress.recordExercise("overfitting-1", fraction: 1)
/// progress = try store.save(progress)  // also holds what other windows saved meanwhile
/// ```
public struct ProgressStore: Sendable {
  /// The file.
  public var path: String

  /// Why a progress file could not be used.
  public struct Damage: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in a phrase.
    public var reason: String
    /// Whether the file looks like a damaged progress file (and may be moved aside), rather
    /// than someone else's file or a newer CurveLab's.
    public var isOurs: Bool = true
    public var description: String { reason }
  }

  /// A store at `path`.
  public init(path: String) { self.path = path }

  /// The default location for an environment.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/curvelab/progress.json"
    }
    guard let home = environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.local/state/curvelab/progress.json"
  }

  /// The lock file that serializes saves.
  var lockPath: String { path + ".lock" }

  /// The progress saved, or empty progress when there is none.
  ///
  /// A damaged progress file (a `.json` file that does not read as progress) is moved aside to
  /// `NAME.damaged-N` when `settingAsideDamage` is true, and `warning` says where. Anything
  /// else at the path (a folder, a file that is not JSON by name) is left alone, and
  /// ``save(_:)`` will refuse to write over it.
  public func load(settingAsideDamage: Bool = true) -> (progress: CourseProgress, warning: String?) {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
      return (CourseProgress().markedAsSaved(), nil)
    }
    if isFolder.boolValue {
      return (CourseProgress(), "\(path) is a folder, not a progress file; progress will not be saved (use --progress FILE)")
    }
    let damage: Damage
    do {
      return (try read().markedAsSaved(), nil)
    } catch {
      damage = error
    }
    guard path.hasSuffix(".json"), damage.isOurs else {
      return (CourseProgress(), "\(path) is not a progress file this CurveLab can use (\(damage.reason)); it was left alone and progress will not be saved to it")
    }
    guard settingAsideDamage else {
      return (CourseProgress(), "\(path) could not be used (\(damage.reason)); it was left as it is")
    }
    do {
      return try FileLock.holding(lockPath) {
        // Another window may have replaced the damaged file while this one waited.
        if let repaired = try? read() { return (repaired.markedAsSaved(), nil) }
        var number = 1
        while manager.fileExists(atPath: "\(path).damaged-\(number)") { number += 1 }
        let aside = "\(path).damaged-\(number)"
        try manager.moveItem(atPath: path, toPath: aside)
        return (CourseProgress().markedAsSaved(), "\(path) could not be used (\(damage.reason)); it was moved to \(aside) and progress starts afresh")
      }
    } catch {
      return (CourseProgress(), "\(path) could not be used (\(damage.reason)) nor moved aside (\(Self.reason(error))); progress will not be saved over it")
    }
  }

  /// The progress in the file, or why it is not progress.
  private func read() throws(Damage) -> CourseProgress {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Damage(reason: "it cannot be read")
    }
    let value: JSONValue
    do {
      value = try JSONValue(parsing: [UInt8](data))
    } catch {
      throw Damage(reason: "it is not valid JSON: \(error)")
    }
    return try CourseProgress(json: value)
  }

  /// Whether readable progress is already saved at the path.
  public var hasSavedProgress: Bool { (try? read()) != nil }

  /// Saves `progress`: under the lock, re-reads the file, applies the changes `progress` made
  /// since it was loaded (or last saved) on top of it, and writes the result atomically.
  ///
  /// Refuses to replace anything at the path that is not a progress file.
  ///
  /// - Returns: What the file now holds, this window's changes and every other window's, to
  ///   carry on from.
  @discardableResult
  public func save(_ progress: CourseProgress) throws -> CourseProgress {
    // Refuse a folder or someone else's file before creating anything beside it.
    _ = try readExisting()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    return try FileLock.holding(lockPath) {
      removeStaleTemporaryFiles()
      let onDisk = try readExisting() ?? CourseProgress()
      let merged = progress.merged(onto: onDisk)
      let text = merged.json.serialized(.python(indent: 2, sortsKeys: false)) + "\n"
      do throws(SafeFile.Failure) {
        try SafeFile.write(Array(text.utf8), to: path, durability: .flushed)
      } catch {
        throw FileLock.Failure(path: error.path, operation: error.operation, code: error.code)
      }
      return merged.markedAsSaved()
    }
  }

  /// The progress at the path, `nil` when there is no file, or an error when something else is
  /// there.
  private func readExisting() throws -> CourseProgress? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    if isFolder.boolValue { throw Damage(reason: "\(path) is a folder") }
    do {
      return try read()
    } catch {
      throw Damage(reason: "\(path) is not a CurveLab progress file (\(error.reason)), so it is not replaced")
    }
  }

  /// Removes what interrupted saves left beside the file: this version's temporary files
  /// (any that exist while the lock is held are stale), and the ones Foundation's atomic
  /// writing left in earlier versions, when they hold CurveLab progress and are a minute old.
  private func removeStaleTemporaryFiles() {
    let manager = FileManager.default
    let folder = (path as NSString).deletingLastPathComponent
    let prefix = SafeFile.temporaryPrefix(for: path)
    for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
      let candidate = (folder as NSString).appendingPathComponent(name)
      if name.hasPrefix(prefix) {
        try? manager.removeItem(atPath: candidate)
      } else if name.hasPrefix(".dat.nosync"), Self.isOldProgress(at: candidate) {
        try? manager.removeItem(atPath: candidate)
      }
    }
  }

  private static func isOldProgress(at path: String) -> Bool {
    let manager = FileManager.default
    guard let attributes = try? manager.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let modified = attributes[.modificationDate] as? Date,
      Date().timeIntervalSince(modified) > 60,
      let data = manager.contents(atPath: path),
      let value = try? JSONValue(parsing: [UInt8](data))
    else { return false }
    return (try? CourseProgress(json: value)) != nil
  }

  /// A plain reason for a failed file operation.
  static func reason(_ error: any Error) -> String {
    return (error as NSError).localizedDescription
  }
}
