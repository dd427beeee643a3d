import Dispatch
import Foundation

/// Runs independent tasks on every core and keeps their results in task order.
///
/// Each worker takes the next task as it finishes one, so uneven tasks (a run redrawn three
/// times beside one drawn once) spread over the cores; the results land in task order, so
/// what the caller builds from them does not depend on the number of workers.
package enum Parallel {
  /// The workers used by default: `CURVELAB_THREADS` when it is a positive whole number,
  /// else the number of active cores.
  package static let defaultWorkers: Int = {
    if let text = ProcessInfo.processInfo.environment["CURVELAB_THREADS"], let value = Int(text),
      value > 0
    {
      return value
    }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
  }()

  /// `body(0) ... body(count - 1)`, run on `workers` threads (``defaultWorkers`` when `nil`),
  /// results in index order.
  package static func map<Value: Sendable>(
    _ count: Int, workers: Int? = nil, _ body: @Sendable (Int) -> Value
  ) -> [Value] {
    guard count > 0 else { return [] }
    let slots = Slots<Value>(count: count)
    let threads = min(count, max(1, workers ?? defaultWorkers))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      while let index = slots.nextTask() {
        slots.set(index, body(index))
      }
    }
    return slots.values
  }

  /// One slot per task, each written once, and the next task to hand out.
  private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func nextTask() -> Int? {
      lock.lock()
      defer { lock.unlock() }
      guard next < storage.count else { return nil }
      next += 1
      return next - 1
    }

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
