#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (a document converter) as a child process in its own
/// session, under resource limits and a wall-clock timeout.
///
/// The limits are applied by util-linux's `prlimit`, which sets them before it
/// executes the program, so every process the program forks inherits them.
/// On timeout the whole process group is killed with SIGKILL.
public struct BoundedProcess: Sendable {
    /// Resource limits for the child.
    public struct Limits: Sendable, Hashable {
        /// CPU seconds (RLIMIT_CPU): SIGXCPU at this soft limit, SIGKILL 2 s later.
        public var cpuSeconds: Int
        /// Address space in bytes (RLIMIT_AS).
        public var addressSpaceBytes: Int
        /// Largest file the child may write, in bytes (RLIMIT_FSIZE).
        public var fileSizeBytes: Int
        /// Wall-clock time before the process group is killed.
        public var timeout: Duration

        public init(cpuSeconds: Int, addressSpaceBytes: Int, fileSizeBytes: Int, timeout: Duration) {
            self.cpuSeconds = cpuSeconds
            self.addressSpaceBytes = addressSpaceBytes
            self.fileSizeBytes = fileSizeBytes
            self.timeout = timeout
        }
    }

    /// How the child ended.
    public enum Outcome: Sendable, Hashable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
        case spawnFailed(Int32)
        /// Killed because the daemon is stopping; the file is judged again at the next start.
        case cancelled
    }

    /// The `prlimit` executable that applies the limits.
    public static let prlimitPath = "/usr/bin/prlimit"

    public let limits: Limits

    public init(limits: Limits) {
        self.limits = limits
    }

    /// Runs `executable` with `arguments` and `environment` (standard streams on
    /// /dev/null, or standard output and error to `logPath`) and waits for it.
    public func run(_ executable: String, _ arguments: [String], environment: [String], logPath: String? = nil) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let output = logPath ?? "/dev/null"
        // Not O_CLOEXEC: that would close standard output at exec, and the child's next
        // open file would become descriptor 1 and receive what it prints.
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        switch spawn(executable, arguments, environment, &actions) {
        case .success(let pid): return wait(pid)
        case .failure(let failure): return .spawnFailed(failure.code)
        }
    }

    /// Runs `executable` with `input` on its standard input (a sealed memory file)
    /// and returns what it wrote to standard output (at most `maxOutput` bytes),
    /// reading while it runs; standard error goes to /dev/null.
    public func runCapturing(_ executable: String, _ arguments: [String], environment: [String], input: [UInt8],
                             maxOutput: Int) -> (Outcome, [UInt8]) {
        // The input: an unlinked temporary file (memfd_create is not visible to Swift).
        var template = Array("\(ProcessTemporaryDirectory.path)/nianbao-input-XXXXXX".utf8CString)
        let memory = mkstemp(&template)
        guard memory >= 0 else { return (.spawnFailed(errno), []) }
        unlink(template)
        defer { close(memory) }
        _ = fcntl(memory, F_SETFD, FD_CLOEXEC)
        var written = 0
        while written < input.count {
            let n = input.withUnsafeBytes { Glibc.write(memory, $0.baseAddress! + written, $0.count - written) }
            guard n > 0 else { return (.spawnFailed(errno), []) }
            written += n
        }
        lseek(memory, 0, SEEK_SET)
        var pipeEnds: [Int32] = [-1, -1]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The pipe is made close-on-exec under the spawn lock, so no other child inherits it.
        let spawned = spawn(executable, arguments, environment, &actions) { actions in
            guard pipe(&pipeEnds) == 0 else { return false }
            _ = fcntl(pipeEnds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(pipeEnds[1], F_SETFD, FD_CLOEXEC)
            posix_spawn_file_actions_adddup2(&actions, memory, 0)
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            return true
        }
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        defer { if pipeEnds[0] >= 0 { close(pipeEnds[0]) } }
        guard case .success(let pid) = spawned else {
            if case .failure(let error) = spawned { return (.spawnFailed(error.code), []) }
            return (.spawnFailed(-1), [])
        }
        var output: [UInt8] = []
        let clock = ContinuousClock()
        let deadline = clock.now + limits.timeout
        var buffer = [UInt8](repeating: 0, count: 65_536)
        reading: while true {
            let left = deadline - clock.now
            guard left > .zero else { return (kill(pid, timedOut: true), output) }
            var poller = pollfd(fd: pipeEnds[0], events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1, 60_000))
            let ready = poll(&poller, 1, milliseconds)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break reading }
            guard output.count + n <= maxOutput else { return (kill(pid, timedOut: false), output) }
            output.append(contentsOf: buffer[0..<n])
        }
        return (wait(pid), output)
    }

    struct SpawnFailure: Error { let code: Int32 }

    /// Spawns `prlimit … -- executable arguments` in a session of its own and
    /// registers it with `ChildRegistry`. `cpuHardSeconds` is the hard CPU limit
    /// (SIGKILL), by default 2 s past the soft one (SIGXCPU).
    func spawn(_ executable: String, _ arguments: [String], _ environment: [String],
               _ actions: inout posix_spawn_file_actions_t, cpuHardSeconds: Int? = nil,
               prepare: (inout posix_spawn_file_actions_t) -> Bool = { _ in true }) -> Result<pid_t, SpawnFailure> {
        let hard = cpuHardSeconds ?? limits.cpuSeconds + 2
        let argv = [Self.prlimitPath, "--cpu=\(limits.cpuSeconds):\(hard)", "--as=\(limits.addressSpaceBytes)",
                    "--fsize=\(limits.fileSizeBytes)", "--", executable] + arguments
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var pid: pid_t = 0
        let status = ChildRegistry.shared.spawning {
            guard prepare(&actions) else { return errno }
            return withCStrings(argv) { cArgv in
                withCStrings(environment) { cEnv in
                    posix_spawn(&pid, Self.prlimitPath, &actions, &attributes, cArgv, cEnv)
                }
            }
        } register: { pid }
        return status == 0 ? .success(pid) : .failure(SpawnFailure(code: status))
    }

    /// Kills the child's process group and reaps it.
    private func kill(_ pid: pid_t, timedOut: Bool) -> Outcome {
        Glibc.kill(-pid, SIGKILL)
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        ChildRegistry.shared.remove(pid)
        if ChildRegistry.shared.isStopping { return .cancelled }
        return timedOut ? .timedOut : .signaled(SIGKILL)
    }

    /// Waits for `pid`, killing its process group once the timeout has passed.
    private func wait(_ pid: pid_t) -> Outcome {
        let clock = ContinuousClock()
        let deadline = clock.now + limits.timeout
        var pause = 2_000_000  // nanoseconds; grows to 50 ms
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                ChildRegistry.shared.remove(pid)
                // Killed by SIGKILL while the daemon stops: not the document's fault.
                if ChildRegistry.shared.isStopping, status & 0x7F == SIGKILL { return .cancelled }
                return Self.outcome(status)
            }
            if result < 0 && errno != EINTR { ChildRegistry.shared.remove(pid); return .exited(-1) }
            if clock.now >= deadline { return kill(pid, timedOut: true) }
            var interval = timespec(tv_sec: 0, tv_nsec: pause)
            nanosleep(&interval, nil)
            pause = min(pause * 2, 50_000_000)
        }
    }

    private static func outcome(_ status: Int32) -> Outcome {
        let signal = status & 0x7F
        if signal == 0 { return .exited((status >> 8) & 0xFF) }
        return .signaled(signal)
    }

    /// glibc's POSIX_SPAWN_SETSID (not imported into Swift).
    private static let spawnSetSID: Int32 = 0x80
}

/// Calls `body` with a NULL-terminated C array of the strings.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
