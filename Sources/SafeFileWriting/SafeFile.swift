public import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file so that a reader sees the old content or the new, never a part, and
/// never replaces what the path names by something else.
///
/// A regular file (or a new path) is written to a hidden temporary file beside it, then renamed
/// over it. A path that names something else is written as that thing expects:
/// - a symbolic link is followed, and the file it points to is replaced, so the link stays;
/// - a device, pipe or socket (`/dev/null`, `/dev/stdout`, a FIFO) is written in place:
///   renaming a file over `/dev/null`, as a plain atomic write does when run as root, would
///   replace the device for every program on the machine.
///
/// ```swift
/// try SafeFile.write(Array("hello\n".utf8), to: "out.txt")
/// try SafeFile.write(Array(report.utf8), to: "/dev/null")  // written, not replaced
/// ```
public enum SafeFile {
  /// How hard to try to keep the new content through a power cut.
  public enum Durability: Sendable {
    /// Rename only: a crash may lose the newest file, never leave half of one. For files that
    /// are made again from their inputs (a thousand exercises of a generated set).
    case renamed
    /// Flush the file and its folder to disk before returning: for what cannot be made again
    /// (a learner's progress).
    case flushed
  }

  /// What failed: the operation, the path it was done on, and the system's error number.
  public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path the failing call was made on (the temporary file's for "create" and "write").
    public var path: String
    /// What was being done: "create", "write", "flush", "replace", "open".
    public var operation: String
    /// The system's `errno`.
    public var code: Int32

    /// Creates a failure of `operation` on `path` with the system's error number `code`.
    public init(path: String, operation: String, code: Int32) {
      self.path = path
      self.operation = operation
      self.code = code
    }

    /// The system's message for ``code``.
    public var reason: String { String(cString: strerror(code)) }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
  }

  /// The start of the name of every temporary file written for `path`, so that a program can
  /// find and remove the ones an interrupted write left behind.
  public static func temporaryPrefix(for path: String) -> String {
    "." + (path as NSString).lastPathComponent + ".saving-"
  }

  /// Writes `bytes` to `path`, replacing what was there.
  public static func write(
    _ bytes: [UInt8], to path: String, durability: Durability = .renamed
  ) throws(Failure) {
    var status = stat()
    if stat(path, &status) == 0, !isRegularFile(status) {
      if isDirectory(status) { throw Failure(path: path, operation: "write", code: EISDIR) }
      try writeInPlace(bytes, to: path)
      return
    }
    try replace(resolvedTarget(of: path), with: bytes, durability: durability)
  }

  /// `write(_:to:durability:)` for `Data`.
  public static func write(
    _ data: Data, to path: String, durability: Durability = .renamed
  ) throws(Failure) {
    try write([UInt8](data), to: path, durability: durability)
  }

  /// The file a path names: itself, or where its chain of symbolic links ends (relative links
  /// resolved from the link's folder). A dangling link yields its target, to be created.
  static func resolvedTarget(of path: String) -> String {
    var current = path
    for _ in 0..<40 {  // the system's own limit on links followed
      var status = stat()
      guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
        let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
      else { return current }
      current =
        destination.hasPrefix("/")
        ? destination
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(destination)
    }
    return current
  }

  private static func isRegularFile(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFREG }
  private static func isDirectory(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFDIR }

  private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(Failure) {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw Failure(path: path, operation: "open", code: errno) }
    defer { close(descriptor) }
    // Back to blocking writes once open: O_NONBLOCK only kept a FIFO without a reader from
    // hanging the open.
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    try writeAll(bytes, to: descriptor, path: path)
  }

  private static func replace(
    _ path: String, with bytes: [UInt8], durability: Durability
  ) throws(Failure) {
    let folder = (path as NSString).deletingLastPathComponent
    let temporary = (folder as NSString).appendingPathComponent(
      temporaryPrefix(for: path) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw Failure(path: temporary, operation: "create", code: errno) }
    do throws(Failure) {
      try writeAll(bytes, to: descriptor, path: temporary)
      if durability == .flushed, fsync(descriptor) != 0 {
        throw Failure(path: temporary, operation: "flush", code: errno)
      }
      guard close(descriptor) == 0 else {
        throw Failure(path: temporary, operation: "write", code: errno)
      }
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let failure = Failure(path: path, operation: "replace", code: errno)
      unlink(temporary)
      throw failure
    }
    if durability == .flushed {
      // Make the rename itself durable.
      let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
      if directory >= 0 {
        fsync(directory)
        close(directory)
      }
    }
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(path: path, operation: "write", code: errno)
      }
      offset += written
    }
  }
}

/// The system's `write(2)`, by a name that does not clash with Swift's `write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
  #elseif canImport(Musl)
    return Musl.write(descriptor, bytes, count)
  #else
    return Darwin.write(descriptor, bytes, count)
  #endif
}
