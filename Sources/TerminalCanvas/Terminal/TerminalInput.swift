import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A key press, as an interactive screen needs it.
public enum KeyPress: Sendable, Equatable {
  /// Enter or Return.
  case enter
  /// The space bar.
  case space
  /// Any other printable key.
  case character(Character)
  /// End of input (Ctrl-D, a closed pipe).
  case end
}

/// Where answers and key presses come from: the keyboard, a pipe, or a script in tests.
///
/// Interactive screens ask for lines (an answer) or single keys (paging); input that is not a
/// terminal gives lines only, and ``readKey()`` then reads a line and takes its first
/// character, so piped input drives the same screens.
public protocol TerminalInput: AnyObject {
  /// Whether a person is typing at a terminal.
  var isInteractive: Bool { get }
  /// The next line without its terminator, or `nil` at the end of input.
  func readLine() -> String?
  /// The next key press.
  func readKey() -> KeyPress
}

extension TerminalInput {
  /// A key read from a line: Enter for an empty line, the first character otherwise.
  func keyFromLine() -> KeyPress {
    guard let line = readLine() else { return .end }
    guard let first = line.first else { return .enter }
    return first == " " ? .space : .character(first)
  }
}

/// Lines given in advance: for tests, and for `--answers`.
public final class ScriptedInput: TerminalInput {
  private var lines: [String]
  /// Lines read so far.
  public private(set) var consumed = 0
  /// Whether it stands for a person at a terminal, so that tests can drive interactive screens.
  public let isInteractive: Bool

  /// Input that yields `lines` in order, then ends; `isInteractive` makes screens behave as
  /// they do for a person typing (each key press is one line here).
  public init(_ lines: [String], isInteractive: Bool = false) {
    self.lines = lines
    self.isInteractive = isInteractive
  }

  public func readLine() -> String? {
    guard consumed < lines.count else { return nil }
    defer { consumed += 1 }
    return lines[consumed]
  }

  public func readKey() -> KeyPress { keyFromLine() }
}

/// Standard input: lines from `readLine`, and single keys in the terminal's non-canonical mode
/// when standard input is a terminal.
public final class StandardInput: TerminalInput {
  /// Whether standard input is a terminal.
  public let isInteractive: Bool

  /// Standard input of this process.
  public init() { isInteractive = isatty(0) == 1 }

  public func readLine() -> String? { Swift.readLine(strippingNewline: true) }

  public func readKey() -> KeyPress {
    guard isInteractive else { return keyFromLine() }
    #if canImport(Glibc) || canImport(Darwin)
      return RawMode.withSingleKeys {
        var byte: UInt8 = 0
        let count = read(0, &byte, 1)
        guard count == 1 else { return .end }
        switch byte {
        case 10, 13: return .enter
        case 32: return .space
        case 3, 4: return .end  // Ctrl-C, Ctrl-D: stop here, so the caller can save its place
        default: return .character(Character(UnicodeScalar(byte)))
        }
      }
    #else
      return keyFromLine()
    #endif
  }
}

#if canImport(Glibc) || canImport(Darwin)
  /// Turns off line buffering, echo and signal keys for one read, so Ctrl-C arrives as a key
  /// the caller handles (saving its place), and puts the terminal back afterwards, also when
  /// a signal ends the program mid-read.
  enum RawMode {
    nonisolated(unsafe) static var saved = termios()

    static func withSingleKeys<T>(_ body: () -> T) -> T {
      var original = termios()
      guard tcgetattr(0, &original) == 0 else { return body() }
      saved = original
      var raw = original
      raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
      withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
        bytes[Int(VMIN)] = 1
        bytes[Int(VTIME)] = 0
      }
      tcsetattr(0, TCSANOW, &raw)
      let previous = signal(SIGTERM) { _ in
        tcsetattr(0, TCSANOW, &RawMode.saved)
        _exit(143)
      }
      defer {
        tcsetattr(0, TCSANOW, &original)
        signal(SIGTERM, previous)
      }
      return body()
    }
  }
#endif
