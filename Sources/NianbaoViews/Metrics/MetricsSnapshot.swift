import Foundation

/// The daemon's state at one moment, as the metrics file reports it.
public struct MetricsSnapshot: Sendable, Hashable {
    /// Current reports, by verdict ("pass", "warn", "fail", "refused") and drop folder.
    public var reports: [ReportGroup: Int]
    /// Findings in the current reports, by rule code (a gauge: falls when a report is fixed or removed);
    /// settled findings (已核实) are not among them.
    public var findings: [String: Int]
    /// Settled findings (已核实) in the current reports, by rule code.
    public var settledFindings: [String: Int]
    /// Reports waiting for a worker.
    public var queueDepth: Int
    /// When the last verdict was recorded; nil before the first.
    public var lastVerdictAt: Date?
    /// Verdicts recorded since the daemon started (a counter).
    public var judgedTotal: UInt64
    /// Files refused since the daemon started, by reason ("unreadable", "too_large", …) (counters).
    public var refusedTotal: [String: UInt64]
    /// Directories under inotify watch.
    public var watchDirectories: Int
    /// Directories the inotify watch limit left unwatched (polled instead).
    public var unwatchedDirectories: Int = 0
    /// Journal fsync durations since the daemon started.
    public var journalFsync: FsyncHistogram
    /// Agencies on the roster without a report, by report year; nil without a roster
    /// (the metric is then left out, not reported as 0).
    public var rosterMissing: [Int: Int]?
    /// How each drop folder is watched ("inotify", "poll" or "mixed"), by drop name.
    public var watchModes: [String: String] = [:]
    /// Drop folders whose share does not answer (a poll scan stalled).
    public var watchStalled: Set<String> = []
    /// The values of `nianbao_watch_mode`'s `mode` label, each drop showing all of them (0 or 1).
    public static let watchModeNames = ["inotify", "mixed", "poll"]

    public init(
        reports: [ReportGroup: Int], findings: [String: Int], queueDepth: Int, lastVerdictAt: Date?,
        judgedTotal: UInt64, refusedTotal: [String: UInt64], watchDirectories: Int,
        journalFsync: FsyncHistogram, rosterMissing: [Int: Int]? = nil, unwatchedDirectories: Int = 0,
        settledFindings: [String: Int] = [:]
    ) {
        self.unwatchedDirectories = unwatchedDirectories
        self.reports = reports
        self.findings = findings
        self.settledFindings = settledFindings
        self.queueDepth = queueDepth
        self.lastVerdictAt = lastVerdictAt
        self.judgedTotal = judgedTotal
        self.refusedTotal = refusedTotal
        self.watchDirectories = watchDirectories
        self.journalFsync = journalFsync
        self.rosterMissing = rosterMissing
    }

    /// The labels of `nianbao_reports`.
    public struct ReportGroup: Sendable, Hashable, Comparable {
        /// "pass", "warn", "fail" or "refused".
        public var verdict: String
        /// The drop folder's name.
        public var drop: String

        public init(verdict: String, drop: String) {
            self.verdict = verdict
            self.drop = drop
        }

        public static func < (lhs: ReportGroup, rhs: ReportGroup) -> Bool {
            (lhs.drop, lhs.verdict) < (rhs.drop, rhs.verdict)
        }
    }
}
