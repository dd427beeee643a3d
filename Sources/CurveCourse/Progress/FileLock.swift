import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An advisory lock on a file (`flock`), held while a closure runs: processes that take the
/// same lock run their closures one at a time.
enum FileLock {
  /// A lock or write that failed, with the system's reason.
  struct Failure: LocalizedError, CustomStringConvertible {
    var path: String
    var operation: String
    var code: Int32

    var description: String { "cannot \(operation) \(path): \(String(cString: strerror(code)))" }
    var errorDescription: String? { description }
  }

  /// Runs `body` while holding an exclusive lock on `path`, creating the file if needed;
  /// waits for another process's lock to be released.
  static func holding<T>(_ path: String, _ body: () throws -> T) throws -> T {
    let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
    guard descriptor >= 0 else { throw Failure(path: path, operation: "open the lock file", code: errno) }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      guard errno == EINTR else { throw Failure(path: path, operation: "lock", code: errno) }
    }
    defer { flock(descriptor, LOCK_UN) }
    return try body()
  }
}
