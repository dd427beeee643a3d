import CurveExercises
import Foundation
import JSONCoding
import SafeFileWriting

/// The output folder of `curvelab generate`, written safely.
///
/// - An existing folder that holds anything is refused unless ``replacesFiles`` is set
///   (`--force`). Even then only the set's own files are touched: the new set's are written,
///   and those an earlier set listed in its manifest but the new one does not write are
///   removed. A file of the instructor's own in the folder survives.
/// - Every file is written atomically: to a hidden temporary file beside it, then renamed over
///   it (see `SafeFile`).
/// - Every path is checked: relative, made of names without `..` or a leading dot, and, once
///   symbolic links are resolved, inside the folder.
public struct SetDirectory: Sendable {
  /// The folder, as given.
  public var path: String
  /// Whether an existing, non-empty folder may be written into.
  public var replacesFiles: Bool

  /// Creates a writer for `path`.
  public init(path: String, replacesFiles: Bool = false) {
    self.path = path
    self.replacesFiles = replacesFiles
  }

  /// Checks that the folder may be written: it is not a file, and it is empty or missing
  /// unless ``replacesFiles`` is set. Call it before the slow work, so a refusal is quick.
  public func checkWritable() throws(ClassroomError) {
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else { throw .outputIsAFile(path: path) }
    let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
    if !contents.isEmpty, !replacesFiles { throw .outputNotEmpty(path: path) }
  }

  /// Creates the folders `names` one level at a time below `root`, refusing a symbolic link or
  /// a file on the way, so nothing is ever created outside the set's folder.
  private func makeFolders(_ names: [String], under root: URL) throws(ClassroomError) {
    let manager = FileManager.default
    var folder = root
    for name in names {
      folder.appendPathComponent(name)
      if let type = (try? manager.attributesOfItem(atPath: folder.path))?[.type] as? FileAttributeType {
        guard type == .typeDirectory else { throw .escapesOutput(path: folder.path) }
        continue
      }
      do {
        try manager.createDirectory(at: folder, withIntermediateDirectories: false)
      } catch {
        throw .cannotWrite(path: folder.path, reason: (error as NSError).localizedDescription)
      }
    }
  }

  /// With `--force`: removes the files an earlier set in this folder listed in its manifest
  /// that the new set does not write, and the folders that leaves empty; nothing else.
  private func removeStaleFiles(keeping kept: Set<String>, root: URL) throws(ClassroomError) {
    let manager = FileManager.default
    let manifest = root.appendingPathComponent(SetManifest.fileName)
    guard let data = manager.contents(atPath: manifest.path),
      let value = try? JSONValue(parsing: [UInt8](data)),
      value["format"]?.stringValue == SetManifest.formatName,
      let listed = value["files"]?.arrayValue?.compactMap(\.stringValue)
    else { return }
    var folders = Set<String>()
    for path in listed where !kept.contains(path) {
      let components = path.split(separator: "/", omittingEmptySubsequences: false)
      guard !path.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else {
        continue
      }
      let url = components.reduce(root) { $0.appendingPathComponent(String($1)) }
      guard let type = (try? manager.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType,
        type == .typeRegular
      else { continue }
      do {
        try manager.removeItem(at: url)
      } catch {
        throw .cannotWrite(path: url.path, reason: (error as NSError).localizedDescription)
      }
      var folder = components.dropLast()
      while !folder.isEmpty {
        folders.insert(folder.joined(separator: "/"))
        folder = folder.dropLast()
      }
    }
    // Deepest first, and only when empty.
    for folder in folders.sorted(by: { $0.count > $1.count }) {
      let url = root.appendingPathComponent(folder)
      if (try? manager.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
        try? manager.removeItem(at: url)
      }
    }
  }

  /// Writes `files`, returning how many already existed and were replaced.
  @discardableResult
  public func write(_ files: [SetFile]) throws(ClassroomError) -> Int {
    try checkWritable()
    let manager = FileManager.default
    let root = URL(fileURLWithPath: path).standardizedFileURL
    do {
      try manager.createDirectory(at: root, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
    }
    let resolvedRoot = root.resolvingSymlinksInPath().path
    var checkedFolders: Set<String> = []
    var targets: [URL] = []
    for file in files {
      let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
      guard !file.path.hasPrefix("/"),
        components.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") })
      else { throw .escapesOutput(path: file.path) }
      let url = components.reduce(root) { $0.appendingPathComponent(String($1)) }
      let folder = url.deletingLastPathComponent()
      if !checkedFolders.contains(folder.path) {
        try makeFolders(components.dropLast().map(String.init), under: root)
        let resolved = folder.resolvingSymlinksInPath().path
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
          throw .escapesOutput(path: url.path)
        }
        checkedFolders.insert(folder.path)
      }
      targets.append(url)
    }
    if replacesFiles { try removeStaleFiles(keeping: Set(files.map(\.path)), root: root) }
    // The folders are in place and checked; the files are independent, so write them in
    // parallel.
    let urls = targets
    let outcomes = Parallel.map(files.count) { index -> Result<Bool, ClassroomError> in
      let url = urls[index]
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      if exists, isDirectory.boolValue {
        return .failure(.cannotWrite(path: url.path, reason: "it is a folder"))
      }
      do throws(SafeFile.Failure) {
        // Renamed into place without flushing: a set is made again from its seed, so losing
        // the last files to a power cut is acceptable and half-written files are not; flushing
        // two thousand files costs more than making them.
        try SafeFile.write(Array(files[index].contents.utf8), to: url.path, durability: .renamed)
      } catch {
        return .failure(.cannotWrite(path: url.path, reason: error.reason))
      }
      return .success(exists)
    }
    var replaced = 0
    for outcome in outcomes {
      switch outcome {
      case .success(let existed): replaced += existed ? 1 : 0
      case .failure(let error): throw error
      }
    }
    return replaced
  }
}
