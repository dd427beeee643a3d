/// Keys to look up together in many objects, prepared once: for readers that take a few
/// numbers out of each of a million records.
///
/// ```swift
/// let lookup = JSONNumberLookup(keys: ["loss", "step"])
/// var numbers = [JSONNumber?](repeating: nil, count: 2)
/// if record.numbers(lookup, into: &numbers) == record.count { ... }  // nothing else in it
/// ```
package struct JSONNumberLookup: Sendable {
  let keys: [[UInt8]]
  let payloads: [UInt64]

  /// Prepares the keys; matching is on raw bytes, so a key written with escapes in the text
  /// does not match.
  package init(keys: [String]) {
    self.keys = keys.map { Array($0.utf8) }
    payloads = self.keys.map { key in
      key.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        return TapeEntry.stringPayload(base, length: buffer.count, available: buffer.count)
      }
    }
  }
}

/// A number as the text wrote it: a whole number that fits in `Int64`, or anything else.
package enum JSONNumber: Sendable, Equatable {
  case integer(Int64)
  case double(Double)

  /// The value as a double.
  package var doubleValue: Double {
    switch self {
    case .integer(let value): Double(value)
    case .double(let value): value
    }
  }
}

extension JSONNode {
  /// Finds the lookup's keys among this object's members in one pass, without building a
  /// node or a string, and writes each one's number to `numbers` at the key's position.
  ///
  /// - Returns: How many members matched a key and held a number, or `nil` when this is not
  ///   an object or a matched member holds something other than a number (`numbers` is then
  ///   incomplete). Compare the count with ``count`` to know whether the object held anything
  ///   else. When a key appears twice, the last one wins, as for the key subscript.
  package func numbers(_ lookup: JSONNumberLookup, into numbers: inout [JSONNumber?]) -> Int? {
    guard entry.kind == .object else { return nil }
    for index in numbers.indices { numbers[index] = nil }
    let tape = storage.tape
    return storage.bytes.withUnsafeBufferPointer { text -> Int? in
      var matched = 0
      var position = index &+ 1
      let end = index &+ tape[index].span
      while position < end {
        let keyEntry = tape[position]
        let valuePosition = position &+ 1
        let value = tape[valuePosition]
        for (slot, payload) in lookup.payloads.enumerated()
        where keyEntry.payload == payload && !keyEntry.hasEscapes {
          let key = lookup.keys[slot]
          let start = keyEntry.offset &+ 1
          var i = 4
          while i < key.count && text[start &+ i] == key[i] { i &+= 1 }
          guard i >= key.count else { continue }
          switch value.kind {
          case .integer: numbers[slot] = .integer(Int64(bitPattern: value.payload))
          case .double: numbers[slot] = .double(Double(bitPattern: value.payload))
          default: return nil
          }
          matched &+= 1
          break
        }
        position = valuePosition &+ value.span
      }
      return matched
    }
  }
}
