import NianbaoDaemon
import Synchronization

/// A ``DaemonClock`` that moves only when a test says so: sleepers wake when
/// ``advance(by:)`` or ``advance(to:)`` passes their moment, in moment order. For
/// tests that need a clock in a running loop; timing decisions themselves are
/// tested on ``DropState`` and the daemon's state with `now:` values.
public final class ManualClock: DaemonClock {
    private struct Sleeper {
        var moment: Moment
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Moment = .zero
        var nextID = 0
        var sleepers: [Int: Sleeper] = [:]
        var cancelled: Set<Int> = []
    }

    private let state = Mutex(State())

    public init() {}

    public var now: Moment { state.withLock { $0.now } }

    /// How many tasks sleep on this clock now (to wait until a loop armed its timers).
    public var sleeping: Int { state.withLock { $0.sleepers.count } }

    /// The moments sleepers wait for, earliest first.
    public var pendingMoments: [Moment] { state.withLock { $0.sleepers.values.map(\.moment).sorted() } }

    public func sleep(until moment: Moment) async throws {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelled.remove(id) != nil { return .failure(CancellationError()) }
                    if moment <= state.now { return .success(()) }
                    state.sleepers[id] = Sleeper(moment: moment, continuation: continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let sleeper: Sleeper? = state.withLock { state in
                guard let sleeper = state.sleepers.removeValue(forKey: id) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return sleeper
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time on by `duration` and wakes every sleeper whose moment has come.
    public func advance(by duration: Duration) {
        advance(to: now + duration)
    }

    /// Moves time on to `moment` (never back) and wakes every sleeper whose moment has come.
    public func advance(to moment: Moment) {
        let due: [Sleeper] = state.withLock { state in
            state.now = max(state.now, moment)
            let now = state.now
            let ids = state.sleepers.filter { $0.value.moment <= now }.sorted { $0.value.moment < $1.value.moment }.map(\.key)
            return ids.compactMap { state.sleepers.removeValue(forKey: $0) }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }
}
