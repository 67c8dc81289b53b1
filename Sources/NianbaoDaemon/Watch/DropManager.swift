import Foundation
import NianbaoEngine
import NianbaoPlatform

/// The daemon's state: what each report's current verdict is, which files are
/// settling, which are queued. Turns watch events into jobs and committed
/// verdicts into journal records, status files and notifications.
///
/// Invariants: a report is judged only if its content hash differs from its
/// current verdict's; a verdict is reported only after its journal record is
/// durable; a key is queued or running at most once at a time.
public actor DropManager {
    private var drops: [DropFolder]
    private let settle: Duration
    private let queue: JobQueue<Job>
    private let journal: VerdictJournal
    private let status: StatusDirectory
    private let statusWriter: StatusWriter
    private let observer: any DaemonObserver
    private let clock = ContinuousClock()

    private var current: [ReportKey: VerdictRecord]
    private var settling: [ReportKey: Settling] = [:]
    private var active: Set<ReportKey> = []
    private var rerun: Set<ReportKey> = []
    private var settleWaiter: CheckedContinuation<Void, Never>?
    private var summaryDirty = false
    private var initialScansPending: Set<String> = []
    private var commitsInFlight = 0
    private var commitWaiters: [CheckedContinuation<Void, Never>] = []
    private var armedWaiters: [CheckedContinuation<Void, Never>] = []
    private var stopped = false
    /// Verdicts waiting to be retried after a failed journal write.
    private var heldVerdicts = 0
    /// Whether storage failed and has not recovered yet (said once each way).
    private var degraded = false
    private var recoveredCount = 0
    /// Jobs completed (for the watchdog's progress check).
    public private(set) var completed = 0
    /// Yields whenever the summary or the backlog changed (coalesced: at most one pending).
    public nonisolated let changes: AsyncStream<Void>
    private let changesContinuation: AsyncStream<Void>.Continuation

    private struct Settling {
        var job: Job
        var deadline: ContinuousClock.Instant
        var identity: FileIdentity?
    }

    public init(
        drops: [DropFolder], settle: Duration, queue: JobQueue<Job>, journal: VerdictJournal,
        status: StatusDirectory, observer: any DaemonObserver, current: [ReportKey: VerdictRecord]
    ) {
        self.drops = drops
        self.settle = settle
        self.queue = queue
        self.journal = journal
        self.status = status
        self.statusWriter = StatusWriter(directory: status, observer: observer)
        self.observer = observer
        self.current = current
        (changes, changesContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    private func markChanged(summary: Bool = true) {
        if summary { summaryDirty = true }
        changesContinuation.yield()
    }

    // MARK: - Events

    /// Routes one watcher event.
    public func handle(_ event: WatchEvent) async {
        switch event {
        case .fileClosedAfterWrite:
            if let path = event.absolutePath { fileWritten(path) }
        case .fileFound(_, _):
            if let path = event.absolutePath { fileWritten(path) }
        case .fileModified:
            // A writer has the file open: wait for its close-write rather than a timer.
            if let path = event.absolutePath, let job = job(for: path) { settling.removeValue(forKey: job.key) }
        case .fileCreated:
            // Settle from creation: a writer's first IN_MODIFY cancels this and its
            // IN_CLOSE_WRITE settles again; a hard link, a file created and never
            // written, a FIFO, socket or device only ever produce IN_CREATE and are
            // judged once the settle time has passed.
            if let path = event.absolutePath { fileWritten(path) }
        case .fileMovedIn:
            if let path = event.absolutePath { await fileArrived(path) }
        case .fileRemoved:
            if let path = event.absolutePath { await fileRemoved(path) }
        case .directoryRemoved:
            if let path = event.absolutePath { await directoryRemoved(path) }
        case .scanCompleted(let root, _):
            rootArmed(root)
            await scanCompleted(root: root)
        case .overflow:
            observer.notice(.overflowRescan)
        case .rootLost(let root):
            rootArmed(root)   // armed to re-appear
            observer.notice(.watchLost(path: root))
        case .rootRestored(let root):
            observer.notice(.watchRestored(path: root))
        case .watchLimitReached(let path):
            observer.notice(.watchLimitReached(path: path))
        case .error(let text):
            observer.notice(.failure(text))
        }
    }

    /// Where a path lies: its drop folder and relative path, or nil if outside every drop.
    func locate(_ path: String) -> (DropFolder, String)? {
        for drop in drops {
            let root = drop.path
            if path.hasPrefix(root + "/") {
                let relative = String(path.dropFirst(root.count + 1))
                if !relative.isEmpty { return (drop, relative) }
            }
        }
        return nil
    }

    /// A file was renamed into place: judge at once.
    public func fileArrived(_ path: String) async {
        guard let job = job(for: path) else { return }
        settling.removeValue(forKey: job.key)
        await enqueue(job)
    }

    /// A file was written (closed) or found by a scan: judge once it has settled.
    public func fileWritten(_ path: String) {
        guard let job = job(for: path) else { return }
        let identity = SafeFileReader().identity(path: path)
        settling[job.key] = Settling(job: job, deadline: clock.now.advanced(by: settle), identity: identity)
        if let waiter = settleWaiter {
            settleWaiter = nil
            waiter.resume()
        }
    }

    /// A file was removed or moved out.
    public func fileRemoved(_ path: String) async {
        guard let (drop, relative) = locate(path) else { return }
        let key = ReportKey(drop: drop.name, relativePath: relative)
        settling.removeValue(forKey: key)
        await retire(key)
    }

    /// A directory was removed or moved out: everything under it is gone.
    public func directoryRemoved(_ path: String) async {
        guard let (drop, relative) = locate(path) else { return }
        let prefix = relative + "/"
        for key in current.keys where key.drop == drop.name && key.relativePath.hasPrefix(prefix) {
            settling.removeValue(forKey: key)
            await retire(key)
        }
    }

    /// A scan of a drop folder finished: retire reports whose files no longer exist.
    public func scanCompleted(root: String) async {
        guard let drop = drops.first(where: { $0.path == root }) else { return }
        let keys = current.keys.filter { $0.drop == drop.name }.sorted()
        for key in keys where !active.contains(key) && settling[key] == nil {
            if SafeFileReader().identity(path: "\(drop.path)/\(key.relativePath)") == nil {
                await retire(key)
            }
        }
    }

    private func job(for path: String) -> Job? {
        guard !stopped, let (drop, relative) = locate(path) else { return nil }
        return Job(key: ReportKey(drop: drop.name, relativePath: relative), path: path, root: drop.path)
    }

    private func enqueue(_ job: Job) async {
        if active.contains(job.key) {
            rerun.insert(job.key)
            return
        }
        active.insert(job.key)
        markChanged(summary: false)
        if !(await queue.put(job)) { active.remove(job.key) }
    }

    // MARK: - Settling

    /// Runs until `stop()`: moves files that stayed unchanged for the settle time into the queue.
    public func runSettleLoop() async {
        while !stopped {
            if settling.isEmpty {
                await withCheckedContinuation { settleWaiter = $0 }
                continue
            }
            // Wake at the earliest deadline, but at most every 20 ms, so a large
            // scan settles in a few batches instead of one wake-up per file.
            let earliest = settling.values.lazy.map(\.deadline).min() ?? clock.now
            let next = max(earliest, clock.now.advanced(by: .milliseconds(20)))
            try? await Task.sleep(until: next, clock: clock)
            let now = clock.now
            let due = settling.filter { $0.value.deadline <= now }
            for (key, entry) in due.sorted(by: { $0.key < $1.key }) {
                let identity = SafeFileReader().identity(path: entry.job.path)
                if identity != entry.identity, identity != nil {
                    // Still changing without a close: wait another settle period.
                    settling[key] = Settling(job: entry.job, deadline: now.advanced(by: settle), identity: identity)
                    continue
                }
                settling.removeValue(forKey: key)
                await enqueue(entry.job)
            }
        }
    }

    /// Verdicts computed but not yet durable because storage fails; nil when healthy.
    public var storageBacklog: Int? { degraded ? commitsInFlight : nil }

    // MARK: - Judging

    /// Whether content with `sha256` at `key` needs a new verdict.
    public func needsVerdict(_ key: ReportKey, sha256: String, firstCode: String?) -> Bool {
        guard let record = current[key] else { return true }
        if sha256.isEmpty { return !(record.sha256.isEmpty && record.findings.first?.code == firstCode) }
        return record.sha256 != sha256
    }

    /// Records a verdict: journal (durable), status file, summary, observers.
    public func commit(_ job: Job, record input: VerdictRecord?) {
        guard var record = input else {
            finish(job)
            return
        }
        let key = job.key
        record.event = current[key] == nil ? .new : .changed
        record.time = Self.now()
        record.drop = key.drop
        record.relativePath = key.relativePath
        // The worker goes on with the next report while this one is made
        // durable: records from all workers share each journal sync (group
        // commit). The key stays active until then, so it is never judged twice.
        commitsInFlight += 1
        let finalRecord = record
        Task { await self.persist(job, finalRecord) }
    }

    /// One record handed to the journal is done with (durable, or given up).
    private func commitDone() {
        commitsInFlight -= 1
        if commitsInFlight == 0 { releaseCommitWaiters() }
    }

    private func persist(_ job: Job, _ record: VerdictRecord) async {
        defer {
            finish(job)
            commitDone()
        }
        let key = job.key
        // A verdict is reported only once its journal line is durable. While the
        // journal cannot be written (ENOSPC, EDQUOT, EIO) the verdict is held and
        // retried with back-off; the key stays active, so it is not judged again.
        var delay = Duration.milliseconds(250)
        while true {
            do {
                try await journal.append(record)
                break
            } catch {
                if stopped { return }  // no verdict: judged again at the next start
                heldVerdicts += 1
                if heldVerdicts == 1 && !degraded {
                    degraded = true
                    observer.notice(.storageDegraded(pending: commitsInFlight, error: "\(error)"))
                    markChanged(summary: false)
                }
                try? await Task.sleep(for: delay)
                heldVerdicts -= 1
                delay = min(delay * 2, .seconds(10))
            }
        }
        if degraded && heldVerdicts == 0 {
            degraded = false
            observer.notice(.storageRecovered(written: recoveredCount + 1))
            recoveredCount = 0
            markChanged(summary: false)
        } else if degraded {
            recoveredCount += 1
        }
        current[key] = record
        await statusWriter.write(record, for: key)
        markChanged()
        observer.verdict(record, key: key)
    }

    /// Returns once every verdict handed to `commit` is durable and reported.
    public func drainCommits() async {
        if commitsInFlight == 0 { return }
        await withCheckedContinuation { commitWaiters.append($0) }
    }

    private func releaseCommitWaiters() {
        let waiters = commitWaiters
        commitWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    private func finish(_ job: Job) {
        completed += 1
        active.remove(job.key)
        markChanged(summary: false)
        if rerun.remove(job.key) != nil, !stopped {
            active.insert(job.key)
            Task { if !(await queue.put(job)) { self.deactivate(job.key) } }
        }
    }

    private func deactivate(_ key: ReportKey) { active.remove(key) }

    /// Retires a report that left its drop folder.
    ///
    /// The removal record is written in order at once, but its sync is not
    /// awaited here: a storm of removals shares a few syncs (group commit) and
    /// never holds up the events behind it, such as a report arriving meanwhile.
    /// If it cannot be written, the next start's scan retires the file again.
    public func retire(_ key: ReportKey) async {
        guard var record = current[key] else { return }
        record.event = .removed
        record.time = Self.now()
        do {
            try await journal.write(record)
        } catch {
            observer.notice(.failure("verdict journal write failed for \(key): \(error)"))
            return
        }
        current.removeValue(forKey: key)
        commitsInFlight += 1
        let removed = record
        Task { await self.completeRemoval(key, removed) }
    }

    private func completeRemoval(_ key: ReportKey, _ record: VerdictRecord) async {
        defer { commitDone() }
        do {
            try await journal.durable()
        } catch {
            observer.notice(.failure("verdict journal sync failed for \(key): \(error)"))
            return
        }
        await statusWriter.remove(key)
        markChanged()
        observer.removed(record, key: key)
    }

    // MARK: - Summary and reconfiguration

    /// The current summary.
    public func summary() -> Summary {
        Summary(records: current, drops: drops.map(\.name), updated: Self.now())
    }

    /// Writes summary.json if anything changed since the last call. Returns the summary.
    /// Waits until every status file change so far is on disk.
    public func drainStatus() async {
        await statusWriter.drain()
    }

    @discardableResult
    public func flushSummary(force: Bool = false) -> Summary {
        let s = summary()
        if summaryDirty || force {
            summaryDirty = false
            do { try status.writeSummary(s) } catch { observer.notice(.failure("summary write failed: \(error)")) }
        }
        return s
    }

    /// Number of files settling plus jobs queued or running.
    public func backlog() -> Int { settling.count + active.count }

    /// Replaces the drop folders (SIGHUP); reports of removed folders are retired.
    public func reconfigure(_ newDrops: [DropFolder]) async {
        let removed = drops.filter { old in !newDrops.contains(where: { $0.name == old.name && $0.path == old.path }) }
        drops = newDrops
        for drop in removed {
            for key in current.keys where key.drop == drop.name && !newDrops.contains(where: { $0.name == drop.name }) {
                await retire(key)
            }
        }
        markChanged()
    }

    /// Makes the status directory agree with the current state (after a crash between journal and status writes).
    public func reconcileStatusDirectory() async {
        let onDisk = status.allRecords()
        for (key, record) in current where onDisk[key]?.sha256 != record.sha256 || onDisk[key]?.time != record.time {
            await statusWriter.write(record, for: key)
        }
        for key in onDisk.keys where current[key] == nil {
            await statusWriter.remove(key)
        }
        await statusWriter.drain()
        markChanged()
    }

    /// Registers the roots whose initial scan must complete before the daemon is ready.
    public func expectInitialScans(_ roots: [String]) {
        initialScansPending = Set(roots.map(TreeWatcher.normalizedRoot))
    }

    /// Returns once every expected root has been scanned (or is armed to re-appear), or on stop.
    public func waitUntilArmed() async {
        if initialScansPending.isEmpty || stopped { return }
        await withCheckedContinuation { armedWaiters.append($0) }
    }

    /// Whether `stop()` was called.
    public var isStopping: Bool { stopped }

    private func rootArmed(_ root: String) {
        guard initialScansPending.remove(root) != nil, initialScansPending.isEmpty else { return }
        releaseArmedWaiters()
    }

    private func releaseArmedWaiters() {
        let waiters = armedWaiters
        armedWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Stops accepting events; queued jobs still finish.
    public func stop() {
        stopped = true
        releaseArmedWaiters()
        changesContinuation.finish()
        settling.removeAll()
        if let waiter = settleWaiter {
            settleWaiter = nil
            waiter.resume()
        }
    }

    static func now() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
