import Foundation
import NianbaoOffice
import NianbaoViews

/// What the derived outputs (year summaries, dashboard page, metrics file) are
/// made from: taken on the effects loop when status is published (coalesced),
/// written off it.
public struct PublishedState: Sendable {
    /// Every report's current verdict.
    public var records: [ReportKey: VerdictRecord]
    public var drops: [DropFolder]
    /// The roster in force, if one is configured.
    public var roster: Roster?
    /// Files settling plus reports queued, running or committing.
    public var queueDepth: Int
    public var counters: DaemonCounters
    /// Recent daemon problems, oldest first (at most ``DaemonCounters/problemLimit``).
    public var problems: [DaemonProblemRecord]
    /// Durations of the verdict journal's syncs.
    public var journalSyncs: SyncTimes.Snapshot
    /// When the state was taken.
    public var time: Date
    /// Directories under inotify watch, and those the watch limit left unwatched (polled).
    public var watchedDirectories: Int
    public var unwatchedDirectories: Int
    /// How each drop folder is watched.
    public var watching = WatchModeTable()

    public init(
        records: [ReportKey: VerdictRecord], drops: [DropFolder], roster: Roster?, queueDepth: Int,
        counters: DaemonCounters, problems: [DaemonProblemRecord], journalSyncs: SyncTimes.Snapshot, time: Date,
        watchedDirectories: Int? = nil, unwatchedDirectories: Int = 0
    ) {
        self.watchedDirectories = watchedDirectories ?? drops.count
        self.unwatchedDirectories = unwatchedDirectories
        self.records = records
        self.drops = drops
        self.roster = roster
        self.queueDepth = queueDepth
        self.counters = counters
        self.problems = problems
        self.journalSyncs = journalSyncs
        self.time = time
    }
}

/// Counts since the daemon started.
public struct DaemonCounters: Sendable, Hashable {
    /// How many recent problems are kept for the dashboard.
    public static let problemLimit = 50
    /// Verdicts made durable (new or changed).
    public var judged: UInt64 = 0
    /// Fail verdicts for entries that could not be read as reports, by finding code.
    public var refused: [String: UInt64] = [:]
    /// When the last verdict became durable.
    public var lastVerdict: Date?
    public init() {}
}

/// A daemon problem worth showing to the office (an unreadable entry, a lost folder, a failed write).
public struct DaemonProblemRecord: Sendable, Hashable {
    public var time: Date
    public var kind: DaemonProblemKind
    public var path: String?
    /// What happened, in Chinese.
    public var text: String
    public init(time: Date, kind: DaemonProblemKind, path: String?, text: String) {
        self.time = time
        self.kind = kind
        self.path = path
        self.text = text
    }
}
