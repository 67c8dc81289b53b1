#if canImport(Glibc)
import Glibc
#endif

/// A helper process, started under `BoundedProcess` limits in a session of its
/// own, that serves many requests in turn (`ServeProtocol`) over one socket
/// pair bound to its standard input and output. Each exchange has its own
/// deadline: a late child is killed (its whole process group) and reaped.
///
/// A value is owned by one caller at a time. After any exchange result other
/// than `.reply`, the child is gone (killed and reaped, its socket closed) and
/// the value must be dropped; a child that is still serving ends with `stop()`.
public struct ServingChild: Sendable {
    /// The child's process id (also its process group and session id).
    public let pid: pid_t
    /// The daemon's end of the socket pair (non-blocking, close-on-exec).
    private let socket: Int32
    /// Requests this child has answered.
    public private(set) var requestsServed = 0

    /// How an attempt to start a child went.
    public enum Start: Sendable {
        case started(ServingChild)
        /// `.spawnFailed(errno)`, or `.cancelled` when the daemon is stopping.
        case failed(BoundedProcess.Outcome)
    }

    /// How one request went.
    public enum Exchange: Sendable, Hashable {
        /// The child's reply; the child serves on.
        case reply([UInt8])
        /// The child ended before it took the request in full (it died while idle
        /// or while reading): the request is not to blame; try another child.
        case notAccepted
        /// The child took the request and then ended, or was killed at the deadline
        /// (`.timedOut`), or because the daemon is stopping (`.cancelled`).
        case ended(BoundedProcess.Outcome)
        /// The child broke the protocol (wrong acceptance byte, oversized reply); it was killed.
        case malformed
    }

    private init(pid: pid_t, socket: Int32) {
        self.pid = pid
        self.socket = socket
    }

    /// Starts `prlimit … -- executable arguments` with the socket pair as its standard
    /// input and output and /dev/null as its standard error, registered with
    /// `ChildRegistry` (so a stopping daemon kills it, busy or idle).
    /// `cpuHardSeconds` is the lifetime CPU limit; the soft limit starts at `limits.cpuSeconds`.
    public static func start(_ executable: String, _ arguments: [String], environment: [String],
                             limits: BoundedProcess.Limits, cpuHardSeconds: Int) -> Start {
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { return .failed(.spawnFailed(errno)) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = BoundedProcess(limits: limits).spawn(
            executable, arguments, environment, &actions, cpuHardSeconds: cpuHardSeconds)
        close(ends[1])
        switch spawned {
        case .success(let pid):
            _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
            return .started(ServingChild(pid: pid, socket: ends[0]))
        case .failure(let failure):
            close(ends[0])
            return .failed(failure.code == ECANCELED ? .cancelled : .spawnFailed(failure.code))
        }
    }

    /// Sends one request (the concatenation of `parts`) and waits until `deadline`
    /// for the reply, which may be at most `maxReply` bytes.
    public mutating func exchange(_ parts: [[UInt8]], deadline: ContinuousClock.Instant, maxReply: Int) -> Exchange {
        let total = parts.reduce(0) { $0 + $1.count }
        guard total <= ServeProtocol.maxFrame else { return .ended(terminate(timedOut: false)) }
        for part in [ServeProtocol.lengthPrefix(total)] + parts {
            switch send(part, deadline: deadline) {
            case .done: continue
            case .timedOut: return .ended(terminate(timedOut: true))
            case .closed: _ = terminate(timedOut: false); return .notAccepted
            }
        }
        switch receive(1, deadline: deadline) {
        case .bytes(let acceptance) where acceptance == [ServeProtocol.acceptance]: break
        case .bytes: _ = terminate(timedOut: false); return .malformed
        case .closed: _ = terminate(timedOut: false); return .notAccepted
        case .timedOut: return .ended(terminate(timedOut: true))
        }
        let header: [UInt8]
        switch receive(4, deadline: deadline) {
        case .bytes(let bytes): header = bytes
        case .closed: return .ended(reap(deadline: deadline))
        case .timedOut: return .ended(terminate(timedOut: true))
        }
        let length = ServeProtocol.length(header)
        guard length <= maxReply else { _ = terminate(timedOut: false); return .malformed }
        switch receive(length, deadline: deadline) {
        case .bytes(let reply):
            requestsServed += 1
            return .reply(reply)
        case .closed: return .ended(reap(deadline: deadline))
        case .timedOut: return .ended(terminate(timedOut: true))
        }
    }

    /// Ends a child that is serving (idle): kills its process group, reaps it, closes the socket.
    public func stop() {
        _ = terminate(timedOut: false)
    }

    /// The child's virtual memory size in bytes (what RLIMIT_AS bounds), from /proc; nil if unreadable.
    public var virtualMemoryBytes: Int? {
        let descriptor = open("/proc/\(pid)/statm", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard n > 0, let pages = Int(String(decoding: buffer[0..<n].prefix { $0 != 0x20 }, as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private enum Sent {
        case done
        case closed
        case timedOut
    }

    private enum Received {
        case bytes([UInt8])
        case closed
        case timedOut
    }

    private func send(_ bytes: [UInt8], deadline: ContinuousClock.Instant) -> Sent {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                guard waitFor(Int16(POLLOUT), deadline: deadline) else { return .timedOut }
                continue
            }
            return .closed
        }
        return .done
    }

    private func receive(_ count: Int, deadline: ContinuousClock.Instant) -> Received {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let n = bytes.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + offset, count - offset, 0) }
            if n > 0 { offset += n; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                guard waitFor(Int16(POLLIN), deadline: deadline) else { return .timedOut }
                continue
            }
            return .closed
        }
        return .bytes(bytes)
    }

    /// Waits for `events` on the socket (or its hang-up); false once the deadline has passed.
    private func waitFor(_ events: Int16, deadline: ContinuousClock.Instant) -> Bool {
        let clock = ContinuousClock()
        while true {
            let left = deadline - clock.now
            guard left > .zero else { return false }
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1
            var poller = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&poller, 1, Int32(min(milliseconds, 60_000)))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return true }  // let the next call report the error
        }
    }

    /// The child closed its socket mid-request: waits for it to end (it is normally
    /// dying already), killing it at the deadline, and says how it ended.
    private func reap(deadline: ContinuousClock.Instant) -> BoundedProcess.Outcome {
        let clock = ContinuousClock()
        var pause = 200_000  // nanoseconds; grows to 20 ms
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                finish()
                if ChildRegistry.shared.isStopping, status & 0x7F == SIGKILL { return .cancelled }
                let signal = status & 0x7F
                return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
            }
            if result < 0 && errno != EINTR { finish(); return .exited(-1) }
            if clock.now >= deadline { return terminate(timedOut: true) }
            var interval = timespec(tv_sec: 0, tv_nsec: pause)
            nanosleep(&interval, nil)
            pause = min(pause * 2, 20_000_000)
        }
    }

    /// Kills the child's process group, reaps the child and closes the socket.
    private func terminate(timedOut: Bool) -> BoundedProcess.Outcome {
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        finish()
        if ChildRegistry.shared.isStopping { return .cancelled }
        return timedOut ? .timedOut : .signaled(SIGKILL)
    }

    private func finish() {
        close(socket)
        ChildRegistry.shared.remove(pid)
    }
}
