import NianbaoPlatform

/// Time since the daemon started: the state machine's only notion of time.
public typealias Moment = Duration

/// Everything that can change the daemon's state. The effects loop feeds these
/// to ``DropState/apply(_:now:)`` one at a time, in the order they happened,
/// each with the moment it is applied.
///
/// Cases carrying a verdict are `indirect`: the loop's inbox holds thousands of
/// watch events at a scan, each the size of the largest inline case.
public enum DropInput: Sendable, Equatable {
    /// A watch event; `identity` is the file's identity when the event was read
    /// (for events that start settling), nil when gone or not asked.
    case watch(WatchEvent, identity: FileIdentity?)
    /// The timer asked for by ``DropEffect/wake(at:)`` fired.
    case tick
    /// Identities of files whose settle time ran out (asked by ``DropEffect/probe(_:)``).
    case probed([ProbeResult])
    /// A worker finished a job.
    indirect case judged(Job, JudgeOutcome)
    /// A new verdict with its cross-year findings, and those for the next year's report.
    indirect case crossChecked(ReportKey, VerdictRecord, [CrossYearUpdate])
    /// A verdict's journal line is durable: `record` carries its final time stamp (its
    /// table values may be left out), `line` is the journal line as written, which the
    /// status file is made from.
    indirect case appended(ReportKey, VerdictRecord, line: [UInt8])
    /// A verdict's journal line could not be written (disk full, I/O error).
    indirect case appendFailed(ReportKey, VerdictRecord, error: String)
    /// A removal's journal line is durable.
    indirect case removalDurable(ReportKey, VerdictRecord)
    /// A removal's journal line could not be written; the report stays current.
    indirect case removalFailed(ReportKey, VerdictRecord, error: String)
    /// Reports whose files no longer exist (asked by ``DropEffect/verifyPresent(_:)``).
    case missing([ReportKey])
    /// The poll of the unwatched folders asked for by ``DropEffect/scheduleRescan(after:)`` is due.
    case rescanDue
    /// The configuration was reloaded with these (absolute) drop folders.
    case reconfigure([DropFolder])
    /// SIGTERM: stop accepting work; finish what is in flight.
    case stop
    /// A report compared again with last year's report (content `previous`): its
    /// cross-year findings, nil when either file changed or could not be parsed.
    indirect case recompared(ReportKey, previous: String, CrossYearUpdate?)
    /// The marks file was read: the review marks now in force.
    indirect case marksChanged(ReviewMarks)
    /// Judge these current reports again although their content is unchanged (their
    /// status file was rebuilt without the tables, whose journal line is gone).
    indirect case rejudge(Set<ReportKey>)
}

/// One file's identity after its settle time.
public struct ProbeResult: Sendable, Hashable {
    public var key: ReportKey
    /// Which settling of the file was probed (a newer event makes the answer stale).
    public var generation: Int
    public var identity: FileIdentity?

    public init(key: ReportKey, generation: Int, identity: FileIdentity?) {
        self.key = key
        self.generation = generation
        self.identity = identity
    }
}
