import Foundation
import Testing
import NianbaoPlatform
import NianbaoTestSupport
import Synchronization

/// The gate in front of the LibreOffice conversions: at most `capacity` holders, the
/// others blocked, let in in the order they came.
@Suite("Platform: fair gate", .offPool)
struct FairGateTests {
    /// Starts `body` on a thread of its own; `finished` is left when it returns.
    private func thread(_ finished: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
        finished.enter()
        Thread.detachNewThread {
            body()
            finished.leave()
        }
    }

    @Test func waitersAreLetInInTheOrderTheyCame() {
        let gate = FairGate(capacity: 1)
        let order = Mutex<[String]>([])
        let finished = DispatchGroup()
        gate.enter()
        // Each waiter is started only once the one before it is blocked in the gate.
        for (index, name) in ["a", "b", "c", "d"].enumerated() {
            thread(finished) { gate.withPlace { order.withLock { $0.append(name) } } }
            #expect(Wait.until(timeout: 30) { gate.waiting == index + 1 })
        }
        #expect(order.withLock { $0 }.isEmpty)
        gate.leave()
        finished.wait()
        #expect(order.withLock { $0 } == ["a", "b", "c", "d"])
        #expect(gate.waiting == 0)
    }

    @Test func capacityHoldersAreInAtOnceAndTheNextWaits() {
        let gate = FairGate(capacity: 2)
        gate.enter()
        gate.enter()
        #expect(gate.waiting == 0)
        let entered = Atomic(false)
        let finished = DispatchGroup()
        thread(finished) {
            gate.enter()
            entered.store(true, ordering: .sequentiallyConsistent)
            gate.leave()
        }
        #expect(Wait.until(timeout: 30) { gate.waiting == 1 })
        let enteredEarly = entered.load(ordering: .sequentiallyConsistent)
        #expect(!enteredEarly)
        gate.leave()
        finished.wait()
        let enteredLater = entered.load(ordering: .sequentiallyConsistent)
        #expect(enteredLater)
        gate.leave()
    }

    @Test func neverMoreHoldersThanItsCapacity() {
        let gate = FairGate(capacity: 3)
        let inside = Atomic(0)
        let most = Atomic(0)
        let finished = DispatchGroup()
        for _ in 0..<12 {
            thread(finished) {
                for _ in 0..<200 {
                    gate.withPlace {
                        let now = inside.add(1, ordering: .sequentiallyConsistent).newValue
                        most.max(now, ordering: .sequentiallyConsistent)
                        sched_yield()
                        inside.subtract(1, ordering: .sequentiallyConsistent)
                    }
                }
            }
        }
        finished.wait()
        let highest = most.load(ordering: .sequentiallyConsistent)
        #expect(highest <= 3)
        #expect(highest >= 1)
        #expect(gate.waiting == 0)
    }

    @Test func aCapacityBelowOneIsOne() {
        #expect(FairGate(capacity: 0).capacity == 1)
        #expect(FairGate(capacity: -3).capacity == 1)
    }
}
