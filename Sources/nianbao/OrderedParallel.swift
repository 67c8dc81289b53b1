import Dispatch

/// Runs a blocking function over a list on Dispatch worker threads, at most
/// `width` items in flight, and hands the results to `deliver` in input order.
///
/// Memory stays bounded: an item is started only while fewer than `window`
/// results wait for an earlier, slower one, so one slow file holds back at most
/// `window` finished results, never the whole list.
enum OrderedParallel {
    static func forEach<Item: Sendable, Result: Sendable>(
        _ items: [Item], width: Int, window: Int? = nil,
        _ work: @escaping @Sendable (Item) -> Result,
        deliver: (Result) -> Void
    ) async {
        let width = max(1, width)
        let window = max(width, window ?? width * 8)
        await withTaskGroup(of: (Int, Result).self) { group in
            var started = 0
            var delivered = 0
            var inFlight = 0
            var finished: [Int: Result] = [:]
            while delivered < items.count {
                while inFlight < width, started < items.count, started - delivered < window {
                    let index = started
                    let item = items[index]
                    group.addTask { (index, await blocking { work(item) }) }
                    started += 1
                    inFlight += 1
                }
                guard let (index, result) = await group.next() else { break }
                inFlight -= 1
                finished[index] = result
                while let next = finished.removeValue(forKey: delivered) {
                    deliver(next)
                    delivered += 1
                }
            }
        }
    }

    /// Runs `work` on a Dispatch thread, keeping Swift's cooperative pool free
    /// while it reads files, waits on child processes and judges.
    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
