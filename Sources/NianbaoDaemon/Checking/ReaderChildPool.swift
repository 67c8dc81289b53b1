import Dispatch
import NianbaoPlatform
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The reader children of one `ChildPDFReader`: idle ones kept for the next
/// document, busy ones owned by the callers reading with them. A caller takes an
/// idle child or starts one, so there are never more children than callers at
/// once. A child is retired after `documentsPerChild` documents or once its
/// address space has grown since its first document by `memoryGrowthBytes` (at
/// most an eighth of the address-space limit), and
/// reaped after `idleTimeout` without work. Every child is registered with
/// `ChildRegistry`, so a stopping daemon kills busy and idle ones alike.
final class ReaderChildPool: Sendable {
    /// A child lent to a caller, with what the pool remembers about it.
    struct Lent: Sendable {
        var child: ServingChild
        /// Virtual memory size after its first document (poppler loaded and warmed up).
        var baseline: Int?
    }

    /// Taking a child from the pool.
    enum Checkout: Sendable {
        case lent(Lent)
        case failed(BoundedProcess.Outcome)
    }

    private struct Idle {
        var lent: Lent
        var since: ContinuousClock.Instant
    }

    private struct State {
        var idle: [Idle] = []
        var busy: Set<pid_t> = []
        var started = 0
        var reaperScheduled = false
        /// Children stopped for being idle (the latest 64), oldest first.
        var stoppedIdle: [pid_t] = []
    }

    let executable: String
    let arguments: [String]
    let environment: [String]
    let limits: BoundedProcess.Limits
    let reuse: ChildPDFReader.Reuse
    private let state = Mutex(State())

    init(executable: String, arguments: [String], environment: [String], limits: BoundedProcess.Limits,
         reuse: ChildPDFReader.Reuse) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.limits = limits
        self.reuse = reuse
    }

    deinit {
        for idle in state.withLock({ $0.idle }) { idle.lent.child.stop() }
    }

    /// Children started so far.
    var started: Int { state.withLock { $0.started } }

    /// The process ids of the children stopped for being idle (the latest 64), oldest first;
    /// a child is listed once it has been stopped and reaped.
    var stoppedIdleProcessIDs: [pid_t] { state.withLock { $0.stoppedIdle } }

    /// The process ids of the live children, busy and idle.
    var processIDs: [pid_t] { state.withLock { $0.busy.sorted() + $0.idle.map(\.lent.child.pid) } }

    /// The most recently used idle child, or (with `fresh`, or none idle) a new one.
    func checkout(fresh: Bool) -> Checkout {
        let idle: Lent? = fresh ? nil : state.withLock { state in
            guard let last = state.idle.popLast() else { return nil }
            state.busy.insert(last.lent.child.pid)
            return last.lent
        }
        if let idle { return .lent(idle) }
        // The lifetime CPU cap: every document's budget, plus a second of rounding each.
        let hard = reuse.documentsPerChild * (limits.cpuSeconds + 1) + 2
        switch ServingChild.start(executable, arguments, environment: environment, limits: limits, cpuHardSeconds: hard) {
        case .failed(let outcome):
            return .failed(outcome)
        case .started(let child):
            state.withLock { state in
                state.started += 1
                state.busy.insert(child.pid)
            }
            return .lent(Lent(child: child, baseline: nil))
        }
    }

    /// Takes back a child that has just replied: idle again, or retired if worn.
    func checkin(_ lent: Lent) {
        var lent = lent
        let size = lent.child.virtualMemoryBytes
        if lent.baseline == nil { lent.baseline = size }
        let allowance = min(reuse.memoryGrowthBytes, limits.addressSpaceBytes / 8)
        let grown = size.map { $0 - (lent.baseline ?? $0) > allowance } ?? true
        let worn = grown || lent.child.requestsServed >= reuse.documentsPerChild || ChildRegistry.shared.isStopping
        let scheduleReaper = state.withLock { state -> Bool in
            state.busy.remove(lent.child.pid)
            guard !worn else { return false }
            state.idle.append(Idle(lent: lent, since: ContinuousClock().now))
            defer { state.reaperScheduled = true }
            return !state.reaperScheduled
        }
        if worn { lent.child.stop() }
        if scheduleReaper { reapIdle(after: reuse.idleTimeout) }
    }

    /// Forgets a child that is gone (ended, killed, or broke the protocol).
    func discard(_ lent: Lent) {
        _ = state.withLock { $0.busy.remove(lent.child.pid) }
    }

    /// Stops the children idle for `idleTimeout`, and comes back while any are left.
    private func reapIdle(after delay: Duration) {
        let nanoseconds = Int(delay.components.seconds) * 1_000_000_000 + Int(delay.components.attoseconds / 1_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(max(nanoseconds, 1_000_000))) { [weak self] in
            guard let self else { return }
            let now = ContinuousClock().now
            let (expired, next) = state.withLock { state -> ([Idle], Duration?) in
                let expired = state.idle.filter { now - $0.since >= reuse.idleTimeout }
                state.idle.removeAll { now - $0.since >= reuse.idleTimeout }
                let oldest = state.idle.map(\.since).min()
                state.reaperScheduled = oldest != nil
                return (expired, oldest.map { reuse.idleTimeout - (now - $0) })
            }
            for idle in expired { idle.lent.child.stop() }
            state.withLock { state in
                state.stoppedIdle += expired.map(\.lent.child.pid)
                if state.stoppedIdle.count > 64 { state.stoppedIdle.removeFirst(state.stoppedIdle.count - 64) }
            }
            if let next { reapIdle(after: next) }
        }
    }
}
