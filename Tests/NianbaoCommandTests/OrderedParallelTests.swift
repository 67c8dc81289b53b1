import Foundation
import Synchronization
import Testing
import NianbaoTestSupport
@testable import nianbao

/// The ordered, bounded fan-out behind `nianbao check`. Serialized: each test blocks or
/// spins on its threads, and side by side they would slow one another.
@Suite("Command: ordered parallel judging", .serialized, .offPool)
struct OrderedParallelTests {
    /// Counts items in flight and the most seen at once.
    final class Gauge: Sendable {
        let state = Mutex((now: 0, most: 0))
        func enter() { state.withLock { $0.now += 1; $0.most = max($0.most, $0.now) } }
        func leave() { state.withLock { $0.now -= 1 } }
        var most: Int { state.withLock { $0.most } }
    }

    @Test func resultsComeInInputOrderWhenLaterItemsFinishFirst() {
        // Items 0, 4, 8 … wait for the last item of their group of four (running beside
        // them, width 4) to finish first.
        let finishedLast = (0 ..< 10).map { _ in DispatchSemaphore(value: 0) }
        let completion = Mutex<[Int]>([])
        var delivered: [Int] = []
        OrderedParallel.forEach(Array(0 ..< 40), width: 4, { item in
            if item % 4 == 0 { _ = finishedLast[item / 4].wait(timeout: .now() + 2) }
            completion.withLock { $0.append(item) }
            if item % 4 == 3 { finishedLast[item / 4].signal() }
            return item
        }, deliver: { delivered.append($0) })
        #expect(delivered == Array(0 ..< 40))
        let order = completion.withLock { $0 }
        #expect(order.firstIndex(of: 3)! < order.firstIndex(of: 0)!, "item 0 finished after item 3")
    }

    @Test func neverMoreThanWidthInFlightAndItUsesThemAll() {
        let gauge = Gauge()
        let width = 2
        // Each item of a round waits until the whole round has arrived: only items
        // running side by side get through (bounded, so a failure cannot hang).
        let arrived = Mutex(0)
        OrderedParallel.forEach(Array(0 ..< 3 * width), width: width, { item in
            gauge.enter()
            defer { gauge.leave() }
            let round = arrived.withLock { value -> Int in value += 1; return (value - 1) / width }
            let deadline = Date().addingTimeInterval(10)
            while arrived.withLock({ $0 }) < (round + 1) * width && Date() < deadline { sched_yield() }
            return item
        }, deliver: { _ in })
        #expect(gauge.most == width)
    }

    @Test func aSlowFirstItemHoldsBackAtMostTheWindow() {
        let startedBesideFirst = Mutex(0)
        let seenByFirst = Mutex(-1)
        var delivered: [Int] = []
        OrderedParallel.forEach(Array(0 ..< 50), width: 2, window: 6, { item in
            if item == 0 {
                // Wait for the window to fill (items 1 … 5), then give the others a further
                // moment to run past it; with no window all 49 would.
                var deadline = Date().addingTimeInterval(10)
                while startedBesideFirst.withLock({ $0 }) < 5 && Date() < deadline { sched_yield() }
                deadline = Date().addingTimeInterval(0.2)
                while startedBesideFirst.withLock({ $0 }) <= 5 && Date() < deadline { sched_yield() }
                seenByFirst.withLock { $0 = startedBesideFirst.withLock { $0 } }
                return item
            }
            startedBesideFirst.withLock { $0 += 1 }
            return item
        }, deliver: { delivered.append($0) })
        #expect(delivered == Array(0 ..< 50))
        // While item 0 ran, only items 1 … 5 could start (6 results at most waiting on it).
        #expect(seenByFirst.withLock { $0 } == 5)
    }
}
