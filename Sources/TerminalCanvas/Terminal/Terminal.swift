import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a renderer needs to know about where its output goes: a terminal or not, how wide, and
/// whether colour is welcome.
///
/// Ask once, at the edge of the program, and pass the answers down; renderers themselves never
/// look at the terminal, so tests can fix every fact.
///
/// ```swift
/// let terminal = Terminal.standardOutput(color: .automatic)
/// print(terminal.width, terminal.isColorEnabled)  // 120 true, in a wide colour terminal
/// ```
public struct Terminal: Sendable, Equatable {
  /// Whether the output is an interactive terminal rather than a pipe or a file.
  public var isTTY: Bool
  /// Columns available, at least 1.
  public var width: Int
  /// Whether ANSI styling may be written.
  public var isColorEnabled: Bool

  /// Creates a description from known facts, for tests and for callers that decide themselves.
  public init(isTTY: Bool, width: Int, isColorEnabled: Bool) {
    self.isTTY = isTTY
    self.width = max(1, width)
    self.isColorEnabled = isColorEnabled
  }

  /// Describes standard output, reading the process environment.
  ///
  /// - Parameter color: The caller's colour choice, such as ``ColorChoice/never`` for
  ///   `--no-color`.
  public static func standardOutput(color: ColorChoice = .automatic) -> Terminal {
    describing(fileDescriptor: 1, color: color, environment: processEnvironment)
  }

  /// Describes the terminal behind a file descriptor.
  ///
  /// - Parameters:
  ///   - fileDescriptor: The descriptor written to, `1` for standard output.
  ///   - color: The caller's colour choice.
  ///   - environment: Variables to consult (`COLUMNS`, `NO_COLOR`, `TERM`).
  public static func describing(
    fileDescriptor: Int32, color: ColorChoice = .automatic, environment: [String: String]
  ) -> Terminal {
    let isTTY = Self.isTTY(fileDescriptor: fileDescriptor)
    return Terminal(
      isTTY: isTTY,
      width: width(fileDescriptor: fileDescriptor, environment: environment),
      isColorEnabled: allowsColor(isTTY: isTTY, environment: environment, choice: color)
    )
  }

  /// The environment of the running process.
  public static var processEnvironment: [String: String] {
    ProcessInfo.processInfo.environment
  }

  /// Whether a file descriptor refers to a terminal (`isatty`).
  public static func isTTY(fileDescriptor: Int32) -> Bool {
    isatty(fileDescriptor) == 1
  }

  /// The width of the terminal behind a file descriptor, in columns.
  ///
  /// Asks the terminal itself (`ioctl` with `TIOCGWINSZ`) first, then reads a positive
  /// `COLUMNS` from the environment, and settles on 80 when neither answers.
  public static func width(fileDescriptor: Int32, environment: [String: String]) -> Int {
    if let columns = windowColumns(fileDescriptor: fileDescriptor), columns > 0 {
      return columns
    }
    if let text = environment["COLUMNS"],
      let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0
    {
      return columns
    }
    return 80
  }

  /// Whether colour may be written, following the common conventions.
  ///
  /// An explicit ``ColorChoice/always`` or ``ColorChoice/never`` decides alone. Otherwise
  /// colour is off when `NO_COLOR` is set to anything but the empty string, when the output is
  /// not a terminal, or when `TERM` is `dumb`.
  ///
  /// ```swift
  /// Terminal.allowsColor(isTTY: true, environment: ["NO_COLOR": "1"], choice: .automatic)
  /// // false
  /// ```
  public static func allowsColor(
    isTTY: Bool, environment: [String: String], choice: ColorChoice
  ) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .automatic:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if environment["TERM"] == "dumb" { return false }
      return isTTY
    }
  }

  /// The height of the terminal behind a file descriptor, in lines: the terminal's own answer,
  /// else a positive `LINES`, else 24.
  public static func height(fileDescriptor: Int32, environment: [String: String]) -> Int {
    #if canImport(Glibc) || canImport(Darwin)
      var size = winsize()
      let result = withUnsafeMutablePointer(to: &size) { pointer in
        ioctl(fileDescriptor, UInt(TIOCGWINSZ), pointer)
      }
      if result == 0, size.ws_row > 0 { return Int(size.ws_row) }
    #endif
    if let text = environment["LINES"], let lines = Int(text), lines > 0 { return lines }
    return 24
  }

  private static func windowColumns(fileDescriptor: Int32) -> Int? {
    #if canImport(Glibc) || canImport(Darwin)
      var size = winsize()
      let result = withUnsafeMutablePointer(to: &size) { pointer in
        ioctl(fileDescriptor, UInt(TIOCGWINSZ), pointer)
      }
      return result == 0 ? Int(size.ws_col) : nil
    #else
      return nil
    #endif
  }
}
