public import Foundation

/// The `curvelab` executable that `swift test` built beside the tests, for tests that drive
/// real processes (two windows saving progress, a terminal session in tmux).
public enum BuiltProgram {
  /// The package root: Tests/_CurveLabTestSupport/BuiltProgram.swift → ../..
  public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// The path of the built `curvelab`: in the folder of the running test binary or one of its
  /// parents (a macOS test bundle sits a few levels below it).
  public static var curvelab: String? {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = folder.appendingPathComponent("curvelab").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }

  /// Waits until `condition` holds, checking every 50 ms, for at most `seconds`; returns
  /// whether it held.
  public static func wait(seconds: Double, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      Thread.sleep(forTimeInterval: 0.05)
    }
    return condition()
  }
}

/// A `curvelab` process with a pipe to its standard input, for tests.
public final class ProgramProcess {
  public let process = Process()
  private let input = Pipe()
  /// Where its standard output and errors go.
  public let outputPath: String

  /// Starts `curvelab arguments` with `environment` added to a minimal one.
  public init(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
    outputPath = FileManager.default.temporaryDirectory
      .appendingPathComponent("curvelab-process-\(UUID().uuidString).txt").path
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"].merging(environment) { $1 }
    process.currentDirectoryURL = URL(fileURLWithPath: BuiltProgram.packageRoot)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
  }

  /// Sends lines to its standard input.
  public func send(_ lines: [String]) {
    input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  /// Closes its standard input and waits for it to exit; returns its status.
  @discardableResult
  public func finish() -> Int32 {
    try? input.fileHandleForWriting.close()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// What it has written so far.
  public var output: String {
    (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }
}
