import Foundation
import Synchronization
@testable import NianbaoPlatform
import NianbaoTestSupport

/// Collects a ``PollingWatcher``'s events; waits wake on each recorded event (the
/// timeout only bounds a wait that would otherwise hang).
final class PollRecorder: Sendable {
    private let state = Mutex<[PollEvent]>([])
    private let condition = NSCondition()
    let watcher: PollingWatcher

    init(_ watcher: PollingWatcher) throws {
        self.watcher = watcher
        let stream = watcher.events
        // Its own thread: the tests wait synchronously, which may block every thread
        // of the cooperative pool.
        Task(executorPreference: DedicatedExecutor.shared) { [self] in
            for await event in stream { record(event) }
        }
        try watcher.start()
    }

    var events: [PollEvent] { state.withLock { $0 } }

    private func record(_ event: PollEvent) {
        state.withLock { $0.append(event) }
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// The watch events only.
    var watchEvents: [WatchEvent] {
        events.compactMap { if case .watch(let event, _) = $0 { return event } else { return nil } }
    }

    /// Waits until `predicate` holds; `false` on timeout.
    @discardableResult
    func wait(seconds: Double = 20, until predicate: ([PollEvent]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while !predicate(events) {
            if !condition.wait(until: deadline) { return predicate(events) }
        }
        return true
    }

    /// Waits until `event` was recorded (whatever its identity).
    @discardableResult
    func wait(for event: WatchEvent, seconds: Double = 20) -> Bool {
        wait(seconds: seconds) { events in events.contains { if case .watch(event, _) = $0 { true } else { false } } }
    }

    /// How many times `event` was recorded.
    func count(_ event: WatchEvent) -> Int {
        watchEvents.filter { $0 == event }.count
    }
}

