#if canImport(Glibc)
import Glibc
#endif

/// A counting semaphore that lets at most `capacity` holders in at a time, in the
/// order they arrived. The others block their thread on a condition variable (no
/// spinning) until a holder leaves. Used to run only a few LibreOffice conversions
/// at once, so that the rest wait their turn instead of competing for memory.
public final class FairGate: @unchecked Sendable {
    /// Holders allowed in at once (at least 1).
    public let capacity: Int
    // Guarded by `mutex`: tickets handed out, and holders that have left. Ticket t
    // may enter once t < left + capacity, so tickets enter in the order they were taken.
    private var issued = 0
    private var left = 0
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// A gate for `capacity` holders at a time (less than 1 counts as 1).
    public init(capacity: Int) {
        self.capacity = max(1, capacity)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// Blocks until it is the caller's turn and a place is free.
    public func enter() {
        pthread_mutex_lock(mutex)
        let ticket = issued
        issued += 1
        while ticket >= left + capacity { pthread_cond_wait(condition, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Frees the caller's place for the next in line.
    public func leave() {
        pthread_mutex_lock(mutex)
        left += 1
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Runs `body` holding a place.
    public func withPlace<T>(_ body: () throws -> T) rethrows -> T {
        enter()
        defer { leave() }
        return try body()
    }

    /// Callers blocked in `enter()` now.
    public var waiting: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return max(0, issued - left - capacity)
    }
}
