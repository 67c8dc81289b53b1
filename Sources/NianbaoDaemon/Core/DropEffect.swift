/// What ``DropState/apply(_:now:)`` asks the effects loop to do. Effects are
/// performed in order; those that take time report back with a ``DropInput``.
///
/// Cases carrying a verdict or a report are `indirect`, so an effect list (a scan
/// queues thousands) costs a few words per effect, not a record's size.
public enum DropEffect: Sendable, Equatable {
    /// Read, hash and (in this process) judge a report; answers `.judged`.
    case read(Job)
    /// Judge a report in a bounded child process; answers `.judged`.
    indirect case judgeInChild(PreparedReport)
    /// Compare a new verdict's report with the agency's neighbouring years; answers `.crossChecked`.
    indirect case crossCheck(CrossCheck)
    /// Compare a judged report again with last year's (both unchanged); answers `.recompared`.
    indirect case recompare(Recompare)
    /// Take the identity of files whose settle time ran out; answers `.probed`.
    case probe([Probe])
    /// Tell which of these reports' files are gone after a scan; answers `.missing`.
    case verifyPresent([Job])
    /// Fire `.tick` at this moment (at most one timer is armed at a time).
    case wake(at: Moment)
    /// Append a verdict to the journal and wait until it is durable, after
    /// `delay` when retrying; answers `.appended` or `.appendFailed`.
    indirect case append(ReportKey, VerdictRecord, delay: Duration?)
    /// Write a removal line to the journal at once (keeping order), then wait
    /// for its sync; answers `.removalDurable` or `.removalFailed`.
    indirect case appendRemoval(ReportKey, VerdictRecord)
    /// Write a report's status file from its verdict's journal line (see ``DropInput/appended(_:_:line:)``),
    /// or delete it.
    case writeStatus(ReportKey, line: [UInt8])
    case removeStatus(ReportKey)
    /// Tell the observers (terminal, systemd journal, log).
    indirect case verdict(VerdictRecord, ReportKey)
    indirect case removed(VerdictRecord, ReportKey)
    case notice(DaemonNotice)
    /// The summary (`summary: true`) or only the backlog changed: publish status.
    case changed(summary: Bool)
    /// Every drop folder's initial scan completed: READY=1.
    case ready
    /// Fire `.rescanDue` after `delay`.
    case scheduleRescan(after: Duration)
    /// Poll the folders the inotify watch limit left unwatched, watching those the
    /// kernel now allows (``TreeWatcher/pollUnwatched()``).
    case rescan
    /// Start and stop watching drop folders (reload).
    case watchRoots(add: [String], remove: [String])
    /// After `.stop`: nothing is in flight any more; the loop may end.
    case finished
    /// Every journal line written is in `current`: write a checkpoint of the state
    /// (rotating the journal first if it is over its size).
    case checkpoint
}

/// A settling file whose identity is to be taken.
public struct Probe: Sendable, Hashable {
    public var job: Job
    public var generation: Int
}
