import DequeModule
import NianbaoPlatform

/// The daemon's decisions, as a value: which files are settling, which reports
/// are queued, running or being made durable, and what each report's current
/// verdict is. ``apply(_:now:)`` takes one input and returns the effects to perform;
/// it does no I/O and reads no clock (time arrives with the inputs).
///
/// Invariants: a report is judged only if its content differs from its current
/// verdict's; a verdict is reported only after its journal line is durable; a
/// key is queued, running or committing at most once at a time (a change
/// meanwhile reruns it afterwards).
public struct DropState: Sendable {
    /// Tunables, from the configuration.
    public struct Settings: Sendable, Hashable {
        /// How long a file must stay unchanged after its last write.
        public var settle: Duration
        /// Reports judged at once in this process, and at once in child processes.
        public var workers: Int
        /// Shortest time between two settle wake-ups, so a large scan settles in batches.
        public var batchWake: Duration = .milliseconds(20)
        /// How often the folders the inotify watch limit left unwatched are polled.
        public var pollInterval: Duration = .seconds(10)
        /// Back-off of a verdict whose journal write failed: first and longest delay.
        public var retryFirst: Duration = .milliseconds(250)
        public var retryLongest: Duration = .seconds(10)
        /// Durable journal lines between two checkpoints (``DropEffect/checkpoint``).
        public var checkpointEvery = 1000
        /// Back-off of a report whose verdict was the host's failure (``HostFailure``):
        /// first and longest delay before it is judged again.
        public var hostRetryFirst: Duration = .seconds(30)
        public var hostRetryLongest: Duration = .seconds(3600)
        /// Judgements of one content that may end in a time-out or crash before the
        /// failure is taken as the document's (one at first, then these retries).
        public var loadRetries = 2

        public init(settle: Duration, workers: Int) {
            self.settle = settle
            self.workers = max(1, workers)
        }
    }

    struct Settling: Sendable, Hashable {
        var job: Job
        var deadline: Moment
        var identity: FileIdentity?
        var generation: Int
        var probing = false
    }

    let settings: Settings
    /// The drop folders (absolute paths) in force.
    public internal(set) var drops: [DropFolder]
    /// Each report's current (durable) verdict.
    public internal(set) var current: [ReportKey: VerdictRecord]
    var settling: [ReportKey: Settling] = [:] { didSet { settlingDeadline = nil } }
    /// The earliest deadline among files settling and not being probed, once computed
    /// (`.some(nil)`: none), until `settling` changes: `armTimer` runs after every
    /// input, and scanning 10,000 files settling for each one was quadratic.
    var settlingDeadline: Moment??
    var generation = 0
    var waiting = Deque<Job>()
    var waitingForChild = Deque<PreparedReport>()
    /// Jobs read and judged in this process, with when they started (for the watchdog).
    var inProcess: [ReportKey: Moment] = [:]
    var inChild: Set<ReportKey> = []
    /// Drop folders read one report at a time (on a share; ``DropState+OneReader``).
    var oneReader: Set<String> = []
    /// Their reports waiting for the folder's read in progress, by drop name, in order.
    var parked: [String: Deque<Job>] = [:]
    /// Verdicts handed to the journal and not yet durable (held ones included).
    var committing: Set<ReportKey> = []
    /// Queued, running or committing.
    var active: Set<ReportKey> = []
    /// Active reports whose file was removed meanwhile: their verdict is not current (``DropState+Gone``).
    var vanished: Set<ReportKey> = []
    /// Reports that changed while active: queued again once done.
    var rerun: [ReportKey: Job] = [:]
    /// Held verdicts (journal write failed) and their next back-off.
    var held: [ReportKey: Duration] = [:]
    var degraded = false
    /// The error of the last failed journal write while degraded (what `STATUS=` names).
    public internal(set) var storageError: String?
    var recoveredCount = 0
    /// Removed reports' last verdicts until their removal line is durable.
    var retiring: [ReportKey: VerdictRecord] = [:]
    /// The current reports by agency and year, for the cross-year checks.
    var agencyIndex: [AgencyYear: Counterpart] = [:]
    var indexedAs: [ReportKey: AgencyYear] = [:]
    /// New verdicts being compared with the agency's other years.
    var crossChecking: Set<ReportKey> = []
    /// Which comparison with last year each verdict holds (a pair judged at once is compared after).
    var crossBook = CrossYearBook()
    /// The office's review marks, and the reports to judge again after they changed.
    var review = ReviewState()
    /// First arrivals by content and agency.
    public internal(set) var arrivals: ArrivalBook
    /// The sequence number of the next journal line.
    public internal(set) var nextSequence: Int
    /// Durable journal lines since the last checkpoint was asked for.
    var sinceCheckpoint = 0
    /// Reports whose current verdict is the host's failure, and when they are judged again.
    var retryDue: [ReportKey: Moment] = [:]
    var wakeAt: Moment?
    var lastNow: Moment = .zero
    var pendingScans: Set<String>
    /// A poll of the unwatched folders is scheduled (``DropEffect/scheduleRescan(after:)``).
    var rescanPending = false
    /// Directories under inotify watch, and those the watch limit left unwatched (polled);
    /// nil until the watcher first counted them.
    public internal(set) var watchedDirectories: Int?
    public internal(set) var unwatchedDirectories = 0
    /// Every drop folder's initial scan completed (READY=1 was asked for).
    public internal(set) var isReady = false
    public internal(set) var isStopping = false
    var finishedSent = false

    /// - Parameters:
    ///   - drops: the drop folders, with absolute paths.
    ///   - current: the verdicts replayed from the journal and status directory.
    ///   - arrivals: first arrivals by content (from the checkpoint and journal).
    ///   - nextSequence: the sequence number of the next journal line.
    public init(
        drops: [DropFolder], current: [ReportKey: VerdictRecord], settings: Settings,
        arrivals: ArrivalBook = ArrivalBook(), nextSequence: Int = 1
    ) {
        self.drops = drops
        self.current = current.mapValues(\.withoutTables)
        self.settings = settings
        self.arrivals = arrivals
        self.nextSequence = max(1, nextSequence, (current.values.compactMap(\.seq).max() ?? 0) + 1)
        self.pendingScans = Set(drops.map(\.path))
        for (key, record) in current.sorted(by: { $0.key < $1.key }) { index(key, record) }
    }

    /// Applies one input at moment `now`; returns the effects to perform, in order.
    public mutating func apply(_ input: DropInput, now: Moment) -> [DropEffect] {
        var effects: [DropEffect] = []
        lastNow = max(lastNow, now)
        let now = lastNow
        noteCrossYear(before: input)
        switch input {
        case .watch(let event, let identity):
            handle(event, identity: identity, now: now, &effects)
        case .tick:
            tick(now, &effects)
        case .probed(let results):
            probed(results, now: now, &effects)
        case .judged(let job, let outcome):
            judged(job, outcome, now: now, &effects)
        case .crossChecked(let key, let record, let updates):
            crossChecking.remove(key)
            if !dropsVerdict(key, &effects) { commit(key, record, &effects) }
            for update in updates { applyCrossYear(update, &effects) }
        case .appended(let key, let record, let line):
            appended(key, record, line: line, now: now, &effects)
        case .appendFailed(let key, let record, let error):
            appendFailed(key, record, error: error, &effects)
        case .removalDurable(let key, let record):
            retiring.removeValue(forKey: key)
            sinceCheckpoint += 1
            effects += [.removeStatus(key), .removed(record, key), .changed(summary: true)]
        case .removalFailed(let key, _, let error):
            if let previous = retiring.removeValue(forKey: key), current[key] == nil, !active.contains(key) {
                current[key] = previous
            }
            effects.append(.notice(.failure("verdict journal write failed for \(key): \(error)")))
        case .missing(let keys):
            for key in keys where current[key] != nil && !active.contains(key) && settling[key] == nil {
                retire(key, &effects)
            }
        case .rescanDue:
            rescanPending = false
            if unwatchedDirectories > 0 && !isStopping {
                effects.append(.rescan)
                schedulePoll(&effects)
            }
        case .reconfigure(let newDrops):
            reconfigure(newDrops, &effects)
        case .stop:
            stop(&effects)
        case .recompared(let key, let previous, let update):
            recompared(key, previous: previous, update, &effects)
        case .marksChanged(let marks):
            marksChanged(marks, &effects)
        case .rejudge(let keys):
            rejudge(keys, &effects)
        }
        noteCrossYear(after: input)
        recompareDue(&effects)
        rejudgeDue(&effects)
        dispatch(&effects)
        armTimer(&effects)
        checkpointIfDue(&effects)
        if isStopping && !finishedSent && inProcess.isEmpty && inChild.isEmpty && crossChecking.isEmpty && committing.isEmpty
            && retiring.isEmpty && crossBook.inFlight.isEmpty {
            finishedSent = true
            effects.append(.finished)
        }
        return effects
    }

    // MARK: - Queries

    /// Files settling plus reports queued, running or committing.
    public var backlog: Int { settling.count + active.count }

    /// Verdicts computed but not yet durable because storage fails; nil when healthy.
    public var storageBacklog: Int? { degraded ? committing.count : nil }

    /// When the longest-running in-process job started (the watchdog's measure of a wedge).
    public var oldestInProcessStart: Moment? {
        inProcess.lazy.filter { !oneReader.contains($0.key.drop) }.map(\.value).min()
    }

    /// The counts for summary.json and STATUS=.
    public func summary(updated: String) -> Summary {
        Summary(records: current, drops: drops.map(\.name), updated: updated)
    }
}
