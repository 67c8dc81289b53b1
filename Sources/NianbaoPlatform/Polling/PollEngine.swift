/// The scanner and the stall monitor of one ``PollingWatcher``. `run()` and the tree are
/// confined to the scanner thread; `monitor()` only reads the shared scan clock.
final class PollEngine: @unchecked Sendable {
    let root: String
    let subtree: String
    let settings: PollingWatcher.Settings
    let control: PollControl
    private let continuation: AsyncStream<PollEvent>.Continuation
    private let tree: PollTree
    private var lost = false
    /// New or changed files not yet told: told once a later scan finds the same identity.
    private var pending: [String: (event: WatchEvent, identity: FileIdentity, scan: Int)] = [:]
    private var scanNumber = 0
    private var unreadableReported = false

    init(root: String, subtree: String, settings: PollingWatcher.Settings, control: PollControl,
         continuation: AsyncStream<PollEvent>.Continuation) {
        self.root = root
        self.subtree = subtree
        self.settings = settings
        self.control = control
        self.continuation = continuation
        tree = PollTree(root: root, subtree: subtree, restatEvery: settings.recheckEvery,
                        hotScans: settings.hotScans, ignore: settings.ignore)
    }

    private func emit(_ event: WatchEvent, identity: FileIdentity? = nil) {
        continuation.yield(.watch(event, identity: identity))
    }

    /// Scans, waits the interval (or a rescan request), and again, until stopped.
    func run() {
        var first = true
        while !control.isStopping {
            let requested = control.rescanRequested.exchange(false, ordering: .acquiringAndReleasing)
            if requested { tree.forget() }
            control.clock.withLock { $0.startedAt = PollControl.now() }
            let control = control
            let result = tree.scan { control.isStopping }
            control.clock.withLock { clock in
                clock.startedAt = nil
                clock.initialTold = true
                if clock.stalled {
                    clock.stalled = false
                    if !control.isStopping { continuation.yield(.resumed(root: root, subtree: subtree)) }
                }
            }
            if control.isStopping { return }
            let reason: ScanReason? = first ? .initial : requested ? .requested : nil
            report(result, reason: reason)
            first = false
            if !control.rescanRequested.load(ordering: .acquiring) {
                PollControl.wait(on: control.scannerWake, timeout: settings.interval)
            }
        }
    }

    private func report(_ result: Result<(PollChanges, problems: [String]), PollTree.Failure>, reason: ScanReason?) {
        switch result {
        case .failure(let failure):
            if !subtree.isEmpty { tree.forget(); return }
            if failure == .rootMissing {
                if !lost || reason == .initial { emit(.rootLost(root: root)) }
                lost = true
                tree.forget()
            } else if case .rootUnreadable(let code) = failure, !unreadableReported {
                unreadableReported = true
                emit(.error("cannot open '\(root)' to poll it: errno \(code)"))
            }
        case .success(let (changes, problems)):
            unreadableReported = false
            var reason = reason
            if lost {
                lost = false
                if subtree.isEmpty { emit(.rootRestored(root: root)) }
                reason = .rootRestored
            }
            scanNumber += 1
            if reason != nil { pending = [:] }
            var told = changes
            told.unsettled = Set(pending.keys)
            for (event, identity) in told.events(root: root, found: reason != nil) { handle(event, identity: identity) }
            tellSettled()
            for problem in problems { emit(.error(problem)) }
            if let reason { emit(.scanCompleted(root: root, reason: reason)) }
        }
    }

    /// New and changed files wait for the next scan; removals drop what waits.
    private func handle(_ event: WatchEvent, identity: FileIdentity?) {
        switch event {
        case .fileCreated(_, let path), .fileClosedAfterWrite(_, let path):
            if let identity {
                pending[path] = (event, identity, scanNumber)
                return
            }
        case .fileRemoved(_, let path):
            pending.removeValue(forKey: path)
        case .directoryRemoved(_, let directory):
            for path in pending.keys where path.hasPrefix(directory + "/") { pending.removeValue(forKey: path) }
        default:
            break
        }
        emit(event, identity: identity)
    }

    /// Tells the files an earlier scan saw with the identity this one found: the first of
    /// the two observations the consumer's settling needs is made one interval after the
    /// file stopped changing, so an attribute cache shorter than the interval (NFS
    /// `acregmin`, FUSE `attr_timeout`) cannot make a file still being written look settled.
    private func tellSettled() {
        for (path, entry) in pending.sorted(by: { $0.key < $1.key }) where entry.scan < scanNumber {
            pending.removeValue(forKey: path)
            guard tree.identity(of: path) == entry.identity else { continue }
            emit(entry.event, identity: entry.identity)
        }
    }

    /// Reports a scan running past the stall limit, once, until it ends.
    func monitor() {
        let checkEvery = max(.milliseconds(100), min(settings.stallAfter / 4, .seconds(5)))
        let limit = Self.nanoseconds(settings.stallAfter)
        while !control.isStopping {
            PollControl.wait(on: control.monitorWake, timeout: checkEvery)
            if control.isStopping { return }
            control.clock.withLock { clock in
                guard let started = clock.startedAt, !clock.stalled, PollControl.now() - started >= limit else { return }
                clock.stalled = true
                continuation.yield(.stalled(root: root, subtree: subtree))
                // A folder hung from the start must not hold the daemon's readiness (and
                // with it every other folder): its first scan counts as done; what it finds
                // when the share answers comes after, then `.scanCompleted(.initial)` again.
                if !clock.initialTold && subtree.isEmpty {
                    clock.initialTold = true
                    continuation.yield(.watch(.scanCompleted(root: root, reason: .initial), identity: nil))
                }
            }
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
