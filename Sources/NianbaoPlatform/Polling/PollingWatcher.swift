import Synchronization

/// Watches one drop-folder tree (or one subtree of it) by polling, for file systems
/// where inotify misses changes made elsewhere: NFS, SMB/CIFS, FUSE, 9p, CephFS …
/// (see ``FileSystemType`` and ``WatchPlan``). It reports the same ``WatchEvent``s as
/// ``TreeWatcher``, so the daemon treats both alike; each comes as a ``PollEvent`` with
/// the identity the scan saw.
///
/// Guarantees (the same as inotify's, as far as a scan can tell):
/// - every file is reported, and reported again whenever its identity (inode, size,
///   mtime and ctime in nanoseconds) changes, but only once a later scan (an interval
///   later) found the same identity: a file still being written is not told, and an
///   attribute cache shorter than the interval cannot hide a write. The event carries
///   that identity; the consumer judges the file once a second observation, at least the
///   settle time later, finds it again (the first scan's files are `.fileFound` at once);
/// - the same inode at a new path with the same size and mtime is a rename
///   (`.fileRemoved` of the old path, `.fileMovedIn` of the new, as inotify reports it);
///   a directory gone is one `.directoryRemoved`; a path gone is `.fileRemoved`;
/// - scans are incremental: a directory whose inode, mtime and ctime did not change is
///   not listed again, only its entries are `fstatat`ed; nothing is followed through a
///   symbolic link below the root (``PollTree``);
/// - scans never overlap: one thread scans, then waits the interval;
/// - a scan that takes longer than ``Settings/stallAfter`` (a hung server) is reported
///   once as `.stalled`, by a second thread, and `.resumed` when it ends (a first scan
///   that stalls is also told `.scanCompleted(.initial)` at once, so one hung share does
///   not hold the daemon's readiness; the real one follows when it answers); ``stop()``
///   never waits for a stuck scan (the thread ends when the file system answers);
/// - a missing root is `.rootLost` and, when back, `.rootRestored` then a scan ending in
///   `.scanCompleted(.rootRestored)`; the first scan ends in `.scanCompleted(.initial)`.
///   A subtree watcher (the network mount below a local drop folder, or a folder where
///   inotify ran out of watches) reports no root events: the tree watcher does.
public final class PollingWatcher: Sendable {
    /// Tunables.
    public struct Settings: Sendable {
        /// Time between the end of one scan and the start of the next (`watch.pollSeconds`).
        public var interval: Duration
        /// A scan running longer than this is `.stalled`.
        public var stallAfter: Duration
        /// The files of a directory that did not change are `fstatat`ed every
        /// `recheckEvery`-th scan, a rotating share of them per scan (``PollTree``): an
        /// in-place rewrite is seen within that many scans; new, renamed and removed
        /// files at the next one. 1: every file every scan.
        public var recheckEvery: Int
        /// A new or changed file is looked at every scan until this many scans in a row
        /// found it unchanged (then it joins the rotation of `recheckEvery`): enough scans
        /// to span the consumer's settle time, so that a writer still at work is seen.
        public var hotScans: Int
        /// Receives entry names; matching files are never reported (but are followed
        /// through renames), matching directories are not entered.
        public var ignore: @Sendable (String) -> Bool

        /// `settle`: the consumer's settle time, from which `hotScans` follows (the scans
        /// that span it, plus two).
        public init(interval: Duration = .seconds(5), stallAfter: Duration? = nil, recheckEvery: Int = 1,
                    settle: Duration = .zero,
                    ignore: @escaping @Sendable (String) -> Bool = TemporaryNames.isTemporary) {
            self.interval = interval
            self.stallAfter = stallAfter ?? max(.seconds(30), interval * 3)
            self.recheckEvery = max(1, recheckEvery)
            let spanned = interval > .zero ? Int((settle / interval).rounded(.up)) : 0
            self.hotScans = min(1000, max(0, spanned)) + 2
            self.ignore = ignore
        }
    }

    private enum Phase {
        case notStarted
        case running(PollControl)
        case stopped
    }

    /// The root as configured (normalized, absolute): events' `root`.
    public let root: String
    /// The subtree polled, relative to the root (`""`: the whole root).
    public let subtree: String
    /// Everything the watcher reports, in order. Consume it from one task only.
    public let events: AsyncStream<PollEvent>
    private let continuation: AsyncStream<PollEvent>.Continuation
    private let settings: Settings
    private let phase = Mutex(Phase.notStarted)

    public init(root: String, subtree: String = "", settings: Settings = Settings()) {
        self.root = CanonicalPath.absolute(root)
        self.subtree = subtree.split(separator: "/").joined(separator: "/")
        self.settings = settings
        (events, continuation) = AsyncStream.makeStream(of: PollEvent.self, bufferingPolicy: .unbounded)
    }

    deinit { stop() }

    /// Starts the scanner (its first scan at once) and the stall monitor. Calling it again does nothing.
    public func start() throws(WatcherStartError) {
        try phase.withLock { (phase: inout Phase) throws(WatcherStartError) in
            guard case .notStarted = phase else { return }
            let control = try PollControl()
            let engine = PollEngine(root: root, subtree: subtree, settings: settings, control: control, continuation: continuation)
            let scanner = try ReaderThread { engine.run() }
            scanner.detach()
            do throws(WatcherStartError) {
                let monitor = try ReaderThread { engine.monitor() }
                monitor.detach()
            } catch {
                control.stopping.store(true, ordering: .releasing)
                control.scannerWake.wake()
                throw error
            }
            phase = .running(control)
        }
    }

    /// Lists every directory again and reports every file as `.fileFound`, then
    /// `.scanCompleted(.requested)` (at once if idle, else after the scan in progress).
    public func rescan() {
        guard case .running(let control) = phase.withLock({ $0 }) else { return }
        control.rescanRequested.store(true, ordering: .releasing)
        control.scannerWake.wake()
    }

    /// Stops both threads and finishes ``events`` without waiting: a scan stuck on a hung
    /// file system ends when it answers, and reports nothing more.
    public func stop() {
        let previous = phase.withLock { phase in
            defer { phase = .stopped }
            return phase
        }
        if case .running(let control) = previous {
            control.stopping.store(true, ordering: .releasing)
            control.scannerWake.wake()
            control.monitorWake.wake()
        }
        if case .stopped = previous { return }
        continuation.finish()
    }
}
