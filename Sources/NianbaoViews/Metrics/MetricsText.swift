/// The node_exporter textfile-collector file (`nianbao.prom`): Prometheus text
/// exposition of a `MetricsSnapshot`, in base units, families and samples in a
/// stable order so an unchanged state gives identical bytes.
///
/// Naming: `nianbao_findings` is a gauge of the findings in the current reports
/// (it falls when a report is fixed), so it carries no `_total` suffix, which the
/// conventions reserve for counters; `nianbao_judged_total` and
/// `nianbao_refused_total` are counters since the daemon started.
public enum MetricsText {
    /// The file's content.
    public static func render(_ snapshot: MetricsSnapshot) -> String {
        typealias P = PrometheusText
        var out = ""

        out += P.header("nianbao_reports", "gauge", "Current reports by verdict (pass, warn, fail, refused) and drop folder.")
        for (group, count) in snapshot.reports.sorted(by: { $0.key < $1.key }) {
            out += "nianbao_reports\(P.labels([("verdict", group.verdict), ("drop", group.drop)])) \(count)\n"
        }

        out += P.header("nianbao_findings", "gauge", "Findings in the current reports, by rule code.")
        for (code, count) in snapshot.findings.sorted(by: { $0.key < $1.key }) {
            out += "nianbao_findings\(P.labels([("code", code)])) \(count)\n"
        }

        if !snapshot.settledFindings.isEmpty {
            out += P.header("nianbao_findings_settled", "gauge", "Findings settled by the office after review (已核实), not counted in nianbao_findings, by rule code.")
            for (code, count) in snapshot.settledFindings.sorted(by: { $0.key < $1.key }) {
                out += "nianbao_findings_settled\(P.labels([("code", code)])) \(count)\n"
            }
        }

        out += P.header("nianbao_queue_depth", "gauge", "Reports waiting for a validation worker.")
        out += "nianbao_queue_depth \(snapshot.queueDepth)\n"

        if let last = snapshot.lastVerdictAt {
            out += P.header("nianbao_last_verdict_timestamp_seconds", "gauge", "Unix time of the last recorded verdict.")
            let millis = (last.timeIntervalSince1970 * 1000).rounded() / 1000
            out += "nianbao_last_verdict_timestamp_seconds \(P.number(millis))\n"
        }

        out += P.header("nianbao_judged_total", "counter", "Verdicts recorded since the daemon started.")
        out += "nianbao_judged_total \(snapshot.judgedTotal)\n"

        out += P.header("nianbao_refused_total", "counter", "Files refused since the daemon started, by reason.")
        for (reason, count) in snapshot.refusedTotal.sorted(by: { $0.key < $1.key }) {
            out += "nianbao_refused_total\(P.labels([("reason", reason)])) \(count)\n"
        }

        out += P.header("nianbao_watch_directories", "gauge", "Directories under inotify watch.")
        out += "nianbao_watch_directories \(snapshot.watchDirectories)\n"
        out += P.header("nianbao_unwatched_directories", "gauge", "Directories the inotify watch limit left unwatched; polled instead.")
        out += "nianbao_unwatched_directories \(snapshot.unwatchedDirectories)\n"

        if !snapshot.watchModes.isEmpty {
            out += P.header("nianbao_watch_mode", "gauge", "How each drop folder is watched: 1 for its mode (inotify, poll, mixed), 0 for the others.")
            for (drop, mode) in snapshot.watchModes.sorted(by: { $0.key < $1.key }) {
                for name in MetricsSnapshot.watchModeNames {
                    out += "nianbao_watch_mode\(P.labels([("drop", drop), ("mode", name)])) \(name == mode ? 1 : 0)\n"
                }
            }
            out += P.header("nianbao_watch_stalled", "gauge", "1 while a polled drop folder's share does not answer.")
            for drop in snapshot.watchModes.keys.sorted() {
                out += "nianbao_watch_stalled\(P.labels([("drop", drop)])) \(snapshot.watchStalled.contains(drop) ? 1 : 0)\n"
            }
        }

        let histogram = snapshot.journalFsync
        out += P.header("nianbao_journal_fsync_seconds", "histogram", "Duration of the verdict journal's fsync calls.")
        let cumulative = histogram.cumulative
        for (index, bound) in FsyncHistogram.bounds.enumerated() {
            out += "nianbao_journal_fsync_seconds_bucket\(P.labels([("le", String(bound))])) \(cumulative[index])\n"
        }
        out += "nianbao_journal_fsync_seconds_bucket{le=\"+Inf\"} \(histogram.count)\n"
        out += "nianbao_journal_fsync_seconds_sum \(P.number(histogram.sum))\n"
        out += "nianbao_journal_fsync_seconds_count \(histogram.count)\n"

        if let missing = snapshot.rosterMissing {
            out += P.header("nianbao_roster_missing", "gauge", "Agencies on the roster without a report, by report year.")
            for (year, count) in missing.sorted(by: { $0.key < $1.key }) {
                out += "nianbao_roster_missing\(P.labels([("year", String(year))])) \(count)\n"
            }
        }
        return out
    }
}
