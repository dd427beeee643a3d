import Foundation

/// Small file-system questions, answered through Foundation.
enum FileSystem {
  /// Whether `path` names an existing folder.
  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The names in a folder, sorted, hidden ones left out.
  static func entries(of path: String) throws(LogReadError) -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { throw .fileNotFound(path: path) }
    do {
      return try FileManager.default.contentsOfDirectory(atPath: path)
        .filter { !$0.hasPrefix(".") }.sorted()
    } catch {
      throw .unreadableFile(path: path, reason: "the folder could not be listed")
    }
  }

  /// `folder/name`, without doubling a trailing slash.
  static func join(_ folder: String, _ name: String) -> String {
    folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// Regular files at most `depth` folders below `path`, as paths, in sorted order.
  static func files(under path: String, depth: Int) -> [String] {
    guard let names = try? entries(of: path) else { return [] }
    var result: [String] = []
    for name in names {
      let child = join(path, name)
      if isDirectory(child) {
        if depth > 0 { result += files(under: child, depth: depth - 1) }
      } else {
        result.append(child)
      }
    }
    return result
  }
}

/// Finds the log files in a run folder.
enum LogFolder {
  /// The format and files to read for a folder; see ``LogLoader`` for the search order.
  static func resolve(_ path: String, format: LogFormat?) throws(LogReadError)
    -> (format: LogFormat, files: [String])
  {
    let names = try FileSystem.entries(of: path)
    func wants(_ candidate: LogFormat) -> Bool { format == nil || format == candidate }

    if wants(.trainerState), let state = trainerState(in: path, names: names) {
      return (.trainerState, [state])
    }
    if wants(.tensorBoard) {
      let events = FileSystem.files(under: path, depth: 3).filter {
        ($0.split(separator: "/").last ?? "").contains("tfevents")
      }
      if !events.isEmpty { return (.tensorBoard, events) }
    }
    if wants(.mlflow) {
      let metricsFolder = FileSystem.join(path, "metrics")
      if names.contains("metrics"), FileSystem.isDirectory(metricsFolder) {
        let files = FileSystem.files(under: metricsFolder, depth: 4)
        if !files.isEmpty { return (.mlflow, files) }
      }
      let files = names.map { FileSystem.join(path, $0) }.filter { !FileSystem.isDirectory($0) }
      if !files.isEmpty, files.allSatisfy(isMLflowMetricFile) { return (.mlflow, files) }
    }
    if wants(.lightning), let metrics = lightningMetrics(in: path, names: names) {
      return (.lightning, [metrics])
    }
    for (name, candidate) in [("results.csv", LogFormat.ultralytics), ("history.csv", .fastai)]
    where names.contains(name) && wants(candidate) {
      return (candidate, [FileSystem.join(path, name)])
    }
    if wants(.tensorBoardCSV) {
      let downloads = names.filter { $0.hasSuffix(".csv") && $0.contains("-tag-") }
      if !downloads.isEmpty {
        return (.tensorBoardCSV, downloads.map { FileSystem.join(path, $0) })
      }
    }
    var readable: [(LogFormat, String)] = []
    for name in names
    where [".csv", ".json", ".jsonl", ".log", ".txt"].contains(where: name.hasSuffix) {
      let file = FileSystem.join(path, name)
      guard !FileSystem.isDirectory(file), let prefix = try? LogSource.prefix(path: file),
        let detected = try? LogLoader.format(of: LogSource(path: file, bytes: prefix)),
        wants(detected)
      else { continue }
      readable.append((detected, file))
    }
    if readable.count == 1, let only = readable.first { return (only.0, [only.1]) }
    if let format, !readable.isEmpty, format.mergesFiles { return (format, readable.map(\.1)) }
    throw .noLogsInFolder(path: path, entries: names)
  }

  /// `trainer_state.json` at the top, else in the `checkpoint-N` folder with the largest N.
  static func trainerState(in path: String, names: [String]) -> String? {
    if names.contains("trainer_state.json") {
      return FileSystem.join(path, "trainer_state.json")
    }
    let checkpoints = names.compactMap { name -> (Int, String)? in
      guard name.hasPrefix("checkpoint-"), let number = Int(name.dropFirst(11)) else { return nil }
      let state = FileSystem.join(FileSystem.join(path, name), "trainer_state.json")
      return FileManager.default.fileExists(atPath: state) ? (number, state) : nil
    }
    return checkpoints.max { $0.0 < $1.0 }?.1
  }

  /// `metrics.csv` here, or in the newest `lightning_logs/version_N` (or `version_N`) below.
  private static func lightningMetrics(in path: String, names: [String]) -> String? {
    if names.contains("metrics.csv") { return FileSystem.join(path, "metrics.csv") }
    var folder = path
    var children = names
    if names.contains("lightning_logs") {
      folder = FileSystem.join(path, "lightning_logs")
      children = (try? FileSystem.entries(of: folder)) ?? []
    }
    let versions = children.compactMap { name -> (Int, String)? in
      guard name.hasPrefix("version_"), let number = Int(name.dropFirst(8)) else { return nil }
      let metrics = FileSystem.join(FileSystem.join(folder, name), "metrics.csv")
      return FileManager.default.fileExists(atPath: metrics) ? (number, metrics) : nil
    }
    return versions.max { $0.0 < $1.0 }?.1
  }

  private static func isMLflowMetricFile(_ path: String) -> Bool {
    guard let prefix = try? LogSource.prefix(path: path, count: 512),
      let format = LogFormat.detect(fileName: "", prefix: prefix)
    else { return false }
    return format == .mlflow
  }
}
