#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// What a ``PollingWatcher``'s two threads (the scanner and the stall monitor) and its
/// owner share. The pipes are closed when the last of them lets go.
final class PollControl: Sendable {
    struct ScanClock {
        /// When the scan in progress started (monotonic nanoseconds); nil between scans.
        var startedAt: Int64?
        var stalled = false
        /// A scan finished (or the first one stalled and was told as completed).
        var initialTold = false
    }

    let scannerWake: WakePipe
    let monitorWake: WakePipe
    let stopping = Atomic<Bool>(false)
    let rescanRequested = Atomic<Bool>(false)
    let clock = Mutex(ScanClock())

    init() throws(WatcherStartError) {
        scannerWake = try WakePipe()
        do throws(WatcherStartError) { monitorWake = try WakePipe() } catch {
            close(scannerWake.readFD)
            close(scannerWake.writeFD)
            throw error
        }
    }

    deinit {
        for fd in [scannerWake.readFD, scannerWake.writeFD, monitorWake.readFD, monitorWake.writeFD] { close(fd) }
    }

    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Waits on `pipe` for at most `timeout` (or until woken); empties it.
    static func wait(on pipe: WakePipe, timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        var fds = [pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)]
        if poll(&fds, 1, max(0, milliseconds)) > 0 { pipe.drain() }
    }

    /// Monotonic time in nanoseconds.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
