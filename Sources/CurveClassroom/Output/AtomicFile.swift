import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file atomically without waiting for the disk: the bytes go to a hidden file beside
/// it, which is then renamed over it, so a reader sees the old file or the new one, never half.
///
/// Foundation's `.atomic` writing also calls `fsync` on every file, which on a busy disk costs
/// more than making the file: a set of a thousand exercises writes two thousand files. A set
/// is made again from its seed, so losing the last files to a power cut is acceptable;
/// half-written files are not, and renaming rules them out.
enum AtomicFile {
  /// Writes `text` to `url`.
  ///
  /// - Throws: A description of what failed, with the system's message.
  static func write(_ text: String, to url: URL) throws(ClassroomError) {
    let path = url.path
    let folder = url.deletingLastPathComponent().path
    let temporary =
      folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw failure(path) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let error = failure(path)
        close(descriptor)
        unlink(temporary)
        throw error
      }
      written += count
    }
    guard close(descriptor) == 0 else {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
    guard rename(temporary, path) == 0 else {
      let error = failure(path)
      unlink(temporary)
      throw error
    }
  }

  private static func failure(_ path: String) -> ClassroomError {
    .cannotWrite(path: path, reason: String(cString: strerror(errno)))
  }
}

/// `write(2)`, named apart from Swift's `write` functions.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  #if canImport(Glibc)
    return Glibc.write(descriptor, buffer, count)
  #else
    return Darwin.write(descriptor, buffer, count)
  #endif
}
