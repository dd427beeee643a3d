import Dispatch
import Foundation

/// Runs independent tasks on every core and keeps their results in task order.
package enum Parallel {
  /// `body(0) ... body(count - 1)`, run concurrently, results in index order.
  package static func map<Value: Sendable>(_ count: Int, _ body: @Sendable (Int) -> Value) -> [Value] {
    let slots = Slots<Value>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      slots.set(index, body(index))
    }
    return slots.values
  }

  /// One slot per task, each written once.
  private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
      lock.lock()
      storage[index] = value
      lock.unlock()
    }

    var values: [Value] {
      lock.lock()
      defer { lock.unlock() }
      return storage.map { $0! }
    }
  }
}
