/// SIGHUP handling: RELOADING=1, the configuration read off the loop, READY=1.
///
/// Invariants: at most one reload runs at a time; a SIGHUP before READY=1 or
/// during a reload is queued (several queued ones make one reload) and starts
/// a reload as soon as the daemon is ready and no reload runs; nothing starts
/// once the daemon stops.
struct ReloadState: Sendable, Equatable {
    private(set) var loading = false
    private(set) var queued = false

    /// A SIGHUP arrived: true when a reload starts now.
    mutating func hangup(ready: Bool, stopping: Bool) -> Bool {
        guard !stopping else { return false }
        queued = true
        return resume(ready: ready, stopping: stopping)
    }

    /// The reload in flight ended (applied, failed or cut short by a stop).
    mutating func loaded() { loading = false }

    /// After READY=1 or a reload's end: true when a queued SIGHUP starts a reload now.
    mutating func resume(ready: Bool, stopping: Bool) -> Bool {
        guard queued, ready, !stopping, !loading else { return false }
        queued = false
        loading = true
        return true
    }
}
