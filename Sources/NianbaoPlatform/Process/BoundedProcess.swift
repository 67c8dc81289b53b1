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
        /// CPU seconds (RLIMIT_CPU).
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
        let argv = [Self.prlimitPath, "--cpu=\(limits.cpuSeconds)", "--as=\(limits.addressSpaceBytes)",
                    "--fsize=\(limits.fileSizeBytes)", "--", executable] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let output = logPath ?? "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own, so a timeout can kill everything the program started.
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnSetSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(environment) { cEnv in
                posix_spawn(&pid, Self.prlimitPath, &actions, &attributes, cArgv, cEnv)
            }
        }
        guard status == 0 else { return .spawnFailed(status) }
        return wait(pid)
    }

    /// Waits for `pid`, killing its process group once the timeout has passed.
    private func wait(_ pid: pid_t) -> Outcome {
        let clock = ContinuousClock()
        let deadline = clock.now + limits.timeout
        var pause = 2_000_000  // nanoseconds; grows to 50 ms
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return Self.outcome(status) }
            if result < 0 && errno != EINTR { return .exited(-1) }
            if clock.now >= deadline {
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return .timedOut
            }
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
