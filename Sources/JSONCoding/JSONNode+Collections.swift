extension JSONNode {
  /// The elements of a JSON array, in order.
  ///
  /// Moving to the next element steps over the whole current one on the tape, so iterating costs
  /// O(1) per element however large the elements are.
  ///
  /// ```swift
  /// for entry in try document.root.member("log_history").array() {
  ///   print(entry["step"]?.integerValue ?? -1)
  /// }
  /// ```
  public struct Elements: Collection, Sendable {
    let storage: JSONStorage
    /// The position of the first element.
    public let startIndex: Index
    /// The position after the last element.
    public let endIndex: Index
    /// The number of elements.
    public let count: Int

    init(node: JSONNode) {
      storage = node.storage
      let entry = node.entry
      if entry.kind == .array {
        startIndex = Index(position: node.index + 1)
        endIndex = Index(position: node.index + entry.span)
        count = entry.count
      } else {
        startIndex = Index(position: node.index)
        endIndex = startIndex
        count = 0
      }
    }

    /// A position of an element on the document's tape.
    public struct Index: Comparable, Sendable {
      let position: Int

      /// Whether `lhs` comes before `rhs`.
      public static func < (lhs: Index, rhs: Index) -> Bool { lhs.position < rhs.position }
    }

    /// The element at a valid position.
    public subscript(position: Index) -> JSONNode {
      precondition(position >= startIndex && position < endIndex, "index out of range")
      return JSONNode(storage: storage, index: position.position)
    }

    /// The position after `i`.
    public func index(after i: Index) -> Index {
      Index(position: i.position &+ storage.tape[i.position].span)
    }
  }

  /// The members of a JSON object, in order and with duplicate keys kept.
  ///
  /// Each member's key is decoded into a `String` when you access it; use the node's key
  /// subscript to look up a known key without decoding any.
  ///
  /// ```swift
  /// for (key, value) in document.root.members {
  ///   print(key, value.kind)
  /// }
  /// ```
  public struct Members: Collection, Sendable {
    let storage: JSONStorage
    /// The position of the first member.
    public let startIndex: Index
    /// The position after the last member.
    public let endIndex: Index
    /// The number of members.
    public let count: Int

    init(node: JSONNode) {
      storage = node.storage
      let entry = node.entry
      if entry.kind == .object {
        startIndex = Index(position: node.index + 1)
        endIndex = Index(position: node.index + entry.span)
        count = entry.count
      } else {
        startIndex = Index(position: node.index)
        endIndex = startIndex
        count = 0
      }
    }

    /// A position of a member's key on the document's tape.
    public struct Index: Comparable, Sendable {
      let position: Int

      /// Whether `lhs` comes before `rhs`.
      public static func < (lhs: Index, rhs: Index) -> Bool { lhs.position < rhs.position }
    }

    /// The key and value of the member at a valid position.
    public subscript(position: Index) -> (key: String, value: JSONNode) {
      precondition(position >= startIndex && position < endIndex, "index out of range")
      return (
        storage.string(at: position.position),
        JSONNode(storage: storage, index: position.position + 1)
      )
    }

    /// The position after `i`.
    public func index(after i: Index) -> Index {
      let valuePosition = i.position &+ 1
      return Index(position: valuePosition &+ storage.tape[valuePosition].span)
    }
  }
}
