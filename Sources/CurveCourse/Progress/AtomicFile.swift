import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a whole file so that readers see either the old content or the new, never a part:
/// a temporary file in the same folder, flushed to disk, then renamed over the target.
enum AtomicFile {
  /// The start of the name of every temporary file written for `path`.
  static func temporaryPrefix(for path: String) -> String {
    "." + (path as NSString).lastPathComponent + ".saving-"
  }

  /// Writes `data` to `path` atomically.
  static func write(_ data: Data, to path: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let temporary = (folder as NSString).appendingPathComponent(
      temporaryPrefix(for: path) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw FileLock.Failure(path: temporary, operation: "create", code: errno) }
    var failure: FileLock.Failure?
    data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = FileLock.Failure(path: temporary, operation: "write", code: errno)
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 {
      failure = FileLock.Failure(path: temporary, operation: "flush", code: errno)
    }
    close(descriptor)
    if failure == nil, rename(temporary, path) != 0 {
      failure = FileLock.Failure(path: path, operation: "replace", code: errno)
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
    // Make the rename itself durable.
    let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_CLOEXEC)
    if directory >= 0 {
      fsync(directory)
      close(directory)
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
