#if canImport(Glibc)
import Glibc
#endif

/// Test hooks, inert unless their environment variable is set.
enum DebugHooks {
    /// `NIANBAO_DEBUG_WEDGE=NAME`: a worker that picks up a file named NAME blocks
    /// forever, so tests can prove that a wedged worker stops the watchdog pings.
    static func wedgeIfRequested(_ path: String) {
        guard let name = getenv("NIANBAO_DEBUG_WEDGE").map({ String(cString: $0) }), !name.isEmpty,
              path.split(separator: "/").last.map(String.init) == name else { return }
        while true { sleep(3600) }
    }
}
