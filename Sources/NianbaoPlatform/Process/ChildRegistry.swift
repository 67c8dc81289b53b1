#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The helper processes running now (converters, isolated readers), so that a
/// stopping daemon can kill them all at once instead of waiting for them.
public final class ChildRegistry: Sendable {
    public static let shared = ChildRegistry()

    private struct State {
        var children: Set<pid_t> = []
        var stopping = false
    }

    private let state = Mutex(State())

    /// Whether `stopAll` was called: children killed since then were cancelled, not crashed.
    public var isStopping: Bool { state.withLock { $0.stopping } }

    /// Runs `spawn` (which returns posix_spawn's status) and records the pid it made,
    /// under the lock, so `stopAll` never misses a child that is being started.
    func spawning(_ spawn: () -> Int32, register pid: () -> pid_t) -> Int32 {
        state.withLock { state in
            guard !state.stopping else { return ECANCELED }
            let status = spawn()
            if status == 0 { state.children.insert(pid()) }
            return status
        }
    }

    func remove(_ pid: pid_t) {
        _ = state.withLock { $0.children.remove(pid) }
    }

    /// Kills every running child's process group and refuses new ones.
    public func stopAll() {
        let children = state.withLock { state -> Set<pid_t> in
            state.stopping = true
            return state.children
        }
        for pid in children {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }
}

/// Where helper processes get their scratch files: $TMPDIR, else /tmp.
public enum ProcessTemporaryDirectory {
    public static var path: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }
}
