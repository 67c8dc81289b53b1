#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Watches one or more drop-folder trees recursively with inotify and reports files as they arrive.
///
/// A dedicated thread blocks in `poll(2)` on the inotify descriptor and a wake-up pipe, so an idle
/// watcher costs no CPU. Events go into ``events``, an `AsyncStream` with unbounded buffering: the
/// reader thread is never blocked by a slow consumer (which applies backpressure on its own side).
///
/// Guarantees:
/// - a new directory is watched *before* it is listed, so files written into folders created a
///   moment earlier (`mkdir -p a/b/c && cp f a/b/c/`) are never lost (they may be reported twice);
/// - a kernel queue overflow is reported as ``WatchEvent/overflow`` and followed by a full rescan of
///   every root ending in ``WatchEvent/scanCompleted(root:reason:)``;
/// - a missing root is reported as ``WatchEvent/rootLost(root:)`` and re-armed, without polling,
///   when it reappears;
/// - symbolic links are never followed below a root; temporary names (``TemporaryNames``) are
///   ignored until renamed.
public final class TreeWatcher: Sendable {
    private enum Phase {
        case notStarted(roots: [String])
        case running(control: WatcherControl, thread: ReaderThread)
        case stopped
    }

    /// Everything the watcher reports, in order. Consume it from one task only.
    public let events: AsyncStream<WatchEvent>
    private let continuation: AsyncStream<WatchEvent>.Continuation
    private let ignore: @Sendable (String) -> Bool
    private let skip: @Sendable (String, String) -> Bool
    private let phase: Mutex<Phase>

    /// Creates a watcher for `roots` (absolute paths; relative ones are resolved against the
    /// current directory). `ignore` receives entry names (last components) and hides them until
    /// they are renamed to a name it accepts; directories it matches are not entered.
    /// `skip` receives a root and a directory's path relative to it: a directory it
    /// matches is neither watched nor listed (a network mount left to a ``PollingWatcher``).
    public init(roots: [String], ignore: @escaping @Sendable (String) -> Bool = TemporaryNames.isTemporary,
                skip: @escaping @Sendable (_ root: String, _ path: String) -> Bool = { _, _ in false }) {
        (events, continuation) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .unbounded)
        self.ignore = ignore
        self.skip = skip
        var unique: [String] = []
        for root in roots.map(CanonicalPath.absolute) where !unique.contains(root) { unique.append(root) }
        phase = Mutex(.notStarted(roots: unique))
    }

    deinit { stop() }

    /// Creates the inotify instance and starts the reader thread, which scans every root
    /// (`.scanCompleted(.initial)` or `.rootLost`) and then reports changes. Calling it again does nothing.
    public func start() throws(WatcherStartError) {
        try phase.withLock { (phase: inout Phase) throws(WatcherStartError) in
            guard case .notStarted(let roots) = phase else { return }
            let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            if fd < 0 { throw WatcherStartError(call: "inotify_init1", errno: errno) }
            let wake: WakePipe
            do throws(WatcherStartError) { wake = try WakePipe() } catch { close(fd); throw error }
            let control = WatcherControl(wake: wake)
            let continuation = self.continuation
            let ignore = self.ignore
            let skip = self.skip
            do throws(WatcherStartError) {
                let thread = try ReaderThread {
                    let engine = WatcherEngine(fd: fd, control: control, ignore: ignore, skip: skip, continuation: continuation)
                    engine.run(initialRoots: roots)
                    close(fd)
                    continuation.finish()
                }
                phase = .running(control: control, thread: thread)
            } catch {
                close(fd)
                close(wake.readFD)
                close(wake.writeFD)
                throw error
            }
        }
    }

    /// Starts watching another root (for reconfiguration); other roots lose no events.
    public func addRoot(_ path: String) {
        let root = CanonicalPath.absolute(path)
        send(.addRoot(root)) { roots in if !roots.contains(root) { roots.append(root) } }
    }

    /// Stops watching a root; nothing more is reported for it.
    public func removeRoot(_ path: String) {
        let root = CanonicalPath.absolute(path)
        send(.removeRoot(root)) { roots in roots.removeAll { $0 == root } }
    }

    /// Before `start()`, applies `editPending` to the roots to start with; while
    /// running, hands `command` to the reader thread; after `stop()`, does nothing.
    private func send(_ command: WatcherCommand, editPending: (inout [String]) -> Void) {
        let control: WatcherControl? = phase.withLock { phase in
            switch phase {
            case .notStarted(var roots):
                editPending(&roots)
                phase = .notStarted(roots: roots)
                return nil
            case .running(let control, _):
                return control
            case .stopped:
                return nil
            }
        }
        control?.send(command)
    }

    /// Rebuilds every watch and reports every file again as `.fileFound`, then
    /// `.scanCompleted(.requested)` per root. Also retries directories that hit the watch limit.
    public func rescan() {
        runningControl()?.send(.rescan)
    }

    /// Looks again at the directories the watch limit left unwatched: each is watched if
    /// the kernel now allows it (and scanned), otherwise listed and compared with its last
    /// listing (new or changed files `.fileFound`, gone ones `.fileRemoved`, new folders
    /// scanned, gone ones `.directoryRemoved`). The seam a polling watcher can take over.
    public func pollUnwatched() {
        runningControl()?.send(.pollUnwatched)
    }

    /// Stops the reader thread, closes the descriptors and finishes ``events``.
    /// Returns once the thread has exited (a scan in progress is abandoned promptly).
    public func stop() {
        let previous = phase.withLock { phase in
            defer { phase = .stopped }
            return phase
        }
        switch previous {
        case .notStarted:
            continuation.finish()
        case .running(let control, let thread):
            control.stopping.store(true, ordering: .releasing)
            control.wake.wake()
            thread.join()
            close(control.wake.readFD)
            close(control.wake.writeFD)
        case .stopped:
            break
        }
    }

    private func runningControl() -> WatcherControl? {
        phase.withLock { phase in
            if case .running(let control, _) = phase { return control }
            return nil
        }
    }

    /// Test hook: stops reading the inotify descriptor (so its queue fills up) and returns once
    /// the reader thread has acknowledged.
    func pauseReaderForTesting() {
        guard let control = runningControl() else { return }
        control.state.withLock { $0.paused = true }
        control.wake.wake()
        var waited = 0
        while !control.state.withLock({ $0.pauseAcknowledged }) && waited < 5000 {
            usleep(1000)
            waited += 1
        }
    }

    /// Test hook: resumes reading after ``pauseReaderForTesting()``.
    func resumeReaderForTesting() {
        guard let control = runningControl() else { return }
        control.state.withLock { $0.paused = false }
        control.wake.wake()
    }
}
