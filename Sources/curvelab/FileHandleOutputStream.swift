import Foundation

/// A `TextOutputStream` over a file handle, for standard output and standard error.
struct FileHandleOutputStream: TextOutputStream {
  let handle: FileHandle

  static var standardOutput: FileHandleOutputStream { .init(handle: .standardOutput) }
  static var standardError: FileHandleOutputStream { .init(handle: .standardError) }

  mutating func write(_ string: String) {
    handle.write(Data(string.utf8))
  }
}
