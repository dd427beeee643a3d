/// Splits CSV bytes into records, one at a time, counting physical lines as it goes.
struct CSVScanner {
  private let base: UnsafePointer<UInt8>?
  private let end: Int
  private let separator: UInt8
  private let trimsSpaces: Bool
  private let trimsTabs: Bool
  private var p: Int
  private var line = 1
  private var quotedBytes: [UInt8] = []

  /// Creates a scanner at the start of `buffer`, after a byte order mark if there is one.
  init(buffer: UnsafeBufferPointer<UInt8>, separator: UInt8, trimsWhitespace: Bool) {
    base = buffer.baseAddress
    end = buffer.count
    self.separator = separator
    trimsSpaces = trimsWhitespace && separator != .space
    trimsTabs = trimsWhitespace && separator != .tab
    let hasByteOrderMark =
      buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
    p = hasByteOrderMark ? 3 : 0
  }

  /// Reads the next record, skipping blank lines, or returns `nil` at the end of the input.
  ///
  /// - Parameter expectedFieldCount: Room to reserve for the fields, such as the header's count.
  mutating func nextRecord(expectedFieldCount: Int = 0) throws(CSVError) -> CSVRecord? {
    guard let base else { return nil }
    // Skip blank (or, when trimming, whitespace-only) lines.
    while true {
      var q = p
      while q < end && isTrimmable(base[q]) { q &+= 1 }
      if q == end {
        p = end
        return nil
      }
      guard base[q] == .lineFeed || base[q] == .carriageReturn else { break }
      p = q
      consumeLineEnd(base)
    }

    let startLine = line
    var fields: [String] = []
    fields.reserveCapacity(expectedFieldCount)
    while true {
      fields.append(try readField(base, number: fields.count + 1))
      guard p < end else { break }
      if base[p] == separator {
        p &+= 1
      } else {
        consumeLineEnd(base)
        break
      }
    }
    return CSVRecord(fields: fields, line: startLine)
  }

  /// Reads one field and stops at the separator, line end, or end of input after it.
  private mutating func readField(_ base: UnsafePointer<UInt8>, number: Int) throws(CSVError)
    -> String
  {
    while p < end && isTrimmable(base[p]) { p &+= 1 }
    guard p < end && base[p] == .quote else {
      let start = p
      while p < end {
        let byte = base[p]
        if byte == separator || byte == .lineFeed || byte == .carriageReturn { break }
        p &+= 1
      }
      var fieldEnd = p
      while fieldEnd > start && isTrimmable(base[fieldEnd &- 1]) { fieldEnd &-= 1 }
      return String(
        decoding: UnsafeBufferPointer(start: base + start, count: fieldEnd &- start),
        as: UTF8.self)
    }

    // A quoted field: runs to the next quote that is not doubled, across line ends.
    let fieldLine = line
    p &+= 1
    quotedBytes.removeAll(keepingCapacity: true)
    while true {
      let chunkStart = p
      while p < end && base[p] != .quote {
        if isLineEnd(base, at: p) { line &+= 1 }
        p &+= 1
      }
      guard p < end else { throw .unterminatedQuote(line: fieldLine, field: number) }
      quotedBytes.append(
        contentsOf: UnsafeBufferPointer(start: base + chunkStart, count: p &- chunkStart))
      p &+= 1
      guard p < end && base[p] == .quote else { break }
      quotedBytes.append(.quote)
      p &+= 1
    }
    // Text between the closing quote and the separator is kept, as Python's csv does.
    let tailStart = p
    while p < end {
      let byte = base[p]
      if byte == separator || byte == .lineFeed || byte == .carriageReturn { break }
      p &+= 1
    }
    var tailEnd = p
    while tailEnd > tailStart && isTrimmable(base[tailEnd &- 1]) { tailEnd &-= 1 }
    quotedBytes.append(
      contentsOf: UnsafeBufferPointer(start: base + tailStart, count: tailEnd &- tailStart))
    return String(decoding: quotedBytes, as: UTF8.self)
  }

  /// Steps over one line end at `p`: `\n`, or a run of `\r` with an optional `\n` after it, so
  /// that `\r\n` and `\r\r\n` count once.
  private mutating func consumeLineEnd(_ base: UnsafePointer<UInt8>) {
    if base[p] == .lineFeed {
      p &+= 1
    } else {
      while p < end && base[p] == .carriageReturn { p &+= 1 }
      if p < end && base[p] == .lineFeed { p &+= 1 }
    }
    line &+= 1
  }

  /// Whether the byte at `q` finishes a line end, by the rule of ``consumeLineEnd(_:)``.
  @inline(__always)
  private func isLineEnd(_ base: UnsafePointer<UInt8>, at q: Int) -> Bool {
    switch base[q] {
    case .lineFeed: true
    case .carriageReturn:
      q &+ 1 == end || (base[q &+ 1] != .lineFeed && base[q &+ 1] != .carriageReturn)
    default: false
    }
  }

  @inline(__always)
  private func isTrimmable(_ byte: UInt8) -> Bool {
    (byte == .space && trimsSpaces) || (byte == .tab && trimsTabs)
  }

  /// Picks `,`, `;`, or tab: the candidate that splits the first record into the most fields
  /// (at least two) with the next nine records agreeing, preferring agreement over field count
  /// and the earlier candidate on ties; `,` when none splits the first record.
  static func detectSeparator(in buffer: UnsafeBufferPointer<UInt8>, trimsWhitespace: Bool)
    -> UInt8
  {
    var best: (separator: UInt8, isConsistent: Bool, fieldCount: Int)?
    for candidate in [UInt8.comma, .semicolon, .tab] {
      var scanner = CSVScanner(
        buffer: buffer, separator: candidate, trimsWhitespace: trimsWhitespace)
      var counts: [Int] = []
      var failed = false
      do {
        while counts.count < 10, let record = try scanner.nextRecord() {
          counts.append(record.fields.count)
        }
      } catch {
        failed = true
      }
      guard let fieldCount = counts.first, fieldCount > 1 else { continue }
      let isConsistent = !failed && counts.allSatisfy { $0 == fieldCount }
      if let current = best {
        let isBetter =
          (isConsistent && !current.isConsistent)
          || (isConsistent == current.isConsistent && fieldCount > current.fieldCount)
        if !isBetter { continue }
      }
      best = (candidate, isConsistent, fieldCount)
    }
    return best?.separator ?? .comma
  }
}

extension UInt8 {
  static let tab = UInt8(ascii: "\t")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")
  static let space = UInt8(ascii: " ")
  static let quote = UInt8(ascii: "\"")
  static let comma = UInt8(ascii: ",")
  static let semicolon = UInt8(ascii: ";")
}
