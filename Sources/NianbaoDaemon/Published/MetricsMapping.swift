import NianbaoOffice
import NianbaoViews

/// `PublishedState` → `MetricsSnapshot`, the metrics file's content.
public enum MetricsMapping {
    /// The snapshot. `years` are the year summaries (`YearSummaries.compute`); with a
    /// roster, each gives the year's `nianbao_roster_missing`.
    ///
    /// `nianbao_watch_directories` is the watcher's count of directories under watch
    /// (one per folder and subfolder); `nianbao_unwatched_directories` those the inotify
    /// watch limit left unwatched, which are polled instead.
    public static func snapshot(_ state: PublishedState, years: [YearStatus]) -> MetricsSnapshot {
        var reports: [MetricsSnapshot.ReportGroup: Int] = [:]
        var findings: [String: Int] = [:]
        var settled: [String: Int] = [:]
        for (key, record) in state.records {
            reports[MetricsSnapshot.ReportGroup(verdict: record.outcomeName, drop: key.drop), default: 0] += 1
            for finding in record.findings {
                if finding.counts { findings[finding.code, default: 0] += 1 } else { settled[finding.code, default: 0] += 1 }
            }
        }
        // Every verdict of every drop appears, at 0 when empty, so a rate or a ratio never
        // sees a series vanish.
        for drop in state.drops {
            for verdict in ["pass", "warn", "fail", "refused"] {
                reports[MetricsSnapshot.ReportGroup(verdict: verdict, drop: drop.name), default: 0] += 0
            }
        }
        var refused: [String: UInt64] = [:]
        for (code, count) in state.counters.refused {
            refused[code.hasPrefix("input.") ? String(code.dropFirst(6)) : code, default: 0] += count
        }
        let missing = state.roster == nil ? nil : Dictionary(years.map { ($0.year, $0.missing.count) }, uniquingKeysWith: { a, _ in a })
        var snapshot = MetricsSnapshot(
            reports: reports, findings: findings, queueDepth: state.queueDepth, lastVerdictAt: state.counters.lastVerdict,
            judgedTotal: state.counters.judged, refusedTotal: refused, watchDirectories: state.watchedDirectories,
            journalFsync: state.journalSyncs, rosterMissing: missing, unwatchedDirectories: state.unwatchedDirectories,
            settledFindings: settled)
        snapshot.watchModes = state.watching.drops.mapValues(\.mode.rawValue)
        snapshot.watchStalled = Set(state.watching.stalledDrops)
        return snapshot
    }
}
