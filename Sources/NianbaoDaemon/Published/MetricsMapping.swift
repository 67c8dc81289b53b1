import NianbaoOffice
import NianbaoViews

/// `PublishedState` → `MetricsSnapshot`, the metrics file's content.
public enum MetricsMapping {
    /// The snapshot. `years` are the year summaries (`YearSummaries.compute`); with a
    /// roster, each gives the year's `nianbao_roster_missing`.
    ///
    /// `nianbao_watch_directories` is the number of drop folders: the watcher's real
    /// count (one per subdirectory) lives on the effects loop and is not in the state.
    public static func snapshot(_ state: PublishedState, years: [YearStatus]) -> MetricsSnapshot {
        var reports: [MetricsSnapshot.ReportGroup: Int] = [:]
        var findings: [String: Int] = [:]
        for (key, record) in state.records {
            reports[MetricsSnapshot.ReportGroup(verdict: record.outcomeName, drop: key.drop), default: 0] += 1
            for finding in record.findings { findings[finding.code, default: 0] += 1 }
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
        return MetricsSnapshot(
            reports: reports, findings: findings, queueDepth: state.queueDepth, lastVerdictAt: state.counters.lastVerdict,
            judgedTotal: state.counters.judged, refusedTotal: refused, watchDirectories: state.drops.count,
            journalFsync: state.journalSyncs, rosterMissing: missing)
    }
}
