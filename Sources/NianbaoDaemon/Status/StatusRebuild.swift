/// Makes the status directory hold exactly the current reports, each where
/// ``StatusDirectory`` places it: at start (after a crash between a journal write
/// and its status file, over a directory written with an older layout, or one
/// deleted while the daemon was stopped) and when the running daemon finds its
/// status directory deleted or replaced.
///
/// The current reports are the state start-up reads (the checkpoint and the journal
/// after it) and the running daemon keeps; neither holds the tables, so each file
/// written takes its report's record from, in order: a file of the same content an
/// older layout left elsewhere, the report's journal line (``JournalTables``, every
/// segment still there), else the state's record without tables: such a report
/// (its line rotated away or its journal deleted) is judged again
/// (``Plan/untabled``), which writes its file whole.
///
/// Blocking: call it on a Dispatch thread.
enum StatusRebuild {
    /// What to write, and what was found.
    struct Plan: Sendable {
        /// Every status file to write (removals are made while planning).
        var changes: [ReportKey: StatusBatch.Change] = [:]
        /// Reports written without their tables, to be judged again.
        var untabled: Set<ReportKey> = []
        /// The first failed removal of a misplaced or stale file.
        var removalError: String?
    }

    /// Removes every file that is misplaced or names no current report, and plans a
    /// write for every current report whose file is missing, misplaced or stale.
    /// `journal`: where to look for the tables (nil: nowhere).
    static func plan(_ status: StatusDirectory, current: [ReportKey: VerdictRecord], journal: String?) -> Plan {
        var plan = Plan()
        var inPlace: Set<ReportKey> = []
        var sources: [ReportKey: VerdictRecord] = [:]
        // Stamps only (no findings, no tables): start-up's memory stays bounded by the state.
        for file in status.stampedFiles() {
            let expected = status.statusComponents(for: file.key)?.joined(separator: "/")
            let record = current[file.key]
            let same = record.map { Self.same(file.stamp, $0) } ?? false
            if file.path == expected, same {
                inPlace.insert(file.key)
                continue
            }
            if file.path == expected && record != nil { continue }   // stale: written over below
            // Misplaced: an older layout's file of the current content gives its record, tables included.
            if same, let moved = status.record(at: file.path), moved.tables != nil { sources[file.key] = moved }
            do { try status.removeFile(at: file.path) } catch {
                plan.removalError = plan.removalError ?? "status removal failed for \(status.root)/\(file.path): \(error)"
            }
        }
        let needed = current.filter { !inPlace.contains($0.key) }
        let missing = needed.filter { sources[$0.key] == nil && !$0.value.isRefused }
        let lines = journal.map { JournalTables.find(missing, journal: $0) } ?? [:]
        for (key, record) in needed {
            let written = sources[key] ?? lines[key] ?? record
            if missing[key] != nil && lines[key] == nil { plan.untabled.insert(key) }
            plan.changes[key] = .write(line: JSONLine.bytes(written))
        }
        return plan
    }

    /// A status file's record is the current one: same content, same journal line.
    static func same(_ file: StatusDirectory.Stamp, _ current: VerdictRecord) -> Bool {
        guard file.sha256 == current.sha256 else { return false }
        if let seq = current.seq, let fileSeq = file.seq { return seq == fileSeq }
        return file.time == current.time
    }

    /// Rebuilds the directory at start and writes the summary; returns the failures
    /// and the reports to judge again.
    static func run(
        _ status: StatusDirectory, current: [ReportKey: VerdictRecord], drops: [String], updated: String, journal: String?
    ) -> (failures: StatusBatch.Failures, untabled: Set<ReportKey>) {
        let plan = plan(status, current: current, journal: journal)
        let summary = Summary(records: current, drops: drops, updated: updated)
        var failures = StatusBatch.write(plan.changes, summary: summary, to: status)
        if failures.firstError == nil { failures.firstError = plan.removalError }
        return (failures, plan.untabled)
    }
}
