import Foundation
import Glibc
import NianbaoDaemon
import NianbaoEngine
import NianbaoOffice
import NianbaoTestSupport
import Testing

/// `DerivedOutputs.write` on a real status directory: each file is replaced only when
/// its content changes (a replaced file has a new inode: the atomic write renames).
@Suite struct DerivedOutputsWriteTests {
    private func record(_ agency: String, verdict: Verdict, time: String) -> VerdictRecord {
        var record = VerdictRecord(path: "/d/\(agency).txt", sha256: "00", format: "text", encoding: "utf-8", template: "2021",
                                   agency: agency, year: 2024, published: nil, verdict: verdict, findings: [])
        record.time = time
        record.drop = "drop"
        record.relativePath = "\(agency).txt"
        return record
    }

    private func inode(_ path: String) -> ino_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_ino : nil
    }

    @Test func unchangedFilesAreNotRewritten() throws {
        let workspace = try Workspace()
        let status = StatusDirectory(root: workspace.status)
        let outputs = DerivedOutputs(statusDirectory: status, metricsFile: workspace.status + "/nianbao.prom", dashboard: true)
        let key = ReportKey(drop: "drop", relativePath: "淮安市教育局.txt")
        let noon = Date(timeIntervalSince1970: 1_737_000_000)
        var state = PublishedState(
            records: [key: record("淮安市教育局", verdict: .pass, time: "2025-01-16T04:00:00.000Z")],
            drops: [DropFolder(name: "drop", path: workspace.drop)], roster: nil, queueDepth: 0, counters: DaemonCounters(),
            problems: [], journalSyncs: SyncTimes.Snapshot(), time: noon)
        #expect(outputs.write(state).isEmpty)
        let files = ["years/2024.json", "index.html", "nianbao.prom"].map { workspace.status + "/" + $0 }
        let first = files.map(inode)
        #expect(first.allSatisfy { $0 != nil })
        #expect(try String(contentsOfFile: files[0], encoding: .utf8).contains(#""submitted" : 1"#))

        // A minute later, nothing new: no file is touched (the page's clock alone does not count).
        state.time = noon.addingTimeInterval(60)
        #expect(outputs.write(state).isEmpty)
        #expect(files.map(inode) == first)
        // A fresh writer (a restart) compares with the disk: still untouched, except the page,
        // whose generation time is new.
        let restarted = DerivedOutputs(statusDirectory: status, metricsFile: workspace.status + "/nianbao.prom", dashboard: true)
        #expect(restarted.write(state).isEmpty)
        #expect(inode(files[0]) == first[0] && inode(files[2]) == first[2])

        // The verdict changes: all three follow.
        state.records[key] = record("淮安市教育局", verdict: .fail, time: "2025-01-16T05:00:00.000Z")
        state.counters.judged = 2
        let before = files.map(inode)
        #expect(restarted.write(state).isEmpty)
        for (path, old) in zip(files, before) { #expect(inode(path) != old, "\(path) not rewritten") }
        #expect(try String(contentsOfFile: files[2], encoding: .utf8).contains(#"nianbao_reports{verdict="fail",drop="drop"} 1"#))

        // The report is gone and no roster keeps 2024 in progress: its summary goes too.
        state.records = [:]
        #expect(restarted.write(state).isEmpty)
        #expect(inode(files[0]) == nil)
        // --no-dashboard: the page goes, so no stale page is left behind.
        let pageless = DerivedOutputs(statusDirectory: status, metricsFile: workspace.status + "/nianbao.prom", dashboard: false)
        #expect(pageless.write(state).isEmpty)
        #expect(inode(files[1]) == nil)
    }
}
