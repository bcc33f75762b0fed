import Foundation

/// A bounded first-in first-out queue of batches between one producing and one consuming
/// thread: the producer waits while it is full, so memory stays flat however far it gets ahead.
package final class BatchChannel<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[Item]] = []
    private var closed = false
    private var cancelled = false
    private let capacity: Int

    /// A queue of at most `capacity` batches.
    package init(capacity: Int) { self.capacity = capacity }

    /// Waits while the queue is full; drops the batch once the consumer has given up.
    package func send(_ batch: [Item]) {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if !cancelled { batches.append(batch) }
        condition.broadcast()
    }

    /// The next batch; nil once the producer has closed the queue and it is empty.
    package func receive() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !closed { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Whether the consumer has given up.
    package var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }

    /// No more batches will be sent.
    package func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer gives up: queued batches are dropped, and so is every batch sent after.
    package func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
