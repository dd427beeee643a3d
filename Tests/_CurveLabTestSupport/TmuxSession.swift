import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program running in a real terminal: a detached tmux session on a private server, driven
/// by key presses, read back from the screen.
public final class TmuxSession {
  /// The tmux executable, when one is installed.
  public static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Whether tests that need tmux must run (and fail without it) rather than be left out:
  /// CI sets `CURVELAB_REQUIRE_TMUX=1` after installing it.
  public static var isRequired: Bool {
    ProcessInfo.processInfo.environment["CURVELAB_REQUIRE_TMUX"] == "1"
  }

  /// Why tmux cannot be used.
  public struct Unavailable: Error, CustomStringConvertible {
    public var description: String
  }

  private let socket = "curvelab-test-\(UUID().uuidString.prefix(8))"
  private let tmux: String
  /// Where the shell around the command writes its exit status. The pane's own "dead" flag
  /// cannot be trusted: a server started from a test runner's thread may inherit a mask that
  /// blocks SIGCHLD, and then it never reaps the program (seen as a zombie and a pane that
  /// stays alive forever).
  private let statusFile: String

  /// Starts `command` (a shell command line) in a `columns` × `rows` terminal.
  public init(command: String, columns: Int = 80, rows: Int = 30) throws {
    guard let tmux = Self.executable else {
      throw Unavailable(description: "tmux is not installed (apt-get install -y tmux)")
    }
    self.tmux = tmux
    statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status").path
    // The command runs in a subshell (so an `exec` in it replaces only that), and the shell
    // that waits for it writes its status; it waits by itself, whatever the server's mask.
    let wrapped = "( \(command) ); echo $? > '\(statusFile).part' && mv '\(statusFile).part' '\(statusFile)'"
    // The pane stays after the program ends, so its last screen and exit status can be read.
    let configuration = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(socket).conf").path
    try "set-option -g remain-on-exit on\n".write(toFile: configuration, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: configuration) }
    // The server starts here and outlives the call: it must not hold a pipe of ours open.
    let status = run(
      [
        "-f", configuration, "new-session", "-d", "-s", "main", "-x", String(columns), "-y",
        String(rows), wrapped,
      ], capturing: false
    ).status
    guard status == 0 else { throw Unavailable(description: "tmux new-session failed (\(status))") }
    processes = run(["display-message", "-p", "-t", "main", "#{pid} #{pane_pid}"]).output
      .split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
  }

  /// The server's and the program's process ids, to end them for sure: a server started from
  /// a test runner may inherit a signal mask that lets it ignore `kill-server`.
  private var processes: [Int32] = []

  deinit {
    _ = run(["kill-server"])
    try? FileManager.default.removeItem(atPath: statusFile)
    for process in processes where kill(process, 0) == 0 { kill(process, SIGKILL) }
  }

  /// Presses keys, in tmux's names (`Enter`, `q`, `Space`), or types text with `literal`.
  public func press(_ keys: String..., literal: Bool = false) {
    _ = run(["send-keys", "-t", "main"] + (literal ? ["-l"] : []) + keys)
  }

  /// What the screen shows now, one string per row.
  public var screen: String { run(["capture-pane", "-p", "-t", "main"]).output }

  /// The program's exit status once it has ended, `nil` while it runs.
  public var exitStatus: Int32? {
    guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Waits until the screen shows `text`, for at most `seconds` and no longer than the
  /// program runs; returns whether it did.
  @discardableResult
  public func wait(for text: String, seconds: Double = 30) -> Bool {
    _ = BuiltProgram.wait(seconds: seconds) { screen.contains(text) || exitStatus != nil }
    return screen.contains(text)
  }

  /// Waits until the screen differs from `previous`; returns whether it did.
  @discardableResult
  public func wait(changingFrom previous: String, seconds: Double = 30) -> Bool {
    BuiltProgram.wait(seconds: seconds) { screen != previous }
  }

  /// Waits until the screen differs from `previous` and then stays the same for `quiet`
  /// seconds (a program that draws a page in several writes has finished drawing it).
  @discardableResult
  public func wait(
    changingFrom previous: String, thenQuietFor quiet: Double, seconds: Double = 30
  ) -> Bool {
    guard wait(changingFrom: previous, seconds: seconds) else { return false }
    var last = screen
    return BuiltProgram.wait(seconds: seconds) {
      Thread.sleep(forTimeInterval: quiet)
      let now = screen
      defer { last = now }
      return now == last
    }
  }

  /// Runs tmux. The call that starts the server goes through a shell that first closes every
  /// descriptor above 2: the server outlives the call, and must not keep open a pipe or socket
  /// the test runner waits on.
  @discardableResult
  private func run(_ arguments: [String], capturing: Bool = true) -> (status: Int32, output: String) {
    let process = Process()
    if capturing {
      process.executableURL = URL(fileURLWithPath: tmux)
      process.arguments = ["-L", socket] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [
        "-c",
        #"for fd in /dev/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-" 2>/dev/null; done; exec "$0" "$@""#,
        tmux, "-L", socket,
      ] + arguments
    }
    let pipe = Pipe()
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = capturing ? pipe : FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "") }
    let data = capturing ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
