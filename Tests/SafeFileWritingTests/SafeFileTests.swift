import Foundation
import SafeFileWriting
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct SafeFileTests {
  /// A fresh folder for one test, removed afterwards.
  private func withFolder(_ body: (String) throws -> Void) throws {
    let folder = NSTemporaryDirectory() + "safe-file-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try body(folder)
  }

  private func kind(of path: String) -> mode_t {
    var status = stat()
    return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
  }

  @Test(arguments: [SafeFile.Durability.renamed, .flushed])
  func writesANewFileAndReplacesAnOldOneLeavingNothingBeside(durability: SafeFile.Durability) throws {
    try withFolder { folder in
      let path = folder + "/out.txt"
      try SafeFile.write(Array("first\n".utf8), to: path, durability: durability)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
      try SafeFile.write(Array("second, longer\n".utf8), to: path, durability: durability)
      #expect(try String(contentsOfFile: path, encoding: .utf8) == "second, longer\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }
  }

  @Test func aSymbolicLinkStaysALinkAndItsFileIsReplaced() throws {
    try withFolder { folder in
      try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
      try "old\n".write(toFile: folder + "/real/target.txt", atomically: false, encoding: .utf8)
      // A relative link, resolved from the link's own folder.
      try FileManager.default.createSymbolicLink(
        atPath: folder + "/link.txt", withDestinationPath: "real/target.txt")
      try SafeFile.write(Array("new\n".utf8), to: folder + "/link.txt")
      #expect(kind(of: folder + "/link.txt") == S_IFLNK)
      #expect(try String(contentsOfFile: folder + "/real/target.txt", encoding: .utf8) == "new\n")
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/real") == ["target.txt"])
    }
  }

  @Test func theNullDeviceIsWrittenNotReplaced() throws {
    #expect(kind(of: "/dev/null") == S_IFCHR)
    try SafeFile.write(Array("discarded\n".utf8), to: "/dev/null", durability: .flushed)
    // An atomic rename would have put a regular file here, for every program on the machine.
    #expect(kind(of: "/dev/null") == S_IFCHR)
  }

  @Test func aPipeIsWrittenInPlaceAndAPipeWithoutAReaderIsAnError() throws {
    try withFolder { folder in
      let path = folder + "/pipe"
      #expect(mkfifo(path, 0o600) == 0)
      // No reader: an error at once, not a hang.
      #expect(throws: SafeFile.Failure.self) { try SafeFile.write(Array("x".utf8), to: path) }

      let reader = open(path, O_RDONLY | O_NONBLOCK)
      #expect(reader >= 0)
      defer { close(reader) }
      try SafeFile.write(Array("through the pipe\n".utf8), to: path)
      var buffer = [UInt8](repeating: 0, count: 64)
      let count = read(reader, &buffer, buffer.count)
      #expect(String(decoding: buffer.prefix(max(0, count)), as: UTF8.self) == "through the pipe\n")
      #expect(kind(of: path) == S_IFIFO)
    }
  }

  @Test func aFolderOrAMissingFolderIsAFailureThatSaysSo() throws {
    try withFolder { folder throws in
      #expect(throws: SafeFile.Failure(path: folder, operation: "write", code: EISDIR)) {
        try SafeFile.write(Array("x".utf8), to: folder)
      }
      let failure = #expect(throws: SafeFile.Failure.self) {
        try SafeFile.write(Array("x".utf8), to: folder + "/missing/out.txt")
      }
      #expect(failure?.operation == "create")
      #expect(failure?.code == ENOENT)
      #expect(failure?.description.hasPrefix("cannot create \(folder)/missing/.out.txt.saving-") == true)
      #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
  }
}
