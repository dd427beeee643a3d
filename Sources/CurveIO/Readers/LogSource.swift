#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One file's bytes and the path it was read from, as the caller named it.
struct LogSource: Sendable {
  /// The path as given, used in messages and as `metadata.source`.
  var path: String
  /// The whole file.
  var bytes: [UInt8]

  /// The last component of the path.
  var fileName: String {
    path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
  }

  /// Reads a whole file into memory without going through `Data`, so a 170 MB
  /// `trainer_state.json` costs one buffer.
  static func read(path: String) throws(LogReadError) -> LogSource {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
      throw .unreadableFile(path: path, reason: String(cString: strerror(code)))
    }
    defer { _ = close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
    }
    var failure: Int32 = 0
    var bytes: [UInt8] = []
    var capacity = Int(status.st_size) + 1
    // A file still being written may grow while it is read: read until read(2) says the end.
    while failure == 0 {
      let start = bytes.count
      var chunk = [UInt8](unsafeUninitializedCapacity: capacity - start) { buffer, count in
        count = 0
        while count < buffer.count {
          let got = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
          if got < 0 {
            if errno == EINTR { continue }
            failure = errno
            break
          }
          if got == 0 { break }
          count += got
        }
      }
      let isFull = chunk.count == capacity - start
      if bytes.isEmpty { swap(&bytes, &chunk) } else { bytes.append(contentsOf: chunk) }
      if !isFull { break }
      capacity = bytes.count * 2 + 64 * 1024
    }
    if failure != 0 {
      throw .unreadableFile(path: path, reason: String(cString: strerror(failure)))
    }
    return LogSource(path: path, bytes: bytes)
  }
}

/// `read(2)`, named so it does not clash with methods called `read`.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}
