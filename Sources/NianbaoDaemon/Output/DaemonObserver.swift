import NianbaoPlatform

/// Something the daemon reports besides verdicts.
public enum DaemonNotice: Sendable, Equatable {
    case started(drops: [DropFolder])
    case reloaded(drops: [DropFolder])
    case stopping
    /// The kernel queue overflowed; every drop folder is being rescanned.
    case overflowRescan
    /// A drop folder disappeared; it is re-armed when it returns.
    case watchLost(path: String)
    case watchRestored(path: String)
    /// inotify_add_watch failed with ENOSPC: raise fs.inotify.max_user_watches.
    case watchLimitReached(path: String)
    /// How a drop folder is watched (inotify, polling, or both) and why; said at start
    /// and when a reload changes it.
    indirect case watchMode(drop: DropFolder, plan: WatchPlan, pollSeconds: Int)
    /// A poll scan of a drop folder (`path`: the folder or the mount polled) has not
    /// finished within the stall limit: the share does not answer. Said once.
    case watchStalled(drop: String, path: String)
    /// The stalled scan finished; the folder is polled again.
    case watchResumed(drop: String, path: String)
    /// The verdict journal ended in a torn line (crash) that was cut off at start.
    case journalRepaired(path: String, bytes: Int)
    /// Complete journal lines that are not verdict records were skipped at start.
    case journalUnreadableLines(path: String, lines: Int)
    /// Verdicts (or status files) cannot be written (disk full, quota, I/O error);
    /// they are kept and retried. Said once when the condition starts.
    case storageDegraded(pending: Int, error: String)
    /// Everything pending was written after a storage failure.
    case storageRecovered(written: Int)
    /// A reload changed keys that take effect only at the next start (`state.*` …); the old values stay in force.
    case restartNeeded(keys: [String])
    /// A state file or folder was found deleted or replaced while running and was
    /// rebuilt from the journal (status, receipts) or reopened (the journal). Said once per event.
    case stateHealed(HealedState, path: String)
    /// The wall clock stepped by `seconds` (negative: back), against the monotonic
    /// clock or the journal's last line. Arrivals and the order of uploads follow
    /// the journal's sequence, so no decision changes; said once per step.
    case clockStepped(seconds: Int)
    case failure(String)
}

/// What the daemon found deleted or replaced and rebuilt (``DaemonNotice/stateHealed(_:path:)``).
public enum HealedState: String, Sendable, Equatable {
    case statusDirectory
    case receiptDirectory
    case journal
    /// The attempt log (``AttemptLog``), written again from memory.
    case attemptLog
}

/// Receives verdicts and notices: the terminal printer, the systemd journal, the logger.
public protocol DaemonObserver: Sendable {
    /// A new or changed report was judged (record.event is .new or .changed); durable already.
    func verdict(_ record: VerdictRecord, key: ReportKey)
    /// A report was removed from its drop folder (record.event is .removed).
    func removed(_ record: VerdictRecord, key: ReportKey)
    func notice(_ notice: DaemonNotice)
}

/// Fans out to several observers.
public struct ObserverGroup: DaemonObserver {
    public var observers: [any DaemonObserver]
    public init(_ observers: [any DaemonObserver]) { self.observers = observers }
    public func verdict(_ record: VerdictRecord, key: ReportKey) { observers.forEach { $0.verdict(record, key: key) } }
    public func removed(_ record: VerdictRecord, key: ReportKey) { observers.forEach { $0.removed(record, key: key) } }
    public func notice(_ notice: DaemonNotice) { observers.forEach { $0.notice(notice) } }
}
