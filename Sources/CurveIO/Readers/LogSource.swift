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

  /// Reads a whole log file into memory, refusing early what cannot be a log.
  ///
  /// The file is opened without blocking and checked before anything is read: a named pipe,
  /// a device or a socket is refused (reading one could wait forever, or never end), and so is
  /// a file larger than ``LogLimits/maximumFileSize``. Then the first
  /// ``LogLimits/sniffedBytes`` are read and shown to `inspect`, which may refuse the file
  /// (binary content) before the rest is read. A file still being written may grow while it
  /// is read: reading goes on until `read(2)` says the end, up to the limit. The bytes land in
  /// one buffer, without going through `Data`, so a 170 MB `trainer_state.json` costs one
  /// allocation.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - inspect: Called with the file's first bytes; throws to refuse the file.
  /// - Throws: ``LogReadError``.
  static func read(
    path: String, inspect: (_ prefix: [UInt8]) throws(LogReadError) -> Void = { _ in }
  ) throws(LogReadError) -> LogSource {
    let file = try OpenLogFile(path: path)
    defer { file.close() }
    let prefix = try file.read(upTo: min(file.size, LogLimits.sniffedBytes), path: path)
    try inspect(prefix)
    guard prefix.count == min(file.size, LogLimits.sniffedBytes) else {
      return LogSource(path: path, bytes: prefix)  // The file ended early.
    }
    // The rest lands in one buffer of the size the file has, plus one byte to notice a file
    // that grows; a growing file is then read on in chunks until its end or the limit.
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: file.size + 1) { buffer, count in
      let raw = UnsafeMutableRawBufferPointer(buffer)
      prefix.withUnsafeBytes { raw.copyMemory(from: $0) }
      let (got, code) = file.readFully(
        into: UnsafeMutableRawBufferPointer(rebasing: raw[prefix.count...]))
      count = prefix.count + got
      failure = code
    }
    if failure != 0 {
      throw .unreadableFile(path: path, reason: String(cString: strerror(failure)))
    }
    if bytes.count == file.size + 1 {
      var chunk = 1 << 20
      while try file.read(upTo: chunk, path: path, appendingTo: &bytes) == chunk {
        chunk = min(chunk * 2, 1 << 28)
      }
    }
    if bytes.count > LogLimits.maximumFileSize {
      throw .fileTooLarge(path: path, size: bytes.count, limit: LogLimits.maximumFileSize)
    }
    return LogSource(path: path, bytes: bytes)
  }

  /// The first `count` bytes of a file (fewer if it is shorter), with the same refusals as
  /// ``read(path:inspect:)``; for telling formats apart without reading whole files.
  static func prefix(path: String, count: Int = LogLimits.sniffedBytes) throws(LogReadError)
    -> [UInt8]
  {
    let file = try OpenLogFile(path: path)
    defer { file.close() }
    return try file.read(upTo: count, path: path)
  }
}

/// An open regular file, checked to be one.
private struct OpenLogFile {
  let descriptor: Int32
  let size: Int

  /// Opens `path` for reading without blocking (opening a named pipe that has no writer
  /// would otherwise wait forever), then refuses anything but a regular file within the size
  /// limit.
  init(path: String) throws(LogReadError) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR { throw .fileNotFound(path: path) }
      throw .unreadableFile(path: path, reason: String(cString: strerror(code)))
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      let reason = String(cString: strerror(errno))
      _ = systemClose(descriptor)
      throw .unreadableFile(path: path, reason: reason)
    }
    if let kind = Self.kind(of: Int(status.st_mode)) {
      _ = systemClose(descriptor)
      throw .notARegularFile(path: path, kind: kind)
    }
    let size = Int(status.st_size)
    guard size <= LogLimits.maximumFileSize else {
      _ = systemClose(descriptor)
      throw .fileTooLarge(path: path, size: size, limit: LogLimits.maximumFileSize)
    }
    // Regular files never block; clear the flag so reads behave as usual everywhere.
    let flags = fcntl(descriptor, F_GETFL)
    if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    self.descriptor = descriptor
    self.size = size
  }

  /// What a file that is not a regular file is, in words, or `nil` for a regular file.
  private static func kind(of mode: Int) -> String? {
    switch mode & Int(S_IFMT) {
    case Int(S_IFREG): nil
    case Int(S_IFIFO): "a named pipe (FIFO)"
    case Int(S_IFCHR): "a character device"
    case Int(S_IFBLK): "a block device"
    case Int(S_IFSOCK): "a socket"
    case Int(S_IFDIR): "a folder"
    default: "not a regular file"
    }
  }

  func close() { _ = systemClose(descriptor) }

  /// Reads up to `count` bytes into a new array.
  func read(upTo count: Int, path: String) throws(LogReadError) -> [UInt8] {
    var bytes: [UInt8] = []
    _ = try read(upTo: count, path: path, appendingTo: &bytes)
    return bytes
  }

  /// Appends up to `count` bytes to `bytes`, stopping early at the end of the file and
  /// never past one byte over the size limit.
  ///
  /// - Returns: The number of bytes appended.
  func read(upTo count: Int, path: String, appendingTo bytes: inout [UInt8])
    throws(LogReadError) -> Int
  {
    let wanted = max(0, min(count, LogLimits.maximumFileSize + 1 - bytes.count))
    var chunk = [UInt8](repeating: 0, count: wanted)
    let (got, failure) = chunk.withUnsafeMutableBytes { readFully(into: $0) }
    if failure != 0 {
      throw .unreadableFile(path: path, reason: String(cString: strerror(failure)))
    }
    bytes.append(contentsOf: chunk[..<got])
    return got
  }

  /// Fills `buffer` from the file, stopping early at its end.
  ///
  /// - Returns: The bytes read, and `errno` if a read failed (else 0).
  func readFully(into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, failure: Int32) {
    guard let base = buffer.baseAddress else { return (0, 0) }
    var got = 0
    while got < buffer.count {
      let result = systemRead(descriptor, base + got, min(buffer.count - got, 1 << 30))
      if result < 0 {
        if errno == EINTR { continue }
        return (got, errno)
      }
      if result == 0 { break }
      got += result
    }
    return (got, 0)
  }
}

/// `read(2)`, named so it does not clash with methods called `read`.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}

/// `close(2)`, named so it does not clash with methods called `close`.
@inline(__always)
private func systemClose(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
