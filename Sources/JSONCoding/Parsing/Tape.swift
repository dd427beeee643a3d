/// What a ``TapeEntry`` stands for; stored in its low three bits.
enum TapeKind: UInt64 {
  case null = 0
  case falseLiteral = 1
  case trueLiteral = 2
  case integer = 3
  case double = 4
  case string = 5
  case array = 6
  case object = 7
}

/// One value, key, or container opening on a document's tape: sixteen bytes.
///
/// The tape lists a document's tokens in reading order. An object is followed by its keys and
/// values alternating, an array by its elements; a container's payload says how many entries it
/// spans, so a reader can step over it in one move.
///
/// - `header`: the byte offset where the token starts (its opening quote, bracket, brace, or
///   first character) shifted left by 4, bit 3 set when a string holds backslash escapes, and
///   the ``TapeKind`` in bits 0–2.
/// - `payload`: an integer's bit pattern; a double's bit pattern; for a string, its length in
///   bytes between the quotes in the low 32 bits and its first four bytes, zero-padded, in the
///   high 32 bits (so most key comparisons never touch the text); for a container, its element
///   count in the high 32 bits and the number of tape entries it spans, itself included, in the
///   low 32 bits.
struct TapeEntry {
  var header: UInt64
  var payload: UInt64

  /// The flag bit in ``header`` that marks strings with escapes.
  static let escapeFlag: UInt64 = 1 << 3

  @inline(__always)
  init(kind: TapeKind, offset: Int, payload: UInt64 = 0) {
    header = UInt64(truncatingIfNeeded: offset) << 4 | kind.rawValue
    self.payload = payload
  }

  @inline(__always)
  init(header: UInt64, payload: UInt64) {
    self.header = header
    self.payload = payload
  }

  @inline(__always) var kind: TapeKind {
    switch header & 7 {
    case 0: .null
    case 1: .falseLiteral
    case 2: .trueLiteral
    case 3: .integer
    case 4: .double
    case 5: .string
    case 6: .array
    default: .object
    }
  }

  @inline(__always) func `is`(_ kind: TapeKind) -> Bool { header & 7 == kind.rawValue }
  @inline(__always) var offset: Int { Int(truncatingIfNeeded: header >> 4) }
  @inline(__always) var hasEscapes: Bool { header & Self.escapeFlag != 0 }
  @inline(__always) var isContainer: Bool { header & 6 == 6 }

  /// Tape entries this value covers: one for a scalar, more for a container.
  @inline(__always) var span: Int {
    header & 6 == 6 ? Int(truncatingIfNeeded: payload & 0xFFFF_FFFF) : 1
  }

  /// Elements of an array or members of an object.
  @inline(__always) var count: Int { Int(truncatingIfNeeded: payload >> 32) }

  /// The byte length of a string's content.
  @inline(__always) var stringLength: Int { Int(truncatingIfNeeded: payload & 0xFFFF_FFFF) }

  /// The string payload for content of `length` bytes that starts at `start`.
  @inline(__always)
  static func stringPayload(_ start: UnsafePointer<UInt8>, length: Int, available: Int)
    -> UInt64
  {
    var prefix: UInt64 = 0
    if available >= 4 {
      prefix = UInt64(UnsafeRawPointer(start).loadUnaligned(as: UInt32.self).littleEndian)
      if length < 4 { prefix &= (1 << (UInt64(length) * 8)) &- 1 }
    } else {
      for i in 0..<min(length, 4) { prefix |= UInt64(start[i]) << (UInt64(i) * 8) }
    }
    return prefix << 32 | UInt64(truncatingIfNeeded: length)
  }
}

#if canImport(Glibc)
  import Glibc

  /// Asks Linux to back a large allocation with transparent huge pages, which makes filling a
  /// tape of hundreds of megabytes markedly cheaper. A no-op for small sizes and other systems.
  private func adviseHugePages(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {
    let hugePage = 2 << 20
    guard byteCount >= 4 * hugePage else { return }
    let start = (Int(bitPattern: pointer) + hugePage - 1) & ~(hugePage - 1)
    let end = (Int(bitPattern: pointer) + byteCount) & ~(hugePage - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(aligned, end - start, MADV_HUGEPAGE)
  }
#else
  private func adviseHugePages(_ pointer: UnsafeMutableRawPointer, byteCount: Int) {}
#endif

/// A growable buffer of tape entries that the parser fills and a ``JSONStorage`` then owns.
///
/// A buffer borrowed from a storage (to parse the next streamed element into the memory of
/// the last one) does not free that memory when it grows: the storage still owns it.
struct TapeBuffer {
  private(set) var base: UnsafeMutablePointer<TapeEntry>
  private(set) var count = 0
  private(set) var capacity: Int
  /// Whether growing frees the old memory; false while it belongs to a storage.
  private var ownsBase = true
  /// The most entries the buffer grows to; past it, entries overwrite the last slot and
  /// ``overflowed`` is set, for the parser to report.
  var maximumCount = Int.max
  /// Whether more entries were appended than ``maximumCount`` allows.
  private(set) var overflowed = false

  init(capacity: Int, maximumCount: Int = .max) {
    self.capacity = max(min(capacity, maximumCount), 16)
    self.maximumCount = maximumCount
    base = .allocate(capacity: self.capacity)
    adviseHugePages(base, byteCount: self.capacity * MemoryLayout<TapeEntry>.stride)
  }

  /// A buffer over a storage's tape memory, to be filled from the start again.
  init(borrowing storage: JSONStorage) {
    base = storage.tape
    capacity = storage.tapeCapacity
    ownsBase = false
  }

  /// Forgets the entries, keeping the memory.
  mutating func removeAll() {
    count = 0
    overflowed = false
  }

  @inline(__always)
  mutating func append(_ entry: TapeEntry) {
    if count == capacity { grow() }
    (base + count).initialize(to: entry)
    count &+= 1
  }

  @inline(__always)
  mutating func setPayload(_ payload: UInt64, at index: Int) {
    base[index].payload = payload
  }

  @inline(__always)
  subscript(index: Int) -> TapeEntry { base[index] }

  private mutating func grow() {
    if capacity >= maximumCount {
      // Bounded memory: keep overwriting the last slot; the parser throws when it sees this.
      overflowed = true
      count = capacity - 1
      return
    }
    let newCapacity = min(capacity * 2, max(maximumCount, 16))
    let newBase = UnsafeMutablePointer<TapeEntry>.allocate(capacity: newCapacity)
    adviseHugePages(newBase, byteCount: newCapacity * MemoryLayout<TapeEntry>.stride)
    newBase.moveInitialize(from: base, count: count)
    if ownsBase { base.deallocate() }
    ownsBase = true
    base = newBase
    capacity = newCapacity
  }

  /// Frees the entries; for a buffer that no storage took over.
  func deallocate() { base.deallocate() }
}

/// The bytes of a parsed document and its tape, shared by every ``JSONNode`` that points into it.
///
/// Immutable after creation; it owns the tape's memory, which is why it is a class.
final class JSONStorage: @unchecked Sendable {
  let bytes: [UInt8]
  let tape: UnsafeMutablePointer<TapeEntry>
  /// Entries the tape's memory has room for.
  let tapeCapacity: Int

  /// Takes over the memory of `tape`.
  init(bytes: [UInt8], tape: TapeBuffer) {
    self.bytes = bytes
    self.tape = tape.base
    self.tapeCapacity = tape.capacity
  }

  deinit {
    tape.deallocate()
  }

  /// Where the token at a byte offset starts, counted in lines and Unicode scalars.
  func location(ofOffset offset: Int) -> JSONLocation {
    bytes.withUnsafeBufferPointer { JSONLocation(offset: offset, in: $0) }
  }

  /// The decoded text of the string entry at `index`.
  func string(at index: Int) -> String {
    let entry = tape[index]
    let start = entry.offset + 1
    let length = entry.stringLength
    return bytes.withUnsafeBufferPointer { buffer in
      let content = UnsafeBufferPointer(rebasing: buffer[start..<start + length])
      return entry.hasEscapes
        ? StringUnescaper.unescape(content) : String(decoding: content, as: UTF8.self)
    }
  }

  /// The tape position of the value of the last member of the object at `index` whose key
  /// spells `key`, or `nil`.
  func member(_ key: UnsafeBufferPointer<UInt8>, inObjectAt index: Int) -> Int? {
    var expected: UInt64 = 0  // The payload of an empty string.
    if let keyBase = key.baseAddress, !key.isEmpty {
      expected = TapeEntry.stringPayload(keyBase, length: key.count, available: key.count)
    }
    return bytes.withUnsafeBufferPointer { text in
      var found: Int?
      var position = index &+ 1
      let end = index &+ tape[index].span
      while position < end {
        let keyEntry = tape[position]
        let valuePosition = position &+ 1
        if keyEntry.payload == expected && !keyEntry.hasEscapes {
          // Length and first four bytes agree; compare the rest.
          let start = keyEntry.offset &+ 1
          var i = 4
          while i < key.count && text[start &+ i] == key[i] { i &+= 1 }
          if i >= key.count { found = valuePosition }
        } else if keyEntry.hasEscapes && string(at: position).utf8.elementsEqual(key) {
          found = valuePosition
        }
        position = valuePosition &+ tape[valuePosition].span
      }
      return found
    }
  }
}
