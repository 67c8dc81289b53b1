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
    /// The verdict journal ended in a torn line (crash) that was cut off at start.
    case journalRepaired(path: String, bytes: Int)
    /// Complete journal lines that are not verdict records were skipped at start.
    case journalUnreadableLines(path: String, lines: Int)
    /// Verdicts (or status files) cannot be written (disk full, quota, I/O error);
    /// they are kept and retried. Said once when the condition starts.
    case storageDegraded(pending: Int, error: String)
    /// Everything pending was written after a storage failure.
    case storageRecovered(written: Int)
    case failure(String)
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
