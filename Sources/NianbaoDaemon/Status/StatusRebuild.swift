/// Makes the status directory hold exactly the current reports, each where
/// ``StatusDirectory`` places it: at start (after a crash between a journal write
/// and its status file, or over a directory written with an older layout) and when
/// the running daemon finds its status directory deleted or replaced.
///
/// Blocking: call it on a Dispatch thread.
enum StatusRebuild {
    /// Writes every current report whose file is missing, misplaced or stale, removes
    /// every file that is misplaced or names no current report, and writes the summary.
    static func run(_ status: StatusDirectory, current: [ReportKey: VerdictRecord], drops: [String], updated: String) -> StatusBatch.Failures {
        var changes: [ReportKey: StatusBatch.Change] = [:]
        var inPlace: Set<ReportKey> = []
        var removalError: String?
        for file in status.allFiles() {
            let expected = status.statusComponents(for: file.key)?.joined(separator: "/")
            guard file.path == expected, let record = current[file.key] else {
                do { try status.removeFile(at: file.path) } catch {
                    removalError = removalError ?? "status removal failed for \(status.root)/\(file.path): \(error)"
                }
                continue
            }
            if file.record.sha256 == record.sha256 && file.record.time == record.time { inPlace.insert(file.key) }
        }
        for (key, record) in current where !inPlace.contains(key) {
            changes[key] = .write(line: JSONLine.bytes(record))
        }
        let summary = Summary(records: current, drops: drops, updated: updated)
        var failures = StatusBatch.write(changes, summary: summary, to: status)
        if failures.firstError == nil { failures.firstError = removalError }
        return failures
    }
}

extension StatusRebuild {
    /// The status directory was found deleted or replaced while running: every current
    /// report is written again from its last journal record (which holds its tables,
    /// unlike the state in memory), or from `current` where the journal lacks it (a
    /// journal deleted too). Returns whether anything was rebuilt.
    static func fromJournal(_ status: StatusDirectory, journal: String, current: [ReportKey: VerdictRecord], drops: [String]) -> Bool {
        let latest = (try? JournalReplay.replay(path: journal, keepingTables: true))?.latest ?? [:]
        var records = current
        for (key, record) in latest where current[key]?.sha256 == record.sha256 { records[key] = record }
        _ = run(status, current: records, drops: drops, updated: DropLoop.wallTime())
        return true
    }
}
