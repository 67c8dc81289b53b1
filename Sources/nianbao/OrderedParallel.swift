import Foundation

/// Runs a blocking function over a list on `width` threads — the calling thread
/// and `width - 1` others — and hands the results to `deliver`, on the calling
/// thread, in input order.
///
/// The threads take the next item from a shared counter, so an item costs a lock
/// round-trip, not a task, a continuation and a thread hop; the calling thread
/// delivers whatever has arrived in order before it takes its next item, and sleeps
/// only when it has nothing to deliver and nothing to take.
///
/// Memory stays bounded: an item is started only while fewer than `window` items
/// separate it from the first undelivered one, so one slow file holds back at most
/// `window` finished results, never the whole list.
enum OrderedParallel {
    static func forEach<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, window: Int? = nil,
        _ work: @escaping @Sendable (Item) -> Result,
        deliver: (Result) -> Void
    ) {
        guard !items.isEmpty else { return }
        let width = max(1, min(width, items.count))
        let run = Run<Item, Result>(items: items, window: max(width, window ?? width * 16), work: work)
        for _ in 1 ..< width {
            let thread = Thread { run.helpUntilDone() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        run.deliverAll(deliver)
    }

    /// The shared state of one run: the next item to start, the results not yet delivered.
    private final class Run<Item: Sendable, Result: Sendable>: @unchecked Sendable {
        // Every stored property below is read and written under `condition`'s lock.
        private let condition = NSCondition()
        private let items: [Item]
        private let window: Int
        private let work: @Sendable (Item) -> Result
        private var results: [Result?]
        private var next = 0
        private var delivered = 0

        init(items: [Item], window: Int, work: @escaping @Sendable (Item) -> Result) {
            self.items = items
            self.window = window
            self.work = work
            self.results = Array(repeating: nil, count: items.count)
        }

        /// A helper thread's loop: take an item, work, store the result, until none is left.
        func helpUntilDone() {
            condition.lock()
            while true {
                while next < items.count, next - delivered >= window { condition.wait() }
                guard next < items.count else { break }
                workOn(next)
            }
            condition.unlock()
        }

        /// The calling thread's loop: deliver what is ready in order, otherwise work, otherwise wait.
        func deliverAll(_ deliver: (Result) -> Void) {
            var ready: [Result] = []
            condition.lock()
            while delivered < items.count {
                while delivered < items.count, let result = results[delivered] {
                    results[delivered] = nil
                    delivered += 1
                    ready.append(result)
                }
                if !ready.isEmpty {
                    condition.broadcast()   // the window moved: helpers waiting on it may start
                    condition.unlock()
                    for result in ready { deliver(result) }
                    ready.removeAll(keepingCapacity: true)
                    condition.lock()
                } else if next < items.count, next - delivered < window {
                    workOn(next)
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
        }

        /// Claims item `index` and works on it outside the lock (held on entry and on return).
        private func workOn(_ index: Int) {
            next += 1
            let item = items[index]
            condition.unlock()
            let result = work(item)
            condition.lock()
            results[index] = result
            // Wake the caller only when the first undelivered result arrived; helpers
            // waiting on the window are woken by deliveries.
            if index == delivered { condition.broadcast() }
        }
    }
}
